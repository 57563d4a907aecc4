"""The official OpenAI Python SDK against `reel sim`: every video method, JSON and multipart bodies, errors,
faults and the simulator's counters. Strict response validation proves the objects match the SDK's schema."""

import subprocess
import time
import urllib.request
import uuid

import openai
import pytest
from openai import OpenAI, omit

from conftest import FIXTURES, http_json

pytestmark = pytest.mark.filterwarnings("ignore:The Sora API:DeprecationWarning")

CLIP = (FIXTURES / "clip.mp4").read_bytes()
REFERENCE = (FIXTURES / "reference.png").read_bytes()
JSON = {"Content-Type": "application/json"}


def new_key() -> str:
    return f"sk-test-{uuid.uuid4().hex}"


def client(sim, key=None, **options) -> OpenAI:
    options.setdefault("max_retries", 0)
    options.setdefault("timeout", 10)
    return OpenAI(api_key=key or new_key(), base_url=sim.api_url, _strict_response_validation=True, **options)


def completed(c: OpenAI, **params):
    video = c.videos.create_and_poll(prompt=params.pop("prompt", "a source"), poll_interval_ms=20, **params)
    assert video.status == "completed", video
    return video


def is_mp4(data: bytes) -> bool:
    return data[4:8] == b"ftyp"


def is_webp(data: bytes) -> bool:
    return data[:4] == b"RIFF" and data[8:12] == b"WEBP"


def is_jpeg(data: bytes) -> bool:
    return data[:3] == b"\xff\xd8\xff"


def test_create_multipart_then_retrieve_shows_rising_progress(start_sim):
    sim = start_sim(render_seconds=1.5)
    c = client(sim)
    video = c.videos.create(
        prompt="A cat", model="sora-2", seconds="8", size="1280x720", input_reference=("reference.png", REFERENCE, "image/png")
    )
    assert video.id.startswith("video_") and video.object == "video"
    assert (video.status, video.progress, video.model, video.seconds, video.size, video.prompt) == (
        "queued", 0, "sora-2", "8", "1280x720", "A cat"
    )
    assert video.completed_at is None and video.expires_at is None and video.error is None and video.remixed_from_video_id is None

    seen = []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        current = c.videos.retrieve(video.id)
        seen.append((current.status, current.progress))
        if current.status == "completed":
            break
        time.sleep(0.05)
    statuses = [s for s, _ in seen]
    progress = [p for _, p in seen]
    assert statuses[-1] == "completed" and progress[-1] == 100
    assert any(s == "in_progress" and 0 < p < 100 for s, p in seen), seen
    assert progress == sorted(progress), seen
    order = {"queued": 0, "in_progress": 1, "completed": 2}
    assert [order[s] for s in statuses] == sorted(order[s] for s in statuses), seen
    final = c.videos.retrieve(video.id)
    assert final.created_at <= final.completed_at < final.expires_at


def test_create_defaults_and_create_and_poll(start_sim):
    sim = start_sim(render_seconds=0.3)
    key = new_key()
    c = client(sim, key)
    video = c.videos.create_and_poll(prompt="defaults", poll_interval_ms=20)
    assert (video.status, video.progress, video.model, video.seconds, video.size) == ("completed", 100, "sora-2", "4", "720x1280")
    routes = sim.key_stats(key)["routes"]
    assert routes["POST /videos"] == 1 and routes["GET /videos/{id}"] >= 1


def test_list_pages_with_cursor_and_auto_pagination(start_sim):
    sim = start_sim(render_seconds=0)
    key = new_key()
    c = client(sim, key)
    ids = [c.videos.create(prompt=f"video {i}").id for i in range(7)]

    first = c.videos.list(limit=3)
    assert [v.id for v in first.data] == ids[::-1][:3] and first.has_more and first.last_id == ids[4]
    assert [v.id for v in c.videos.list(limit=3)] == ids[::-1]
    assert [v.id for v in c.videos.list(limit=2, order="asc")] == ids
    assert [v.id for v in c.videos.list(after=ids[2], limit=10, order="asc").data] == ids[3:]
    # 1 page, then 3 pages (3+3+1), then 4 pages (2+2+2+1), then 1: the SDK followed last_id/has_more.
    assert sim.key_stats(key)["routes"]["GET /videos"] == 9

    other = client(sim)
    assert list(other.videos.list()) == []
    with pytest.raises(openai.NotFoundError):
        other.videos.retrieve(ids[0])
    with pytest.raises(openai.BadRequestError) as error:
        c.videos.list(limit=101)
    assert error.value.param == "limit"


