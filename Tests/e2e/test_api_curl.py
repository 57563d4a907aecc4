"""The curl commands of LiteLLM's announcement, as written, against a real `reel api`."""
import json
import subprocess

import pytest

from api_front import FIXTURES, MASTER_KEY, APIFront


@pytest.fixture(scope="module")
def front():
    running = APIFront()
    yield running
    running.stop()


def curl(*args):
    out = subprocess.run(["curl", "-sS", "-w", "\n%{http_code}", *args], check=True, capture_output=True, text=True).stdout
    body, _, status = out.rpartition("\n")
    return int(status), json.loads(body)


def test_announcement_commands(front):
    status, character = curl(
        "-X", "POST", f"{front.url}/v1/videos/characters",
        "-H", f"Authorization: Bearer {MASTER_KEY}",
        "-F", f"video=@{FIXTURES / 'clip.mp4'}",
        "-F", "name=my_character",
    )
    assert status == 200, character
    assert character["id"].startswith("character_") and character["name"] == "my_character"

    status, video = curl(
        "-X", "POST", f"{front.url}/v1/videos",
        "-H", f"Authorization: Bearer {MASTER_KEY}",
        "-H", "Content-Type: application/json",
        "-d", json.dumps({"model": "sora-2", "prompt": "my_character waves", "characters": [{"id": character["id"]}]}),
    )
    assert status == 200, video
    assert video["id"].startswith("video_") and video["status"] == "queued"

    for path, extra in (("edits", {}), ("extensions", {})):
        status, follow_up = curl(
            "-X", "POST", f"{front.url}/v1/videos/{path}",
            "-H", f"Authorization: Bearer {MASTER_KEY}",
            "-H", "Content-Type: application/json",
            "-d", json.dumps({"video": {"id": video["id"]}, "prompt": "Make it brighter", **extra}),
        )
        assert status == 200, follow_up
        assert follow_up["object"] == "video" and follow_up["id"].startswith("video_") and follow_up["status"] == "queued"
        for field in ("completed_at", "expires_at", "remixed_from_video_id", "error"):
            assert field in follow_up

    status, fetched = curl(f"{front.url}/v1/videos/characters/{character['id']}", "-H", f"Authorization: Bearer {MASTER_KEY}")
    assert status == 200 and fetched["id"] == character["id"]
