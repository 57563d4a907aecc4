"""The Responses API and Realtime through a real `reel api` in front of a real `reel sim`, with the official SDK.

The model group `o4-mini` sits on three simulator accounts (keys sk-sim-a/b/c, simple-shuffle); reasoning items
and stored responses of one account are refused by the others, so every follow-up below fails two times in three
unless Reel pins it to the account that made its state.
"""

import os
import time
import urllib.request

import openai
import pytest

from conftest import free_port, http_json

MASTER_KEY = "sk-master-responses-e2e"
OFFER = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"

CONFIG = """
model_list:
  - {{model_name: o4-mini, litellm_params: {{model: openai/o4-mini, api_base: "{base}", api_key: sk-sim-a}}, model_info: {{id: resp-a}}}}
  - {{model_name: o4-mini, litellm_params: {{model: openai/o4-mini, api_base: "{base}", api_key: sk-sim-b}}, model_info: {{id: resp-b}}}}
  - {{model_name: o4-mini, litellm_params: {{model: openai/o4-mini, api_base: "{base}", api_key: sk-sim-c}}, model_info: {{id: resp-c}}}}
  - {{model_name: gpt-realtime, litellm_params: {{model: openai/gpt-realtime, api_base: "{base}", api_key: sk-sim-b}}, model_info: {{id: rt-b}}}}
router_settings: {{routing_strategy: simple-shuffle}}
general_settings: {{master_key: os.environ/REEL_MASTER_KEY}}
reel_settings:
  queue: {queue}
  storage: {{directory: {blobs}}}
  secrets: {{id_secret: e2e-responses-id-secret-0123, realtime_secret: e2e-responses-realtime-secret-0123}}
"""


@pytest.fixture
def stack(start_sim, start_process, reel_bin, tmp_path, monkeypatch):
    """A simulator and a front; yields (sim, front base URL)."""
    if not os.environ.get("REDIS_URL"):
        if os.environ.get("CI"):
            pytest.fail("REDIS_URL is not set")
        pytest.skip("REDIS_URL is not set")
    sim = start_sim(render_seconds=0)
    config = tmp_path / "config.yaml"
    config.write_text(CONFIG.format(base=sim.api_url, queue="e2e-" + os.urandom(6).hex(), blobs=tmp_path / "blobs"))
    monkeypatch.setenv("REEL_MASTER_KEY", MASTER_KEY)
    port = free_port()
    start_process([reel_bin, "api", "--config", config, "--host", "127.0.0.1", "--port", port], f"http://127.0.0.1:{port}/health/liveness")
    return sim, f"http://127.0.0.1:{port}"


def client(front: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=front + "/v1", api_key=MASTER_KEY, max_retries=0)


def sim_responses(sim) -> dict:
    status, body = http_json("GET", f"{sim.url}/sim/responses")
    assert status == 200, body
    return body


def set_event_delay(sim, milliseconds: int) -> None:
    status, body = http_json("POST", f"{sim.url}/sim/responses", {"event_delay_ms": milliseconds})
    assert status == 200, body


def test_create_retrieve_and_follow_ups_stay_on_their_account(stack):
    sim, front = stack
    sdk = client(front)
    for _ in range(15):
        first = sdk.responses.create(model="o4-mini", input="Say hello", reasoning={"effort": "medium"})
        assert first.id.startswith("resp_") and first.output_text
        assert sdk.responses.retrieve(first.id).id == first.id
        follow_up = sdk.responses.create(model="o4-mini", input="And goodbye", previous_response_id=first.id)
        assert follow_up.previous_response_id == first.id
        stateless = sdk.responses.create(
            model="o4-mini", input="Think", store=False, include=["reasoning.encrypted_content"]
        )
        reasoning = next(item for item in stateless.output if item.type == "reasoning")
        assert reasoning.id.startswith("encitem_") and reasoning.encrypted_content.startswith("reelenc_")
        items = [item.model_dump(exclude_none=True) for item in stateless.output]
        again = sdk.responses.create(
            model="o4-mini", store=False, include=["reasoning.encrypted_content"],
            input=items + [{"role": "user", "content": "Go on"}],
        )
        assert again.status == "completed"
    stats = sim_responses(sim)
    assert stats["invalid_encrypted_content"] == 0 and stats["previous_response_not_found"] == 0
    deleted = sdk.responses.delete(first.id)
    assert deleted is None or getattr(deleted, "id", first.id) == first.id
    with pytest.raises(openai.NotFoundError):
        sdk.responses.retrieve(first.id)
    with pytest.raises(openai.NotFoundError):
        sdk.responses.retrieve("resp_forged")


