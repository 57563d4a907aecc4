"""The body of scripts/soak: mixed load at a steady rate against a whole Reel on loopback, with the memory of each
process, Redis's used_memory and the blob store's size sampled every 10 s into a CSV, plotted, and compared between
the second and the last third of the run."""
import argparse
import csv
import os
import random
import sys
import time

from reel_stack import VARIANTS, Stack, directory_bytes, http, multipart, rss_kib

SAMPLE_SECONDS = 10
COUNTS = ("created", "completed", "failed", "downloaded", "deleted", "errors")
# A client keeps a video this long after downloading it, then deletes it (its record and, with it, its blobs).
KEEP_SECONDS = 120
# Remixes and extensions take their source among the videos completed this recently (well before their deletion).
SOURCE_WINDOW = 60
# Growth of a series between the mean of the second third and that of the last third that counts as growth: a share
# of the second third's mean and an absolute floor (so a 3 MB process growing by 1 MB is no alarm).
GROWTH_SHARE = 0.10
GROWTH_FLOOR = {"rss_kib": 4 * 1024, "bytes": 1024 * 1024, "per_key": 256}
# Sampled and plotted, but not judged: the simulator keeps every video it rendered (it is not part of Reel), and
# Redis's used_memory (and so its RSS) holds every job's record for the queue's retention (7 days), so it grows with the jobs done by
# design; what is judged for Redis is its memory per key, which a leak would make grow.
RETAINED = "job records are kept for the retention; see per key"
NOT_JUDGED = {"sim_rss_kib": "the simulator", "redis_rss_kib": RETAINED, "redis_used_memory_bytes": RETAINED}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--rate", type=float, default=2.0, help="new jobs per second")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--render-seconds", type=float, default=3)
    parser.add_argument("--dir", help="working directory (logs, blobs, Redis data)")
    parser.add_argument("--csv", required=True)
    parser.add_argument("--png", required=True)
    parser.add_argument("--reel-bin")
    parser.add_argument("--from-csv", action="store_true", help="run nothing: plot and judge the samples already in --csv")
    args = parser.parse_args()
    if args.from_csv:
        with open(args.csv) as samples:
            rows = [{k: int(v) for k, v in row.items()} for row in csv.DictReader(samples)]
        args.minutes = rows[-1]["t_s"] / 60
        plot(rows, args.png, args)
        sys.exit(0 if report(rows, {k: rows[-1][k] for k in COUNTS}) else 1)
    if not args.dir or not args.reel_bin:
        parser.error("--dir and --reel-bin are required unless --from-csv")

    stack = Stack(args.reel_bin, args.dir, "soak", workers=args.workers, lease=10, poll_min=0.5, poll_max=2,
                  sim_flags={"render_seconds": args.render_seconds, "seed": 1})
    try:
        stack.start()
        ok = soak(stack, args)
    finally:
        stack.stop()
    sys.exit(0 if ok else 1)


