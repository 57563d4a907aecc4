"""A whole Reel on loopback for scripts/chaos and scripts/soak: redis-server (append-only file in the stack's
directory), `reel sim`, one `reel api` and N `reel worker`s as real processes on free ports, plus plain-HTTP
helpers. Every process started is also written to $REEL_PIDS_FILE (when set), so the calling shell's exit trap can
stop what a crashed Python left behind."""
import hashlib
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

MASTER_KEY = "sk-reel-stack-master"
DEPLOYMENT_KEYS = {"sim-a": "sk-sim-a", "sim-b": "sk-sim-b", "sim-c": "sk-sim-c"}
VARIANTS = ("video", "thumbnail", "spritesheet")

CONFIG = """model_list:
{deployments}
router_settings: {{routing_strategy: simple-shuffle, cooldown_time: 1, allowed_fails: 50}}
general_settings: {{master_key: os.environ/REEL_MASTER_KEY}}
reel_settings:
  redis_url: redis://127.0.0.1:{redis_port}
  queue: {queue}
  storage: {{directory: {blobs}}}
  worker:
    poll_interval_min: {poll_min}
    poll_interval_max: {poll_max}
    lease: {lease}
    budgets: {{max_attempts: {max_attempts}, max_polls: 5000, max_stalls: {max_stalls}, deadline: {deadline}}}
  secrets: {{id_secret: reel-stack-id-secret-0123456789}}
"""

