"""Operations of a real `reel api`: health, Prometheus metrics, request ids, graceful shutdown on SIGTERM."""
import json
import signal
import socket
import time

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