class Load:
    """The client side: creates at a steady rate, polls, downloads, follows up and deletes; counts what happened."""

    def __init__(self, stack, rate):
        self.stack, self.rate = stack, rate
        self.random = random.Random(7)
        self.in_flight = {}          # id -> next poll time
        self.completed = []          # (completed at, id), oldest first, not yet deleted
        self.counts = dict.fromkeys(COUNTS, 0)
        self.kinds = dict(generate=0, upload=0, remix=0, extend=0)
        self.upload = os.urandom(48 * 1024)
        self.next_create = time.monotonic()
        self.redis_baseline = 0

    def create(self, now):
        recent = [video_id for at, video_id in self.completed if now - at < SOURCE_WINDOW]
        roll = self.random.random()
        headers = self.stack.auth()
        url = f"{self.stack.api_url}/v1/videos"
        if roll < 0.15 and recent:
            kind, source = "remix", self.random.choice(recent)
            status, body = http("POST", f"{url}/{source}/remix", {"prompt": "soak remix"}, headers)
        elif roll < 0.30 and recent:
            kind, source = "extend", self.random.choice(recent)
            status, body = http("POST", f"{url}/extensions", {"video": {"id": source}, "prompt": "soak extension", "seconds": "4"}, headers)
        elif roll < 0.45:
            kind = "upload"
            body, content_type = multipart({"prompt": "soak upload", "model": "sora-2", "seconds": "4"},
                                           {"input_reference": ("ref.png", "image/png", self.upload)})
            status, body = http("POST", url, body, self.stack.auth({"Content-Type": content_type}), timeout=15)
        else:
            kind = "generate"
            status, body = http("POST", url, {"prompt": "soak", "model": "sora-2", "seconds": "4", "size": "1280x720"}, headers)
        if status == 200 and isinstance(body, dict) and body.get("id"):
            self.in_flight[body["id"]] = now + 1
            self.counts["created"] += 1
            self.kinds[kind] += 1
        else:
            self.counts["errors"] += 1
            print(f"soak: {kind} answered {status}: {str(body)[:200]}", file=sys.stderr)

    def poll(self, now):
        for video_id, due in list(self.in_flight.items()):
            if due > now:
                continue
            status, body = http("GET", f"{self.stack.api_url}/v1/videos/{video_id}", headers=self.stack.auth())
            if status != 200:
                self.counts["errors"] += 1
                self.in_flight[video_id] = now + 1
                continue
            if body["status"] == "completed":
                del self.in_flight[video_id]
                self.counts["completed"] += 1
                self.download(video_id)
                self.completed.append((now, video_id))
            elif body["status"] == "failed":
                del self.in_flight[video_id]
                self.counts["failed"] += 1
                print(f"soak: {video_id} failed: {body.get('error')}", file=sys.stderr)
            else:
                self.in_flight[video_id] = now + 1

    def download(self, video_id):
        for variant in VARIANTS:
            status, body = http("GET", f"{self.stack.api_url}/v1/videos/{video_id}/content?variant={variant}",
                                headers=self.stack.auth(), raw=True, timeout=15)
            if status == 200 and body:
                self.counts["downloaded"] += 1
            else:
                self.counts["errors"] += 1

    def delete_old(self, now):
        while self.completed and now - self.completed[0][0] >= KEEP_SECONDS:
            _, video_id = self.completed.pop(0)
            status, _ = http("DELETE", f"{self.stack.api_url}/v1/videos/{video_id}", headers=self.stack.auth())
            self.counts["deleted" if status == 200 else "errors"] += 1

    def step(self):
        now = time.monotonic()
        while self.next_create <= now:
            self.create(now)
            self.next_create += 1 / self.rate
        self.poll(now)
        self.delete_old(now)


def sample(stack, started, load):
    row = {"t_s": round(time.monotonic() - started)}
    for process in [stack.api, *stack.workers, stack.sim, stack.redis]:
        row[f"{process.name}_rss_kib"] = rss_kib(process.pid)
    info = stack.redis_cli("INFO", "memory") or ""
    used = [line.split(":")[1] for line in info.splitlines() if line.startswith("used_memory:")]
    row["redis_used_memory_bytes"] = int(used[0]) if used else 0
    keys = stack.redis_cli("DBSIZE")
    row["redis_keys"] = int(keys) if keys and keys.isdigit() else 0
    # Redis's own memory (the first sample's, before any job) left out, what each key costs.
    load.redis_baseline = load.redis_baseline or row["redis_used_memory_bytes"]
    row["redis_bytes_per_key"] = (row["redis_used_memory_bytes"] - load.redis_baseline) // max(row["redis_keys"], 1)
    row["blobs_bytes"] = directory_bytes(stack.blobs)
    row["in_flight"] = len(load.in_flight)
    row.update(load.counts)
    return row


def soak(stack, args):
    load = Load(stack, args.rate)
    started = time.monotonic()
    end = started + args.minutes * 60
    rows = []
    next_sample = started
    with open(args.csv, "w", newline="") as out:
        writer = None
        while True:
            now = time.monotonic()
            if now >= next_sample:
                row = sample(stack, started, load)
                rows.append(row)
                if writer is None:
                    writer = csv.DictWriter(out, fieldnames=list(row))
                    writer.writeheader()
                writer.writerow(row)
                out.flush()
                print(f"soak: t={row['t_s']}s " + " ".join(f"{k}={v}" for k, v in row.items() if k != "t_s"), flush=True)
                next_sample += SAMPLE_SECONDS
                crashed = stack.crashed()
                if crashed:
                    print(f"soak: FAILED: {', '.join(crashed)} exited during the run", file=sys.stderr)
                    return False
            if now >= end:
                break
            load.step()
            time.sleep(0.05)
    plot(rows, args.png, args)
    print(f"soak: jobs created by kind: {load.kinds}")
    return report(rows, load.counts)


