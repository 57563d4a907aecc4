"""`reel_settings.retention` reaches every process that ends a job or remembers a key: the front (idempotency keys),
the workers (the videos they finish) and `reel queue --config` (the jobs it ends), so none of them keeps or trims
with the 7-day default while the others use the configured value."""
import os
import subprocess

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

    # `reel queue --config` works on the file's queue (no --queue) with the file's retention; the video worker stops
    # first, or it would take the no-op job.
    cluster.workers[0].process.terminate()
    cluster.workers[0].process.wait(timeout=60)
    config = ["--config", str(cluster.config)]
    run = lambda *args: subprocess.run([cluster.reel_bin, "queue", *args, *config], capture_output=True, text=True, timeout=60)
    assert run("enqueue-noop", "--count", "1", "--prefix", "noop").returncode == 0
    worked = run("work-noop", "--exit-when-idle")
    assert worked.returncode == 0 and "done=1" in worked.stdout, worked.stderr
    (noop,) = ttls(prefix + "job:noop-*").values()
    assert RETENTION < noop <= RETENTION + GRACE
    assert f"queue {cluster.queue}" in run("stats").stdout


def test_a_retention_under_an_hour_stops_the_front_with_a_clear_error(tmp_path, reel_bin):
    config = tmp_path / "config.yaml"
    config.write_text("model_list: []\nreel_settings: {retention: 60, secrets: {id_secret: retention-e2e-secret-0123}}\n")
    result = subprocess.run([reel_bin, "api", "--config", config], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "reel_settings.retention must be at least 3600" in result.stderr
