"""Veo through Reel with the official OpenAI SDK: `reel api` + `reel worker` + `reel sim` (its Gemini API and Vertex AI
dialects) as real processes. Generations and downloads on both dialects, image-to-video, extensions pinned to the
Gemini API deployment (one of three keys) that made their source, the front's 400s for what Veo cannot do (nothing
enqueued), and one token request per Vertex AI deployment."""
import json
import subprocess
from pathlib import Path

import openai
import pytest

from conftest import FIXTURES
from worker_cluster import is_mp4, key_routes, queue_counts, reel_cluster  # noqa: F401

GOOGLE = Path(__file__).parent.parent / "fixtures" / "google"
ACCOUNT = "reel-test@reel-test-project.iam.gserviceaccount.com"
GEMINI_KEYS = ["gemini-e2e-a", "gemini-e2e-b", "gemini-e2e-c"]
GEMINI_CREATE = "POST /v1beta/models/{model}:predictLongRunning"
VERTEX_CREATE = "POST /v1/projects/{project}/locations/{location}/publishers/google/models/{model}:predictLongRunning"

GEMINI = """  - model_name: veo
    litellm_params: {{model: gemini/veo-3.1-generate-preview, api_base: "http://127.0.0.1:{{sim}}", api_key: {key}}}
    model_info: {{id: veo-{suffix}, mode: video_generation}}"""
# The service account inline (LiteLLM takes the JSON or a path), its token_uri the simulator's `/token`.
VERTEX = """  - model_name: veo-vertex
    litellm_params:
      model: vertex_ai/veo-3.1-generate-001
      api_base: "http://127.0.0.1:{{sim}}"
      vertex_project: {project}
      vertex_location: us-central1
      vertex_credentials: '{credentials}'
    model_info: {{id: vertex-{project}, mode: video_generation}}"""
# One group of both families, on keys of their own.
MIXED = """  - model_name: mixed
    litellm_params: {model: openai/sora-2, api_base: "http://127.0.0.1:{sim}/v1", api_key: sk-e2e-mixed}
    model_info: {id: mixed-openai, mode: video_generation}
  - model_name: mixed
    litellm_params: {model: gemini/veo-3.1-generate-preview, api_base: "http://127.0.0.1:{sim}", api_key: gemini-e2e-mixed}
    model_info: {id: mixed-veo, mode: video_generation}"""


def veo_models() -> str:
    account = json.loads((GOOGLE / "test-service-account.json").read_text())
    account["token_uri"] = "http://127.0.0.1:{sim}/token"
    credentials = json.dumps(account).replace("'", "''")  # inside a single-quoted YAML string
    return "\n".join(
        [GEMINI.format(key=key, suffix=key[-1]) for key in GEMINI_KEYS]
        + [VERTEX.format(project=project, credentials=credentials) for project in ("project-a", "project-b")]
        + [MIXED]
    )


@pytest.fixture
def veo_cluster(reel_cluster):
    """Factory: a cluster whose simulator knows the test service account, with three Gemini API deployments of `veo`
    (three keys), two Vertex AI deployments of `veo-vertex` (two projects of the test service account) and a group
    `mixed` of an OpenAI-shaped and a Gemini API deployment."""

    def start(**options):
        sim = {"render_seconds": 0, "google_public_key": GOOGLE / "test-service-account.pub.pem"}
        return reel_cluster(sim=sim, models=veo_models(), **options)

    return start


def gemini_creates(stats) -> dict:
    return {key: key_routes(stats, key).get(GEMINI_CREATE, 0) for key in GEMINI_KEYS}