def series(rows):
    """The sampled series worth judging: name -> (unit kind, values)."""
    names = [k for k in rows[0] if k.endswith("_rss_kib")] + ["redis_used_memory_bytes", "redis_bytes_per_key", "blobs_bytes"]
    kinds = {"redis_bytes_per_key": "per_key"}
    return {name: (kinds.get(name, "rss_kib" if name.endswith("_rss_kib") else "bytes"), [row[name] for row in rows]) for name in names}


def report(rows, counts):
    print(f"soak: {counts}")
    ok = counts["completed"] > 0 and counts["errors"] == 0 and counts["failed"] == 0
    if not ok:
        print("soak: FAILED: the load itself saw errors or failed jobs (see above)", file=sys.stderr)
    third = len(rows) // 3
    if third < 2:
        print("soak: too short to judge growth (fewer than 6 samples)")
        return ok
    print(f"{'series':<28} {'2nd third':>14} {'last third':>14} {'change':>9}  verdict")
    for name, (kind, values) in series(rows).items():
        middle = sum(values[third:2 * third]) / third
        last = sum(values[2 * third:]) / len(values[2 * third:])
        change = last - middle
        grows = change > max(GROWTH_SHARE * middle, GROWTH_FLOOR[kind])
        scale, unit = {"rss_kib": (1 / 1024, "MiB"), "bytes": (1 / 1048576, "MiB"), "per_key": (1, "B  ")}[kind]
        share = f"{100 * change / middle:+.1f}%" if middle else "n/a"
        verdict = ("GROWS" if grows else "flat") + (f" (not judged: {NOT_JUDGED[name]})" if name in NOT_JUDGED else "")
        print(f"{name:<28} {middle * scale:>10.1f} {unit} {last * scale:>10.1f} {unit} {share:>9}  {verdict}")
        ok = ok and (not grows or name in NOT_JUDGED)
    first, final = rows[third], rows[-1]
    jobs = final["created"] - first["created"]
    if jobs > 0:
        per_job = (final["redis_used_memory_bytes"] - first["redis_used_memory_bytes"]) / jobs
        keys = (final["redis_keys"] - first["redis_keys"]) / jobs
        print(f"soak: after warm-up Redis grew by {per_job / 1024:.1f} KiB and {keys:.2f} keys per job created "
              f"({final['redis_keys']} keys at the end, {final['deleted']} videos deleted by the client)")
    print(f"soak: {'no growth after warm-up' if ok else 'FAILED'}")
    return ok


def plot(rows, path, args):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    minutes = [row["t_s"] / 60 for row in rows]
    figure, (memory, stores, keys) = plt.subplots(3, 1, figsize=(10, 10), sharex=True, height_ratios=(3, 3, 2))
    for name in [k for k in rows[0] if k.endswith("_rss_kib")]:
        memory.plot(minutes, [row[name] / 1024 for row in rows], label=name.removesuffix("_rss_kib"))
    memory.set_ylabel("RSS (MiB)")
    memory.set_title(f"Reel soak: {args.minutes:.0f} min, {args.rate:g} jobs/s, {args.workers} workers, render {args.render_seconds:g} s")
    memory.legend(loc="upper left", fontsize="small", ncol=3)
    memory.grid(alpha=0.3)
    stores.plot(minutes, [row["redis_used_memory_bytes"] / 1048576 for row in rows], label="Redis used_memory")
    stores.plot(minutes, [row["blobs_bytes"] / 1048576 for row in rows], label="blob store")
    stores.set_ylabel("MiB")
    stores.legend(loc="upper left", fontsize="small")
    stores.grid(alpha=0.3)
    keys.plot(minutes, [row["redis_keys"] for row in rows], label="Redis keys")
    keys.plot(minutes, [row["created"] for row in rows], label="jobs created", linestyle="--")
    keys.plot(minutes, [row["deleted"] for row in rows], label="videos deleted by the client", linestyle=":")
    keys.set_xlabel("minutes")
    keys.legend(loc="upper left", fontsize="small")
    keys.grid(alpha=0.3)
    for axis in (memory, stores, keys):
        axis.set_ylim(bottom=0)
        if len(rows) >= 6:
            for boundary in (len(rows) // 3, 2 * (len(rows) // 3)):
                axis.axvline(minutes[boundary], color="grey", linestyle=":", linewidth=1)
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    print(f"soak: plot written to {path}")


if __name__ == "__main__":
    main()