def test_remix_keeps_source_settings(start_sim):
    sim = start_sim(render_seconds=0)
    c = client(sim)
    source = completed(c, seconds="12", size="1792x1024")
    remix = c.videos.remix(source.id, prompt="make it night")
    assert remix.remixed_from_video_id == source.id and remix.id != source.id
    assert (remix.prompt, remix.seconds, remix.size, remix.status) == ("make it night", "12", "1792x1024", "queued")
    with pytest.raises(openai.NotFoundError):
        c.videos.remix("video_missing", prompt="x")


def test_remix_and_content_of_an_unfinished_video_are_refused(start_sim):
    sim = start_sim(render_seconds=60)
    c = client(sim)
    video = c.videos.create(prompt="slow")
    with pytest.raises(openai.BadRequestError) as error:
        c.videos.remix(video.id, prompt="x")
    assert error.value.code == "video_not_ready"
    with pytest.raises(openai.BadRequestError):
        c.videos.download_content(video.id)


def test_download_content_every_variant(start_sim):
    sim = start_sim(render_seconds=0)
    c = client(sim)
    video = completed(c)
    assert c.videos.download_content(video.id).content == CLIP
    checks = {"video": ("video/mp4", is_mp4), "thumbnail": ("image/webp", is_webp), "spritesheet": ("image/jpeg", is_jpeg)}
    for variant, (content_type, check) in checks.items():
        raw = c.videos.with_raw_response.download_content(video.id, variant=variant)
        assert raw.headers["content-type"] == content_type
        assert check(raw.parse().content), variant
    with pytest.raises(openai.NotFoundError):
        c.videos.download_content("video_missing")
    with pytest.raises(openai.BadRequestError) as error:
        c.videos.download_content(video.id, variant="poster")  # type: ignore[arg-type]
    assert error.value.param == "variant"


def test_delete(start_sim):
    sim = start_sim(render_seconds=0)
    c = client(sim)
    video = c.videos.create(prompt="to delete")
    deleted = c.videos.delete(video.id)
    assert (deleted.id, deleted.object, deleted.deleted) == (video.id, "video.deleted", True)
    with pytest.raises(openai.NotFoundError):
        c.videos.retrieve(video.id)
    with pytest.raises(openai.NotFoundError):
        c.videos.delete(video.id)


def test_characters_and_their_use_in_create(start_sim):
    sim = start_sim(render_seconds=0)
    c = client(sim)
    mossy = c.videos.create_character(name="Mossy", video=("clip.mp4", CLIP, "video/mp4"))
    assert mossy.id.startswith("char_") and mossy.name == "Mossy" and mossy.created_at > 0
    assert c.videos.get_character(mossy.id).model_dump() == mossy.model_dump()
    mira = c.videos.create_character(name="Detective Mira", video=("clip.mp4", CLIP, "video/mp4"))

    as_json = c.videos.create(
        prompt="Mossy waves",
        seconds="8",
        extra_headers=JSON,
        extra_body={"characters": [{"id": mossy.id}], "input_reference": {"image_url": "https://example.com/a.png"}},
    )
    assert as_json.status == "queued" and as_json.seconds == "8"
    as_multipart = c.videos.create(prompt="Mossy and Mira", extra_body={"characters": [{"id": mossy.id}, {"id": mira.id}]})
    assert as_multipart.prompt == "Mossy and Mira"
    with_file_id = c.videos.create(prompt="ref", extra_body={"input_reference": {"file_id": "file-abc"}})
    assert with_file_id.status == "queued"

    with pytest.raises(openai.BadRequestError) as error:
        c.videos.create(prompt="crowd", extra_body={"characters": [{"id": mossy.id}, {"id": mira.id}, {"id": mossy.id}]})
    assert error.value.param == "characters"
    with pytest.raises(openai.BadRequestError) as error:
        c.videos.create(prompt="stranger", extra_headers=JSON, extra_body={"characters": [{"id": "char_missing"}]})
    assert error.value.param == "characters"
    with pytest.raises(openai.BadRequestError) as error:
        c.videos.create_character(name="x" * 81, video=("clip.mp4", CLIP, "video/mp4"))
    assert error.value.param == "name"
    with pytest.raises(openai.BadRequestError) as error:
        c.videos.create_character(name="Still", video=("reference.png", REFERENCE, "image/png"))
    assert error.value.param == "video"
    with pytest.raises(openai.NotFoundError):
        client(sim).videos.get_character(mossy.id)


