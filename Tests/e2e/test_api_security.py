"""Security, bad input and idempotency against a real `reel api` and Redis."""
import json
import os
import subprocess
import uuid

import pytest

from api_front import MASTER_KEY, APIFront


@pytest.fixture(scope="module")
def front():
    running = APIFront(max_upload=4096)
    yield running
    running.stop()


def test_key_a_cannot_touch_key_bs_objects(front):
    a, b = front.generate_key(), front.generate_key()
    status, _, body = front.request("POST", "/v1/videos", key=b, body={"prompt": "b's"})
    assert status == 200
    video = json.loads(body)["id"]
    for method, path, payload in (
        ("GET", f"/v1/videos/{video}", None),
        ("GET", f"/v1/videos/{video}/content", None),
        ("DELETE", f"/v1/videos/{video}", None),
        ("POST", f"/v1/videos/{video}/remix", {"prompt": "x"}),
        ("POST", "/v1/videos/edits", {"prompt": "x", "video": {"id": video}}),
        ("POST", "/v1/videos/extensions", {"prompt": "x", "seconds": "8", "video": {"id": video}}),
    ):
        status, _, body = front.request(method, path, key=a, body=payload)
        assert status == 404, (method, path, body)
        assert set(json.loads(body)["error"]) == {"message", "type", "param", "code"}
    assert front.request("GET", f"/v1/videos/{video}", key=b)[0] == 200


def test_forged_and_truncated_ids_are_404(front):
    status, _, body = front.request("POST", "/v1/videos", body={"prompt": "mine"})
    video = json.loads(body)["id"]
    for forged in (video[:-2], video[:-1] + ("A" if video[-1] != "A" else "B"), "video_" + "A" * 40, "video_%2F..%2F"):
        assert front.request("GET", f"/v1/videos/{forged}")[0] == 404, forged


def test_missing_and_wrong_keys_are_401(front):
    assert front.request("GET", "/v1/videos", key=None)[0] == 401
    assert front.request("GET", "/v1/videos", key="sk-wrong")[0] == 401


def test_keys_are_not_stored_in_clear(front):
    secret = front.generate_key(models=["openai/*"])
    url = os.environ["REDIS_URL"]
    keys = subprocess.run(["redis-cli", "-u", url, "--scan", "--pattern", "reel:keys:*"], capture_output=True, text=True, check=True).stdout.split()
    assert keys
    dump = ""
    for key in keys:
        kind = subprocess.run(["redis-cli", "-u", url, "TYPE", key], capture_output=True, text=True).stdout.strip()
        command = {"string": ["GET"], "set": ["SMEMBERS"]}.get(kind)
        if command:
            dump += key + subprocess.run(["redis-cli", "-u", url, *command, key], capture_output=True, text=True).stdout
    assert secret not in dump and secret[8:] not in dump


@pytest.mark.parametrize(
    "content_type,body,status",
    [
        ("application/json", b'{"prompt": ', 400),
        ("application/json", b'{"prompt": 5}', 400),
        ("application/json", b'{"model": "sora-2"}', 400),
        ("application/json", b'{"prompt": "x", "seconds": "9"}', 400),
        ("application/json", b'{"prompt": "x", "size": "10x10"}', 400),
        ("application/json", b'{"prompt": "x", "model": "no-such-model"}', 400),
        ("text/plain", b"prompt", 415),
        ("multipart/form-data; boundary=abc", b"--xyz\r\n\r\n--xyz--", 400),
    ],
)
def test_bad_input_is_a_clear_4xx_and_enqueues_nothing(front, content_type, body, status):
    def ids():
        return [v["id"] for v in json.loads(front.request("GET", "/v1/videos?limit=100")[2])["data"]]

    before = ids()
    got, headers, answer = front.request("POST", "/v1/videos", body=body, headers={"Content-Type": content_type})
    assert got == status, answer
    assert "x-request-id" in {k.lower() for k in headers}
    assert set(json.loads(answer)["error"]) == {"message", "type", "param", "code"}
    assert ids() == before


def test_uploads_empty_oversized_and_mistyped(front, tmp_path):
    def upload(content: bytes, mime: str):
        path = tmp_path / "clip.mp4"
        path.write_bytes(content)
        out = subprocess.run(
            ["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", f"{front.url}/v1/videos/characters",
             "-H", f"Authorization: Bearer {MASTER_KEY}", "-F", f"video=@{path};type={mime}", "-F", "name=Mossy"],
            capture_output=True, text=True, check=True,
        )
        return int(out.stdout)

    assert upload(b"", "video/mp4") == 400
    assert upload(b"x" * 5000, "video/mp4") == 413
    assert upload(b"abc", "text/plain") == 415
    assert upload(b"abc", "video/mp4") == 200
    name = "n" * 81
    out = subprocess.run(
        ["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", f"{front.url}/v1/videos/characters",
         "-H", f"Authorization: Bearer {MASTER_KEY}", "-F", f"video=@{tmp_path / 'clip.mp4'};type=video/mp4", "-F", f"name={name}"],
        capture_output=True, text=True, check=True,
    )
    assert out.stdout == "400"


def test_idempotency_key_gives_one_job_and_the_same_answer(front):
    key = {"Idempotency-Key": str(uuid.uuid4())}
    first = front.request("POST", "/v1/videos", body={"prompt": "once"}, headers=key)
    second = front.request("POST", "/v1/videos", body={"prompt": "once"}, headers=key)
    assert first[0] == second[0] == 200
    assert json.loads(first[2])["id"] == json.loads(second[2])["id"]
    ids = [v["id"] for v in json.loads(front.request("GET", "/v1/videos?limit=100")[2])["data"]]
    assert ids.count(json.loads(first[2])["id"]) == 1
    conflict = front.request("POST", "/v1/videos", body={"prompt": "other"}, headers=key)
    assert conflict[0] == 409
