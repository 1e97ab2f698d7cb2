"""`narrate feed sync --broker`: the articles narrated side by side on the workers, the feed
written by the sync process alone, the same as one machine's, and whole when the sync is killed.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import feedparser
import pytest
from pytest_httpserver import HTTPServer

from narrate import pipeline
from narrate.cluster.celeryapp import INTERACTIVE
from narrate.feed.state import FEED_NAME, LOCK_NAME, STATE_NAME
from narrate.speech.catalog import find_voice
from tests.cluster.articles import article_page
from tests.cluster.conftest import WORKERS, Cluster, stop_process
from tests.cluster.test_commands import run
from tests.cluster.test_remote import cluster_settings

pytestmark = pytest.mark.slow

BASE_URL = "https://example.org/pod/"


def serve_feed(httpserver: HTTPServer, articles: dict[str, int]) -> str:
    """A site's RSS feed of articles (town name: sentences), newest first, a day apart."""
    items = []
    for day, (name, sentences) in enumerate(articles.items()):
        path = f"/news/{name.lower()}/"
        httpserver.expect_request(path).respond_with_data(
            article_page(name, sentences), content_type="text/html; charset=utf-8"
        )
        page = httpserver.url_for(path)
        date = f"{27 - day:02d} Oct 2026 06:30:00 +0000"
        items.append(f"<item><title>{name}</title><link>{page}</link><guid>{page}</guid>"
                     f"<pubDate>{date}</pubDate></item>")  # fmt: skip
    httpserver.expect_request("/feed.xml").respond_with_data(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Gazette</title>"
        f"<link>{httpserver.url_for('/')}</link>{''.join(items)}</channel></rss>",
        content_type="application/rss+xml",
    )
    return httpserver.url_for("/feed.xml")


def init_feed(folder: Path, cluster: Cluster, tmp_path: Path) -> None:
    made = run("feed", "init", str(folder), "--title", "Gazette, narrated", "--base-url",
               BASE_URL, env=cluster.env, tmp_path=tmp_path)  # fmt: skip
    assert made.returncode == 0, made.stderr


def sync_args(folder: Path, feed: str, cluster: Cluster, store: str) -> list[str]:
    return ["feed", "sync", str(folder), feed, "--force", "--voice", str(cluster.voice),
            "--broker", cluster.broker, "--store", store]  # fmt: skip


def sync_here(folder: Path, feed: str, cluster: Cluster) -> None:
    """The same sync on this machine alone (two voice processes, the workers' optimised model)."""
    subprocess.run(
        [sys.executable, "-m", "narrate", "feed", "sync", str(folder), feed, "--force", "--voice",
         str(cluster.voice), "-j", "2", "-q"],
        env={**cluster.env, "XDG_CACHE_HOME": str(cluster.cache_home)}, check=True, timeout=300,
    )  # fmt: skip


def episodes(folder: Path) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads((folder / STATE_NAME).read_text())["episodes"]
    return found


def episode_files(episode: dict[str, Any]) -> list[str]:
    stem = f"{episode['stem']}-{episode['version']}"
    return [stem + ext for ext in (".mp3", ".vtt", ".transcript.json", ".chapters.json")]


