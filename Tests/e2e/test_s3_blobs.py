"""Reel with its blobs in an S3-compatible bucket (moto's server, S3_ENDPOINT_URL from scripts/test) instead of a
directory, checked with AWS's own client, boto3: what the front and the workers stored, boto3 reads byte for byte,
and what boto3 writes, the front serves. Downloads stream through the front with ranges passed on to S3, or answer
with a redirect to a presigned URL that a plain `curl -L` follows. An upload above the multipart threshold goes up
in parts and leaves no pending upload behind."""
import os
import random
import subprocess
import time
import urllib.error
import urllib.request
import uuid

import boto3
import pytest
from botocore.config import Config

from conftest import FIXTURES
from worker_cluster import MASTER_KEY, is_mp4, reel_cluster  # noqa: F401

ACCESS_KEY, SECRET_KEY = "reel-e2e", "reel-e2e-secret"
PREFIX = "reel-e2e"


@pytest.fixture
def s3(monkeypatch):
    """A fresh bucket on the test server; returns (boto3 client, bucket, the `reel_settings.storage.s3` keys)."""
    endpoint = os.environ.get("S3_ENDPOINT_URL")
    if not endpoint:
        if os.environ.get("CI"):
            pytest.fail("S3_ENDPOINT_URL is not set")
        pytest.skip("S3_ENDPOINT_URL is not set")
    monkeypatch.setenv("REEL_S3_SECRET", SECRET_KEY)
    client = boto3.client(
        "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
        config=Config(s3={"addressing_style": "path"}),
    )
    bucket = "reel-e2e-" + uuid.uuid4().hex[:12]
    client.create_bucket(Bucket=bucket)
    settings = {
        "bucket": bucket, "endpoint": endpoint, "region": "us-east-1", "access_key_id": ACCESS_KEY,
        "secret_access_key": "os.environ/REEL_S3_SECRET", "path_style": True, "prefix": PREFIX, "multipart_threshold": 5 << 20,
    }
    return client, bucket, settings


def get_object(client, bucket, key, **extra) -> bytes:
    return client.get_object(Bucket=bucket, Key=f"{PREFIX}/{key}", **extra)["Body"].read()


def content_url(cluster, video_id, variant="video") -> str:
    return f"http://127.0.0.1:{cluster.api_port}/v1/videos/{video_id}/content?variant={variant}"


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {MASTER_KEY}", **(headers or {})})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, dict(response.headers), response.read()


def test_blobs_live_in_the_bucket_and_stream_through_the_front(reel_cluster, s3):
    client, bucket, settings = s3
    cluster = reel_cluster(workers=2, concurrency=4, s3=settings)
    api = cluster.client()

    # A reference above the multipart threshold: the front uploads it in parts, a worker copies it back for the call.
    reference = (FIXTURES / "reference.png").read_bytes() + random.Random(16).randbytes(6 << 20)
    video = api.videos.create(prompt="A lighthouse", model="sora-2", seconds="4", input_reference=("reference.png", reference, "image/png"))
    finished = cluster.wait_for(api, [video.id])[video.id]
    assert finished.status == "completed", finished.error
    job_id = next(key.split("/")[2] for key in object_keys(client, bucket, f"{PREFIX}/uploads/"))
    assert get_object(client, bucket, f"uploads/{job_id}/input_reference") == reference
    assert client.list_multipart_uploads(Bucket=bucket).get("Uploads", []) == []

    # What the workers stored, boto3 reads; the front serves the same bytes, whole and by range.
    stored = get_object(client, bucket, f"results/{video.id}/video")
    assert is_mp4(stored)
    assert api.videos.download_content(video.id).content == stored
    status, headers, part = fetch(content_url(cluster, video.id), {"Range": "bytes=100-1123"})
    assert status == 206 and part == stored[100:1124]
    assert headers["Content-Range"] == f"bytes 100-1123/{len(stored)}"
    status, _, tail = fetch(content_url(cluster, video.id), {"Range": "bytes=-64"})
    assert status == 206 and tail == stored[-64:]
    with pytest.raises(urllib.error.HTTPError) as unsatisfiable:
        fetch(content_url(cluster, video.id), {"Range": f"bytes={len(stored) + 10}-"})
    assert unsatisfiable.value.code == 416

    # What boto3 writes, the front serves.
    replacement = random.Random(17).randbytes(70_000)
    client.put_object(Bucket=bucket, Key=f"{PREFIX}/results/{video.id}/thumbnail", Body=replacement)
    assert api.videos.download_content(video.id, variant="thumbnail").content == replacement

    # Deleting the video removes its content from the bucket.
    api.videos.delete(video.id)
    deadline = time.monotonic() + 60
    while object_keys(client, bucket, f"{PREFIX}/results/{video.id}/") and time.monotonic() < deadline:
        time.sleep(0.2)
    assert object_keys(client, bucket, f"{PREFIX}/results/{video.id}/") == []


def test_presigned_redirects_are_followed_by_plain_curl(reel_cluster, s3):
    client, bucket, settings = s3
    cluster = reel_cluster(workers=1, concurrency=4, s3=dict(settings, presigned_redirects=True))
    api = cluster.client()
    video = api.videos.create(prompt="A harbour at dawn", model="sora-2", seconds="4")
    assert cluster.wait_for(api, [video.id])[video.id].status == "completed"
    stored = get_object(client, bucket, f"results/{video.id}/video")

    head = subprocess.run(
        ["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}", "-H", f"Authorization: Bearer {MASTER_KEY}",
         content_url(cluster, video.id)],
        capture_output=True, text=True, timeout=30, check=True,
    ).stdout
    status, location = head.split(" ", 1)
    assert status == "302" and "X-Amz-Signature=" in location and "X-Amz-Credential=" in location
    assert f"/{bucket}/{PREFIX}/results/{video.id}/video?" in location

    whole = subprocess.run(
        ["curl", "-sS", "-f", "-L", "-H", f"Authorization: Bearer {MASTER_KEY}", content_url(cluster, video.id)],
        capture_output=True, timeout=30, check=True,
    ).stdout
    assert whole == stored
    ranged = subprocess.run(
        ["curl", "-sS", "-f", "-L", "-r", "10-99", "-H", f"Authorization: Bearer {MASTER_KEY}", content_url(cluster, video.id)],
        capture_output=True, timeout=30, check=True,
    ).stdout
    assert ranged == stored[10:100]


def object_keys(client, bucket, prefix):
    return [item["Key"] for item in client.list_objects_v2(Bucket=bucket, Prefix=prefix).get("Contents", [])]