def test_edit_with_a_file_and_with_an_id(start_sim):
    sim = start_sim(render_seconds=0)
    c = client(sim)
    source = completed(c, seconds="8", size="1280x720")
    from_file = c.videos.edit(prompt="add a hat", video=("clip.mp4", CLIP, "video/mp4"))
    assert from_file.prompt == "add a hat" and from_file.status == "queued"
    from_id_json = c.videos.edit(prompt="add a hat", video=omit, extra_headers=JSON, extra_body={"video": {"id": source.id}})
    from_id_multipart = c.videos.edit(prompt="add a scarf", video=omit, extra_body={"video": {"id": source.id}})
    for edited in (from_id_json, from_id_multipart):
        assert (edited.seconds, edited.size) == ("8", "1280x720") and edited.id != source.id
    with pytest.raises(openai.BadRequestError) as error:
        c.videos.edit(prompt="no source", video=omit)
    assert error.value.param == "video"
    with pytest.raises(openai.NotFoundError):
        c.videos.edit(prompt="x", video=omit, extra_headers=JSON, extra_body={"video": {"id": "video_missing"}})


def test_extend_with_a_file_and_with_an_id(start_sim):
    sim = start_sim(render_seconds=0)
    c = client(sim)
    source = completed(c, seconds="8")
    from_file = c.videos.extend(prompt="continue", seconds="4", video=("clip.mp4", CLIP, "video/mp4"))
    assert from_file.seconds == "6" and from_file.status == "queued"  # the 2 s upload plus 4 s
    from_id_json = c.videos.extend(
        prompt="continue", seconds="8", video=omit, extra_headers=JSON, extra_body={"video": {"id": source.id}}
    )
    assert from_id_json.seconds == "16"  # the stitched total
    from_id_multipart = c.videos.extend(prompt="continue", seconds="20", video=omit, extra_body={"video": {"id": source.id}})  # type: ignore[arg-type]
    assert from_id_multipart.seconds == "28"
    with pytest.raises(openai.BadRequestError) as error:
        c.videos.extend(prompt="x", seconds="6", video=("clip.mp4", CLIP, "video/mp4"))  # type: ignore[arg-type]
    assert error.value.param == "seconds"


def test_validation_errors(start_sim):
    sim = start_sim(render_seconds=0)
    c = client(sim)
    with pytest.raises(openai.BadRequestError) as error:
        c.videos.create(prompt="x", seconds="5")  # type: ignore[arg-type]
    assert (error.value.status_code, error.value.param, error.value.type) == (400, "seconds", "invalid_request_error")
    with pytest.raises(openai.BadRequestError) as error:
        c.videos.create(prompt="x", size="1920x1080")  # type: ignore[arg-type]
    assert error.value.param == "size"
    with pytest.raises(openai.BadRequestError) as error:
        c.videos.create(prompt="")
    assert error.value.param == "prompt"
    with pytest.raises(openai.BadRequestError) as error:
        c.videos.create(prompt="x", extra_body={"quality": "high"})
    assert error.value.param == "quality"
    with pytest.raises(openai.BadRequestError) as error:
        c.videos.create(prompt="x", input_reference=("notes.txt", b"hello", "text/plain"))
    assert error.value.param == "input_reference"
    with pytest.raises(openai.NotFoundError) as error:
        c.videos.retrieve("video_unknown")
    assert error.value.body["message"] == "Video with id 'video_unknown' not found."
    assert error.value.request_id.startswith("req_")


def test_authentication(start_sim):
    sim = start_sim(render_seconds=0)
    with pytest.raises(openai.AuthenticationError) as error:
        client(sim).videos.list(extra_headers={"Authorization": omit})
    assert error.value.status_code == 401
    with pytest.raises(openai.AuthenticationError) as error:
        client(sim, key="not-a-key").videos.list()
    assert error.value.code == "invalid_api_key"
    # Azure's v1 shape: the key in an `api-key` header, routes under /openai/v1.
    status, body = http_json("GET", f"{sim.url}/openai/v1/videos", headers={"api-key": "azure-key"})
    assert status == 200 and body["object"] == "list"
    assert sim.stats()["keys"]["azure-key"]["routes"] == {"GET /videos": 1}


