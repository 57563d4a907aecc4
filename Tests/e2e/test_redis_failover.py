"""Redis failover under load: the primary is SIGKILLed while a client submits videos and two workers render them.
The sentinels promote a replica; the front and the workers follow it without a restart. With `replica_acks: 1`,
every video the front accepted (answered 200) completes, and the provider saw one create per job."""
import openai

from redis_sentinel import redis_sentinel  # noqa: F401
from worker_cluster import queue_counts, reel_cluster  # noqa: F401

JOBS = 120
KILL_AT = 40


def test_primary_killed_under_load_loses_no_accepted_video(reel_cluster, redis_sentinel, monkeypatch):
    deployment = redis_sentinel()
    monkeypatch.setenv("REDIS_URL", deployment.url)
    cluster = reel_cluster(workers=2, concurrency=16, lease=3, replica_acks=1, sim={"render_seconds": 1})
    client = cluster.client()

    accepted, refused = [], []
    for n in range(JOBS):
        if n == KILL_AT:
            deployment.kill_primary()
        try:
            accepted.append(client.videos.create(prompt=f"failover {n}", model="sora-2", seconds="4").id)
        except openai.APIStatusError as error:
            # 503 while no primary is known (after the SDK's retries), or not_replicated: not accepted.
            assert error.status_code == 503, error
            refused.append(error.body)
    assert deployment.named_primary_port() in deployment.replica_ports
    assert len(accepted) >= KILL_AT, f"only {len(accepted)} of {JOBS} accepted: {refused[:3]}"

    finished = cluster.wait_for(client, accepted, timeout=180)
    failed = {video_id: video.error for video_id, video in finished.items() if video.status != "completed"}
    assert not failed, failed
    # Lost: none (wait_for fails on a video that is gone). Provider creates: one per job that ran, including any
    # job a 503 not_replicated named (queued, but not acknowledged by a replica in time).
    counts = queue_counts(cluster)
    assert counts["dead"] == 0, counts
    assert cluster.sim.stats()["videos_created"] == counts["done"], (cluster.sim.stats(), counts)
    # Operators see the failover in each process's own log, naming the promoted replica.
    switched = f"127.0.0.1:{deployment.named_primary_port()}"
    for process in [cluster.api, *cluster.workers]:
        lines = [line for line in process.log().splitlines() if "Redis primary switched" in line and switched in line]
        assert lines, process.log()[-3000:]
    print(f"failover: accepted={len(accepted)} refused={len(refused)} completed={len(finished)} lost=0 done={counts['done']}")
