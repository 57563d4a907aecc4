"""The whole flow through the official SDK against real processes (Redis, `reel sim`, `reel api`, two
`reel worker`s): a character, a generation with it, an edit, an extension and a remix — submitted as a chain
at once — each completing with the simulator's valid files, and each follow-up served by the deployment that
owns its source object (proved by the per-key counts of `/sim/stats`)."""
from conftest import FIXTURES
from worker_cluster import DEPLOYMENT_KEYS, is_jpeg, is_mp4, is_webp, key_routes, reel_cluster  # noqa: F401


def test_chain_submitted_at_once_completes_on_the_owning_deployment(reel_cluster):
    cluster = reel_cluster(workers=2, concurrency=4, sim={"render_seconds": 1})
    client = cluster.client()

    with open(FIXTURES / "clip.mp4", "rb") as clip:
        character = client.videos.create_character(name="Mossy", video=("clip.mp4", clip, "video/mp4"))
    video = client.videos.create(
        prompt="Mossy waves at the camera", model="sora-2", seconds="4", size="1280x720",
        extra_body={"characters": [{"id": character.id}]},
    )
    # Follow-ups of a video that is still rendering: the front accepts them, the workers wait for their inputs.
    edit = client.post("/videos/edits", body={"prompt": "add a hat", "video": {"id": video.id}}, cast_to=object)
    extension = client.post("/videos/extensions", body={"prompt": "keep going", "seconds": "4", "video": {"id": edit["id"]}}, cast_to=object)
    remix = client.videos.remix(extension["id"], prompt="at night")
    assert video.status == "queued" and remix.remixed_from_video_id == extension["id"]

    ids = [video.id, edit["id"], extension["id"], remix.id]
    finished = cluster.wait_for(client, ids, timeout=120)
    for video_id in ids:
        result = finished[video_id]
        assert result.status == "completed", result.error
        assert result.progress == 100 and result.completed_at is not None
        assert is_mp4(client.videos.download_content(video_id).content)
        assert is_webp(client.videos.download_content(video_id, variant="thumbnail").content)
        assert is_jpeg(client.videos.download_content(video_id, variant="spritesheet").content)
    assert client.videos.get_character(character.id).id == character.id

    stats = cluster.sim.stats()
    owners = [key for key in DEPLOYMENT_KEYS.values() if key_routes(stats, key).get("POST /videos/characters")]
    assert len(owners) == 1, stats["keys"]
    owner = key_routes(stats, owners[0])
    assert owner.get("POST /videos") == 1
    assert owner.get("POST /videos/edits") == 1
    assert owner.get("POST /videos/extensions") == 1
    assert owner.get("POST /videos/{id}/remix") == 1
    for key in set(DEPLOYMENT_KEYS.values()) - {owners[0]}:
        assert not key_routes(stats, key), f"{key} served {key_routes(stats, key)}"
