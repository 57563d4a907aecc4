"""Google's official `google-genai` SDK against `reel sim`'s Veo dialects, so the simulator cannot drift from the
real wire: generate a video, poll the operation and download the file through the Gemini API (an API key, the
SDK's `base_url` pointed at the simulator) and through Vertex AI (the throwaway test service account, whose
`token_uri` points at the simulator's token endpoint, which checks the JWT's RS256 signature)."""

import json
import uuid
from pathlib import Path

import pytest
from google import genai
from google.genai import errors, types
from google.oauth2 import service_account

GOOGLE = Path(__file__).parent.parent / "fixtures" / "google"
MODEL = "veo-3.1-generate-001"
PROJECT = "reel-test-project"
LOCATION = "us-central1"
ACCOUNT = "reel-test@reel-test-project.iam.gserviceaccount.com"
SCOPES = ["https://www.googleapis.com/auth/cloud-platform"]

GEMINI_CREATE = "POST /v1beta/models/{model}:predictLongRunning"
GEMINI_POLL = "GET /v1beta/models/{model}/operations/{id}"
GEMINI_DOWNLOAD = "GET /v1beta/files/{id}:download"
VERTEX_CREATE = "POST /v1/projects/{project}/locations/{location}/publishers/google/models/{model}:predictLongRunning"
VERTEX_POLL = "POST /v1/projects/{project}/locations/{location}/publishers/google/models/{model}:fetchPredictOperation"


@pytest.fixture
def veo_sim(start_sim):
    return start_sim(render_seconds=0, google_public_key=GOOGLE / "test-service-account.pub.pem")


def gemini_client(sim, key: str) -> genai.Client:
    return genai.Client(api_key=key, http_options=types.HttpOptions(base_url=sim.url, timeout=10_000))


def vertex_client(sim, private_key: str | None = None) -> genai.Client:
    info = json.loads((GOOGLE / "test-service-account.json").read_text())
    info["token_uri"] = f"{sim.url}/token"
    if private_key is not None:
        info["private_key"] = private_key
    credentials = service_account.Credentials.from_service_account_info(info, scopes=SCOPES)
    return genai.Client(
        vertexai=True,
        project=PROJECT,
        location=LOCATION,
        credentials=credentials,
        http_options=types.HttpOptions(base_url=sim.url, api_version="v1", timeout=10_000),
    )


def finished(client: genai.Client, operation):
    """Polls until done; the simulator renders in no time, so the first poll finds it done."""
    for _ in range(20):
        if operation.done:
            return operation
        operation = client.operations.get(operation)
    pytest.fail(f"operation {operation.name} did not finish")


def is_mp4(data: bytes) -> bool:
    return len(data) > 100 and data[4:8] == b"ftyp"


def test_gemini_api_generates_polls_and_downloads(veo_sim):
    key = f"gemini-{uuid.uuid4().hex}"
    client = gemini_client(veo_sim, key)
    operation = client.models.generate_videos(
        model=MODEL,
        source=types.GenerateVideosSource(prompt="A lighthouse at dawn, waves below"),
        config=types.GenerateVideosConfig(number_of_videos=1, duration_seconds=8, aspect_ratio="16:9", resolution="1080p"),
    )
    assert operation.name.startswith(f"models/{MODEL}/operations/")
    operation = finished(client, operation)
    assert operation.error is None
    video = operation.response.generated_videos[0].video
    assert "/files/" in video.uri
    data = client.files.download(file=video)
    assert is_mp4(data)

    routes = veo_sim.key_stats(key)["routes"]
    assert routes[GEMINI_CREATE] == 1
    assert routes[GEMINI_POLL] >= 1
    assert routes[GEMINI_DOWNLOAD] == 1


