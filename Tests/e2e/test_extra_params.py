"""Request fields the API does not know reach the provider only where the deployment allows them
(`allowed_openai_params`). The simulator, like OpenAI, refuses parameters it does not know, so a field that got
through makes the job fail with the simulator's error, and a dropped one lets it complete."""
from conftest import FIXTURES
from worker_cluster import reel_cluster  # noqa: F401

REFERENCE = (FIXTURES / "reference.png").read_bytes()


def test_unknown_fields_are_dropped_by_default(reel_cluster):
    cluster = reel_cluster(workers=1, concurrency=2, sim={"render_seconds": 0})
    client = cluster.client()
    video = client.videos.create(prompt="plain", model="sora-2", extra_body={"quality": "high"})
    finished = cluster.wait_for(client, [video.id], timeout=60)[video.id]
    assert finished.status == "completed", finished.error


def test_allowed_fields_reach_the_provider_as_json_and_multipart(reel_cluster):
    cluster = reel_cluster(workers=1, concurrency=2, sim={"render_seconds": 0}, allowed_params=["quality"])
    client = cluster.client()
    as_json = client.videos.create(prompt="json", model="sora-2", extra_body={"quality": "high", "style": "noir"})
    as_multipart = client.videos.create(
        prompt="multipart",
        model="sora-2",
        size="1280x720",
        input_reference=("reference.png", REFERENCE, "image/png"),
        extra_body={"quality": "high"},
    )
    finished = cluster.wait_for(client, [as_json.id, as_multipart.id], timeout=60)
    for video in finished.values():
        # `quality` passed (the simulator refuses it by name); `style` was not allowed, so it never arrived.
        assert video.status == "failed", video
        assert video.error.code == "unknown_parameter", video.error
        assert "'quality'" in video.error.message, video.error
