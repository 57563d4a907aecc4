"""Starts a real `reel api` process (REEL_BIN) against the Redis of REDIS_URL, with a config of its own."""
import json
import os
import socket
import subprocess
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
MASTER_KEY = "sk-master-e2e"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


CONFIG = """
model_list:
  - model_name: sora-2
    litellm_params: {{model: openai/sora-2, api_base: "http://127.0.0.1:{sim}/v1", api_key: sk-sim-a}}
    model_info: {{id: sim-a, mode: video_generation}}
  - model_name: sora-2
    litellm_params: {{model: openai/sora-2, api_base: "http://127.0.0.1:{sim}/v1", api_key: sk-sim-b}}
    model_info: {{id: sim-b, mode: video_generation}}
  - model_name: sora-2
    litellm_params: {{model: openai/sora-2, api_base: "http://127.0.0.1:{sim}/v1", api_key: sk-sim-c}}
    model_info: {{id: sim-c, mode: video_generation}}
  - model_name: openai/*
    litellm_params: {{model: openai/*, api_base: "http://127.0.0.1:{sim}/v1", api_key: sk-sim-a}}
    model_info: {{id: sim-openai, mode: video_generation}}
general_settings:
  master_key: os.environ/REEL_MASTER_KEY
reel_settings:
  queue: {queue}
  storage: {{directory: {blobs}, max_upload_bytes: {max_upload}}}
  secrets: {{id_secret: e2e-id-secret-0123456789}}
"""


class APIFront:
    """A running `reel api`; `url` is its base without `/v1`."""

    def __init__(self, max_upload: int = 1 << 20):
        self.dir = tempfile.mkdtemp(prefix="reel-api-e2e-")
        self.port = free_port()
        self.queue = "e2e-" + uuid.uuid4().hex[:12]
        config = Path(self.dir) / "config.yaml"
        config.write_text(CONFIG.format(sim=free_port(), queue=self.queue, blobs=Path(self.dir) / "blobs", max_upload=max_upload))
        env = dict(os.environ, REEL_MASTER_KEY=MASTER_KEY)
        self.log = open(Path(self.dir) / "api.log", "w")
        self.process = subprocess.Popen(
            [os.environ["REEL_BIN"], "api", "--config", str(config), "--host", "127.0.0.1", "--port", str(self.port)],
            env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("reel api exited: " + (Path(self.dir) / "api.log").read_text())
            try:
                with urllib.request.urlopen(self.url + "/health/readiness", timeout=1) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("reel api did not become ready")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()

    def request(self, method, path, key=MASTER_KEY, body=None, headers=None):
        data = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
        request = urllib.request.Request(self.url + path, data=data, method=method)
        if key:
            request.add_header("Authorization", f"Bearer {key}")
        if isinstance(body, (dict, list)):
            request.add_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def generate_key(self, **spec) -> str:
        status, _, body = self.request("POST", "/key/generate", body=spec)
        assert status == 200, body
        return json.loads(body)["key"]
