"""A private replicated Redis for end-to-end failover tests: a primary, two replicas and three `redis-sentinel`s on
loopback, which judge a server down after 500 ms. Two replicas, so that after a failover one is left to acknowledge
writes (`replica_acks: 1`)."""
import signal
import subprocess
import time
from dataclasses import dataclass, field

import pytest

from conftest import free_port

MASTER_NAME = "reel-e2e"


@dataclass
class SentinelDeployment:
    primary_port: int
    replica_ports: list
    sentinel_ports: list
    processes: dict = field(default_factory=dict)

    @property
    def url(self) -> str:
        hosts = ",".join(f"127.0.0.1:{port}" for port in self.sentinel_ports)
        return f"redis-sentinel://{hosts}/{MASTER_NAME}"

    def cli(self, port, *args) -> str:
        result = subprocess.run(["redis-cli", "-p", str(port), *map(str, args)], capture_output=True, text=True, timeout=10)
        return result.stdout.strip()

    def named_primary_port(self) -> int:
        reply = self.cli(self.sentinel_ports[0], "SENTINEL", "get-master-addr-by-name", MASTER_NAME).split()
        return int(reply[-1]) if reply else 0

    def kill_primary(self):
        """SIGKILLs the primary (a crash: no shutdown, no final save)."""
        process = self.processes.pop(self.primary_port)
        process.send_signal(signal.SIGKILL)
        process.wait()


def wait_until(condition, timeout=30, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    pytest.fail(f"{what} not reached within {timeout} s")


@pytest.fixture
def redis_sentinel(tmp_path):
    """Factory: `redis_sentinel()` starts the deployment and returns it once the sentinels have found each other and
    both replicas; every process is killed when the test ends."""
    deployments = []

    def start() -> SentinelDeployment:
        def launch(argv, name):
            log = open(tmp_path / f"{name}.out", "wb")
            process = subprocess.Popen([str(a) for a in argv], stdout=log, stderr=subprocess.STDOUT)
            log.close()
            return process

        def server(port, *extra):
            directory = tmp_path / f"redis-{port}"
            directory.mkdir()
            return launch(
                ["redis-server", "--port", port, "--bind", "127.0.0.1", "--dir", directory, "--save", "", "--appendonly", "no",
                 "--daemonize", "no", "--logfile", directory / "redis.log", *extra],
                f"redis-{port}",
            )

        deployment = SentinelDeployment(free_port(), [free_port(), free_port()], [free_port(), free_port(), free_port()])
        deployments.append(deployment)
        deployment.processes[deployment.primary_port] = server(deployment.primary_port)
        wait_until(lambda: deployment.cli(deployment.primary_port, "PING") == "PONG", what="the primary")
        for port in deployment.replica_ports:
            deployment.processes[port] = server(port, "--replicaof", "127.0.0.1", deployment.primary_port)
        for port in deployment.sentinel_ports:
            directory = tmp_path / f"sentinel-{port}"
            directory.mkdir()
            configuration = directory / "sentinel.conf"
            configuration.write_text(
                f"port {port}\nbind 127.0.0.1\ndaemonize no\ndir {directory}\nlogfile {directory / 'sentinel.log'}\n"
                f"sentinel monitor {MASTER_NAME} 127.0.0.1 {deployment.primary_port} 2\n"
                f"sentinel down-after-milliseconds {MASTER_NAME} 500\nsentinel failover-timeout {MASTER_NAME} 5000\n"
            )
            deployment.processes[port] = launch(["redis-sentinel", configuration], f"sentinel-{port}")
        for port in deployment.replica_ports:
            wait_until(lambda: "connected" in deployment.cli(port, "ROLE").split(), what=f"replica {port} in sync")
        def fields(port, what) -> list:
            # redis-cli prints a reply's nested arrays one element per line, each entry as field, value, field, …
            return deployment.cli(port, "SENTINEL", what, MASTER_NAME).splitlines()

        def settled(port) -> bool:
            replicas, sentinels = fields(port, "REPLICAS"), fields(port, "SENTINELS")
            # A replica is a candidate for promotion once it answered the sentinel itself, with its link up.
            links_up = sum(1 for key, value in zip(replicas, replicas[1:]) if key == "master-link-status" and value == "ok")
            return replicas.count("name") == 2 and links_up == 2 and sentinels.count("name") == 2

        for port in deployment.sentinel_ports:
            wait_until(lambda: settled(port), what=f"sentinel {port} knows both replicas and both other sentinels")
        return deployment

    yield start
    for deployment in deployments:
        for process in deployment.processes.values():
            process.kill()
            process.wait()
