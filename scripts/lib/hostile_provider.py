"""A hostile provider for scripts/chaos: an HTTP proxy in front of `reel sim` that poisons what the workers read.

Which poison a video gets is a function of its id (a hash), so it is the same on every request about it:
- `numbers`: every answer about it carries `progress` 1e300, `created_at` -1e300, `completed_at` and `expires_at`
  1e300. The worker must neither crash nor misbehave: the job completes.
- `retry_after`: its second status poll answers 429 with `Retry-After: 1e300`. The worker must not crash, nor park
  the job forever: it ends (failed when the wait would pass its deadline).
- `redirect`: its content answers 302 to a `file://` URL, a loopback port (Redis) or the link-local metadata
  address (by turns). The worker must refuse and fail the job with a clean error, without the body.
- `clean`: passed through untouched.
Creates are answered as the simulator answers them (so the idempotency counts of /sim/stats stay true). The
server's `counts` say what it did, and per poison how many videos were created and had their content fetched.
"""
import hashlib
import http.client
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HUGE = 1e300


POISONS = ("numbers", "retry_after", "redirect", "clean")


def poison(video_id: str) -> str:
    return POISONS[hashlib.sha256(video_id.encode()).digest()[0] % len(POISONS)]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    upstream = None           # (host, port) of the simulator
    redirect_targets = []     # where poisoned content redirects go
    counts = {}
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def count(self, name):
        with self.lock:
            self.counts[name] = self.counts.get(name, 0) + 1

    def forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection", "content-length")}
        connection = http.client.HTTPConnection(*self.upstream, timeout=120)
        connection.request(self.command, self.path, body=body, headers=headers)
        response = connection.getresponse()
        payload = response.read()
        result = response.status, [(k, v) for k, v in response.getheaders() if k.lower() not in ("connection", "content-length", "transfer-encoding")], payload
        connection.close()
        return result

    def answer(self, status, headers, payload):
        self.send_response(status)
        for key, value in headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def handle_any(self):
        path = self.path.split("?")[0]
        parts = path.strip("/").split("/")
        # /v1/videos/{id}[/content]
        video_id = parts[2] if len(parts) >= 3 and parts[:2] == ["v1", "videos"] and parts[2].startswith("video_") else None
        kind = poison(video_id) if video_id else "clean"
        if video_id and kind == "redirect" and len(parts) == 4 and parts[3] == "content":
            with self.lock:
                if "target:" + video_id not in self.counts:
                    self.counts["target:" + video_id] = len([k for k in self.counts if k.startswith("target:")]) % len(self.redirect_targets)
                target = self.redirect_targets[self.counts["target:" + video_id]]
            self.count("redirect to " + target.split("/")[2] if "//" in target and target.split("/")[2] else "redirect to " + target)
            return self.answer(302, [("Location", target)], b"")
        if video_id and kind == "retry_after" and self.command == "GET" and len(parts) == 3:
            with self.lock:
                polls = self.counts.get("poll:" + video_id, 0) + 1
                self.counts["poll:" + video_id] = polls
            if polls == 2:
                self.count("retry_after 1e300")
                body = json.dumps({"error": {"message": "slow down", "type": "rate_limit_error", "code": "rate_limited"}}).encode()
                return self.answer(429, [("Retry-After", "1e300"), ("Content-Type", "application/json")], body)
        if video_id and len(parts) == 4 and parts[3] == "content" and "variant=spritesheet" in self.path:
            with self.lock:
                first = "fetched:" + video_id not in self.counts
                self.counts["fetched:" + video_id] = 1
            if first:
                self.count(f"{kind} videos fetched")
        status, headers, payload = self.forward()
        if status == 200 and payload[:1] == b"{":
            try:
                document = json.loads(payload)
            except ValueError:
                document = None
            if isinstance(document, dict) and self.command == "POST" and document.get("object") == "video":
                self.count(f"{poison(document.get('id', ''))} videos created")
            if isinstance(document, dict) and document.get("object") == "video" and poison(document.get("id", "")) == "numbers":
                self.count("numbers answers")
                text = json.dumps(document)
                for field, value in (("progress", HUGE), ("created_at", -HUGE), ("completed_at", HUGE), ("expires_at", HUGE)):
                    if field in document and (field != "completed_at" or document[field] is not None):
                        text = text.replace(f'"{field}": {json.dumps(document[field])}', f'"{field}": {value!r}', 1)
                payload = text.encode()
        return self.answer(status, headers, payload)

    do_GET = do_POST = do_DELETE = handle_any


def serve(port, upstream_port, redirect_targets):
    """Starts the proxy on 127.0.0.1:`port` in a daemon thread; returns the server (its `.counts`: what it did)."""
    handler = type("HostileHandler", (Handler,), {
        "upstream": ("127.0.0.1", upstream_port), "redirect_targets": redirect_targets, "counts": {}, "lock": threading.Lock(),
    })
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    server.handle_error = lambda request, address: None  # a worker that gave up on an answer is no news
    server.counts = handler.counts
    threading.Thread(target=server.serve_forever, daemon=True, name="hostile-provider").start()
    return server


if __name__ == "__main__":
    serve(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:] or ["file:///etc/passwd"])
    threading.Event().wait()
