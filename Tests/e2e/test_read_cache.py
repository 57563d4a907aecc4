"""The front's job read cache (`reel_settings.read_cache_entries`): status reads through the official SDK follow a
real worker's progress to `completed` with the cache on and off, a delete is seen by the very next read, and the
front's metrics show where the reads were answered."""
import re
import time

import openai
import pytest

from worker_cluster import reel_cluster  # noqa: F401


def read_cache_counts(metrics_text):
    return {
        result: int(float(value))
        for result, value in re.findall(r'reel_jobs_read_cache\{[^}]*result="(\w+)"[^}]*\} (\S+)', metrics_text)
    }


@pytest.mark.parametrize("entries", [0, 10000])
def test_status_reads_follow_the_worker_with_and_without_the_cache(reel_cluster, entries):
    cluster = reel_cluster(workers=1, sim={"render_seconds": 1}, read_cache_entries=entries)
    client = cluster.client()
    video = client.videos.create(prompt="a lighthouse at dusk", model="sora-2", seconds="4")

    statuses, progress = [], []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        current = client.videos.retrieve(video.id)
        if not statuses or statuses[-1] != current.status:
            statuses.append(current.status)
        progress.append(current.progress)
        if current.status in ("completed", "failed"):
            break
        time.sleep(0.02)
    assert statuses[-1] == "completed", statuses
    assert "in_progress" in statuses, statuses
    assert progress == sorted(progress), "progress never goes back"
    # Once completed, every read agrees.
    assert {client.videos.retrieve(video.id).status for _ in range(20)} == {"completed"}

    client.videos.delete(video.id)
    with pytest.raises(openai.NotFoundError):
        client.videos.retrieve(video.id)

    counts = read_cache_counts(cluster.metrics())
    if entries:
        assert counts.get("hit", 0) > 0 and counts.get("miss", 0) > 0, counts
    else:
        assert counts == {}, counts
