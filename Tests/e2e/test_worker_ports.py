"""Adding workers on one machine needs no flags: each takes the next free metrics port and says which."""
import re
import subprocess
import time
import urllib.request

from worker_cluster import reel_cluster  # noqa: F401

PORT_LINE = re.compile(rb"listening on 127\.0\.0\.1:(\d+)")


def test_three_workers_without_flags_each_get_a_metrics_port(reel_cluster, tmp_path):
    cluster = reel_cluster(workers=0)
    workers = []
    try:
        for index in range(3):
            log_path = tmp_path / f"worker-{index}.log"
            with open(log_path, "wb") as log:
                process = subprocess.Popen(
                    [str(cluster.reel_bin), "worker", "--config", str(cluster.config)], stdout=log, stderr=subprocess.STDOUT
                )
            workers.append((process, log_path))
            # The next worker starts once this one listens, as an operator adding workers one by one would.
            deadline = time.monotonic() + 30
            while not PORT_LINE.search(log_path.read_bytes()):
                assert process.poll() is None, f"worker {index} exited with {process.returncode}:\n{log_path.read_text()}"
                assert time.monotonic() < deadline, f"worker {index} never said its port:\n{log_path.read_text()}"
                time.sleep(0.05)

        ports = [int(PORT_LINE.search(log_path.read_bytes()).group(1)) for _, log_path in workers]
        assert len(set(ports)) == 3, ports
        for (process, log_path), port in zip(workers, ports):
            assert process.poll() is None, log_path.read_text()
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/liveness", timeout=5) as response:
                assert response.status == 200
    finally:
        for process, _ in workers:
            if process.poll() is None:
                process.terminate()
        for process, _ in workers:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_a_busy_explicit_metrics_port_is_refused_with_advice(reel_cluster, tmp_path):
    cluster = reel_cluster(workers=1)
    busy = cluster.workers[0].metrics_port
    result = subprocess.run(
        [str(cluster.reel_bin), "worker", "--config", str(cluster.config), "--metrics-port", str(busy)],
        capture_output=True, text=True, timeout=30,
    )
    assert result.returncode != 0
    assert f"--metrics-port {busy}" in result.stderr and "in use" in result.stderr, result.stderr
