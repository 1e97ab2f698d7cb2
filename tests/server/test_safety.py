"""The server's defaults keep it safe: client URLs may not reach this machine or its network,
an API key when asked for, request size, rate and host-name limits."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from pytest_httpserver import HTTPServer

from narrate.errors import FetchError
from narrate.server.guard import SESSION_COOKIE, check_public
from tests.conftest import speak_with
from tests.server.conftest import Running, wait_done
from tests.server.voices import quick

Serve = Callable[..., Running]


def test_a_url_on_this_machine_is_refused_unless_allowed(
    serve: Serve, site: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    speak_with(monkeypatch, quick())
    url = site.url_for("/news/river-swim")  # localhost: resolves to 127.0.0.1
    guarded = serve()
    with guarded.client() as client:
        for address in (url, url.replace("localhost", "127.0.0.1"), "http://127.9.9.9/x"):
            refused = client.post("/api/narrations", json={"url": address})
            assert refused.status_code == 400, address
            assert "a loopback address" in refused.json()["detail"]
        for other in ("file:///etc/passwd", "ftp://example.org/a"):
            assert client.post("/api/narrations", json={"url": other}).status_code == 400
        assert client.get("/api/narrations").json() == []
    assert not site.log  # nothing was fetched
    allowed = serve(allow_private=True)
    with allowed.client() as client:
        job = client.post("/api/narrations", json={"url": url}).json()
        assert wait_done(client, job["id"])["status"] == "done"


def test_the_fetch_itself_refuses_what_the_first_check_let_through(
    serve: Serve, site: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name that resolves to a public address when asked, and to 127.0.0.1 when fetched (DNS
    rebinding), or a public page that redirects inside: the fetch holds the same rule."""
    speak_with(monkeypatch, quick())
    monkeypatch.setattr("narrate.server.api.check_public", lambda url, allow_private: None)
    running = serve()
    with running.client() as client:
        job = client.post("/api/narrations", json={"url": site.url_for("/news/river-swim")})
        status = wait_done(client, job.json()["id"])
    assert status["status"] == "failed"
    assert "refused to connect" in status["error"] and "loopback" in status["error"]
    assert not site.log


@pytest.mark.parametrize(
    "address", ["10.0.0.8", "192.168.1.1", "169.254.169.254", "::1", "fd00::1", "0.0.0.0"]
)
def test_private_link_local_and_metadata_addresses_are_not_public(address: str) -> None:
    host = f"[{address}]" if ":" in address else address
    with pytest.raises(FetchError, match="refused"):
        check_public(f"http://{host}/latest/meta-data/")
    check_public(f"http://{host}/", allow_private=True)


def test_an_api_key_is_asked_for_everything_but_the_page(serve: Serve) -> None:
    running = serve(api_key="s3cret")
    with running.client() as client:
        assert client.get("/").status_code == 200
        assert client.get("/api/config").json()["auth_required"] is True
        assert client.get("/api/narrations").status_code == 401
        assert (
            client.get("/api/narrations", headers={"Authorization": "Bearer nope"}).status_code
            == 401
        )
        good = {"Authorization": "Bearer s3cret"}
        assert client.get("/api/narrations", headers=good).status_code == 200
        assert client.post("/v1/audio/speech", json={"input": "hi"}).status_code == 401
        assert client.post("/api/session", json={"key": "nope"}).status_code == 401
        assert client.post("/api/session", json={"key": "s3cret"}).status_code == 204
        assert client.get("/api/narrations").status_code == 200  # by the session cookie
        assert "s3cret" not in (client.cookies.get(SESSION_COOKIE) or "s3cret")
        client.cookies.set(SESSION_COOKIE, "s3cret")  # the key itself is not a session
        assert client.get("/api/narrations").status_code == 401
        assert client.get("/feeds/none/feed.xml").status_code == 404  # feeds are public


def test_requests_too_large_or_too_many_are_refused(
    serve: Serve, monkeypatch: pytest.MonkeyPatch
) -> None:
    speak_with(monkeypatch, quick())
    running = serve(max_body=10_000, rate_per_minute=3)
    with running.client() as client:
        big = client.post("/api/narrations", json={"text": "word " * 5000})
        assert big.status_code == 413

        def chunks() -> Iterator[bytes]:
            yield b'{"text": "'
            for _ in range(30):
                yield b"x" * 1000
            yield b'"}'

        streamed = client.post("/api/narrations", content=chunks(),
                               headers={"Content-Type": "application/json"})  # fmt: skip
        assert streamed.status_code == 413
        answers = [client.post("/api/narrations", json={"text": f"Note {n}."}) for n in range(3)]
        assert [a.status_code for a in answers][-1] == 429
        assert int(answers[-1].headers["retry-after"]) >= 1
        assert client.get("/api/narrations").status_code == 200  # reading is not limited


def test_only_local_host_names_reach_a_loopback_server(serve: Serve) -> None:
    running = serve()
    with running.client() as client:
        assert client.get("/", headers={"Host": "attacker.example"}).status_code == 421
        assert client.get("/", headers={"Host": "localhost:8765"}).status_code == 200


def test_pages_come_with_a_strict_policy_and_no_sniffing(serve: Serve) -> None:
    running = serve()
    with running.client() as client:
        page = client.get("/listen", params={"url": "<script>alert(1)</script>"})
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "'unsafe-inline'" not in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "alert(1)" not in page.text  # the page is static: the script reads the URL itself


def test_feed_folders_are_served_with_range_and_their_types(serve: Serve, tmp_path: Path) -> None:
    feed = tmp_path / "harbour"
    feed.mkdir()
    (feed / "feed.xml").write_text("<rss version='2.0'><channel/></rss>")
    (feed / "episode.mp3").write_bytes(bytes(range(256)) * 40)
    (feed / "episode.vtt").write_text("WEBVTT\n")
    (feed / ".state.json").write_text("{}")
    running = serve(feeds=(feed,))
    with running.client() as client:
        assert (
            client.get("/feeds/harbour/feed.xml")
            .headers["content-type"]
            .startswith("application/rss+xml")
        )
        assert (
            client.get("/feeds/harbour/episode.vtt").headers["content-type"].startswith("text/vtt")
        )
        part = client.get("/feeds/harbour/episode.mp3", headers={"Range": "bytes=10-19"})
        assert part.status_code == 206 and part.content == bytes(range(10, 20))
        assert part.headers["content-type"] == "audio/mpeg"
        assert client.get("/feeds/harbour/.state.json").status_code == 404
        assert client.get("/feeds/harbour/%2e%2e/harbour/feed.xml").status_code == 404
        assert client.get("/feeds/other/feed.xml").status_code == 404


def test_the_cli_refuses_an_open_host_without_a_key() -> None:
    from typer.testing import CliRunner

    from narrate.cli.commands import subcommand_app

    result = CliRunner().invoke(
        subcommand_app("serve"), ["serve", "--host", "0.0.0.0"], env={"NARRATE_API_KEY": ""}
    )
    assert result.exit_code == 1
    assert "API key" in result.output
    assert isinstance(httpx.URL("http://127.0.0.1:8765/"), httpx.URL)
