"""Slow and numerous clients cannot hold the front: idle connections are closed, a dripping body is refused
with 408 and leaves no temporary file, a body over the limit is refused with 413, and connections beyond the cap
are closed as they arrive."""
import json
import socket
import time
import urllib.error
import urllib.request

import openai
import pytest

from worker_cluster import MASTER_KEY, queue_counts, reel_cluster  # noqa: F401


def closed_by_server(sock, timeout=15.0) -> bool:
    """Whether the server closes `sock` (EOF or reset) within `timeout`; anything it sends first is read."""
    sock.settimeout(timeout)
    try:
        while sock.recv(65536):
            pass
        return True
    except ConnectionResetError:
        return True
    except socket.timeout:
        return False


def test_an_idle_connection_is_closed(reel_cluster):
    cluster = reel_cluster(workers=0, api_flags=["--idle-timeout", "1"])
    with socket.create_connection(("127.0.0.1", cluster.api_port)) as sock:
        sock.sendall(b"POST /v1/videos HTTP/1.1\r\nHost: x\r\n")  # headers never finished
        assert closed_by_server(sock)


@pytest.mark.parametrize("form", ["multipart", "json"])
def test_a_dripping_body_is_refused_and_leaves_no_temporary_file(reel_cluster, tmp_path, form):
    cluster = reel_cluster(workers=0, api_flags=["--idle-timeout", "5", "--request-timeout", "1"])
    boundary = "drip"
    if form == "multipart":
        content_type = f"multipart/form-data; boundary={boundary}"
        head = (
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"input_reference\"; filename=\"a.png\"\r\n"
            "Content-Type: image/png\r\n\r\n"
        ).encode()
    else:
        content_type = "application/json"
        head = b'{"model": "sora-2", "prompt": "'
    with socket.create_connection(("127.0.0.1", cluster.api_port)) as sock:
        sock.sendall(
            (
                f"POST /v1/videos HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {MASTER_KEY}\r\n"
                f"Content-Type: {content_type}\r\nContent-Length: 100000\r\n\r\n"
            ).encode()
            + head
        )
        answer = b""
        sock.settimeout(0.3)
        deadline = time.monotonic() + 30
        while b"\r\n\r\n" not in answer and time.monotonic() < deadline:
            try:
                sock.sendall(b"x" * 10)
            except (BrokenPipeError, ConnectionResetError):
                break
            try:
                answer += sock.recv(65536)
            except socket.timeout:
                pass
        assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    temporaries = tmp_path / "blobs" / ".tmp"
    assert not list(temporaries.iterdir()), list(temporaries.iterdir())


def test_connections_beyond_the_cap_are_closed(reel_cluster):
    cluster = reel_cluster(workers=0, api_flags=["--max-connections", "3"])
    held = [socket.create_connection(("127.0.0.1", cluster.api_port)) for _ in range(3)]
    try:
        for sock in held:  # each is served: the cap counts them
            sock.sendall(b"GET /health/liveness HTTP/1.1\r\nHost: x\r\n\r\n")
            sock.settimeout(10)
            assert sock.recv(65536).startswith(b"HTTP/1.1 200")
        with socket.create_connection(("127.0.0.1", cluster.api_port)) as extra:
            try:
                extra.sendall(b"GET /health/liveness HTTP/1.1\r\nHost: x\r\n\r\n")
            except OSError:
                pass  # already closed
            assert closed_by_server(extra)
    finally:
        for sock in held:
            sock.close()


def test_a_json_body_over_the_limit_is_413(reel_cluster):
    cluster = reel_cluster(workers=0)
    body = json.dumps({"model": "sora-2", "prompt": "x" * (300 * 1024)}).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{cluster.api_port}/v1/videos", data=body, method="POST",
        headers={"Authorization": f"Bearer {MASTER_KEY}", "Content-Type": "application/json"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 413
    assert "larger than" in json.loads(refused.value.read())["error"]["message"]


def test_a_full_queue_refuses_new_jobs_with_429(reel_cluster):
    """`reel_settings.max_queued_jobs` reaches the front: with two jobs waiting and no worker, a create is refused."""
    cluster = reel_cluster(workers=0, max_queued_jobs=2)
    cluster.reel_queue("enqueue-noop", "--count", "2")
    client = cluster.client().with_options(max_retries=0)
    with pytest.raises(openai.RateLimitError) as refused:
        client.videos.create(model="sora-2", prompt="one job too many")
    assert refused.value.code == "queue_full"
    assert 1 <= int(refused.value.response.headers["retry-after"]) <= 120
    assert queue_counts(cluster)["ready"] == 2, "the refused job was not enqueued"
