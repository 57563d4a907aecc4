"""A whole Reel on loopback for end-to-end tests: `reel sim`, `reel api` and N `reel worker`s as real processes
against the Redis of REDIS_URL, with a configuration (queue, blob directory, ports) of their own.

Three `sora-2` deployments (`sim-a`, `sim-b`, `sim-c`) carry the keys `sk-sim-a`, `sk-sim-b`, `sk-sim-c`, so
`/sim/stats` shows which deployment served each call."""
import json
import os
import signal
import subprocess
import time
import urllib.request
import uuid
import warnings

import openai
import pytest

from conftest import free_port

warnings.filterwarnings("ignore", category=DeprecationWarning)

MASTER_KEY = "sk-master-worker-e2e"
DEPLOYMENT_KEYS = {"sim-a": "sk-sim-a", "sim-b": "sk-sim-b", "sim-c": "sk-sim-c"}

CONFIG = """
model_list:
{deployments}
router_settings: {{routing_strategy: simple-shuffle, cooldown_time: {cooldown}, allowed_fails: {allowed_fails}}}
general_settings: {{master_key: os.environ/REEL_MASTER_KEY}}
reel_settings:
  queue: {queue}
  redis: {{replica_acks: {replica_acks}}}
  read_cache_entries: {read_cache_entries}
  max_queued_jobs: {max_queued_jobs}
  retention: {retention}
  storage: {{directory: {blobs}{s3}}}
  worker:
    poll_interval_min: {poll_min}
    poll_interval_max: {poll_max}
    lease: {lease}
    budgets: {{max_attempts: {max_attempts}, max_polls: {max_polls}, max_stalls: {max_stalls}, deadline: {deadline}}}
  secrets: {{id_secret: worker-e2e-id-secret-0123456789}}
"""

DEPLOYMENT = """  - model_name: sora-2
    litellm_params: {{model: openai/sora-2, api_base: "http://127.0.0.1:{port}/v1", api_key: {key}, allowed_openai_params: {allowed}}}
    model_info: {{id: {id}, mode: video_generation}}"""


class Cluster:
    """The processes of one test; stopped by the `start_process` fixture when the test ends."""

    def __init__(
        self, reel_bin, start_process, start_sim, tmp_path, workers=2, concurrency=8, sim=None, allowed_params=(), api_flags=(),
        s3=None, models="", **settings
    ):
        self.reel_bin = reel_bin
        self.start_process = start_process
        self.tmp_path = tmp_path
        self.queue = "worker-e2e-" + uuid.uuid4().hex[:12]
        self.sim = start_sim(**(sim or {}))
        values = dict(
            cooldown=1, allowed_fails=20, poll_min=0.2, poll_max=1, lease=10,
            max_attempts=5, max_polls=2000, max_stalls=5, deadline=600, read_cache_entries=10000, replica_acks=0,
            max_queued_jobs="null", retention=604800,
        )
        values.update(settings)
        allowed = json.dumps(list(allowed_params))
        deployments = "\n".join(
            DEPLOYMENT.format(port=self.sim.port, key=key, id=id, allowed=allowed) for id, key in DEPLOYMENT_KEYS.items()
        )
        # `models`: more model_list entries, with `{sim}` standing for the simulator's port.
        if models:
            deployments += "\n" + models.replace("{sim}", str(self.sim.port)).rstrip()
        self.config = tmp_path / "config.yaml"
        # `s3`: the keys of reel_settings.storage.s3 (values inline; secrets as os.environ/NAME).
        s3_setting = ", s3: " + json.dumps(s3) if s3 else ""
        self.config.write_text(CONFIG.format(deployments=deployments, queue=self.queue, blobs=tmp_path / "blobs", s3=s3_setting, **values))
        self.concurrency = concurrency
        self.api_port = free_port()
        self.api = start_process(
            [reel_bin, "api", "--config", self.config, "--host", "127.0.0.1", "--port", self.api_port, *api_flags],
            f"http://127.0.0.1:{self.api_port}/health/readiness",
        )
        self.workers = [self.start_worker() for _ in range(workers)]

    def start_worker(self):
        port = free_port()
        process = self.start_process(
            [self.reel_bin, "worker", "--config", self.config, "--concurrency", self.concurrency, "--metrics-port", port, "--grace-period", 2],
            f"http://127.0.0.1:{port}/health/liveness",
        )
        process.metrics_port = port
        return process

    def kill_worker(self, index):
        """SIGKILLs worker `index` and starts a new one in its place."""
        process = self.workers[index].process
        process.send_signal(signal.SIGKILL)
        process.wait()
        self.workers[index] = self.start_worker()

    def client(self, timeout=30):
        return openai.OpenAI(api_key=MASTER_KEY, base_url=f"http://127.0.0.1:{self.api_port}/v1", max_retries=2, timeout=timeout)

    def reel_queue(self, *args):
        """Runs `reel queue ARGS` on this cluster's queue and returns its output."""
        result = subprocess.run(
            [self.reel_bin, "queue", *args, "--queue", self.queue], capture_output=True, text=True, timeout=30
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def wait_for(self, client, video_ids, timeout=120, characters=()):
        """Polls until every video is terminal; returns {id: Video}."""
        deadline = time.monotonic() + timeout
        pending = set(video_ids)
        finished = {}
        while pending and time.monotonic() < deadline:
            for video_id in list(pending):
                video = client.videos.retrieve(video_id)
                if video.status in ("completed", "failed"):
                    finished[video_id] = video
                    pending.discard(video_id)
            if pending:
                time.sleep(0.2)
        assert not pending, f"{len(pending)} videos did not finish within {timeout} s, e.g. {client.videos.retrieve(next(iter(pending)))}"
        return finished

    def metrics(self, worker=None):
        """The Prometheus text of a worker, or of the front without one."""
        port = worker.metrics_port if worker else self.api_port
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
            return response.read().decode()


@pytest.fixture
def reel_cluster(reel_bin, start_process, start_sim, tmp_path, monkeypatch):
    """Factory: `reel_cluster(workers=2, concurrency=8, sim={"render_seconds": 1}, allowed_params=["quality"], deadline=…)`
    starts a cluster (`allowed_params`: the deployments' `allowed_openai_params`; `s3`: blobs in a bucket, the keys of
    `reel_settings.storage.s3`; `models`: more `model_list` entries, `{sim}` standing for the simulator's port)."""
    if not os.environ.get("REDIS_URL"):
        if os.environ.get("CI"):
            pytest.fail("REDIS_URL is not set")
        pytest.skip("REDIS_URL is not set")
    monkeypatch.setenv("REEL_MASTER_KEY", MASTER_KEY)
    return lambda **options: Cluster(reel_bin, start_process, start_sim, tmp_path, **options)


def is_mp4(data: bytes) -> bool:
    return data[4:8] == b"ftyp"


def is_webp(data: bytes) -> bool:
    return data[:4] == b"RIFF" and data[8:12] == b"WEBP"


def is_jpeg(data: bytes) -> bool:
    return data[:3] == b"\xff\xd8\xff"


def key_routes(stats, key):
    return stats["keys"].get(key, {}).get("routes", {})


def queue_counts(cluster):
    """`reel queue stats --oneline` as a dict of state to count."""
    return {state: int(count) if count.isdigit() else count for state, count in (pair.split("=") for pair in cluster.reel_queue("stats", "--oneline").split())}
