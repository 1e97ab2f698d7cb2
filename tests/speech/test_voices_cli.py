"""`narrate voices`: the catalogue offline, downloads and refreshes, licences and credit lines."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from narrate.outputs.disclosure import disclosure
from narrate.speech.catalog import find_voice, packaged_voice
from narrate.speech.published import published_voices
from tests.test_cli import invoke


def test_all_lists_the_whole_catalogue_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NARRATE_OFFLINE", "1")
    result = invoke("voices", "--all")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(published_voices()) > 170
    lessac = next(line for line in lines if line.startswith("en_US-lessac-medium\t"))
    assert "[NON-COMMERCIAL]" in lessac
    joe = next(line for line in lines if line.startswith("en_US-joe-medium\t"))
    assert "CC0" in joe and joe.endswith("installed")
    installed = packaged_voice()  # the catalogue agrees with the voice's own config
    assert joe.split("\t")[1:4] == [installed.language, "medium", f"{installed.sample_rate} Hz"]


def test_all_filters_by_language_and_quality() -> None:
    result = invoke("voices", "--all", "--language", "de-DE", "--quality", "medium")
    assert result.returncode == 0, result.stderr
    keys = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert keys and all(k.startswith("de_DE-") and k.endswith("-medium") for k in keys)
    bad = invoke("voices", "--all", "--quality", "best")
    assert bad.returncode == 1
    assert bad.stderr.startswith("narrate: error: unknown quality 'best': choose one of x_low")


def _md5(data: bytes) -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def test_refresh_then_download_through_the_command(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A catalogue served on loopback lists the installed voice's files as a new voice."""
    installed = packaged_voice().model.parent
    files = {}
    for name, path in (("de_DE-probe-medium.onnx", "en_US-joe-medium.onnx"),
                       ("de_DE-probe-medium.onnx.json", "en_US-joe-medium.onnx.json"),
                       ("MODEL_CARD", "MODEL_CARD")):  # fmt: skip
        body = (installed / path).read_bytes()
        files[f"de/de_DE/probe/medium/{name}"] = {"size_bytes": len(body), "md5_digest": _md5(body)}
        httpserver.expect_request(f"/de/de_DE/probe/medium/{name}").respond_with_data(body)
    catalogue = {
        "de_DE-probe-medium": {
            "key": "de_DE-probe-medium", "name": "probe", "quality": "medium",
            "language": {"code": "de_DE", "family": "de", "name_english": "German"},
            "num_speakers": 1, "files": files,
        }
    }  # fmt: skip
    httpserver.expect_request("/voices.json").respond_with_data(json.dumps(catalogue))
    monkeypatch.setenv("NARRATE_VOICES_URL", httpserver.url_for("/"))
    refreshed = invoke("voices", "refresh")
    assert refreshed.returncode == 0, refreshed.stderr
    assert "Saved 1 voice to" in refreshed.stderr
    fetched = invoke("voices", "download", "--language", "de")
    assert fetched.returncode == 0, fetched.stderr
    assert "Downloaded de_DE-probe-medium" in fetched.stderr
    listed = invoke("voices")
    assert any(line.startswith("de_DE-probe-medium\t") for line in listed.stdout.splitlines())
    assert find_voice("de_DE-probe-medium").license == "CC0"  # from its MODEL_CARD


def test_a_download_needs_a_name_or_a_language() -> None:
    result = invoke("voices", "download")
    assert result.returncode == 1
    assert "name a voice to download" in result.stderr


def _installed_as(folder: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    joe = packaged_voice()
    (folder / f"{name}.onnx").symlink_to(joe.model)
    (folder / f"{name}.onnx.json").write_bytes(joe.config.read_bytes())
    monkeypatch.setenv("NARRATE_VOICES", str(folder))


def test_a_voice_s_credit_line_goes_into_the_disclosure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _installed_as(tmp_path, "de_DE-mls-medium", monkeypatch)
    info = find_voice("de_DE-mls-medium")
    assert info.license.startswith("CC BY 4.0; credit: Piper voice de_DE-mls-medium, trained on")
    assert not info.noncommercial
    assert "credit: Piper voice de_DE-mls-medium" in disclosure(info.name, info.license)
    assert packaged_voice().license == "CC0"  # no credit asked


def test_a_non_commercial_voice_is_flagged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _installed_as(tmp_path, "en_US-lessac-medium", monkeypatch)
    assert find_voice("en_US-lessac-medium").noncommercial
    listed = invoke("voices")
    line = next(x for x in listed.stdout.splitlines() if x.startswith("en_US-lessac-medium\t"))
    assert "[NON-COMMERCIAL]" in line
