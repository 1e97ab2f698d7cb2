"""URL handling against a real HTTP server on 127.0.0.1 (pytest-httpserver)."""

from __future__ import annotations

import gzip
import socket
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from narrate import __version__
from narrate.errors import FetchError, SourceError
from narrate.settings import FetchOptions, user_agent
from narrate.sources.fetch import fetch

PAGE = "<html><head><title>T</title></head><body><p>Café au lait, naïve résumé.</p></body></html>"
FAST = FetchOptions(timeout=3, retries=0)


def test_fetches_html_with_a_real_user_agent(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a", headers={"User-Agent": user_agent()}).respond_with_data(
        PAGE, content_type="text/html; charset=utf-8"
    )
    page = fetch(httpserver.url_for("/a"), FAST)
    assert page.kind == "html"
    assert "naïve résumé" in page.text
    assert page.url == httpserver.url_for("/a")
    assert f"narrate/{__version__} " in user_agent()


def test_follows_redirects_and_reports_the_final_url(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": httpserver.url_for("/new")}
    )
    httpserver.expect_request("/new").respond_with_data(PAGE, content_type="text/html")
    page = fetch(httpserver.url_for("/old"), FAST)
    assert page.url == httpserver.url_for("/new")


def test_redirect_loop_stops_at_the_limit(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/loop").respond_with_data(
        "", status=302, headers={"Location": httpserver.url_for("/loop")}
    )
    with pytest.raises(FetchError, match="redirect"):
        fetch(httpserver.url_for("/loop"), FAST)


@pytest.mark.parametrize(("status", "words"), [(404, "HTTP 404"), (410, "HTTP 410")])
def test_client_errors_name_the_status(httpserver: HTTPServer, status: int, words: str) -> None:
    httpserver.expect_request("/gone").respond_with_data("no", status=status)
    with pytest.raises(FetchError, match=words):
        fetch(httpserver.url_for("/gone"), FAST)


def test_server_error_is_retried_then_reported(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/down").respond_with_data("oops", status=500)
    options = FetchOptions(timeout=3, retries=2, backoff=0.01)
    with pytest.raises(FetchError, match=r"HTTP 500, gave up after 3 tries"):
        fetch(httpserver.url_for("/down"), options)
    assert len(httpserver.log) == 3


def test_retry_after_is_honoured_and_a_later_success_wins(httpserver: HTTPServer) -> None:
    httpserver.expect_ordered_request("/busy").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "1"}
    )
    httpserver.expect_ordered_request("/busy").respond_with_data(PAGE, content_type="text/html")
    started = time.monotonic()
    page = fetch(httpserver.url_for("/busy"), FetchOptions(timeout=3, retries=1, backoff=0.01))
    assert "Café" in page.text
    assert time.monotonic() - started >= 0.9  # waited as the server asked, not the 10 ms backoff


@pytest.mark.parametrize("content_type", ["image/png", "application/pdf", "video/mp4"])
def test_refuses_what_is_not_a_page(httpserver: HTTPServer, content_type: str) -> None:
    httpserver.expect_request("/file").respond_with_data(
        b"\x89PNG\r\n\x1a\n\0\0", content_type=content_type
    )
    with pytest.raises(FetchError, match=f"not a web page.*{content_type}"):
        fetch(httpserver.url_for("/file"), FAST)