def feed_entries(folder: Path) -> list[dict[str, Any]]:
    """What a podcast app reads of each item of feed.xml, in the feed's order."""
    parsed = feedparser.parse((folder / FEED_NAME).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return [
        {"title": e.title, "guid": e.id, "link": e.link, "published": e.published,
         "summary": e.summary, "duration": e.get("itunes_duration"),
         "enclosures": [(x.href, x.length, x.type) for x in e.enclosures]}
        for e in parsed.entries
    ]  # fmt: skip


def speak_records(cluster: Cluster, since: float) -> list[dict[str, Any]]:
    """What the workers reported of every sentence task that started after `since`: the
    sentence's key, the worker, when it started and finished (the results kept in Redis)."""
    client = cluster.app().backend.client
    names = client.keys("celery-task-meta-*")
    results = [json.loads(meta)["result"] for meta in client.mget(names) if meta]
    return [r for r in results if isinstance(r, dict) and r.get("started", 0) >= since]


def sentence_keys(cluster: Cluster, store: str, page: Path) -> list[str]:
    """The store keys of an article's sentences, as the sync asks for them (read from a copy
    of its page: this process fetches nothing, so the processes other tests fork from it
    inherit no connection to the test server)."""
    settings = replace(cluster_settings(cluster, store), force=True)
    script = pipeline.prepare(str(page), settings)
    keys: list[str] = pipeline.synthesizer_for(settings, find_voice(settings.voice)).keys(
        script.segments
    )
    return keys


def test_feed_sync_narrates_the_articles_side_by_side(
    cluster: Cluster, store_url: str, tmp_path: Path, httpserver: HTTPServer
) -> None:
    towns = {"Alston": 5, "Bampton": 6, "Chard": 4, "Dunster": 5}
    feed = serve_feed(httpserver, towns)
    here, there = tmp_path / "here", tmp_path / "there"
    for folder in (here, there):
        init_feed(folder, cluster, tmp_path)
    sync_here(here, feed, cluster)

    started = time.time()
    synced = run(*sync_args(there, feed, cluster, store_url), env=cluster.env, tmp_path=tmp_path)
    assert synced.returncode == 0, synced.stderr
    assert synced.stderr.count("added: Repairs in ") == len(towns), synced.stderr

    # the same episodes, files and feed as on one machine
    assert episodes(there) == episodes(here)
    assert feed_entries(there) == feed_entries(here)
    assert [e["title"] for e in feed_entries(there)] == [f"Repairs in {town}" for town in towns]
    for episode in episodes(there):
        for name in episode_files(episode):
            assert (there / name).read_bytes() == (here / name).read_bytes(), name

    # every sentence spoken once, by both workers, and two articles at the same time
    article_of = {}
    for town, sentences in towns.items():
        page = tmp_path / f"{town}.html"
        page.write_text(article_page(town, sentences), encoding="utf-8")
        article_of.update(dict.fromkeys(sentence_keys(cluster, store_url, page), town))
    records = [r for r in speak_records(cluster, started) if r["key"] in article_of]
    assert sorted(r["key"] for r in records) == sorted(article_of)
    assert all(r["synthesised"] for r in records)
    assert {r["worker"] for r in records} == {f"{name}@test" for name in WORKERS}
    side_by_side = [
        (a, b) for a in records for b in records
        if a["worker"] < b["worker"] and article_of[a["key"]] != article_of[b["key"]]
        and a["started"] < b["finished"] and b["started"] < a["finished"]
    ]  # fmt: skip
    assert side_by_side, "no two articles were ever spoken at the same time"
    workers_of = {town: {r["worker"] for r in records if article_of[r["key"]] == town}
                  for town in towns}  # fmt: skip
    spread = [town for town, workers in workers_of.items() if len(workers) == 2]
    assert spread, "no article had its sentences spoken by both workers"


def start_sync(folder: Path, feed: str, cluster: Cluster, store: str,
               tmp_path: Path) -> subprocess.Popen[bytes]:  # fmt: skip
    """`narrate feed sync` in the background, once the feed has its first episode."""
    client = {**cluster.env, "XDG_CACHE_HOME": str(tmp_path / "client-cache")}
    sync = subprocess.Popen([sys.executable, "-m", "narrate", *sync_args(folder, feed, cluster,
                            store)], env=client, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 120
    while not episodes(folder) and time.monotonic() < deadline and sync.poll() is None:
        time.sleep(0.05)
    return sync


QUEUE_WORK = """
import sys
from narrate import pipeline
from narrate.cluster.celeryapp import SPEAK_TASK
from narrate.settings import Settings
from narrate.speech.catalog import find_voice
voice, broker, store = sys.argv[1:]
settings = Settings(voice=voice, broker=broker, store=store)
synthesizer = pipeline.synthesizer_for(settings, find_voice(voice))
for n in range(80):
    text = f"Earlier work number {n} was queued by another newsroom before this feed."
    key = synthesizer.keys([], [text])[0]
    synthesizer.app.send_task(SPEAK_TASK, synthesizer.arguments(key, text), ignore_result=True)
"""
"""80 sentences queued as another client would."""


def test_a_stopped_sync_ends_at_once_and_leaves_no_stray_file(
    cluster: Cluster, store_url: str, tmp_path: Path, httpserver: HTTPServer
) -> None:
    # other work ahead in the queue: the sync's threads are all waiting for their first
    # sentence when it is stopped, which would come only after all of that work
    towns = {"Jarrow": 30, "Keswick": 30}
    feed = serve_feed(httpserver, towns)
    folder = tmp_path / "pod"
    init_feed(folder, cluster, tmp_path)
    # Sent from a process of its own: celery's results, cleaned up late, would otherwise use
    # this process's Redis connection from a process a later test forks from this one.
    subprocess.run([sys.executable, "-c", QUEUE_WORK, str(cluster.voice), cluster.broker,
                    store_url], env=cluster.env, check=True, timeout=120)  # fmt: skip
    app = cluster.app()
    client = {**cluster.env, "XDG_CACHE_HOME": str(tmp_path / "client-cache")}
    sync = subprocess.Popen([sys.executable, "-m", "narrate", *sync_args(folder, feed, cluster,
                            store_url)], env=client, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        with app.connection_for_write() as connection:
            queue = connection.default_channel.client
            deadline = time.monotonic() + 60
            while queue.llen(INTERACTIVE) < 110 and time.monotonic() < deadline:
                time.sleep(0.1)  # until the sync has queued its sentences behind that work
            assert queue.llen(INTERACTIVE) >= 110
            sync.send_signal(signal.SIGTERM)  # as systemd or Docker stops it
            stopped = time.monotonic()
            sync.wait(60)
            took = time.monotonic() - stopped
            queue.delete(INTERACTIVE)  # the work nobody waits for any more
    finally:
        stop_process(sync)

    assert sync.returncode == 128 + signal.SIGTERM
    assert took < 9  # each thread stops within a step of its wait
    assert episodes(folder) == []
    assert_whole(folder)
    assert_no_stray_file(folder)


def test_a_killed_sync_leaves_a_whole_feed(
    cluster: Cluster, store_url: str, tmp_path: Path, httpserver: HTTPServer
) -> None:
    # the first article is short: it is in the feed long before the others are spoken
    towns = {"Eyam": 2, "Fowey": 12, "Goring": 12, "Hawes": 12}
    feed = serve_feed(httpserver, towns)
    folder = tmp_path / "pod"
    init_feed(folder, cluster, tmp_path)
    sync = start_sync(folder, feed, cluster, store_url, tmp_path)
    sync.kill()  # SIGKILL, by its process id: no clean-up at all
    sync.wait(10)

    committed = episodes(folder)
    assert 1 <= len(committed) < len(towns)
    assert_whole(folder)

    again = run(*sync_args(folder, feed, cluster, store_url), env=cluster.env, tmp_path=tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.stderr.count("unchanged: ") == len(committed), again.stderr
    assert len(episodes(folder)) == len(towns)
    assert [e for e in episodes(folder) if e["guid"] in {c["guid"] for c in committed}] == committed
    assert_whole(folder)
    used = {name for episode in episodes(folder) for name in episode_files(episode)}
    visible = {p.name for p in folder.iterdir() if not p.name.startswith(".")}
    assert visible == used | {FEED_NAME, STATE_NAME, "cover.png"}  # no orphaned episode files


def assert_no_stray_file(folder: Path) -> None:
    """Only the feed's own files: no episode file outside the state, no temporary file."""
    used = {name for episode in episodes(folder) for name in episode_files(episode)}
    own = used | {FEED_NAME, STATE_NAME, "cover.png", LOCK_NAME}
    assert {p.name for p in folder.iterdir()} == own


def assert_whole(folder: Path) -> None:
    """feed.xml is a valid feed of exactly the state's episodes, each enclosure a whole file."""
    enclosures = {href: int(length) for e in feed_entries(folder)
                  for href, length, _ in e["enclosures"]}  # fmt: skip
    state = episodes(folder)
    assert len(enclosures) == len(state)
    for episode in state:
        audio = folder / episode_files(episode)[0]
        assert audio.stat().st_size == episode["length"] == enclosures[BASE_URL + audio.name]


def test_one_article_twice_in_the_feed_is_narrated_once(
    cluster: Cluster, store_url: str, tmp_path: Path, httpserver: HTTPServer
) -> None:
    """Two items of the feed, two addresses, one article (the same canonical address): the
    second waits for the first's episode, as one after the other, and finds it current."""
    canonical = httpserver.url_for("/news/mold/")
    page = article_page("Mold", 6).replace(
        "<title>", f"<link rel='canonical' href='{canonical}'><title>"
    )
    items = []
    for day, path in enumerate(("/news/mold/", "/amp/news/mold/")):
        httpserver.expect_request(path).respond_with_data(page, content_type="text/html")
        url = httpserver.url_for(path)
        items.append(f"<item><title>Mold</title><link>{url}</link><guid>{url}</guid>"
                     f"<pubDate>{27 - day} Oct 2026 06:30:00 +0000</pubDate></item>")  # fmt: skip
    httpserver.expect_request("/feed.xml").respond_with_data(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Gazette</title>"
        f"<link>{httpserver.url_for('/')}</link>{''.join(items)}</channel></rss>",
        content_type="application/rss+xml",
    )
    folder = tmp_path / "pod"
    init_feed(folder, cluster, tmp_path)
    synced = run(*sync_args(folder, httpserver.url_for("/feed.xml"), cluster, store_url),
                 env=cluster.env, tmp_path=tmp_path)  # fmt: skip
    assert synced.returncode == 0, synced.stderr
    assert synced.stderr.count("added: Repairs in Mold") == 1, synced.stderr
    assert synced.stderr.count("unchanged: Repairs in Mold") == 1, synced.stderr
    assert len(episodes(folder)) == 1
    assert_no_stray_file(folder)
