"""The body of scripts/chaos: one fault per row, each against a fresh Reel on loopback (redis-server with an
append-only file, `reel sim`, one `reel api`, three `reel worker`s, lease 3 s), under a steady load of creates (JSON
and multipart uploads) sent as plain HTTP with an Idempotency-Key each. After each fault the row checks that:

- every accepted job reaches completed or failed within a bound, and fails only for a reason the fault explains;
- no job was created twice at the provider (the simulator's creates against the distinct idempotency keys it saw)
  and no job sits in two of the queue's state sets;
- every completed job's three variants download byte for byte as the simulator serves them (nothing lost or half
  written), and a job with an upload did not lose it;
- the blob store's temporary directory is empty;
- no process died that the row did not kill, and the same front answers again: the recovery time is from the end of
  the fault until a job posted then has completed (for the provider's faults, which last the whole row, from the end
  of the load).

A post whose answer was lost or refused (the front answers 503 while Redis is away) is sent again after the fault
with the same Idempotency-Key, as a client would; only what the front accepted counts as accepted.

`--quick` runs CI's subset: the rows that take seconds (not Redis paused past the lease, nor the provider's hangs
and moderation), with a shorter load and fewer kills, under the same checks."""
import argparse
import concurrent.futures
import hashlib
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections import Counter
from functools import partial

import hostile_provider
from reel_stack import MASTER_KEY, VARIANTS, Stack, free_port, http, multipart, wait_until

RATE = 4                 # creates per second
LOAD_SECONDS = 10        # how long each row posts
QUICK_LOAD_SECONDS = 6   # the same with --quick
LEASE = 3                # seconds (reel_settings.worker.lease)
VIDEO_BYTES = 300_000    # size of the simulator's video variant
SETTLE_SECONDS = 150     # bound for every accepted job to reach a final state, from the end of the load
WORKERS = 3


class Row:
    """A fault. `expected_failures`: the failure codes (or "*text" in the message) the fault explains; any other fails
    the row. Rows with `provider_fault` run side by side once the others are done (they are slow: a hung request
    lasts the worker's 60 s timeout; with --quick, alongside them), the others one after the other. `quick`: the row
    is part of --quick."""

    def __init__(self, name, fault, sim_flags=None, expected_failures=(), provider_fault=False, needs_root=False, must_stall=False,
                 quick=True):
        self.name, self.fault, self.sim_flags = name, fault, dict(sim_flags or {})
        self.must_stall = must_stall  # the fault must make leases expire, or the row tested nothing
        self.expected_failures = set(expected_failures)
        self.provider_fault, self.needs_root, self.quick = provider_fault, needs_root, quick