def test_plain_text_is_accepted_as_text(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/t").respond_with_data("Hello.\n\nWorld.", content_type="text/plain")
    assert fetch(httpserver.url_for("/t"), FAST).kind == "text"


def test_slow_server_times_out(httpserver: HTTPServer) -> None:
    def slow(_request: Request) -> Response:
        time.sleep(2)
        return Response(PAGE, content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(httpserver.url_for("/slow"), FetchOptions(timeout=0.5, retries=0))
    assert time.monotonic() - started < 1.9


def test_huge_body_is_refused(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/big").respond_with_data(
        "<p>" + "x" * 300_000, content_type="text/html"
    )
    with pytest.raises(FetchError, match="too large"):
        fetch(httpserver.url_for("/big"), FetchOptions(timeout=3, retries=0, max_bytes=100_000))


def test_gzip_is_decoded_and_a_gzip_bomb_is_capped(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/gz").respond_with_data(
        gzip.compress(PAGE.encode()), content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    assert "Café" in fetch(httpserver.url_for("/gz"), FAST).text
    bomb = gzip.compress(b"<p>" + b"a" * 5_000_000)  # ~5 KB on the wire, 5 MB inflated
    httpserver.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    with pytest.raises(FetchError, match="too large"):
        fetch(httpserver.url_for("/bomb"), FetchOptions(timeout=3, retries=0, max_bytes=1_000_000))


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (PAGE.encode("cp1252"), "text/html; charset=windows-1252"),  # from the header
        (
            PAGE.replace("<head>", '<head><meta charset="iso-8859-1">').encode("latin-1"),
            "text/html",
        ),
        (PAGE.encode("latin-1"), "text/html"),  # no declaration at all: sniffed
    ],
)
def test_non_utf8_charsets(httpserver: HTTPServer, body: bytes, content_type: str) -> None:
    httpserver.expect_request("/latin").respond_with_data(body, content_type=content_type)
    assert "Café au lait, naïve résumé." in fetch(httpserver.url_for("/latin"), FAST).text


def test_connection_refused_is_a_clear_error() -> None:
    with socket.socket() as sock:  # a port that was just free, so nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match="cannot connect"):
        fetch(f"http://127.0.0.1:{port}/", FAST)


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/a.html", "file:///etc/passwd", "gopher://x/"])
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(SourceError, match="only http and https"):
        fetch(url, FAST)


def test_cookies_set_by_a_redirect_are_sent_back(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/consent").respond_with_data(
        "", status=302, headers={"Location": "/article", "Set-Cookie": "consent=yes; Path=/"}
    )
    httpserver.expect_request("/article", headers={"Cookie": "consent=yes"}).respond_with_data(
        PAGE, content_type="text/html"
    )
    assert "Café" in fetch(httpserver.url_for("/consent"), FAST).text


def test_an_unchanged_page_is_revalidated_not_downloaded(httpserver: HTTPServer, tmp_path) -> None:  # type: ignore[no-untyped-def]
    options = FetchOptions(timeout=3, retries=0, cache_dir=tmp_path / "pages")
    httpserver.expect_ordered_request("/story").respond_with_data(
        PAGE,
        content_type="text/html",
        headers={"ETag": '"v1"', "Last-Modified": "Mon, 06 Jan 2025 10:00:00 GMT"},
    )
    httpserver.expect_ordered_request(
        "/story",
        headers={"If-None-Match": '"v1"', "If-Modified-Since": "Mon, 06 Jan 2025 10:00:00 GMT"},
    ).respond_with_data("", status=304)
    httpserver.expect_ordered_request(
        "/story", headers={"If-None-Match": '"v1"'}
    ).respond_with_data(
        PAGE.replace("Café", "Tea"), content_type="text/html", headers={"ETag": '"v2"'}
    )
    first = fetch(httpserver.url_for("/story"), options)
    again = fetch(httpserver.url_for("/story"), options)  # 304: served from the saved copy
    assert again.text == first.text
    changed = fetch(httpserver.url_for("/story"), options)
    assert "Tea au lait" in changed.text
    httpserver.check_assertions()
    assert len(httpserver.log) == 3


def test_the_suite_cannot_reach_beyond_this_machine() -> None:
    with pytest.raises(AssertionError, match=r"tests stay on 127\.0\.0\.1"):
        fetch("http://example.org/news", FAST)  # the conftest guard stops the lookup
    assert socket.getaddrinfo("127.0.0.1", 80)  # loopback still works
