"""Shared fixtures of the end-to-end suites: the reel binary, free ports, real processes, and `reel sim`.

Add fixtures for other processes (`reel api`, `reel worker`) next to `start_sim`, built on `start_process`.
"""

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_json(method: str, url: str, body=None, headers=None, timeout: float = 5):
    """A small JSON request with the standard library; returns (status, parsed body)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


@pytest.fixture(scope="session")
def reel_bin() -> str:
    """Path of the built `reel` binary, from env REEL_BIN (scripts/test sets it)."""
    path = os.environ.get("REEL_BIN")
    if not path or not os.access(path, os.X_OK):
        message = f"REEL_BIN is not an executable reel binary: {path!r}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@dataclass
class RunningProcess:
    argv: list
    process: subprocess.Popen
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


@pytest.fixture
def start_process(tmp_path):
    """Factory: `start_process(argv, ready_url)` starts a real process, waits until GET ready_url answers (any
    HTTP status), and stops it (SIGTERM, then SIGKILL) when the test ends. Output goes to a log file whose text is
    shown if the process dies early."""
    started = []

    def start(argv, ready_url: str, timeout: float = 30) -> RunningProcess:
        log_path = tmp_path / f"process-{len(started)}.log"
        log = open(log_path, "wb")
        process = subprocess.Popen([str(a) for a in argv], stdout=log, stderr=subprocess.STDOUT)
        log.close()
        running = RunningProcess(list(argv), process, log_path)
        started.append(running)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"{argv[:2]} exited with {process.returncode}:\n{running.log()}")
            try:
                urllib.request.urlopen(ready_url, timeout=1).close()
                return running
            except urllib.error.HTTPError:
                return running
            except OSError:
                time.sleep(0.05)
        pytest.fail(f"{argv[:2]} did not answer {ready_url} within {timeout} s:\n{running.log()}")

    yield start
    for running in started:
        if running.process.poll() is None:
            running.process.terminate()
    for running in started:
        try:
            running.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            running.process.kill()
            running.process.wait()


@dataclass
class Sim:
    """A running `reel sim`."""

    port: int
    process: RunningProcess

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        """Base URL for an OpenAI client."""
        return f"{self.url}/v1"

    def stats(self) -> dict:
        status, body = http_json("GET", f"{self.url}/sim/stats")
        assert status == 200, body
        return body

    def key_stats(self, key: str) -> dict:
        return self.stats()["keys"].get(key, {"total": 0, "routes": {}, "faults": {}})

    def inject_faults(self, *faults: str) -> None:
        status, body = http_json("POST", f"{self.url}/sim/faults", {"faults": list(faults)})
        assert status == 200, body

    def reset(self) -> None:
        status, body = http_json("POST", f"{self.url}/sim/reset", {})
        assert status == 200, body


@pytest.fixture
def start_sim(reel_bin, start_process):
    """Factory: `start_sim(render_seconds=0, rate_limit_rate=1, ...)` runs `reel sim` on a free port; keyword
    arguments become flags (`render_seconds=2` → `--render-seconds 2`)."""

    def start(**flags) -> Sim:
        port = free_port()
        argv = [reel_bin, "sim", "--host", "127.0.0.1", "--port", str(port)]
        for name, value in flags.items():
            argv += ["--" + name.replace("_", "-"), str(value)]
        return Sim(port, start_process(argv, f"http://127.0.0.1:{port}/sim/stats"))

    return start
