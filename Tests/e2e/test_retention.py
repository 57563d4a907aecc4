"""`reel_settings.retention` reaches every process that ends a job or remembers a key: the front (idempotency keys),
the workers (the videos they finish) and `reel queue` (the jobs it ends, with `--config` or with the retention the
processes recorded in Redis), so none of them keeps or trims with the 7-day default while the others use the
configured value."""
import os
import subprocess

import pytest

from worker_cluster import reel_cluster  # noqa: F401

RETENTION = 7200  # seconds; far from the 7-day default
GRACE = 3600  # a finished job's key outlives its index entry by an hour (GRACE_MS of the queue library)


def redis(*args):
    return subprocess.run(["redis-cli", "-u", os.environ["REDIS_URL"], *map(str, args)], capture_output=True, text=True, check=True).stdout


def ttls(pattern):
    """{key: seconds to live} of every key matching `pattern`."""
    return {key: int(redis("PTTL", key)) / 1000 for key in redis("--scan", "--pattern", pattern).split()}


def test_the_configured_retention_is_what_every_process_applies(reel_cluster):
    cluster = reel_cluster(workers=1, retention=RETENTION)
    client = cluster.client()
    video = client.videos.create(model="sora-2", prompt="kept two hours", extra_headers={"Idempotency-Key": "retention-e2e"})
    assert cluster.wait_for(client, [video.id])[video.id].status == "completed"
    prefix = "reel:{" + cluster.queue + "}:"

    # The front remembered the idempotency key for the retention period.
    (idempotency,) = ttls(prefix + "idem:*").values()
    assert RETENTION - 600 < idempotency <= RETENTION

    # The worker that finished the video keeps its record for the retention period (and the grace after it).
    (finished,) = ttls(prefix + "job:*").values()
    assert RETENTION < finished <= RETENTION + GRACE

    # `reel queue` ends jobs with the same retention: the video worker stops first, or it would take the no-op jobs.
    cluster.workers[0].process.terminate()
    cluster.workers[0].process.wait(timeout=60)
    # Without the configuration, it uses the retention the front and the worker recorded in Redis.
    assert noop_job_expiry(cluster, "recorded", "--queue", cluster.queue) == pytest.approx(finished, abs=600)
    # With it (the record gone, as after a restart of a Redis that does not persist), the file's; and its queue.
    redis("HDEL", prefix + "meta", "retention_ms")
    assert noop_job_expiry(cluster, "configured", "--config", cluster.config) == pytest.approx(finished, abs=600)
    stats = subprocess.run([cluster.reel_bin, "queue", "stats", "--config", cluster.config], capture_output=True, text=True, timeout=60)
    assert f"queue {cluster.queue}" in stats.stdout, stats.stderr
    assert f"retention   {RETENTION} s" in stats.stdout


def noop_job_expiry(cluster, prefix, *flags):
    """Seconds to live of a no-op job that `reel queue enqueue-noop` and `work-noop` (with `flags`) ran to the end."""
    for command in (["enqueue-noop", "--count", "1", "--prefix", prefix], ["work-noop", "--exit-when-idle"]):
        result = subprocess.run([cluster.reel_bin, "queue", *command, *flags], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
    assert "done=1" in result.stdout
    (seconds,) = ttls("reel:{" + cluster.queue + "}:job:" + prefix + "-*").values()
    return seconds


def test_a_retention_under_an_hour_stops_the_front_with_a_clear_error(tmp_path, reel_bin):
    config = tmp_path / "config.yaml"
    config.write_text("model_list: []\nreel_settings: {retention: 60, secrets: {id_secret: retention-e2e-secret-0123}}\n")
    result = subprocess.run([reel_bin, "api", "--config", config], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "reel_settings.retention must be at least 3600" in result.stderr
