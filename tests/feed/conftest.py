"""A small news site on 127.0.0.1 (three articles and their RSS and Atom feeds) and a fake voice.

The site's pages live in a dict, so a test can change an article's text between two syncs.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from narrate.settings import Settings
from tests.conftest import FakeVoice, speak_with

PAGES = Path(__file__).parent / "pages"
SLUGS = ("harbour-cranes", "bakery-cooperative", "library-reopens")
DATES = {
    "harbour-cranes": dt.datetime(2024, 3, 4, 6, 30, tzinfo=dt.UTC),
    "bakery-cooperative": dt.datetime(2024, 3, 2, 8, 0, tzinfo=dt.UTC),
    "library-reopens": dt.datetime(2024, 2, 28, 7, 15, tzinfo=dt.UTC),
}


@dataclass
class Site:
    base: str
    pages: dict[str, str] = field(default_factory=dict)
    """Path -> HTML."""
    broken: set[str] = field(default_factory=set)
    """Paths that answer 404."""
    replies: dict[str, tuple[int, str, dict[str, str]]] = field(default_factory=dict)
    """Path -> status, content type and headers, for pages served other than as plain HTML."""

    def url(self, slug: str) -> str:
        return f"{self.base}/news/{slug}/"

    def rss(self, slugs: tuple[str, ...] = SLUGS) -> str:
        items = "".join(
            f"<item><title>{slug}</title><link>{self.url(slug)}</link>"
            f"<guid isPermaLink='true'>{self.url(slug)}</guid>"
            f"<pubDate>{email.utils.format_datetime(DATES.get(slug, DATES[SLUGS[0]]))}</pubDate>"
            "</item>"
            for slug in slugs
        )
        return (
            "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel>"
            f"<title>The Coastal Courier</title><link>{self.base}/</link>"
            f"<description>News from the coast</description>{items}</channel></rss>"
        )

    def atom(self) -> str:
        entries = "".join(
            f"<entry><title>{slug}</title><id>urn:{slug}</id>"
            f"<link href='/news/{slug}/'/><updated>{DATES[slug].isoformat()}</updated></entry>"
            for slug in SLUGS
        )
        return (
            "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>The Coastal Courier</title><id>urn:courier</id>"
            f"<updated>2024-03-04T06:30:00Z</updated>{entries}</feed>"
        )

    def answer(self, request: Request) -> Response:
        if request.path in self.broken:
            return Response("gone", status=404)
        if request.path == "/rss.xml":
            return Response(self.rss(), content_type="application/rss+xml")
        if request.path == "/atom.xml":
            return Response(self.atom(), content_type="application/atom+xml")
        if request.path in self.pages:
            status, kind, headers = self.replies.get(
                request.path, (200, "text/html; charset=utf-8", {})
            )
            body = self.pages[request.path].encode("utf-8", "surrogatepass")
            return Response(body, status=status, content_type=kind, headers=headers)
        return Response("not found", status=404)


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    """127.0.0.1 only: the site never listens beyond this machine."""
    return ("127.0.0.1", 0)


@pytest.fixture
def site(httpserver: HTTPServer) -> Site:
    base = httpserver.url_for("").rstrip("/")
    pages = {
        f"/news/{slug}/": (PAGES / f"{slug}.html").read_text("utf-8").replace("{base}", base)
        for slug in SLUGS
    }
    served = Site(base, pages)
    httpserver.expect_request("").respond_with_handler(served.answer)
    return served


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeVoice:
    voice = FakeVoice(sample_rate=22050, ms_per_char=2)
    speak_with(monkeypatch, voice)
    return voice


@pytest.fixture
def settings() -> Settings:
    return Settings(jobs=1)