def test_streaming_relays_events_as_they_come(stack):
    sim, front = stack
    sdk = client(front)
    set_event_delay(sim, 100)
    started = time.monotonic()
    stream = sdk.responses.create(model="o4-mini", input="Stream please", stream=True)
    events = []
    first_while_upstream_busy = None
    for event in stream:
        if not events:
            first_while_upstream_busy = sim_responses(sim)["streams_completed"] == 0
            first_at = time.monotonic() - started
        events.append(event)
    total = time.monotonic() - started
    assert first_while_upstream_busy is True
    assert first_at < total / 2, (first_at, total)
    assert events[0].type == "response.created" and events[-1].type == "response.completed"
    text = "".join(event.delta for event in events if event.type == "response.output_text.delta")
    assert text == events[-1].response.output_text
    completed = events[-1].response
    assert completed.id.startswith("resp_")
    set_event_delay(sim, 0)
    for _ in range(6):
        assert sdk.responses.create(model="o4-mini", input="More", previous_response_id=completed.id).status == "completed"


def test_a_client_that_disconnects_mid_stream_aborts_the_upstream_transfer(stack):
    sim, front = stack
    sdk = client(front)
    set_event_delay(sim, 200)
    stream = sdk.responses.create(model="o4-mini", input="Stream please", stream=True)
    first = next(iter(stream))
    assert first.type == "response.created"
    stream.close()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and sim_responses(sim)["streams_aborted"] == 0:
        time.sleep(0.1)
    stats = sim_responses(sim)
    assert stats["streams_aborted"] == 1 and stats["streams_completed"] == 0, stats


def test_realtime_client_secret_then_call_with_the_token(stack):
    sim, front = stack
    sdk = client(front)
    secret = sdk.realtime.client_secrets.create(
        expires_after={"anchor": "created_at", "seconds": 600},
        session={"type": "realtime", "model": "gpt-realtime"},
    )
    assert secret.value.startswith("rtk_") and secret.expires_at > time.time()
    token_client = openai.OpenAI(base_url=front + "/v1", api_key=secret.value, max_retries=0)
    raw = token_client.realtime.calls.with_raw_response.create(
        sdp=OFFER, session={"type": "realtime", "model": "gpt-realtime"}
    )
    assert raw.status_code == 201
    assert raw.headers["location"].startswith("/v1/realtime/calls/rtc_")
    assert raw.headers["content-type"].startswith("application/sdp")
    assert raw.content.startswith(b"v=0")
    # A browser posts the raw offer.
    request = urllib.request.Request(
        front + "/v1/realtime/calls", data=OFFER.encode(), method="POST",
        headers={"Authorization": "Bearer " + secret.value, "Content-Type": "application/sdp"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.status == 201 and response.headers["Access-Control-Expose-Headers"] == "Location"
    # Both calls reached the account that issued the ephemeral key.
    assert sim.key_stats("sk-sim-b")["routes"].get("POST /realtime/calls") == 2
    # The raw provider key is never handed out, and a forged token is refused.
    forged = openai.OpenAI(base_url=front + "/v1", api_key=secret.value[:-3] + "AAA", max_retries=0)
    with pytest.raises(openai.AuthenticationError):
        forged.realtime.calls.create(sdp=OFFER, session={"type": "realtime", "model": "gpt-realtime"})


def test_a_response_is_unknown_to_every_other_key(stack):
    sim, front = stack
    secrets = []
    for _ in range(2):
        status, body = http_json("POST", front + "/key/generate", {"models": ["o4-mini"]}, {"Authorization": "Bearer " + MASTER_KEY})
        assert status == 200, body
        secrets.append(body["key"])
    owner, other = (openai.OpenAI(base_url=front + "/v1", api_key=secret, max_retries=0) for secret in secrets)
    first = owner.responses.create(model="o4-mini", input="Say hello")
    calls = sim.stats()["total"]
    with pytest.raises(openai.NotFoundError):
        other.responses.retrieve(first.id)
    with pytest.raises(openai.NotFoundError):
        other.responses.delete(first.id)
    with pytest.raises(openai.NotFoundError):
        other.responses.cancel(first.id)
    with pytest.raises(openai.NotFoundError) as refused:
        other.responses.create(model="o4-mini", input="And goodbye", previous_response_id=first.id)
    assert refused.value.body["message"] == f"Previous response with id '{first.id}' not found."
    assert sim.stats()["total"] == calls, "nothing reached a provider"
    assert owner.responses.create(model="o4-mini", input="And goodbye", previous_response_id=first.id).status == "completed"
    assert owner.responses.retrieve(first.id).id == first.id
