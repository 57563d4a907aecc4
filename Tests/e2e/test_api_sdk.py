"""The official OpenAI SDK against a real `reel api`: every video method gives well-formed objects (strict
validation on) and errors raise the SDK's exceptions. Completion needs workers; this checks what the front guarantees."""
import warnings

import openai
import pytest

from api_front import FIXTURES, MASTER_KEY, APIFront

warnings.filterwarnings("ignore", category=DeprecationWarning)


@pytest.fixture(scope="module")
def front():
    running = APIFront()
    yield running
    running.stop()


def sdk(front, key=MASTER_KEY):
    return openai.OpenAI(api_key=key, base_url=front.url + "/v1", max_retries=0, _strict_response_validation=True)


def test_every_video_method_answers_well_formed_objects(front):
    client = sdk(front)
    video = client.videos.create(prompt="A calico cat playing a piano", model="sora-2", seconds="8", size="1280x720")
    assert video.id.startswith("video_") and video.object == "video" and video.status == "queued"
    assert video.seconds == "8" and video.size == "1280x720" and video.progress == 0
    assert video._request_id

    with open(FIXTURES / "reference.png", "rb") as image:
        referenced = client.videos.create(prompt="from an image", input_reference=("reference.png", image, "image/png"))
    assert referenced.status == "queued"

    again = client.videos.retrieve(video.id)
    assert again.id == video.id and again.prompt == "A calico cat playing a piano"

    page = client.videos.list(limit=1)
    assert len(page.data) == 1 and page.has_more
    assert {v.id for v in client.videos.list(limit=100).data} >= {video.id, referenced.id}
    assert [v.id for v in client.videos.list(order="asc", limit=100)][:2] == [video.id, referenced.id]

    remixed = client.videos.remix(video.id, prompt="at night")
    assert remixed.remixed_from_video_id == video.id and remixed.status == "queued"

    with open(FIXTURES / "clip.mp4", "rb") as clip:
        character = client.videos.create_character(name="Mossy", video=("clip.mp4", clip, "video/mp4"))
    assert character.id.startswith("character_") and character.name == "Mossy" and character.created_at > 0
    assert client.videos.get_character(character.id).id == character.id

    with open(FIXTURES / "clip.mp4", "rb") as clip:
        edited = client.videos.edit(prompt="add a hat", video=("clip.mp4", clip, "video/mp4"))
    assert edited.status == "queued"
    with open(FIXTURES / "clip.mp4", "rb") as clip:
        extended = client.videos.extend(prompt="continue", seconds="8", video=("clip.mp4", clip, "video/mp4"))
    assert extended.status == "queued" and extended.seconds == "8"

    # Follow-ups by id, as the SDK sends them with extra_body (multipart bracket keys) or a JSON override.
    by_id = client.videos.create(prompt="Mossy waves", extra_body={"characters": [{"id": character.id}]})
    assert by_id.status == "queued"
    json_edit = client.post("/videos/edits", body={"prompt": "brighter", "video": {"id": video.id}}, cast_to=openai.types.Video)
    assert json_edit.status == "queued"

    deleted = client.videos.delete(video.id)
    assert deleted.id == video.id and deleted.deleted and deleted.object == "video.deleted"
    with pytest.raises(openai.NotFoundError):
        client.videos.retrieve(video.id)


def test_download_of_an_unfinished_video_is_a_clear_error(front):
    client = sdk(front)
    video = client.videos.create(prompt="not yet")
    with pytest.raises(openai.BadRequestError) as error:
        client.videos.download_content(video.id)
    assert "not ready" in error.value.message


def test_errors_raise_the_sdk_exceptions(front):
    with pytest.raises(openai.AuthenticationError):
        sdk(front, key="sk-nope").videos.list()
    limited = front.generate_key(models=["openai/*"])
    assert sdk(front, key=limited).videos.create(prompt="ok", model="sora-2").status == "queued"
    with pytest.raises(openai.PermissionDeniedError) as denied:
        sdk(front, key=limited).videos.create(prompt="x", model="vertex_ai/veo-3")
    assert "openai/*" in denied.value.message
    with pytest.raises(openai.NotFoundError):
        sdk(front).videos.retrieve("video_forged")
    with pytest.raises(openai.BadRequestError) as bad:
        sdk(front).videos.create(prompt="x", seconds="7")
    assert bad.value.param == "seconds"
    throttled = front.generate_key(rpm_limit=1)
    sdk(front, key=throttled).videos.create(prompt="first")
    with pytest.raises(openai.RateLimitError) as limited_error:
        sdk(front, key=throttled).videos.create(prompt="second")
    assert 1 <= int(limited_error.value.response.headers["retry-after"]) <= 120
