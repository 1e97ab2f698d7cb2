"""Two runs at once, and the folder served over HTTP as a podcast app reads it."""

from __future__ import annotations

import multiprocessing
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response
from werkzeug.utils import send_file

from narrate import feed
from narrate.feed import changes, rss
from narrate.settings import Settings
from tests.conftest import FakeVoice
from tests.feed.conftest import SLUGS, Site
from tests.feed.helpers import guids, local, parsed


def _add_when_both_commit(
    barrier: Any, commits: Any, folder: Path, url: str, settings: Settings
) -> None:  # fmt: skip
    """One `feed add`, in a process of its own, that reaches the commit together with the other
    and takes its time writing the feed. Spawned, not forked: a fork would copy whatever threads
    (and the locks they hold) earlier tests left in the test process."""
    from narrate.speech import engines

    voice = FakeVoice(sample_rate=22050, ms_per_char=2)
    engines.ENGINES["piper"] = engines.Engine(lambda *_: voice, in_process=True)
    commit, render = changes._commit, rss.render

    def commit_together(*args: Any) -> Any:
        with commits.get_lock():
            commits.value += 1
        barrier.wait()
        return commit(*args)

    def slow_render(*args: Any) -> bytes:
        time.sleep(0.3)
        return render(*args)

    changes._commit = commit_together  # type: ignore[assignment]
    rss.render = slow_render  # type: ignore[assignment]
    feed.add(folder, [url], settings)


def test_two_concurrent_adds_both_land(tmp_path: Path, site: Site, settings: Settings) -> None:
    """Both processes reach the commit together and each takes its time writing the feed: without
    the lock, the second would overwrite the first's state and one episode would be lost."""
    folder = tmp_path / "pod"
    feed.init(folder, "Courier", "https://example.org/pod/")
    context = multiprocessing.get_context("spawn")
    barrier, commits = context.Barrier(2, timeout=60), context.Value("i", 0)
    runs = [
        context.Process(
            target=_add_when_both_commit,
            args=(barrier, commits, folder, site.url(slug), settings),
        )
        for slug in SLUGS[:2]
    ]
    for run in runs:
        run.start()
    for run in runs:
        run.join(120)
    assert [run.exitcode for run in runs] == [0, 0]
    assert commits.value == 2  # both met at the commit
    assert len(guids(folder)) == 2
    assert len(feed.episodes(folder)) == 2
    assert len(list(folder.glob("*.mp3"))) == 2


@pytest.fixture
def host(tmp_path: Path) -> Iterator[HTTPServer]:
    """A static host for the feed folder, with byte ranges (as podcast hosts must support)."""
    server = HTTPServer(host="127.0.0.1", port=0)

    def serve(request: Request) -> Response:
        path = tmp_path / request.path.lstrip("/")
        if not path.is_file() or tmp_path not in path.resolve().parents:
            return Response("not found", status=404)
        return send_file(path, request.environ, conditional=True)

    server.expect_request("").respond_with_handler(serve)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


def test_served_folder_gives_enclosures_by_byte_range(
    tmp_path: Path, site: Site, host: HTTPServer, fake: FakeVoice, settings: Settings
) -> None:
    folder = tmp_path / "pod"
    feed.init(folder, "Courier", host.url_for("/pod/"))
    feed.add(folder, [site.url(SLUGS[0])], settings)

    with urllib.request.urlopen(host.url_for("/pod/feed.xml"), timeout=10) as response:
        assert response.read() == (folder / "feed.xml").read_bytes()
    entry = parsed(folder).entries[0]
    enclosure = next(link for link in entry.links if link.rel == "enclosure")
    data = local(folder, enclosure.href).read_bytes()

    request = urllib.request.Request(enclosure.href, headers={"Range": "bytes=0-1023"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 206
        assert response.headers["Content-Range"] == f"bytes 0-1023/{enclosure.length}"
        assert response.read() == data[:1024]
    request = urllib.request.Request(enclosure.href, headers={"Range": "bytes=-500"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 206
        assert response.read() == data[-500:]
    image = parsed(folder).feed.image.href
    with urllib.request.urlopen(image, timeout=10) as response:
        assert response.headers.get_content_type() == "image/png"
        assert response.read() == (folder / "cover.png").read_bytes()
