"""Cover art: the lead image when it is a real JPEG or PNG; otherwise none, and no failure."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from narrate.model import Article
from narrate.settings import FetchOptions
from narrate.sources.cover import fetch_cover, sniff

JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 32
FAST = FetchOptions(timeout=3, retries=0)


def _article(httpserver: HTTPServer, image: str) -> Article:
    return Article(title="t", blocks=(), image_url=image, url=httpserver.url_for("/story"))


def test_a_relative_jpeg_is_fetched(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/img/lead.jpg").respond_with_data(JPEG, content_type="image/jpeg")
    cover = fetch_cover(_article(httpserver, "/img/lead.jpg"), FAST)
    assert cover is not None
    assert (cover.mime, cover.data) == ("image/jpeg", JPEG)


def test_what_is_not_a_jpeg_or_png_is_no_cover(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/img/lead.webp").respond_with_data(
        b"RIFF....WEBP", content_type="image/webp"
    )
    httpserver.expect_request("/img/gone.jpg").respond_with_data("", status=404)
    assert fetch_cover(_article(httpserver, "/img/lead.webp"), FAST) is None
    assert fetch_cover(_article(httpserver, "/img/gone.jpg"), FAST) is None
    assert sniff(b"GIF89a") is None


def test_a_saved_page_never_goes_online_for_its_cover(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*_: object, **__: object) -> None:
        raise AssertionError("a saved page must not fetch anything")

    monkeypatch.setattr("narrate.sources.cover.get", no_network)
    offline = Article(title="t", blocks=(), image_url="https://example.invalid/lead.jpg")
    assert fetch_cover(offline, FAST) is None
