"""The client of scripts/multihost, beside the front: the official OpenAI SDK against Reel, a fault in the middle.

`chain` runs character → generate → edit → extend → remix and checks every step completes with content.
`load` posts jobs at a steady rate, runs the fault command once `--fault-after` seconds have passed, keeps posting,
then waits for every accepted job to end, and prints one JSON row: accepted, completed, failed (by reason), lost
(accepted, then unknown or never finished), duplicate creates (provider creates beyond one per job, from the
simulator's counts) and the recovery time.
"""
import argparse
import collections
import concurrent.futures
import json
import subprocess
import sys
import time
import urllib.request
import warnings

import openai

from demo_client import submit_chain

# The SDK marks the video methods deprecated (the hosted Sora API has a shutdown date); Reel serves them.
warnings.filterwarnings("ignore", category=DeprecationWarning)


def sim_stats(sim_url):
    with urllib.request.urlopen(sim_url + "/sim/stats", timeout=10) as response:
        return json.load(response)


def wait_final(client, video_id, deadline):
    """The video's final status ('completed' or 'failed:<code>'), 'lost' when the front no longer knows it or it never ends."""
    while time.monotonic() < deadline:
        try:
            video = client.videos.retrieve(video_id)
        except openai.NotFoundError:
            return "lost"
        except (openai.APIConnectionError, openai.APIStatusError):
            time.sleep(0.5)  # the front or Redis is recovering: ask again
            continue
        if video.status == "completed":
            return "completed"
        if video.status == "failed":
            return f"failed:{video.error.code if video.error else 'unknown'}"
        time.sleep(0.5)
    return "lost"


def chain(client, character_video, sim_url):
    with open(character_video, "rb") as video:
        character = client.videos.create_character(name="Mossy", video=video)
    steps = submit_chain(client, character.id)
    deadline = time.monotonic() + 180
    for step, video_id in steps:
        status = wait_final(client, video_id, deadline)
        if status != "completed":
            sys.exit(f"chain: {step} {video_id} ended {status}")
        content = client.videos.download_content(video_id, variant="video").read()
        if len(content) < 100:
            sys.exit(f"chain: {step} {video_id} has {len(content)} bytes of video")
        print(f"chain: {step} {video_id} completed, {len(content)} bytes", file=sys.stderr)
    print(json.dumps({"chain": "completed", "steps": len(steps) + 1, "characters": sim_stats(sim_url)["characters_created"]}))


def load(client, args):
    before = sim_stats(args.sim_url)
    accepted, rejected = [], 0
    started = time.monotonic()
    fault_at = started + args.fault_after
    fault_ran_at = None
    first_failure_at = recovered_at = None
    accepted_before_fault = 0
    sent = 0
    while time.monotonic() < started + args.post_seconds:
        if fault_ran_at is None and time.monotonic() >= fault_at:
            accepted_before_fault = len(accepted)
            subprocess.run(args.fault_command, shell=True, check=True)
            fault_ran_at = time.monotonic()
            print(f"load: fault run after {len(accepted)} accepted jobs: {args.fault_command}", file=sys.stderr)
        try:
            video = client.videos.create(prompt=f"job {sent}", model="sora-2", seconds="4", size="1280x720")
            accepted.append(video.id)
            if first_failure_at is not None and recovered_at is None:
                recovered_at = time.monotonic()
        except (openai.APIConnectionError, openai.APIStatusError):
            rejected += 1
            if fault_ran_at is not None and first_failure_at is None:
                first_failure_at = time.monotonic()
        sent += 1
        # A steady rate: the next post at its slot, not right after the answer.
        time.sleep(max(0.0, started + sent / args.rate - time.monotonic()))
    deadline = time.monotonic() + args.settle_seconds
    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        endings = list(pool.map(lambda video_id: wait_final(client, video_id, deadline), accepted))
    all_final_at = time.monotonic()
    counts = collections.Counter(endings)
    failed = {ending.split(":", 1)[1]: n for ending, n in counts.items() if ending.startswith("failed:")}
    after = sim_stats(args.sim_url)
    # Every job sends its creates under one idempotency key, and a provider account creates once per key: videos
    # beyond one per key were created at a second deployment (a job answered 503 but queued counts as a job too).
    duplicates = (after["videos_created"] - before["videos_created"]) - (len(after["idempotency_keys"]) - len(before["idempotency_keys"]))
    if args.recovery == "front":
        # Until the front accepted jobs again: 0 when it never refused one, None when it refused them to the end.
        if first_failure_at is None:
            recovery = 0.0
        else:
            recovery = recovered_at - fault_ran_at if recovered_at else None
    else:
        recovery = all_final_at - fault_ran_at if fault_ran_at else 0.0
    row = {
        "fault": args.fault_name,
        "replica_acks": args.replica_acks,
        "accepted": len(accepted),
        "refused": rejected,
        "accepted_before_fault": accepted_before_fault,
        "completed": counts["completed"],
        "failed": failed,
        "lost": counts["lost"],
        "duplicate_creates": duplicates,
        "recovery_s": None if recovery is None else round(recovery, 1),
    }
    print(json.dumps(row))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("scenario", choices=["chain", "load"])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--api-key", required=True)
    parser.add_argument("--sim-url", required=True)
    parser.add_argument("--character-video")
    parser.add_argument("--fault-name", default="")
    parser.add_argument("--replica-acks", type=int, default=0, help="the setting the stack runs with, for the table")
    parser.add_argument("--fault-command", default="true")
    parser.add_argument("--fault-after", type=float, default=3)
    parser.add_argument("--post-seconds", type=float, default=10)
    parser.add_argument("--rate", type=float, default=10, help="jobs posted a second")
    parser.add_argument("--settle-seconds", type=float, default=120, help="how long accepted jobs get to end")
    parser.add_argument("--recovery", choices=["front", "jobs"], default="jobs")
    args = parser.parse_args()
    client = openai.OpenAI(base_url=args.base_url, api_key=args.api_key, max_retries=0, timeout=15)
    if args.scenario == "chain":
        chain(client, args.character_video, args.sim_url)
    else:
        load(client, args)


if __name__ == "__main__":
    main()
