"""A worker process's lifecycle: health and Prometheus metrics on its port, and SIGTERM under load — it stops
claiming, hands back what it holds and exits cleanly, while the other worker finishes every job."""
import signal
import time
import urllib.request

from worker_cluster import queue_counts, reel_cluster  # noqa: F401


def test_sigterm_under_load_exits_cleanly_and_loses_nothing(reel_cluster):
    cluster = reel_cluster(workers=2, concurrency=8, sim={"render_seconds": 2})
    client = cluster.client()
    ids = [client.videos.create(prompt=f"steady {n}", model="sora-2", seconds="4").id for n in range(60)]
    time.sleep(1.5)

    leaving = cluster.workers[0]
    with urllib.request.urlopen(f"http://127.0.0.1:{leaving.metrics_port}/health/readiness", timeout=5) as response:
        assert response.status == 200
    assert "reel_jobs_ticks" in cluster.metrics(leaving)

    stopped = time.monotonic()
    leaving.process.send_signal(signal.SIGTERM)
    assert leaving.process.wait(timeout=15) == 0
    assert time.monotonic() - stopped < 10
    assert "Worker stopped" in leaving.log()

    finished = cluster.wait_for(client, ids, timeout=120)
    assert all(video.status == "completed" for video in finished.values())
    counts = queue_counts(cluster)
    assert counts["done"] == len(ids) and counts["dead"] == 0, counts
    assert cluster.sim.stats()["videos_created"] == len(ids)
    assert "reel_jobs_finished" in cluster.metrics(cluster.workers[1])