class Run:
    """One row: a stack, the load, the fault, and what the checks found."""

    def __init__(self, row, stack, reference, load_seconds):
        self.row, self.stack, self.reference, self.load_seconds = row, stack, reference, load_seconds
        self.lock = threading.Lock()
        self.accepted = {}        # video id -> idempotency key
        self.uploads = set()      # video ids created with an upload
        self.unanswered = {}      # idempotency key -> (body, headers, upload?) of posts without a definite answer
        self.refusals = Counter() # status of refused posts (before retries)
        self.fault_end = None
        self.last_kill = 0.0      # wall-clock time of the last SIGKILL of a worker
        self.probe = None         # (video id, seconds from the fault's end to its completion)
        self.problems = []
        self.random = random.Random(row.name)
        self.upload = os.urandom(32 * 1024)

    # Load

    def post(self, n, retry=False):
        key = f"chaos-{self.stack.name}-{n}"
        upload = n % 4 == 3
        if upload:
            body, content_type = multipart({"prompt": f"chaos {n}", "model": "sora-2", "seconds": "4"},
                                           {"input_reference": ("ref.png", "image/png", self.upload)})
            headers = self.stack.auth({"Content-Type": content_type, "Idempotency-Key": key})
        else:
            body = {"prompt": f"chaos {n}", "model": "sora-2", "seconds": "4", "size": "1280x720"}
            headers = self.stack.auth({"Idempotency-Key": key})
        return self.send(key, body, headers, upload)

    def send(self, key, body, headers, upload):
        status, answer = http("POST", f"{self.stack.api_url}/v1/videos", body, headers, timeout=15)
        with self.lock:
            if status == 200 and isinstance(answer, dict) and str(answer.get("id", "")).startswith("video_"):
                self.accepted[answer["id"]] = key
                if upload:
                    self.uploads.add(answer["id"])
                self.unanswered.pop(key, None)
                return answer["id"]
            self.refusals[status or "no answer"] += 1
            if status is None or status >= 500 or status in (429, 409):
                self.unanswered[key] = (body, headers, upload)
            else:
                self.problems.append(f"post {key} answered {status}: {str(answer)[:160]}")
        return None

    def load(self):
        pool = concurrent.futures.ThreadPoolExecutor(16)
        started = time.monotonic()
        futures = []
        for n in range(int(RATE * self.load_seconds)):
            delay = started + n / RATE - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            futures.append(pool.submit(self.post, n))
        concurrent.futures.wait(futures)
        pool.shutdown()

    def resend_unanswered(self):
        """Posts without a definite answer, again with their Idempotency-Key, until the front answers (bounded)."""
        deadline = time.monotonic() + 60
        while self.unanswered and time.monotonic() < deadline:
            for key, (body, headers, upload) in list(self.unanswered.items()):
                self.send(key, body, headers, upload)
            if self.unanswered:
                time.sleep(1)

    # Fault bookkeeping

    def end_fault(self):
        """Marks the fault's end and starts the probe: a job posted now, whose completion time is the recovery time."""
        self.fault_end = time.monotonic()
        threading.Thread(target=self.run_probe, name="probe", daemon=True).start()

    def run_probe(self):
        started = self.fault_end
        key = f"chaos-{self.stack.name}-probe"
        body = {"prompt": "chaos probe", "model": "sora-2", "seconds": "4", "size": "1280x720"}
        video_id = None
        while video_id is None and time.monotonic() - started < 60:
            video_id = self.send(key, body, self.stack.auth({"Idempotency-Key": key}), False)
            if video_id is None:
                time.sleep(0.2)
        if video_id is None:
            return
        while time.monotonic() - started < SETTLE_SECONDS:
            status, video = http("GET", f"{self.stack.api_url}/v1/videos/{video_id}", headers=self.stack.auth())
            if status == 200 and video["status"] in ("completed", "failed"):
                self.probe = (video_id, time.monotonic() - started, video["status"])
                return
            time.sleep(0.1)

    # Checks

    def settle(self):
        """Polls every accepted job until it is final; returns ({id: video}, [ids not final], [ids unknown to the front])."""
        deadline = time.monotonic() + SETTLE_SECONDS
        pending, final, unknown = set(self.accepted), {}, []
        while pending and time.monotonic() < deadline:
            for video_id in list(pending):
                status, video = http("GET", f"{self.stack.api_url}/v1/videos/{video_id}", headers=self.stack.auth())
                if status == 404:
                    unknown.append(video_id)
                    pending.discard(video_id)
                elif status == 200 and video["status"] in ("completed", "failed"):
                    final[video_id] = video
                    pending.discard(video_id)
            if pending:
                time.sleep(0.5)
        return final, sorted(pending), unknown

    def content_matches(self, video_id):
        for variant in VARIANTS:
            status, body = http("GET", f"{self.stack.api_url}/v1/videos/{video_id}/content?variant={variant}",
                                headers=self.stack.auth(), raw=True, timeout=30)
            if status != 200 or hashlib.sha256(body).hexdigest() != self.reference[variant]:
                size = len(body) if isinstance(body, bytes) else 0
                return f"{variant}: {status}, {size} bytes"
        return None


