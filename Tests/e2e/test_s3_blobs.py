"""Reel with its blobs in an S3-compatible bucket (moto's server, S3_ENDPOINT_URL from scripts/test) instead of a
directory, checked with AWS's own client, boto3: what the front and the workers stored, boto3 reads byte for byte,
and what boto3 writes, the front serves. Downloads stream through the front with ranges passed on to S3, or answer
with a redirect to a presigned URL that a plain `curl -L` follows. An upload above the multipart threshold goes up
in parts and leaves no pending upload behind. Against a second moto server that checks every request's signature
and the session token of temporary credentials, the same flow passes: libcurl's Signature V4 is what S3 expects."""
import json
import socket
import sys
import os
import random
import subprocess
import time
import urllib.error
import urllib.request
import uuid

import boto3
import botocore.exceptions
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
    # The worker sent the reference (the simulator refuses an empty or non-image file); the job ended, it deletes the
    # upload from the bucket, right after the completion: neither the object nor parts of it stay.
    deadline = time.monotonic() + 15
    while object_keys(client, bucket, f"{PREFIX}/uploads/") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert object_keys(client, bucket, f"{PREFIX}/uploads/") == []
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


@pytest.fixture
def checking_s3(tmp_path, monkeypatch):
    """A moto server of its own that checks signatures and permissions (IAM), with temporary credentials (an assumed
    role allowed s3:*); returns (boto3 client with those credentials, bucket, the `reel_settings.storage.s3` keys)."""
    if not os.environ.get("S3_ENDPOINT_URL"):
        if os.environ.get("CI"):
            pytest.fail("S3_ENDPOINT_URL is not set")
        pytest.skip("S3_ENDPOINT_URL is not set (scripts/test installs and starts moto)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = open(tmp_path / "moto.log", "w")
    server = subprocess.Popen([os.path.join(os.path.dirname(sys.executable), "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
                              stdout=log, stderr=subprocess.STDOUT)
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(endpoint + "/moto-api/", timeout=1).read()
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, (tmp_path / "moto.log").read_text()
                time.sleep(0.1)
        bootstrap = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="AKIABOOTSTRAP", aws_secret_access_key="bootstrap")
        iam = boto3.client("iam", **bootstrap)
        allow_s3 = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
        trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}
        role = iam.create_role(RoleName="reel", AssumeRolePolicyDocument=json.dumps(trust))["Role"]
        iam.put_role_policy(RoleName="reel", PolicyName="s3", PolicyDocument=json.dumps(allow_s3))
        credentials = boto3.client("sts", **bootstrap).assume_role(RoleArn=role["Arn"], RoleSessionName="reel-e2e")["Credentials"]
        # From now on every request must carry a valid signature by a known key.
        urllib.request.urlopen(urllib.request.Request(endpoint + "/moto-api/reset-auth", data=b"0", method="POST", headers={"Content-Type": "text/plain"}), timeout=5).read()
        client = boto3.client(
            "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id=credentials["AccessKeyId"],
            aws_secret_access_key=credentials["SecretAccessKey"], aws_session_token=credentials["SessionToken"],
            config=Config(s3={"addressing_style": "path"}),
        )
        bucket = "reel-checked-" + uuid.uuid4().hex[:8]
        client.create_bucket(Bucket=bucket)
        monkeypatch.setenv("REEL_S3_SECRET", credentials["SecretAccessKey"])
        monkeypatch.setenv("REEL_S3_TOKEN", credentials["SessionToken"])
        settings = {
            "bucket": bucket, "endpoint": endpoint, "region": "us-east-1", "access_key_id": credentials["AccessKeyId"],
            "secret_access_key": "os.environ/REEL_S3_SECRET", "session_token": "os.environ/REEL_S3_TOKEN", "path_style": True,
            "prefix": PREFIX, "multipart_threshold": 5 << 20,
        }
        yield client, bucket, settings
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def test_a_server_that_checks_signatures_accepts_every_request(reel_cluster, checking_s3):
    client, bucket, settings = checking_s3
    # The server does check: a wrong secret is refused.
    forged = boto3.client(
        "s3", endpoint_url=settings["endpoint"], region_name="us-east-1", aws_access_key_id=settings["access_key_id"],
        aws_secret_access_key="not-the-secret", aws_session_token=os.environ["REEL_S3_TOKEN"], config=Config(s3={"addressing_style": "path"}),
    )
    with pytest.raises(botocore.exceptions.ClientError) as refused:
        forged.list_objects_v2(Bucket=bucket)
    assert refused.value.response["Error"]["Code"] == "SignatureDoesNotMatch"

    cluster = reel_cluster(workers=1, concurrency=4, s3=settings)
    api = cluster.client()
    reference = (FIXTURES / "reference.png").read_bytes() + random.Random(18).randbytes(6 << 20)
    video = api.videos.create(prompt="A quay", model="sora-2", seconds="4", input_reference=("reference.png", reference, "image/png"))
    finished = cluster.wait_for(api, [video.id])[video.id]
    assert finished.status == "completed", finished.error
    stored = get_object(client, bucket, f"results/{video.id}/video")
    assert api.videos.download_content(video.id).content == stored
    status, _, part = fetch(content_url(cluster, video.id), {"Range": "bytes=5-104"})
    assert status == 206 and part == stored[5:105]
    api.videos.delete(video.id)
    deadline = time.monotonic() + 60
    while object_keys(client, bucket, f"{PREFIX}/results/{video.id}/") and time.monotonic() < deadline:
        time.sleep(0.2)
    assert object_keys(client, bucket, f"{PREFIX}/results/{video.id}/") == []
    assert client.list_multipart_uploads(Bucket=bucket).get("Uploads", []) == []


@pytest.mark.parametrize("process", ["api", "worker"])
def test_abandoned_temporaries_are_swept_with_a_bucket(reel_cluster, s3, tmp_path, process):
    """With the blobs in a bucket, temporaries still live on each machine (`<storage.directory>/.tmp`): the front and
    every worker sweep their own, so a file a crash left there does not stay forever."""
    _, _, settings = s3
    temporaries = tmp_path / "blobs" / ".tmp"
    temporaries.mkdir(parents=True)
    stale, fresh = temporaries / "left-by-a-crash", temporaries / "being-written"
    for path in (stale, fresh):
        path.write_bytes(b"partial")
    two_hours_ago = time.time() - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    if process == "api":
        reel_cluster(workers=0, s3=settings)
    else:
        # A worker alone: the sweep cannot be the front's.
        cluster = reel_cluster(workers=0, s3=settings)
        cluster.api.process.terminate()
        cluster.api.process.wait(timeout=30)
        stale.write_bytes(b"partial")
        os.utime(stale, (two_hours_ago, two_hours_ago))
        cluster.start_worker()
    deadline = time.monotonic() + 30
    while stale.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not stale.exists(), "the abandoned temporary is still there"
    assert fresh.exists(), "a temporary being written was swept"
