"""The cluster's commands as a user runs them: narrate --broker, submit, feed sync, status, and
one clear line when the broker or the store cannot be reached."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from narrate.cluster.objectstore import Store
from tests.cluster.articles import article_page, write_article
from tests.cluster.conftest import BUCKET, Cluster, free_port, stop_process, wait_for_port

pytestmark = pytest.mark.slow


def run(*args: str, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """`narrate ARGS` in a process of its own, with a sentence cache of its own."""
    client = {**env, "XDG_CACHE_HOME": str(tmp_path / "client-cache")}
    return subprocess.run([sys.executable, "-m", "narrate", *args], env=client,
                          capture_output=True, text=True, timeout=180)  # fmt: skip


def test_narrate_with_a_broker_then_status(
    cluster: Cluster, store_url: str, tmp_path: Path
) -> None:
    source = write_article(tmp_path, "Epsom", 4)
    done = run(str(source), "-o", str(tmp_path / "out.mp3"), "--voice", str(cluster.voice),
               "--broker", cluster.broker, "--store", store_url, env=cluster.env,
               tmp_path=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out.mp3").read_bytes()[:3] == b"ID3"
    assert len(Store(store_url).keys("segments/")) == 5

    streamed = subprocess.run(
        [sys.executable, "-m", "narrate", str(source), "-o", "-", "--voice", str(cluster.voice),
         "--broker", cluster.broker, "--store", store_url],
        env={**cluster.env, "XDG_CACHE_HOME": str(tmp_path / "another-client")},
        capture_output=True, timeout=180,
    )  # fmt: skip
    assert streamed.returncode == 0, streamed.stderr
    audio = streamed.stdout
    assert audio[0] == 0xFF and audio[1] & 0xE0 == 0xE0  # MPEG frames on stdout
    assert len(audio) > 20_000

    shown = run("cluster", "status", "--broker", cluster.broker, env=cluster.env,
                tmp_path=tmp_path)  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert "workers: 2" in lines
    assert sorted(line.split()[0] for line in lines if "@test" in line) == ["w1@test", "w2@test"]
    assert "queued: narrate.interactive 0, narrate.batch 0" in shown.stdout
    sentences = int(lines[-1].split(": ")[1].split()[0])
    assert sentences >= 5  # this test's, at least


def test_submit_puts_the_narration_in_the_store(
    cluster: Cluster, store_url: str, tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/news/repairs/").respond_with_data(
        article_page("Frome", 5), content_type="text/html; charset=utf-8"
    )
    httpserver.expect_request("/news/gone/").respond_with_data("Not here", status=404)
    url, missing = httpserver.url_for("/news/repairs/"), httpserver.url_for("/news/gone/")
    # the workers fetch for someone else: this machine's addresses only when allowed
    refused = run("submit", url, "--broker", cluster.broker, "--store", store_url,
                  env=cluster.env, tmp_path=tmp_path)  # fmt: skip
    queued = run("submit", url, missing, "--force", "--allow-private", "--voice",
                 str(cluster.voice), "--broker", cluster.broker, "--store", store_url,
                 env=cluster.env, tmp_path=tmp_path)  # fmt: skip
    assert queued.returncode == 0, queued.stderr
    lines = queued.stdout.splitlines()
    (job, source, manifest), (failing, _, _) = (line.split("\t") for line in lines)
    assert source == url
    assert manifest == f"{store_url}/jobs/{job}.json"

    store = Store(store_url)
    result = wait_for_job(store, job)
    assert result["title"] == "Repairs in Frome"
    assert result["segments"] == 6  # the title and five sentences
    audio = store.get(str(result["audio"]))
    assert audio is not None and audio[:3] == b"ID3"
    assert len(store.keys("segments/")) == 6
    assert "404" in str(wait_for_job(store, failing)["error"])  # the page that is not there
    assert "--allow-private" in str(wait_for_job(store, refused.stdout.split()[0])["error"])


def wait_for_job(store: Store, job: str) -> dict[str, object]:
    deadline = time.monotonic() + 90
    while (found := store.get(f"jobs/{job}.json")) is None and time.monotonic() < deadline:
        time.sleep(0.5)
    assert found is not None, f"job {job} never finished"
    result: dict[str, object] = json.loads(found)
    return result


def test_feed_sync_through_the_cluster(
    cluster: Cluster, store_url: str, tmp_path: Path, httpserver: HTTPServer
) -> None:
    page = httpserver.url_for("/news/harbour/")
    httpserver.expect_request("/news/harbour/").respond_with_data(
        article_page("Gorran", 4), content_type="text/html; charset=utf-8"
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Gazette</title>"
        f"<link>{httpserver.url_for('/')}</link><item><title>Repairs</title><link>{page}</link>"
        f"<guid>{page}</guid><pubDate>Mon, 04 Mar 2024 06:30:00 +0000</pubDate></item>"
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    folder = tmp_path / "pod"
    made = run("feed", "init", str(folder), "--title", "Gazette, narrated", "--base-url",
               "https://example.org/pod/", env=cluster.env, tmp_path=tmp_path)  # fmt: skip
    assert made.returncode == 0, made.stderr
    synced = run("feed", "sync", str(folder), httpserver.url_for("/feed.xml"), "--force", "--voice",
                 str(cluster.voice), "--broker", cluster.broker, "--store", store_url,
                 env=cluster.env, tmp_path=tmp_path)  # fmt: skip
    assert synced.returncode == 0, synced.stderr
    assert len(list(folder.glob("**/*.mp3"))) == 1
    assert len(Store(store_url).keys("segments/")) == 5  # spoken by the workers


def test_an_unreachable_broker_is_one_line(tmp_path: Path) -> None:
    source = write_article(tmp_path, "Hythe", 2)
    broker = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    for args in (
        [str(source), "-o", str(tmp_path / "out.mp3"), "--broker", broker, "--store",
         tmp_path.as_uri()],
        ["cluster", "status", "--broker", broker],
        ["worker", "--broker", broker],
    ):  # fmt: skip
        failed = run(*args, env={}, tmp_path=tmp_path)
        assert failed.returncode == 1
        assert failed.stderr.startswith(f"narrate: error: cannot reach the broker {broker}: ")
        assert failed.stderr.count("\n") == 1, failed.stderr
    assert not (tmp_path / "out.mp3").exists()
    missing = tmp_path / "no-such-voice.onnx"
    failed = run("worker", "--broker", broker, "--voice", str(missing), env={}, tmp_path=tmp_path)
    assert (failed.returncode, failed.stderr) == (
        1, f"narrate: error: voice model {missing} not found\n"
    )  # fmt: skip


def test_an_unreachable_store_is_one_line(
    cluster: Cluster, s3_env: dict[str, str], tmp_path: Path
) -> None:
    source = write_article(tmp_path, "Ilford", 2)
    away = {**s3_env, "AWS_ENDPOINT_URL": f"http://127.0.0.1:{free_port()}"}
    cases = {
        "s3://any-bucket/narrations": (away, "narrate: error: cannot write to the store "),
        f"s3://{BUCKET}-missing/x": (s3_env, "narrate: error: store s3://narrate-test-missing"),
        (tmp_path / "absent").as_uri(): ({}, "narrate: error: store file://"),
    }
    for store, (env, message) in cases.items():
        failed = run(str(source), "-o", str(tmp_path / "out.mp3"), "--broker", cluster.broker,
                     "--store", store, env=env, tmp_path=tmp_path)  # fmt: skip
        assert failed.returncode == 1
        assert failed.stderr.startswith(message), failed.stderr
        assert failed.stderr.count("\n") == 1, failed.stderr
    assert not (tmp_path / "out.mp3").exists()


def test_a_store_briefly_away_is_waited_for(
    s3_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from moto.server import ThreadedMotoServer

    port = free_port()
    monkeypatch.setenv("AWS_ENDPOINT_URL", f"http://127.0.0.1:{port}")
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    late = threading.Timer(0.6, server.start)  # the store comes back after 0.6 s
    started = time.monotonic()
    late.start()
    try:
        # refused at first, then answered: "no such object", not an error
        assert Store("s3://any-bucket/x").get("segments/ab/nothing.clip") is None
        assert time.monotonic() - started > 0.6
    finally:
        late.join()
        server.stop()


def test_serve_speaks_through_the_cluster(cluster: Cluster, store_url: str, tmp_path: Path) -> None:
    import httpx

    port = free_port()
    client = {**cluster.env, "XDG_CACHE_HOME": str(tmp_path / "server-cache"),
              "XDG_DATA_HOME": str(tmp_path / "server-data")}  # fmt: skip
    with (tmp_path / "server.log").open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "narrate", "serve", "--port", str(port), "--voice",
             str(cluster.voice), "--broker", cluster.broker, "--store", store_url],
            env=client, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        wait_for_port(port, server, "narrate serve")
        text = "The harbour reopened on Monday. Fishing boats were back by noon."
        answer = httpx.post(f"http://127.0.0.1:{port}/v1/audio/speech",
                            json={"input": text}, timeout=120)  # fmt: skip
    finally:
        stop_process(server)
    assert answer.status_code == 200
    assert answer.content[0] == 0xFF and answer.content[1] & 0xE0 == 0xE0
    assert len(Store(store_url).keys("segments/")) == 2  # the workers spoke both sentences