def reference_content(reel_bin, directory):
    """sha256 of each variant as a clean simulator serves them (every video's variants are the same bytes)."""
    stack = Stack.__new__(Stack)
    stack.reel_bin, stack.directory, stack.env = reel_bin, directory, dict(os.environ)
    os.makedirs(directory, exist_ok=True)
    port = free_port()
    sim = stack.start_sim(port, {"render_seconds": 0, "video_bytes": VIDEO_BYTES})
    try:
        base, headers = f"http://127.0.0.1:{port}/v1/videos", {"Authorization": "Bearer sk-sim-a"}
        status, video = http("POST", base, {"prompt": "reference", "seconds": "4"}, headers)
        if status != 200:
            raise RuntimeError(f"the reference simulator answered {status}: {video}")
        wait_until(lambda: http("GET", f"{base}/{video['id']}", headers=headers)[1]["status"] == "completed", 10, 0.1, "reference video")
        sums = {}
        for variant in VARIANTS:
            status, body = http("GET", f"{base}/{video['id']}/content?variant={variant}", headers=headers, raw=True)
            if status != 200:
                raise RuntimeError(f"the reference simulator's {variant} answered {status}")
            sums[variant] = hashlib.sha256(body).hexdigest()
        return sums
    finally:
        sim.stop()


# Faults: each runs while the load runs (it starts with the load) and calls run.end_fault().

def redis_kill(run, times):
    for _ in range(times):
        time.sleep(2)
        run.stack.redis.kill()
        time.sleep(1.5)
        run.stack.start_redis()
    run.end_fault()


def redis_pause(run):
    time.sleep(2)
    run.stack.redis.signal(signal.SIGSTOP)
    time.sleep(LEASE + 3)
    run.stack.redis.signal(signal.SIGCONT)
    run.end_fault()


def worker_kills(run, kills):
    time.sleep(1)
    for n in range(kills):
        index = run.random.randrange(len(run.stack.workers))
        run.stack.kill_worker(index, restart=False)
        run.last_kill = time.time()
        run.stack.workers[index] = run.stack.start_worker(index)
        time.sleep(1)
    run.end_fault()


def provider_fault(run):
    """The simulator's faults last the whole row: the recovery is measured from the end of the load."""
    time.sleep(run.load_seconds)
    run.end_fault()


def disk_full(run):
    """The blob store is a 3 MiB tmpfs (it fills after ~10 jobs) until a second after it is full, then 256 MiB."""
    def full():
        store = os.statvfs(run.stack.blobs)
        return store.f_bavail * store.f_frsize < VIDEO_BYTES
    try:
        wait_until(full, run.load_seconds, 0.1, "a full blob store")
        time.sleep(1)  # jobs meet the full store for a while
    except TimeoutError:
        run.problems.append("the blob store did not fill: the row tested nothing")
    subprocess.run(["mount", "-o", "remount,size=256m", run.stack.blobs], check=True)
    run.end_fault()


def fault_table(quick):
    """The rows; with `quick`, those that take seconds, with fewer kills and errors (for a load of QUICK_LOAD_SECONDS).
    Errors in a row double a job's backoff: at 30% the slowest job of a row takes over a minute now and then."""
    redis_kills, kills, error_rate = (1, 4, 0.15) if quick else (2, 6, 0.3)
    rows = [
        Row(f"redis SIGKILL + AOF restart ×{redis_kills}", partial(redis_kill, times=redis_kills)),
        Row(f"redis SIGSTOP {LEASE + 3}s (lease {LEASE}s)", redis_pause, must_stall=True, quick=False),
        # Half the provider's answers take 1.5 s, so that the workers killed hold jobs (a worker holds a job only while
        # it calls the provider or stores results; between polls the job waits in Redis).
        Row(f"workers SIGKILL ×{kills} + restart", partial(worker_kills, kills=kills), {"slow_rate": 0.5, "slow_seconds": 1.5},
            must_stall=True),
        Row(f"provider 429 ({error_rate:.0%})", provider_fault, {"rate_limit_rate": error_rate, "retry_after_seconds": 1},
            provider_fault=True),
        Row(f"provider 500 ({error_rate:.0%})", provider_fault, {"server_error_rate": error_rate}, provider_fault=True),
        Row("provider hangs (3%, > 60 s)", provider_fault, {"hang_rate": 0.03, "hang_seconds": 90}, provider_fault=True,
            quick=False),
        Row("provider moderation (30%)", provider_fault, {"moderation_rate": 0.3},
            expected_failures={"moderation_blocked"}, provider_fault=True, quick=False),
        Row("blob store full (3 MiB tmpfs)", disk_full, needs_root=True),
        # A redirect the worker refuses fails its job; so does a Retry-After beyond the job's deadline (at once, rather
        # than parking the job until then).
        Row("provider hostile numbers + redirects", provider_fault, expected_failures={"*redirect", "deadline_exceeded"},
            provider_fault=True),
    ]
    return [row for row in rows if row.quick or not quick]


