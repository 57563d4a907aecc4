"""Budgets end jobs clearly: a provider that always answers 500, a provider that hangs, and a render that outlives
the job's deadline each end `failed` with a clear error and in the dead-letter set; `reel queue replay` brings a
dead job back."""
import time

from worker_cluster import queue_counts, reel_cluster  # noqa: F401


def dead_job_ids(cluster):
    lines = cluster.reel_queue("dead", "--limit", "100").splitlines()
    return [line.split()[0] for line in lines if line and not line.startswith(" ") and not line.startswith("no dead")]


def test_always_500_exhausts_attempts_and_replay_brings_it_back(reel_cluster):
    cluster = reel_cluster(workers=2, concurrency=2, max_attempts=3, sim={"render_seconds": 0})
    client = cluster.client()
    cluster.sim.inject_faults(*["server_error"] * 3)
    video = client.videos.create(prompt="doomed", model="sora-2", seconds="4")
    failed = cluster.wait_for(client, [video.id], timeout=60)[video.id]
    assert failed.status == "failed"
    assert failed.error.code == "attempts_exhausted", failed.error
    assert "500" in failed.error.message or "server" in failed.error.message.lower(), failed.error
    [dead] = dead_job_ids(cluster)
    assert queue_counts(cluster)["dead"] == 1

    # The injected faults are used up: a replayed job goes through.
    assert "replayed" in cluster.reel_queue("replay", dead)
    deadline = time.monotonic() + 60
    while client.videos.retrieve(video.id).status != "completed" and time.monotonic() < deadline:
        time.sleep(0.2)
    replayed = client.videos.retrieve(video.id)
    assert replayed.status == "completed" and replayed.error is None
    assert queue_counts(cluster)["dead"] == 0


def test_hanging_provider_ends_at_the_deadline(reel_cluster):
    cluster = reel_cluster(workers=2, concurrency=2, deadline=6, sim={"hang_rate": 1, "hang_seconds": 4})
    client = cluster.client()
    video = client.videos.create(prompt="stuck", model="sora-2", seconds="4")
    failed = cluster.wait_for(client, [video.id], timeout=60)[video.id]
    assert failed.status == "failed"
    assert failed.error.code == "deadline_exceeded", failed.error
    assert len(dead_job_ids(cluster)) == 1


def test_render_longer_than_the_deadline_fails_clearly(reel_cluster):
    cluster = reel_cluster(workers=2, concurrency=2, deadline=3, sim={"render_seconds": 60})
    client = cluster.client()
    video = client.videos.create(prompt="too long", model="sora-2", seconds="4")
    failed = cluster.wait_for(client, [video.id], timeout=30)[video.id]
    assert failed.status == "failed"
    assert failed.error.code == "deadline_exceeded", failed.error
    assert "deadline" in failed.error.message
    assert len(dead_job_ids(cluster)) == 1
    # The worker cancelled the render at the provider when it gave up.
    assert cluster.sim.stats()["routes"].get("DELETE /videos/{id}") == 1
