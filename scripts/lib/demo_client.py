"""The client half of scripts/demo: what a user of Reel does with the official OpenAI Python SDK."""
import argparse
import json
import pathlib
import sys
import time
import urllib.request
import warnings

import openai

# The SDK marks the video methods deprecated (the hosted Sora API has a shutdown date); Reel serves them.
warnings.filterwarnings("ignore", category=DeprecationWarning)


def progress_bar(label, video):
    width = 30
    done = int(width * video.progress / 100)
    line = f"  {label:<10} [{'#' * done}{'.' * (width - done)}] {video.progress:3d}% {video.status}"
    print("\r" + line, end="", flush=True)


def wait(client, label, video_id):
    """Polls a video to completed or failed, drawing its progress; returns the final object."""
    while True:
        video = client.videos.retrieve(video_id)
        progress_bar(label, video)
        if video.status in ("completed", "failed"):
            print()
            if video.status == "failed":
                sys.exit(f"{label} failed: {video.error.code}: {video.error.message}")
            return video
        time.sleep(0.5)


def download(client, label, video_id, output):
    paths = []
    for variant, extension in (("video", "mp4"), ("thumbnail", "webp"), ("spritesheet", "jpg")):
        path = output / f"{label}.{extension}"
        client.videos.download_content(video_id, variant=variant).write_to_file(path)
        paths.append(path)
    return paths


def submit_chain(client, character_id):
    """Submits a generation with the character, an edit of it, an extension of that and a remix of the extension, all at
    once (each waits for its source); returns [(label, video id)] in that order."""
    # The SDK has no `characters` parameter; OpenAI's guide passes it in the body (JSON).
    generated = client.videos.create(
        prompt="Mossy waves at the camera", model="sora-2", seconds="4", size="1280x720",
        extra_headers={"Content-Type": "application/json"}, extra_body={"characters": [{"id": character_id}]},
    )
    edited = client.post("/videos/edits", body={"prompt": "Mossy wears a hat", "video": {"id": generated.id}}, cast_to=object)
    extended = client.post(
        "/videos/extensions", body={"prompt": "Mossy walks away", "seconds": "4", "video": {"id": edited["id"]}}, cast_to=object
    )
    remixed = client.videos.remix(extended["id"], prompt="the same scene at night")
    return [("generated", generated.id), ("edited", edited["id"]), ("extended", extended["id"]), ("remixed", remixed.id)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--api-key", required=True)
    parser.add_argument("--character-video", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--sim-url", required=True)
    args = parser.parse_args()
    output = pathlib.Path(args.output)
    output.mkdir(parents=True, exist_ok=True)
    client = openai.OpenAI(base_url=args.base_url, api_key=args.api_key)

    print("creating a character from", args.character_video)
    with open(args.character_video, "rb") as video:
        character = client.videos.create_character(name="Mossy", video=video)
    print(f"  {character.id}")

    print("submitting the whole chain at once: generate with the character, edit, extend, remix")
    chain = submit_chain(client, character.id)
    print("polling (the last one needs all the others):")
    for label, video_id in chain:
        wait(client, label, video_id)

    print("downloading the results")
    for label, video_id in chain:
        for path in download(client, label, video_id, output):
            print(f"  {path} ({path.stat().st_size} bytes)")

    with urllib.request.urlopen(args.sim_url + "/sim/stats") as response:
        stats = json.load(response)
    # Each deployment has its own API key; the follow-ups went to the deployment that owns their source.
    print("provider calls per deployment key (from the simulator):")
    for key, counts in sorted(stats["keys"].items()):
        creates = {route: n for route, n in counts["routes"].items() if route.startswith("POST")}
        print(f"  {key}: {json.dumps(creates)}")
    print(f"done: the files are in {output}")


if __name__ == "__main__":
    main()