def test_injected_rate_limit_and_server_error(start_sim):
    sim = start_sim(render_seconds=0, rate_limit_rate=1, retry_after_seconds=7)
    key = new_key()
    with pytest.raises(openai.RateLimitError) as error:
        client(sim, key).videos.create(prompt="x")
    assert error.value.response.headers["retry-after"] == "7" and error.value.code == "rate_limit_exceeded"
    assert sim.key_stats(key)["faults"] == {"rate_limit": 1}
    assert sim.stats()["videos_created"] == 0

    calm = start_sim(render_seconds=0)
    calm.inject_faults("server_error")
    with pytest.raises(openai.InternalServerError) as error:
        client(calm).videos.list()
    assert error.value.type == "server_error"


def test_sdk_retries_through_queued_faults_and_stats_count_every_attempt(start_sim):
    sim = start_sim(render_seconds=0)
    sim.inject_faults("rate_limit", "server_error")
    key = new_key()
    video = client(sim, key, max_retries=2).videos.create(prompt="third time lucky")
    assert video.status == "queued"
    stats = sim.stats()
    assert stats["keys"][key]["routes"]["POST /videos"] == 3
    assert stats["keys"][key]["faults"] == {"rate_limit": 1, "server_error": 1}
    assert stats["videos_created"] == 1
    sim.reset()
    assert sim.stats()["total"] == 0


def test_idempotency_key_returns_the_first_object(start_sim):
    sim = start_sim(render_seconds=0)
    c = client(sim)
    headers = {"Idempotency-Key": f"idem-{uuid.uuid4().hex}"}
    first = c.videos.create(prompt="once", extra_headers=headers)
    again = c.videos.create(prompt="once", extra_headers=headers)
    assert again.id == first.id
    stats = sim.stats()
    assert stats["idempotency_keys"][headers["Idempotency-Key"]] == 2 and stats["videos_created"] == 1
    # The same idempotency key under another API key is another caller's request.
    assert client(sim).videos.create(prompt="once", extra_headers=headers).id != first.id


def test_moderation_and_generation_failures(start_sim):
    sim = start_sim(render_seconds=0, moderation_rate=1)
    c = client(sim)
    video = c.videos.create_and_poll(prompt="blocked", poll_interval_ms=20)
    assert video.status == "failed" and video.error.code == "moderation_blocked" and video.error.message
    with pytest.raises(openai.BadRequestError):
        c.videos.download_content(video.id)

    calm = start_sim(render_seconds=0)
    calm.inject_faults("failure")
    c = client(calm)
    failed = c.videos.create_and_poll(prompt="unlucky", poll_interval_ms=20)
    assert failed.status == "failed" and failed.error.code == "video_generation_failed"
    assert c.videos.create_and_poll(prompt="fine", poll_interval_ms=20).status == "completed"


def test_hang_until_the_client_gives_up_and_slow_responses(start_sim):
    sim = start_sim(render_seconds=0, hang_rate=1)
    started = time.monotonic()
    with pytest.raises(openai.APITimeoutError):
        client(sim, timeout=1).videos.list()
    assert time.monotonic() - started < 5
    assert sim.stats()["faults"] == {"hang": 1}

    slow = start_sim(render_seconds=0, slow_rate=1, slow_seconds=0.5)
    started = time.monotonic()
    client(slow).videos.list()
    assert time.monotonic() - started >= 0.5


def test_seed_makes_faults_repeatable(start_sim):
    def outcomes(sim):
        c = client(sim)
        result = []
        for _ in range(20):
            try:
                c.videos.list()
                result.append("ok")
            except openai.RateLimitError:
                result.append("429")
        return result

    first = outcomes(start_sim(render_seconds=0, rate_limit_rate=0.5, seed=42))
    assert "ok" in first and "429" in first
    assert outcomes(start_sim(render_seconds=0, rate_limit_rate=0.5, seed=42)) == first


def test_unknown_routes_answer_in_the_error_envelope(start_sim):
    sim = start_sim(render_seconds=0)
    request = urllib.request.Request(f"{sim.url}/v1/nothing", headers={"Authorization": "Bearer sk-x"})
    status, body = http_json("GET", request.full_url, headers=request.headers)
    assert status == 404 and body["error"]["type"] == "invalid_request_error"


@pytest.mark.parametrize("flag, message", [
    ("--retry-after-seconds=-1", "--retry-after-seconds must not be negative"),
    ("--fail-rate=1.5", "--fail-rate must be between 0 and 1"),
    ("--render-seconds=-1", "--render-seconds must be a non-negative number"),
    ("--port=70000", "--port must be in 0...65535"),
])
def test_a_bad_simulator_flag_is_a_usage_error(reel_bin, flag, message):
    result = subprocess.run([reel_bin, "sim", flag], capture_output=True, text=True, timeout=60)
    assert result.returncode == 64, result.stderr
    assert message in result.stderr