def run_row(row, args, reference, index):
    directory = os.path.join(args.dir, f"row{index}")
    os.makedirs(directory)
    blobs = None
    mounted = False
    result = dict(fault=row.name, accepted=0, completed=0, failed="", lost=0, duplicates=0, recovery="-", ok=False, notes=[])
    if row.needs_root:
        blobs = os.path.join(directory, "blobs")
        os.makedirs(blobs)
        try:
            mount = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", blobs], capture_output=True, text=True)
            why = mount.stderr.strip() if mount.returncode != 0 else None
        except OSError as error:
            why = str(error)
        if why is not None:
            result.update(failed="-", lost="-", duplicates="-", skipped=True)
            result["notes"].append(f"skipped: mounting a tmpfs needs root ({why})")
            return result
        mounted = True
    stack = None
    proxy = None
    try:
        stack = Stack(args.reel_bin, directory, f"chaos-{index}", workers=WORKERS, lease=LEASE, blobs=blobs,
                      sim_flags={"render_seconds": 1, "video_bytes": VIDEO_BYTES, "seed": index, **row.sim_flags},
                      max_attempts=10, max_stalls=20, deadline=300)
        provider_port = None
        if row.name.startswith("provider hostile"):
            provider_port = free_port()
            targets = [f"http://127.0.0.1:{stack.redis_port}/", "file:///etc/passwd", "http://169.254.169.254/latest/meta-data/"]
            proxy = hostile_provider.serve(provider_port, stack.sim_port, targets)
        stack.start(provider_port)
        run = Run(row, stack, reference, args.load_seconds)
        api_pid = stack.api.pid
        fault = threading.Thread(target=lambda: guarded(row.fault, run), name="fault", daemon=True)
        fault.start()
        run.load()
        fault.join(timeout=120)
        if run.fault_end is None:
            run.problems.append("the fault did not finish")
            run.end_fault()
        run.resend_unanswered()
        final, pending, unknown = run.settle()
        wait_until(lambda: run.probe is not None or time.monotonic() - run.fault_end > SETTLE_SECONDS, SETTLE_SECONDS + 5, 0.2, "probe")
        check(run, result, final, pending, unknown, api_pid, proxy)
    except Exception as error:  # a row that cannot run is a failed row, and the next row still runs
        result["notes"].append(f"error: {error}")
        traceback.print_exc()
    finally:
        if proxy is not None:
            proxy.shutdown()
        if stack is not None:
            stack.stop()
        if mounted:
            subprocess.run(["umount", "-l", blobs], check=False)
    return result


def guarded(fault, run):
    try:
        fault(run)
    except Exception as error:
        run.problems.append(f"fault: {error}")


# A job is a hash until it ends done or cancelled, then a string packed as in Sources/ReelQueue/PackedJob.swift: "J1",
# then each field as <byte count>:<value>, `stalls` the 8th.
STALLS_SCRIPT = """local total = 0
for _, key in ipairs(redis.call('KEYS', ARGV[1])) do
    local kind = redis.call('TYPE', key).ok
    if kind == 'hash' then
        total = total + (tonumber(redis.call('HGET', key, 'stalls')) or 0)
    elseif kind == 'string' and string.sub(redis.call('GET', key), 1, 2) == 'J1' then
        local packed, at = redis.call('GET', key), 3
        for field = 1, 8 do
            local colon = string.find(packed, ':', at, true)
            local count = tonumber(string.sub(packed, at, colon - 1))
            if field == 8 then total = total + (tonumber(string.sub(packed, colon + 1, colon + count)) or 0) end
            at = colon + 1 + count
        end
    end
end
return total"""