def test_create_and_poll_and_download_on_the_gemini_api_and_vertex_ai(veo_cluster):
    cluster = veo_cluster(workers=1)
    client = cluster.client()
    for model in ("veo", "veo-vertex"):
        video = client.videos.create_and_poll(model=model, prompt="A lighthouse at dawn", seconds="8", size="1280x720", poll_interval_ms=200)
        assert video.status == "completed", video.error
        assert video.progress == 100 and video.seconds == "8"
        assert is_mp4(client.videos.download_content(video.id).content)
        # Veo makes no spritesheet: a 404 of its own, not a failed job.
        with pytest.raises(openai.NotFoundError) as missing:
            client.videos.download_content(video.id, variant="spritesheet")
        assert missing.value.code == "unsupported_variant"

    # Image to video: the uploaded reference becomes the instance's image.
    with open(FIXTURES / "reference.png", "rb") as image:
        animated = client.videos.create_and_poll(
            model="veo", prompt="Animate this", input_reference=("reference.png", image, "image/png"), poll_interval_ms=200
        )
    assert animated.status == "completed", animated.error
    assert is_mp4(client.videos.download_content(animated.id).content)

    stats = cluster.sim.stats()
    assert sum(gemini_creates(stats).values()) == 2
    assert key_routes(stats, ACCOUNT).get(VERTEX_CREATE) == 1


def test_extensions_stay_on_the_deployment_that_made_their_source(veo_cluster):
    cluster = veo_cluster(workers=2)
    client = cluster.client()
    # Sources one at a time, so each one's key is known from the simulator's counts.
    owners = {}
    for index in range(4):
        before = gemini_creates(cluster.sim.stats())
        source = client.videos.create_and_poll(model="veo", prompt=f"Scene {index}", poll_interval_ms=200)
        assert source.status == "completed", source.error
        after = gemini_creates(cluster.sim.stats())
        (owners[source.id],) = [key for key in GEMINI_KEYS if after[key] == before[key] + 1]
    before = gemini_creates(cluster.sim.stats())

    follow_ups = 200
    extensions = {}
    for index in range(follow_ups):
        source = list(owners)[index % len(owners)]
        extension = client.post("/videos/extensions", body={"prompt": "It goes on", "seconds": "7", "video": {"id": source}}, cast_to=object)
        extensions[extension["id"]] = source
    finished = cluster.wait_for(client, list(extensions), timeout=120)
    assert all(video.status == "completed" for video in finished.values()), [v.error for v in finished.values() if v.status != "completed"]

    # 0 misroutes: every extension was sent with the key of its source's deployment (another key would have been
    # refused by the simulator, as by Google, and failed the job).
    expected = {key: 0 for key in GEMINI_KEYS}
    for source in extensions.values():
        expected[owners[source]] += 1
    after = gemini_creates(cluster.sim.stats())
    assert {key: after[key] - before[key] for key in GEMINI_KEYS} == expected


def test_what_veo_cannot_do_is_a_400_and_nothing_is_enqueued(veo_cluster):
    cluster = veo_cluster(workers=1)
    client = cluster.client()
    video = client.videos.create_and_poll(model="veo", prompt="A cat", poll_interval_ms=200)
    counts = queue_counts(cluster)

    with pytest.raises(openai.BadRequestError) as remix:
        client.videos.remix(video.id, prompt="at night")
    assert remix.value.code == "unsupported_operation"
    assert "remix" in remix.value.message

    with pytest.raises(openai.BadRequestError) as seconds:
        client.videos.create(model="veo", prompt="A cat", seconds="12")
    assert seconds.value.code == "invalid_value" and seconds.value.param == "seconds"
    assert "'4', '6', '8'" in seconds.value.message

    with open(FIXTURES / "clip.mp4", "rb") as clip:
        with pytest.raises(openai.BadRequestError) as character:
            client.videos.create_character(name="Mossy", video=("clip.mp4", clip, "video/mp4"), extra_body={"model": "veo"})
    assert character.value.code == "unsupported_operation"

    assert queue_counts(cluster) == counts
    assert sum(gemini_creates(cluster.sim.stats()).values()) == 1


