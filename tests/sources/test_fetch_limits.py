"""The fetch's total deadline, hostile headers and addresses that are not ASCII, against real
servers on 127.0.0.1."""

from __future__ import annotations

import math
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer

from narrate.errors import FetchError, SourceError
from narrate.model import Article
from narrate.settings import FetchOptions
from narrate.sources.cover import fetch_cover
from narrate.sources.fetch import check_timeout, fetch
from narrate.sources.urls import iri_to_uri

PAGE = "<html><body><p>Some words here.</p></body></html>"
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 32


@pytest.fixture
def dripping() -> Iterator[str]:
    """A server that sends a status line, then one header line every 0.2 s, for ever."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    stop = threading.Event()

    def serve() -> None:
        connection, _ = server.accept()
        with connection:
            connection.sendall(b"HTTP/1.1 200 OK\r\n")
            while not stop.is_set():
                try:
                    connection.sendall(b"X-Drip: 1\r\n")
                except OSError:
                    return
                time.sleep(0.2)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/"
    stop.set()
    server.close()
    thread.join(timeout=2)


def test_dripped_headers_cannot_outlast_the_deadline(dripping: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out after 1 s"):
        fetch(dripping, FetchOptions(timeout=1, retries=0))
    assert time.monotonic() - started < 1.8


def test_retries_and_their_waits_keep_within_the_deadline(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/busy").respond_with_data(
        "busy", status=503, headers={"Retry-After": "10"}
    )
    started = time.monotonic()
    with pytest.raises(FetchError, match="HTTP 503, gave up"):
        fetch(httpserver.url_for("/busy"), FetchOptions(timeout=1, retries=3))
    assert time.monotonic() - started < 1.0  # a 10 s wait would pass the deadline: no wait


@pytest.mark.parametrize("value", ["garbage", "-5", "Mon, 99 Foo 0000 99:99:99 GMT", "9" * 400])
def test_a_retry_after_that_makes_no_sense_is_ignored(httpserver: HTTPServer, value: str) -> None:
    httpserver.expect_ordered_request("/busy").respond_with_data(
        "busy", status=429, headers={"Retry-After": value}
    )
    httpserver.expect_ordered_request("/busy").respond_with_data(PAGE, content_type="text/html")
    options = FetchOptions(timeout=3, retries=1, backoff=0.01, max_wait=0.5)
    assert "Some words" in fetch(httpserver.url_for("/busy"), options).text


@pytest.mark.parametrize("seconds", [-1.0, 0.0, math.nan, math.inf, 1e300])
def test_a_timeout_that_is_not_a_sensible_number_is_refused(seconds: float) -> None:
    with pytest.raises(SourceError, match="--timeout must be a number of seconds"):
        check_timeout(seconds)
    with pytest.raises(SourceError, match="--timeout"):
        fetch("http://127.0.0.1:9/", FetchOptions(timeout=seconds))


def test_iris_are_encoded_for_the_wire() -> None:
    assert iri_to_uri("http://127.0.0.1/bilder/Straße.jpg?q=ä#ö") == (
        "http://127.0.0.1/bilder/Stra%C3%9Fe.jpg?q=%C3%A4#%C3%B6"
    )
    assert iri_to_uri("https://bücher.example/a%20b") == "https://xn--bcher-kva.example/a%20b"
    assert iri_to_uri("http://127.0.0.1/plain?a=1") == "http://127.0.0.1/plain?a=1"
    assert iri_to_uri('http://127.0.0.1/lead photo|1.jpg?q="x"') == (
        "http://127.0.0.1/lead%20photo%7C1.jpg?q=%22x%22"
    )
    assert iri_to_uri("http://u:p@127.0.0.1:8080/a%20b c") == "http://u:p@127.0.0.1:8080/a%20b%20c"


def test_a_non_ascii_page_and_cover_address_are_fetched(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/nachrichten/Straße").respond_with_data(
        PAGE, content_type="text/html"
    )
    httpserver.expect_request("/bilder/Straße.jpg").respond_with_data(
        JPEG, content_type="image/jpeg"
    )
    httpserver.expect_request("/bilder/lead photo.jpg").respond_with_data(
        JPEG, content_type="image/jpeg"
    )
    base = f"http://127.0.0.1:{httpserver.port}"
    assert "Some words" in fetch(f"{base}/nachrichten/Straße", FetchOptions(timeout=3)).text
    for image in ("/bilder/Straße.jpg", "/bilder/lead photo.jpg"):
        article = Article(title="t", blocks=(), image_url=image, url=f"{base}/a")
        cover = fetch_cover(article, FetchOptions(timeout=3))
        assert cover is not None and cover.data == JPEG, image


@pytest.mark.parametrize(
    "image", ["http://127.0.0.1:99999/a.jpg", "http://[::1/a.jpg", "http://xn--/a.jpg", "//\0/"]
)
def test_a_cover_that_cannot_be_fetched_is_no_cover(image: str) -> None:
    article = Article(title="t", blocks=(), image_url=image, url="http://127.0.0.1:9/story")
    assert fetch_cover(article, FetchOptions(timeout=1, retries=0)) is None


def test_a_damaged_saved_page_is_fetched_again(httpserver: HTTPServer, tmp_path) -> None:  # type: ignore[no-untyped-def]
    options = FetchOptions(timeout=3, retries=0, cache_dir=tmp_path)
    httpserver.expect_request("/story").respond_with_data(
        PAGE, content_type="text/html", headers={"ETag": '"v1"'}
    )
    fetch(httpserver.url_for("/story"), options)
    (body,) = tmp_path.glob("*.body")
    body.write_bytes(body.read_bytes().replace(b"Some", b"Evil"))  # the same length
    page = fetch(httpserver.url_for("/story"), options)
    assert "Some words" in page.text
    request, _ = httpserver.log[-1]
    assert "If-None-Match" not in request.headers  # the damaged copy was not revalidated


def test_a_slow_name_lookup_meets_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    """The system's resolver has no timeout: one that never answers (stood in for here, as a
    real one cannot be reached from the tests) must not outlast --timeout."""
    lookup = socket.getaddrinfo

    def unanswered(host: object, *args: object, **kwargs: object) -> object:
        if host == "slow.localhost":
            time.sleep(5)
        return lookup(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", unanswered)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out after 1 s"):
        fetch("http://slow.localhost:9/", FetchOptions(timeout=1, retries=0))
    assert time.monotonic() - started < 1.8
