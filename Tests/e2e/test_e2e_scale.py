"""2,000 videos rendering at once on the simulator (30 s each) carried by 2 workers with `--concurrency 16`:
all complete, polls stay within the configured intervals (1 s growing to 5 s), and each worker's peak RSS stays
under 150 MB."""
import time
from concurrent.futures import ThreadPoolExecutor

from worker_cluster import reel_cluster  # noqa: F401

VIDEOS = 2000
RENDER_SECONDS = 30


def peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def test_two_workers_carry_two_thousand_renders(reel_cluster):
    cluster = reel_cluster(workers=2, concurrency=16, poll_min=1, poll_max=5, sim={"render_seconds": RENDER_SECONDS})
    client = cluster.client(timeout=60)
    started = time.monotonic()
    with ThreadPoolExecutor(8) as pool:
        ids = list(pool.map(lambda n: client.videos.create(prompt=f"crowd {n}", model="sora-2", seconds="4").id, range(VIDEOS)))
    submitted = time.monotonic() - started

    finished = cluster.wait_for(client, ids, timeout=RENDER_SECONDS + submitted + 120)
    elapsed = time.monotonic() - started
    assert all(video.status == "completed" for video in finished.values())

    stats = cluster.sim.stats()
    assert stats["videos_created"] == VIDEOS
    polls = stats["routes"]["GET /videos/{id}"]
    # 1 s growing by 1.5x to 5 s: about 10 polls per 30 s render; jitter and queueing allow a little more, never a storm.
    assert polls <= VIDEOS * 14, polls
    rss = [peak_rss_mb(worker.process.pid) for worker in cluster.workers]
    print(f"\nscale: {VIDEOS} videos submitted in {submitted:.1f} s, all completed after {elapsed:.1f} s, "
          f"{polls / VIDEOS:.1f} polls per video, peak RSS per worker {rss[0]:.0f} MB and {rss[1]:.0f} MB")
    assert max(rss) < 150, rss