def test_one_token_request_per_vertex_deployment(veo_cluster):
    cluster = veo_cluster(workers=1, concurrency=16)
    client = cluster.client()
    ids = [client.videos.create(model="veo-vertex", prompt=f"Shot {index}").id for index in range(20)]
    finished = cluster.wait_for(client, ids, timeout=120)
    assert all(video.status == "completed" for video in finished.values())
    routes = key_routes(cluster.sim.stats(), ACCOUNT)
    assert routes.get(VERTEX_CREATE) == 20
    # Two deployments (two projects), each with its own cached token: two token requests for 20 jobs and their polls.
    assert routes.get("POST /token") == 2


def test_provider_faults_become_openai_states(veo_cluster):
    cluster = veo_cluster(workers=1)
    client = cluster.client()
    # Results withheld by Veo's safety filters: a failed video with moderation_blocked, not a retried job.
    cluster.sim.inject_faults("moderation")
    blocked = client.videos.create_and_poll(model="veo", prompt="x", poll_interval_ms=200)
    assert blocked.status == "failed" and blocked.error.code == "moderation_blocked", blocked.error
    # RESOURCE_EXHAUSTED with a retryDelay: transient, the job is sent again and completes.
    cluster.sim.inject_faults("rate_limit")
    video = client.videos.create_and_poll(model="veo", prompt="x", poll_interval_ms=200)
    assert video.status == "completed", video.error
    faults = {key: cluster.sim.key_stats(key)["faults"] for key in GEMINI_KEYS}
    assert sum(count for key_faults in faults.values() for count in key_faults.values()) == 2, faults


def test_a_broken_service_account_stops_the_worker_at_start_up(reel_bin, tmp_path):
    account = json.loads((GOOGLE / "test-service-account.json").read_text())
    account["private_key"] = "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n"
    (tmp_path / "broken.json").write_text(json.dumps(account))
    config = tmp_path / "config.yaml"
    config.write_text(
        "model_list:\n"
        "  - model_name: veo\n"
        "    litellm_params: {model: vertex_ai/veo-3.1-generate-001, vertex_project: p, vertex_credentials: broken.json}\n"
        "    model_info: {id: vertex-broken}\n"
        "general_settings: {master_key: sk-master}\n"
        "reel_settings: {redis_url: 'redis://127.0.0.1:1', secrets: {id_secret: broken-account-secret-0123}}\n"
    )
    result = subprocess.run([reel_bin, "worker", "--config", config, "--metrics-port", "0"], capture_output=True, text=True, timeout=30)
    assert result.returncode != 0
    assert "deployment vertex-broken (veo): litellm_params.vertex_credentials" in result.stderr, result.stderr
    assert "private_key" in result.stderr


def test_a_mixed_group_sends_remixes_only_to_its_openai_shaped_deployment(veo_cluster):
    cluster = veo_cluster(workers=1)
    client = cluster.client()
    # 12 seconds only the OpenAI-shaped deployment renders, 6 only Veo: each goes where it can be served.
    sora = [client.videos.create(model="mixed", prompt=f"Sora {index}", seconds="12").id for index in range(5)]
    veo = [client.videos.create(model="mixed", prompt=f"Veo {index}", seconds="6").id for index in range(5)]
    cluster.wait_for(client, sora + veo, timeout=120)
    remixes = [client.videos.remix(video_id, prompt="at night").id for video_id in sora]
    finished = cluster.wait_for(client, remixes, timeout=120)
    assert all(video.status == "completed" for video in finished.values())
    with pytest.raises(openai.BadRequestError) as refused:
        client.videos.remix(veo[0], prompt="at night")
    assert refused.value.code == "unsupported_operation"

    stats = cluster.sim.stats()
    assert key_routes(stats, "sk-e2e-mixed").get("POST /videos") == 5
    assert key_routes(stats, "sk-e2e-mixed").get("POST /videos/{id}/remix") == 5
    assert key_routes(stats, "gemini-e2e-mixed").get(GEMINI_CREATE) == 5