def check(run, result, final, pending, unknown, api_pid, proxy):
    stack, row, notes = run.stack, run.row, result["notes"]
    probe_id = run.probe[0] if run.probe else None
    jobs = {video_id: video for video_id, video in final.items() if video_id != probe_id}
    result["accepted"] = len(run.accepted) - (1 if probe_id else 0)
    completed = [video_id for video_id, video in jobs.items() if video["status"] == "completed"]
    failed = Counter()
    lost = set(pending) | set(unknown)
    if pending:
        notes.append(f"{len(pending)} job(s) not final after {SETTLE_SECONDS} s, e.g. {pending[0]}")
    if unknown:
        notes.append(f"{len(unknown)} accepted job(s) unknown to the front (404), e.g. {unknown[0]}")
    unexpected = Counter()
    described = set()
    for video_id, video in jobs.items():
        if video["status"] != "failed":
            continue
        error = video.get("error") or {}
        code, message = error.get("code") or "?", error.get("message") or ""
        failed[code] += 1
        if code == "input_not_found" and video_id in run.uploads:
            lost.add(video_id)
            notes.append(f"{video_id}: its upload was lost ({message})")
            continue
        # An expected failure is named by its code, or by "*text" found in its message.
        expected = code in row.expected_failures or any(
            e.startswith("*") and e[1:] in message.lower() for e in row.expected_failures
        )
        if not expected:
            unexpected[code] += 1
        kind = (code, expected, re.sub(r"[0-9a-f]{8,}|\d+", "#", message))  # one line per message, ids and numbers aside
        if kind not in described:
            described.add(kind)
            notes.append(f"{'expected' if expected else 'UNEXPECTED'} failure {code}: {message[:300]}")
    for video_id in completed:
        mismatch = run.content_matches(video_id)
        if mismatch:
            lost.add(video_id)
            notes.append(f"{video_id}: content does not match the simulator's ({mismatch})")
    result["completed"] = len(completed)
    result["failed"] = ", ".join(f"{n} {code}" for code, n in failed.most_common()) or "0"
    result["lost"] = len(lost)

    stats = stack.sim_stats()
    creates = stats["videos_created"]
    keys = len(stats.get("idempotency_keys", {}))
    states = stack.queue_states()
    seen = Counter(job for members in states.values() for job in members)
    in_two = sum(1 for n in seen.values() if n > 1)
    extra_creates = max(creates - keys, creates - len(run.accepted), 0)
    result["duplicates"] = extra_creates + in_two
    if extra_creates:
        notes.append(f"the provider created {creates} videos for {len(run.accepted)} accepted jobs ({keys} idempotency keys)")
    if in_two:
        notes.append(f"{in_two} job(s) listed twice in the queue's states (a job finished twice, or in two states)")
    # Whether the fault bit: leases that expired (a job handed to another worker) over the row's jobs.
    stalls = stack.redis_cli("EVAL", STALLS_SCRIPT, 0, f"reel:{{{stack.name}}}:job:*")
    if stalls is None or not stalls.isdigit():
        run.problems.append(f"lease expiries could not be counted: {stalls}")
    elif stalls != "0":
        notes.append(f"lease expiries (jobs resumed by another worker): {stalls}")
    elif row.must_stall:
        run.problems.append("no lease expired: the fault did not catch a job in a worker's hands")

    # A SIGKILLed worker cannot remove the temporary file it was writing: the front's sweeper removes such files once
    # they have been idle for an hour. Those last written before the last kill are counted apart; any other fails.
    def left():
        found = []
        for path in stack.temporaries():
            try:
                if os.stat(path).st_mtime > run.last_kill:
                    found.append(path)
            except FileNotFoundError:
                pass
        return found

    temporaries = []
    try:
        wait_until(lambda: not left(), 10, 0.5, "empty temporary directory")
    except TimeoutError:
        temporaries = left()
        notes.append(f"{len(temporaries)} temporary file(s) left in the blob store, e.g. {temporaries[0]}")
    abandoned = len(stack.temporaries()) - len(temporaries)
    if abandoned:
        notes.append(f"{abandoned} temporary file(s) abandoned by SIGKILLed workers (swept by the front after 1 h idle)")

    crashed = stack.crashed()
    if crashed:
        notes.append(f"exited on their own: {', '.join(crashed)}")
    front_ok = stack.api.pid == api_pid and stack.api.alive() and http("GET", f"{stack.api_url}/health/readiness")[0] == 200
    if not front_ok:
        notes.append("the front did not recover (or was restarted)")
    if run.probe is None:
        notes.append("the probe job posted after the fault did not finish")
    else:
        result["recovery"] = f"{run.probe[1]:.1f}s" + ("" if run.probe[2] == "completed" else f" ({run.probe[2]})")
    refused = sum(run.refusals.values())
    if refused:
        notes.append("refused or unanswered posts before retries: " + ", ".join(f"{n}× {s}" for s, n in run.refusals.items()))
    injected = {k: v for k, v in stats.get("faults", {}).items()}
    if row.sim_flags:
        notes.append("simulator's faults: " + (", ".join(f"{k} {v}" for k, v in sorted(injected.items())) or "none"))
        if not injected:
            run.problems.append("the simulator injected no fault: the row tested nothing")
    if proxy is not None:
        counts = {k: v for k, v in proxy.counts.items() if not k.startswith(("poll:", "fetched:", "target:"))}
        if not counts.get("numbers answers") or not counts.get("retry_after 1e300") or not any(k.startswith("redirect to") for k in counts):
            run.problems.append("the hostile provider did not get to answer every kind of poison")
        # Videos answered with 1e300 numbers must still complete: their content is fetched, as clean videos' is.
        if counts.get("numbers videos fetched", 0) < counts.get("numbers videos created", 0):
            run.problems.append("videos answered with 1e300 numbers did not all complete")
        notes.append("hostile provider: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    completes_any = row.provider_fault and row.expected_failures or len(completed) > 0
    result["ok"] = (result["lost"] == 0 and result["duplicates"] == 0 and not unexpected and not temporaries and not crashed
                    and front_ok and run.probe is not None and result["accepted"] > 0 and bool(completes_any)
                    and not run.problems and not run.unanswered)
    if run.unanswered:
        notes.append(f"{len(run.unanswered)} post(s) never answered, even after the fault")
    notes.extend(run.problems)


def print_table(results):
    headers = ["fault", "accepted", "completed", "failed (reason)", "lost", "duplicates", "recovery", "result"]
    rows = [[r["fault"], r["accepted"], r["completed"], r["failed"], r["lost"], r["duplicates"], r["recovery"],
             "SKIPPED" if r.get("skipped") else ("ok" if r["ok"] else "FAILED")] for r in results]
    widths = [max(len(str(x)) for x in column) for column in zip(headers, *rows)]
    line = lambda cells: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"
    print(line(headers))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for cells in rows:
        print(line(cells))
    for r in results:
        for note in r["notes"]:
            print(f"  {r['fault']}: {note}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", required=True, help="working directory (logs, blobs, Redis data)")
    parser.add_argument("--reel-bin", required=True)
    parser.add_argument("--only", help="run only the rows whose name contains this text")
    parser.add_argument("--quick", action="store_true", help="CI's subset: the fast rows, a shorter load, fewer kills")
    args = parser.parse_args()
    args.load_seconds = QUICK_LOAD_SECONDS if args.quick else LOAD_SECONDS
    os.environ["REEL_MASTER_KEY"] = MASTER_KEY
    reference = reference_content(args.reel_bin, os.path.join(args.dir, "reference"))
    rows = [row for row in fault_table(args.quick) if not args.only or args.only.lower() in row.name.lower()]
    if not rows:
        sys.exit(f"no row matches --only {args.only!r}")
    results = [None] * len(rows)

    def one(index):
        started = time.monotonic()
        print(f"==> chaos: {rows[index].name}", file=sys.stderr, flush=True)
        results[index] = run_row(rows[index], args, reference, index)
        print(f"==> chaos: {rows[index].name}: {'ok' if results[index]['ok'] else 'FAILED'} in {time.monotonic() - started:.0f} s",
              file=sys.stderr, flush=True)

    provider_rows = [index for index, row in enumerate(rows) if row.provider_fault]
    with concurrent.futures.ThreadPoolExecutor(len(rows)) as pool:
        # With --quick the provider's rows (faults of the simulator, none timed) run alongside the others, not after.
        alongside = [pool.submit(one, index) for index in provider_rows] if args.quick else []
        for index, row in enumerate(rows):
            if not row.provider_fault:
                one(index)
        concurrent.futures.wait(alongside or [pool.submit(one, index) for index in provider_rows])
    print_table(results)
    sys.exit(0 if all(r["ok"] or r.get("skipped") for r in results) else 1)


if __name__ == "__main__":
    main()
