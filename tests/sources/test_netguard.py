"""The address guard against a real server on 127.0.0.1: a URL that came from fetched content
reaches an internal address only on the origin the user gave, or with allow_private.

The "user's" origin and the content's differ only by host name (127.0.0.1 against localhost) or
port, so everything stays on this machine.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer

from narrate.errors import FetchError
from narrate.model import Article
from narrate.settings import FetchOptions
from narrate.sources.cover import fetch_cover
from narrate.sources.fetch import fetch, get
from narrate.sources.netguard import internal_kind, origin

PAGE = "<html><body><p>The internal password is hunter2.</p></body></html>"
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 32


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.1", "private"),
        ("172.16.5.4", "private"),
        ("169.254.169.254", "link-local"),
        ("100.64.0.1", "shared"),
        ("224.0.0.251", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("fd00::1", "private"),
        ("ff02::1", "multicast"),
        ("::", "unspecified"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
        ("::ffff:10.0.0.1", "private"),
        ("2002:7f00:1::", "loopback"),  # 6to4 of 127.0.0.1
        ("64:ff9b::a9fe:a9fe", "link-local"),  # NAT64 of 169.254.169.254
        ("93.184.215.14", ""),
        ("::ffff:93.184.215.14", ""),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", ""),
    ],
)
def test_internal_addresses_by_kind(address: str, kind: str) -> None:
    assert internal_kind(ipaddress.ip_address(address)) == kind


def test_origin_is_scheme_host_and_port() -> None:
    assert origin("http://LocalHost/a") == ("http", "localhost", 80)
    assert origin("https://example.org:8443/") == ("https", "example.org", 8443)
    assert origin("http://127.0.0.1:99999/") is None
    assert origin("ftp://example.org/") is None


def _at(server: HTTPServer, host: str, path: str, port: int = 0) -> str:
    return f"http://{host}:{port or server.port}{path}"


def _content(trusted: str, allow_private: bool = False) -> FetchOptions:
    """Options for a URL that came from fetched content, the user having given `trusted`."""
    return FetchOptions(timeout=3, retries=0, trust_url=False, trusted_origin=trusted,
                        allow_private=allow_private)  # fmt: skip


def test_a_content_url_on_another_host_name_is_refused(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/secret").respond_with_data(PAGE, content_type="text/html")
    user = _at(httpserver, "localhost", "/feed.xml")
    with pytest.raises(FetchError, match=r"refused to connect to 127\.0\.0\.1.*loopback"):
        fetch(_at(httpserver, "127.0.0.1", "/secret"), _content(user))
    assert httpserver.log == []  # refused before a byte was sent


def test_a_content_url_on_another_port_is_refused(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/secret").respond_with_data(PAGE, content_type="text/html")
    user = _at(httpserver, "127.0.0.1", "/feed.xml", port=httpserver.port + 1)
    secret = _at(httpserver, "127.0.0.1", "/secret")
    with pytest.raises(FetchError, match="--allow-private"):
        fetch(secret, _content(user))
    with pytest.raises(FetchError, match="refused"):  # no origin given at all: a server client
        fetch(secret, FetchOptions(timeout=3, trust_url=False))
    assert httpserver.log == []


def test_same_origin_or_allow_private_may_reach_it(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/page").respond_with_data(PAGE, content_type="text/html")
    page = _at(httpserver, "127.0.0.1", "/page")
    same = _at(httpserver, "127.0.0.1", "/feed.xml")
    assert "hunter2" in fetch(page, _content(same)).text
    other = _at(httpserver, "localhost", "/")
    assert "hunter2" in fetch(page, _content(other, True)).text


def test_a_url_the_user_typed_may_be_internal(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/page").respond_with_data(PAGE, content_type="text/html")
    assert "hunter2" in fetch(httpserver.url_for("/page"), FetchOptions(timeout=3)).text


def test_a_redirect_to_another_internal_origin_is_refused(httpserver: HTTPServer) -> None:
    inside = _at(httpserver, "localhost", "/secret")
    httpserver.expect_request("/story").respond_with_data(
        "", status=302, headers={"Location": inside}
    )
    httpserver.expect_request("/secret").respond_with_data(PAGE, content_type="text/html")
    with pytest.raises(FetchError, match="refused to connect to localhost"):
        fetch(_at(httpserver, "127.0.0.1", "/story"), FetchOptions(timeout=3, retries=0))
    assert [request.path for request, _ in httpserver.log] == ["/story"]
    allowed = FetchOptions(timeout=3, retries=0, allow_private=True)
    assert "hunter2" in fetch(_at(httpserver, "127.0.0.1", "/story"), allowed).text


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A socket that would see any connection narrate made to it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        sock.settimeout(0.3)
        yield sock


@pytest.mark.parametrize("scheme", ["ftp", "file", "data"])
def test_a_redirect_to_another_scheme_is_refused_clearly(
    httpserver: HTTPServer, listener: socket.socket, scheme: str
) -> None:
    port = listener.getsockname()[1]
    target = {"ftp": f"ftp://127.0.0.1:{port}/a.html", "file": "file:///etc/passwd",
              "data": "data:text/html,<p>hi</p>"}[scheme]  # fmt: skip
    httpserver.expect_request("/go").respond_with_data("", status=302, headers={"Location": target})
    with pytest.raises(FetchError, match="not an http or https URL; refused") as caught:
        get(httpserver.url_for("/go"), FetchOptions(timeout=3, retries=0, allow_private=True))
    assert "too many redirects" not in str(caught.value)
    with pytest.raises(TimeoutError):
        listener.accept()  # nothing connected: no "USER anonymous" to an FTP server


def test_a_cover_on_another_internal_origin_is_not_fetched(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/lead.jpg").respond_with_data(JPEG, content_type="image/jpeg")
    image = _at(httpserver, "localhost", "/lead.jpg")
    article = Article(title="t", blocks=(), image_url=image,
                      url=_at(httpserver, "127.0.0.1", "/story"))  # fmt: skip
    assert fetch_cover(article, FetchOptions(timeout=3)) is None
    assert httpserver.log == []
    assert fetch_cover(article, FetchOptions(timeout=3, allow_private=True)) is not None


@pytest.fixture
def https_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[HTTPServer]:
    """An HTTPS server on 127.0.0.1 whose certificate (for the name localhost only) comes from
    a throwaway CA that this process trusts."""
    import ssl

    import trustme

    authority = trustme.CA()
    certificate = authority.issue_cert("localhost")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    certificate.configure_cert(context)
    with authority.cert_pem.tempfile() as trusted:
        monkeypatch.setenv("SSL_CERT_FILE", trusted)
        server = HTTPServer(host="127.0.0.1", port=0, ssl_context=context)
        server.start()
        yield server
        server.clear()
        if server.is_running():
            server.stop()


def test_https_goes_through_the_guard_with_its_certificate_checked(
    https_server: HTTPServer,
) -> None:
    https_server.expect_request("/page").respond_with_data(PAGE, content_type="text/html")
    page = f"https://localhost:{https_server.port}/page"
    assert "hunter2" in fetch(page, FetchOptions(timeout=3, retries=0)).text
    user = f"https://127.0.0.1:{https_server.port}/feed.xml"
    with pytest.raises(FetchError, match="refused to connect to localhost"):
        fetch(page, _content(user))
    with pytest.raises(FetchError, match="CERTIFICATE_VERIFY_FAILED"):  # the name is checked
        fetch(f"https://127.0.0.1:{https_server.port}/page", FetchOptions(timeout=3, retries=0))


def test_an_origin_given_with_a_non_ascii_name_matches_its_wire_form() -> None:
    from narrate.sources.fetch import _wire_form

    assert origin(_wire_form("http://bücher.example:8080/feed.xml")) == (
        "http", "xn--bcher-kva.example", 8080,
    )  # fmt: skip
    assert origin(_wire_form("http://[::1/feed.xml")) is None


def test_through_a_proxy_the_target_is_checked(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a proxy set up (http_proxy), the connection goes to the proxy, which the user chose;
    where it is asked to go is still held to the rules."""
    httpserver.expect_request("/page").respond_with_data(PAGE, content_type="text/html")
    monkeypatch.setenv("http_proxy", _at(httpserver, "127.0.0.1", ""))
    for variable in ("no_proxy", "NO_PROXY", "HTTP_PROXY"):
        monkeypatch.delenv(variable, raising=False)
    target = "http://localhost:9/page"  # nothing listens on port 9: only the proxy can answer
    assert "hunter2" in fetch(target, FetchOptions(timeout=3, retries=0)).text
    with pytest.raises(FetchError, match="refused to connect to localhost:9"):
        fetch(target, _content(_at(httpserver, "127.0.0.1", "/feed.xml")))
    assert len(httpserver.log) == 1  # the refused request never reached the proxy


def test_a_redirect_to_a_non_ascii_address_is_followed_encoded() -> None:
    """Sites send a Location in raw UTF-8 (which http.client reads as Latin-1): it is followed
    as a browser does, percent-encoded as UTF-8."""
    import http.server

    asked: list[str] = []

    class Site(http.server.BaseHTTPRequestHandler):
        def log_message(self, *_: object) -> None:
            pass

        def do_GET(self) -> None:
            asked.append(self.path)
            if self.path == "/short":
                self.wfile.write("HTTP/1.1 302 Found\r\nLocation: /новини/стаття\r\n"
                                 "Content-Length: 0\r\n\r\n".encode())  # fmt: skip
                return
            body = PAGE.encode()
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                             b"Content-Length: %d\r\n\r\n%s" % (len(body), body))  # fmt: skip

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/short"
        page = fetch(url, FetchOptions(timeout=3, retries=0))
    finally:
        server.shutdown()
        server.server_close()
    assert "hunter2" in page.text
    encoded = "/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8/%D1%81%D1%82%D0%B0%D1%82%D1%82%D1%8F"
    assert asked == ["/short", encoded]