def test_gemini_api_image_to_video_and_extension(veo_sim):
    key = f"gemini-{uuid.uuid4().hex}"
    client = gemini_client(veo_sim, key)
    image = types.Image(image_bytes=(Path(__file__).parent / "fixtures" / "reference.png").read_bytes(), mime_type="image/png")
    source = finished(
        client,
        client.models.generate_videos(model=MODEL, source=types.GenerateVideosSource(prompt="Animate this", image=image)),
    )
    video = source.response.generated_videos[0].video
    extended = finished(
        client,
        client.models.generate_videos(
            model=MODEL,
            source=types.GenerateVideosSource(prompt="It goes on", video=types.Video(uri=video.uri)),
            config=types.GenerateVideosConfig(duration_seconds=7),
        ),
    )
    assert extended.response.generated_videos[0].video.uri != video.uri
    assert veo_sim.stats()["videos_created"] == 2

    # Another key does not see the video, as on the real service.
    stranger = gemini_client(veo_sim, f"gemini-{uuid.uuid4().hex}")
    with pytest.raises(errors.ClientError) as refused:
        stranger.models.generate_videos(model=MODEL, source=types.GenerateVideosSource(prompt="x", video=types.Video(uri=video.uri)))
    assert refused.value.code == 400


def test_gemini_api_errors_reach_the_sdk_in_googles_shape(veo_sim):
    client = gemini_client(veo_sim, f"gemini-{uuid.uuid4().hex}")
    with pytest.raises(errors.ClientError) as invalid:
        client.models.generate_videos(
            model=MODEL, source=types.GenerateVideosSource(prompt="x"), config=types.GenerateVideosConfig(duration_seconds=5)
        )
    assert invalid.value.code == 400
    assert invalid.value.status == "INVALID_ARGUMENT"

    veo_sim.inject_faults("rate_limit")
    with pytest.raises(errors.ClientError) as limited:
        client.models.generate_videos(model=MODEL, source=types.GenerateVideosSource(prompt="x"))
    assert limited.value.code == 429
    assert limited.value.status == "RESOURCE_EXHAUSTED"
    assert limited.value.details["error"]["details"][0]["retryDelay"] == "1s"

    veo_sim.inject_faults("moderation")
    blocked = finished(client, client.models.generate_videos(model=MODEL, source=types.GenerateVideosSource(prompt="x")))
    assert blocked.response.rai_media_filtered_count == 1
    assert blocked.response.rai_media_filtered_reasons
    assert not blocked.response.generated_videos


def test_vertex_ai_generates_polls_and_returns_the_bytes(veo_sim):
    client = vertex_client(veo_sim)
    operation = client.models.generate_videos(
        model=MODEL,
        source=types.GenerateVideosSource(prompt="A lighthouse at dawn"),
        config=types.GenerateVideosConfig(number_of_videos=1, duration_seconds=4, aspect_ratio="9:16"),
    )
    assert operation.name.startswith(f"projects/{PROJECT}/locations/{LOCATION}/publishers/google/models/{MODEL}/operations/")
    operation = finished(client, operation)
    video = operation.response.generated_videos[0].video
    assert video.mime_type == "video/mp4"
    assert is_mp4(video.video_bytes)

    # The SDK got its bearer token from the simulator's token endpoint, once, with an RS256 assertion the
    # simulator checked against the test account's public key.
    routes = veo_sim.key_stats(ACCOUNT)["routes"]
    assert routes["POST /token"] == 1
    assert routes[VERTEX_CREATE] == 1
    assert routes[VERTEX_POLL] >= 1


def test_vertex_ai_writes_to_cloud_storage_when_asked(veo_sim):
    client = vertex_client(veo_sim)
    operation = client.models.generate_videos(
        model=MODEL,
        source=types.GenerateVideosSource(prompt="A lighthouse at dawn"),
        config=types.GenerateVideosConfig(number_of_videos=1, output_gcs_uri="gs://reel-e2e-bucket/out/"),
    )
    operation = finished(client, operation)
    video = operation.response.generated_videos[0].video
    # The SDK sent `parameters.storageUri` and read the result's `gcsUri` as the video's URI, with no bytes inline.
    assert video.uri.startswith("gs://reel-e2e-bucket/out/") and video.uri.endswith("/sample_0.mp4")
    assert video.video_bytes is None
    assert video.mime_type == "video/mp4"


def test_vertex_ai_refuses_an_assertion_signed_with_another_key(veo_sim):
    foreign = (GOOGLE.parent / "jws" / "rfc7515-a2.pem").read_text()
    client = vertex_client(veo_sim, private_key=foreign)
    with pytest.raises(Exception) as refused:
        client.models.generate_videos(model=MODEL, source=types.GenerateVideosSource(prompt="x"))
    assert "invalid_grant" in str(refused.value)
    assert veo_sim.stats()["routes"].get(VERTEX_CREATE, 0) == 0
