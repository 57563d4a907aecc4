"""Operations of a real `reel api`: health, Prometheus metrics, request ids, graceful shutdown on SIGTERM."""
import json
import os
import signal
import socket
import subprocess
import time
import uuid

import pytest

from api_front import MASTER_KEY, APIFront


def test_health_metrics_and_graceful_shutdown():
    front = APIFront()
    try:
        assert front.request("GET", "/health/liveness", key=None)[0] == 200
        status, _, body = front.request("GET", "/health/readiness", key=None)
        assert status == 200 and json.loads(body)["checks"] == {"redis": "ok", "functions": "ok", "config": "ok"}
        first = front.request("POST", "/v1/videos", body={"prompt": "counted"})
        second = front.request("POST", "/v1/videos", body={"prompt": "counted"})
        ids = {first[1].get("x-request-id"), second[1].get("x-request-id")}
        assert None not in ids and len(ids) == 2
        front.request("GET", "/v1/videos/video_nope")
        status, headers, metrics = front.request("GET", "/metrics", key=None)
        text = metrics.decode()
        assert status == 200 and headers["Content-Type"].startswith("text/plain")
        assert "reel_api_enqueued 2" in text
        assert 'hb_requests{http_route="/v1/videos/{id}",http_request_method="GET",http_response_status_code="404"} 1' in text
        assert "http_server_request_duration_bucket" in text

        # SIGTERM while a request is in flight (its body half sent): the request completes, then the process exits 0.
        body = b'{"prompt":"in flight at shutdown"}'
        connection = socket.create_connection(("127.0.0.1", front.port))
        head = (f"POST /v1/videos HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {MASTER_KEY}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode()
        connection.sendall(head + body[:10])
        time.sleep(0.5)
        front.process.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        connection.sendall(body[10:])
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
        connection.close()
        assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
        assert b'"status":"queued"' in answer
        assert front.process.wait(timeout=15) == 0
    finally:
        front.stop()


def test_keys_cli_refuses_a_key_no_request_could_use(reel_bin, tmp_path):
    """`reel keys create` checks what `POST /key/generate` checks, before it touches Redis: a limit below 1 or a
    lifetime outside one second to 100 years is a usage error naming the setting, and no key is made."""
    if not os.environ.get("REDIS_URL"):
        pytest.fail("REDIS_URL is not set") if os.environ.get("CI") else pytest.skip("REDIS_URL is not set")
    config = tmp_path / "config.yaml"
    config.write_text("reel_settings: {secrets: {id_secret: keys-cli-id-secret-0123456789}}\n")
    alias = "cli-" + uuid.uuid4().hex[:8]

    def keys(*args):
        return subprocess.run([reel_bin, "keys", *args, "--config", str(config)], capture_output=True, text=True, timeout=30)

    for flags, setting in [
        (["--rpm-limit", "0"], "rpm_limit"),
        (["--max-inflight-jobs=-1"], "max_inflight_jobs"),
        (["--duration-seconds=-5"], "duration"),
        (["--duration-seconds", "9223372036854775807"], "duration"),
    ]:
        refused = keys("create", "--alias", alias, *flags)
        assert refused.returncode == 64, (flags, refused.returncode, refused.stderr)
        assert f"Invalid '{setting}'" in refused.stderr, refused.stderr
    made = keys("create", "--alias", alias, "--rpm-limit", "5", "--duration-seconds", "3600")
    assert made.returncode == 0, made.stderr
    listed = [line for line in keys("list").stdout.splitlines() if f"\t{alias}\t" in line]
    assert len(listed) == 1 and "rpm=5" in listed[0], listed
    key_id = listed[0].split("\t")[0]
    assert keys("revoke", key_id).returncode == 0
