"""Slow and numerous clients cannot hold the front: idle connections are closed, a dripping body is refused
with 408 and leaves no temporary file, and connections beyond the cap are closed as they arrive."""
import socket
import time

from worker_cluster import MASTER_KEY, reel_cluster  # noqa: F401


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


def test_a_dripping_body_is_refused_and_leaves_no_temporary_file(reel_cluster, tmp_path):
    cluster = reel_cluster(workers=0, api_flags=["--idle-timeout", "5", "--request-timeout", "1"])
    boundary = "drip"
    head = (
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"input_reference\"; filename=\"a.png\"\r\n"
        "Content-Type: image/png\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", cluster.api_port)) as sock:
        sock.sendall(
            (
                f"POST /v1/videos HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {MASTER_KEY}\r\n"
                f"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: 100000\r\n\r\n"
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