DEPLOYMENT = """  - model_name: sora-2
    litellm_params: {{model: openai/sora-2, api_base: "http://127.0.0.1:{port}/v1", api_key: {key}}}
    model_info: {{id: {id}, mode: video_generation}}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, headers=None, timeout=5.0, raw=False):
    """One request; returns (status, body) with the body parsed as JSON unless `raw`. A connection error or a
    timeout returns (None, message)."""
    data = None
    headers = dict(headers or {})
    if isinstance(body, (dict, list)):
        data = json.dumps(body).encode()
        headers.setdefault("Content-Type", "application/json")
    elif isinstance(body, bytes):
        data = body
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, payload = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, payload = error.code, error.read()
    except (urllib.error.URLError, OSError, TimeoutError) as error:
        return None, str(error)
    if raw:
        return status, payload
    try:
        return status, json.loads(payload) if payload else None
    except ValueError:
        return status, payload.decode(errors="replace")


def rss_kib(pid) -> int:
    """Resident set size of a process in KiB (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def directory_bytes(path) -> int:
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                pass
    return total


class Process:
    """A child process with its log file."""

    def __init__(self, name, argv, log_path, env=None):
        self.name, self.argv, self.log_path = name, [str(a) for a in argv], log_path
        self.log = open(log_path, "ab")
        self.popen = subprocess.Popen(self.argv, stdout=self.log, stderr=subprocess.STDOUT, env=env, stdin=subprocess.DEVNULL)
        self.pid = self.popen.pid
        self.expected_exit = False
        pids_file = os.environ.get("REEL_PIDS_FILE")
        if pids_file:
            with open(pids_file, "a") as pids:
                pids.write(f"{self.pid}\n")

    def alive(self) -> bool:
        return self.popen.poll() is None

    def signal(self, sig):
        if self.alive():
            self.popen.send_signal(sig)

    def kill(self):
        """SIGKILLs the process and reaps it."""
        self.expected_exit = True
        if self.alive():
            self.popen.send_signal(signal.SIGCONT)
            self.popen.kill()
        self.popen.wait(timeout=10)
        self.log.close()

    def stop(self, timeout=10):
        """SIGTERM, then SIGKILL after `timeout` seconds."""
        self.expected_exit = True
        if self.alive():
            self.popen.send_signal(signal.SIGCONT)
            self.popen.terminate()
            try:
                self.popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait(timeout=10)
        self.log.close()

    def tail(self, lines=5) -> str:
        try:
            with open(self.log_path, "rb") as log:
                return b"\n".join(log.read().splitlines()[-lines:]).decode(errors="replace")
        except OSError:
            return ""


def wait_until(predicate, timeout, interval=0.1, what="condition"):
    """Polls `predicate` until it returns a true value (returned) or `timeout` seconds pass (TimeoutError)."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise TimeoutError(f"{what}: not within {timeout} s")
        time.sleep(interval)


class Stack:
    """One Reel: Redis (AOF on), a simulator, a front and `workers` workers, all in `directory`.

    `sim_flags` are `reel sim` options without dashes (`{"rate_limit_rate": 0.3}`); `provider_port`, when given, is
    where the deployments point instead of the simulator (a proxy in front of it); `blobs` the blob directory."""

    def __init__(self, reel_bin, directory, name, workers=2, concurrency=16, lease=3, sim_flags=None, blobs=None,
                 poll_min=0.2, poll_max=1, max_attempts=10, max_stalls=20, deadline=600):
        self.reel_bin, self.directory, self.name = reel_bin, directory, name
        os.makedirs(directory, exist_ok=True)
        self.blobs = blobs or os.path.join(directory, "blobs")
        os.makedirs(self.blobs, exist_ok=True)
        self.env = dict(os.environ, REEL_MASTER_KEY=MASTER_KEY)
        self.env.pop("REDIS_URL", None)
        self.settings = dict(lease=lease, poll_min=poll_min, poll_max=poll_max, max_attempts=max_attempts,
                             max_stalls=max_stalls, deadline=deadline)
        self.concurrency = concurrency
        self.redis_port = free_port()
        self.redis = None
        self.start_redis()
        self.sim_port = free_port()
        self.sim_flags = sim_flags or {}
        self.sim = self.start_sim(self.sim_port, self.sim_flags)
        self.provider_port = self.sim_port
        self.api = None
        self.workers = []
        self.worker_count = workers

    # Processes

    def log_path(self, name):
        return os.path.join(self.directory, f"{name}.log")

    def start_redis(self):
        data = os.path.join(self.directory, "redis")
        os.makedirs(data, exist_ok=True)
        self.redis = Process("redis", [
            "redis-server", "--port", self.redis_port, "--bind", "127.0.0.1", "--dir", data, "--save", "",
            "--appendonly", "yes", "--appendfsync", "everysec", "--daemonize", "no",
        ], self.log_path("redis"))
        wait_until(self.redis_ping, 15, 0.05, "redis-server start")

    def redis_ping(self) -> bool:
        return self.redis_cli("PING") == "PONG"

    def redis_cli(self, *args, timeout=5):
        try:
            result = subprocess.run(["redis-cli", "-p", str(self.redis_port), *map(str, args)], capture_output=True,
                                    text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        return result.stdout.strip() if result.returncode == 0 else None

    def start_sim(self, port, flags):
        argv = [self.reel_bin, "sim", "--host", "127.0.0.1", "--port", port, "--log-level", "warning"]
        for key, value in flags.items():
            argv += ["--" + key.replace("_", "-"), value]
        process = Process("sim", argv, self.log_path("sim"), env=self.env)
        self.wait_http(f"http://127.0.0.1:{port}/sim/stats", process)
        return process

    def wait_http(self, url, process, timeout=30):
        def ready():
            if not process.alive():
                raise RuntimeError(f"{process.name} exited at start: {process.tail()}")
            return http("GET", url, timeout=2)[0] == 200
        wait_until(ready, timeout, 0.1, f"{process.name} at {url}")

    def start(self, provider_port=None):
        """Writes the configuration and starts the front and the workers."""
        self.provider_port = provider_port or self.sim_port
        deployments = "\n".join(DEPLOYMENT.format(port=self.provider_port, key=key, id=id) for id, key in DEPLOYMENT_KEYS.items())
        self.config = os.path.join(self.directory, "config.yaml")
        with open(self.config, "w") as config:
            config.write(CONFIG.format(deployments=deployments, redis_port=self.redis_port, queue=self.name,
                                       blobs=json.dumps(self.blobs), **self.settings))
        self.api_port = free_port()
        self.api = Process("api", [self.reel_bin, "api", "--config", self.config, "--host", "127.0.0.1", "--port", self.api_port],
                           self.log_path("api"), env=self.env)
        self.wait_http(f"{self.api_url}/health/readiness", self.api)
        self.workers = [self.start_worker(n) for n in range(self.worker_count)]

    def start_worker(self, index):
        port = free_port()
        process = Process(f"worker-{index}", [
            self.reel_bin, "worker", "--config", self.config, "--concurrency", self.concurrency, "--metrics-port", port,
            "--grace-period", 2, "--log-level", "warning",
        ], self.log_path(f"worker-{index}"), env=self.env)
        process.metrics_port = port
        self.wait_http(f"http://127.0.0.1:{port}/health/liveness", process)
        return process

    def kill_worker(self, index, restart=True):
        self.workers[index].kill()
        if restart:
            self.workers[index] = self.start_worker(index)

    def crashed(self):
        """Processes of the stack that exited without being told to."""
        processes = [self.api, self.sim, self.redis, *self.workers]
        return [p.name for p in processes if p is not None and not p.alive() and not p.expected_exit]

    def stop(self):
        for process in [*self.workers, self.api, self.sim, self.redis]:
            if process is not None:
                process.stop(timeout=5)

    # HTTP

    @property
    def api_url(self):
        return f"http://127.0.0.1:{self.api_port}"

    @property
    def sim_url(self):
        return f"http://127.0.0.1:{self.sim_port}"

    def auth(self, extra=None):
        return {"Authorization": f"Bearer {MASTER_KEY}", **(extra or {})}

    def sim_stats(self):
        status, body = http("GET", f"{self.sim_url}/sim/stats", timeout=10)
        if status != 200:
            raise RuntimeError(f"GET /sim/stats answered {status}: {body}")
        return body

    # The job ids of a finished log (a stream of `job`, `owner` entries), in order.
    LOG_JOBS_SCRIPT = "local out = {} for _, e in ipairs(redis.call('XRANGE', KEYS[1], '-', '+')) do out[#out + 1] = e[2][2] end return out"

    def queue_states(self):
        """{state: list of job ids} of the queue's state sets (read straight from Redis): sorted sets for the states a
        job passes through and for dead jobs, logs (streams) for done and cancelled ones. A job listed twice, in one
        state or in two, was counted twice."""
        states = {}
        for state in ("ready", "scheduled", "active", "dead"):
            out = self.redis_cli("ZRANGE", f"reel:{{{self.name}}}:{state}", 0, -1, timeout=10)
            states[state] = out.split() if out else []
        for state in ("done", "cancelled"):
            out = self.redis_cli("EVAL", self.LOG_JOBS_SCRIPT, 1, f"reel:{{{self.name}}}:{state}:log", timeout=10)
            states[state] = out.split() if out else []
        return states

    def temporaries(self):
        """Files left in the blob store's temporary directory."""
        tmp = os.path.join(self.blobs, ".tmp")
        found = []
        for root, _, files in os.walk(tmp):
            found += [os.path.join(root, f) for f in files]
        return found


def multipart(fields, files):
    """(body, content type) of a multipart/form-data body: `fields` {name: text}, `files` {name: (filename, type, bytes)}."""
    boundary = "reel-stack-" + hashlib.sha1(os.urandom(8)).hexdigest()
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, content_type, data) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n".encode() + data + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"
