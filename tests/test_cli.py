"""The command line: in-process with a fake voice, and as a real subprocess for bad input."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from narrate.audio import assembly as audio
from narrate.cli import commands as cli
from narrate.errors import VoiceError
from narrate.model import Clip
from tests.conftest import FakeVoice, speak_with

SAMPLE = Path(__file__).parents[1] / "samples" / "article.html"
FURNITURE = [
    "This audio is created with AI assistance",
    "Share on",
    "Read also",
    "Kyiv metro tests",
    "newsletter",
    "Subscribe",
    "Photo:",
    "Solar panels on the roof",
    "Most popular",
    "Ten things to do",
    "Comments",
    "All rights reserved",
    "cookies",
    "Olena Marchuk is a reporter",
    "Privacy policy",
]


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeVoice:
    voice = FakeVoice(sample_rate=22050, ms_per_char=5)
    speak_with(monkeypatch, voice)
    return voice


def invoke(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the real command in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "narrate", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


runner = CliRunner()


def test_dry_run_prints_the_spoken_script_without_furniture() -> None:
    result = runner.invoke(cli.narrate_app, [str(SAMPLE), "--dry-run"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Lviv opens a solar-powered tram depot")
    assert lines[1] == "By Olena Marchuk."
    assert any("January tenth" in line for line in lines)
    assert any("six hundred thousand to eight hundred thousand" in line for line in lines)
    assert lines[-1].startswith("Passengers will not notice the change")
    for snippet in FURNITURE:
        assert snippet.lower() not in result.stdout.lower(), snippet


def test_narrates_to_a_tagged_mp3_whose_length_matches(tmp_path: Path, fake: FakeVoice) -> None:
    out = tmp_path / "out.mp3"
    result = runner.invoke(cli.narrate_app, [str(SAMPLE), "-o", str(out), "-q", "-j", "1"])
    assert result.exit_code == 0, result.output
    spoken_seconds = sum(fake.samples_for(text) for text in fake.spoken) / fake.sample_rate
    assert audio.duration(out, 22050) > spoken_seconds  # speech plus the pauses between
    assert audio.duration(out, 22050) < spoken_seconds + 0.9 * len(fake.spoken) + 2
    from mutagen.id3 import ID3

    assert str(ID3(out)["TIT2"]).startswith("Lviv opens")
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind


def test_no_output_names_the_file_from_the_title(
    tmp_path: Path, fake: FakeVoice, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli.narrate_app, [str(SAMPLE), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == [
        "lviv-opens-a-solar-powered-tram-depot-as-winter-nears.mp3"
    ]


def test_failure_never_clobbers_an_existing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Broken(FakeVoice):
        def speak(self, text: str) -> Clip:
            if len(self.spoken) > 3:
                raise VoiceError("the voice broke")
            return super().speak(text)

    speak_with(monkeypatch, Broken(22050))
    out = tmp_path / "keep.mp3"
    out.write_bytes(b"my good old narration")
    result = runner.invoke(cli.narrate_app, [str(SAMPLE), "-o", str(out), "-j", "1"])
    assert result.exit_code == 1
    assert result.stderr.strip() == "narrate: error: the voice broke"
    assert out.read_bytes() == b"my good old narration"
    assert list(tmp_path.iterdir()) == [out]


def test_version_help_and_python_dash_m() -> None:
    version = invoke("--version")
    assert version.returncode == 0
    assert version.stdout.startswith("narrate ")
    shown = invoke("--help").stdout
    for option in (
        "--output",
        "--dry-run",
        "--voice",
        "--rate",
        "--bitrate",
        "--quiet",
        "narrate voices",
    ):
        assert option in shown


def test_voices_lists_the_pip_installed_default() -> None:
    result = invoke("voices")
    assert result.returncode == 0
    assert result.stdout.startswith("en_US-joe-medium\ten_US\tmedium\t22050 Hz\tCC0\tpackage")


def test_normalize_command_and_stdin(tmp_path: Path) -> None:
    result = invoke("normalize", "It opened on Jan. 10 in the U.S.")
    assert result.returncode == 0
    assert "January tenth" in result.stdout
    piped = subprocess.run(
        [sys.executable, "-m", "narrate", "-", "--dry-run"],
        input=SAMPLE.read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert piped.returncode == 0
    assert "Passengers will not notice" in piped.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


LINKS = (
    b"<html><head><title>Home | Site</title></head><body><nav>"
    + b"".join(
        b'<a href="/n%d">Headline number %d about things</a><br>' % (i, i) for i in range(40)
    )
    + b"</nav></body></html>"
)


BAD_INPUTS = {
    "missing file": (lambda d, s: [str(d / "nope.html")], "no such file"),
    "directory": (lambda d, s: [str(d)], "is a directory"),
    "empty page": (lambda d, s: [_file(d / "empty.html", b"")], "is empty"),
    "not an article": (lambda d, s: [_file(d / "links.html", LINKS)], "not an article|force"),
    "binary garbage": (lambda d, s: [_file(d / "x.bin", bytes(range(256)) * 8)], "binary"),
    "404": (lambda d, s: [s.url_for("/missing")], "HTTP 404"),
    "refused": (lambda d, s: [f"http://127.0.0.1:{_free_port()}/a"], "cannot connect"),
    "scheme": (lambda d, s: ["ftp://127.0.0.1/article.html"], "only http and https"),
    "unwritable output": (
        lambda d, s: [str(SAMPLE), "-o", str(d / "no" / "such" / "a.mp3")],
        "does not exist",
    ),
    "output is a folder": (lambda d, s: [str(SAMPLE), "-o", str(d)], "is a directory"),
    "bad voice": (lambda d, s: [str(SAMPLE), "--voice", "xx_XX-nobody"], "no voice named"),
    "unknown format": (lambda d, s: [str(SAMPLE), "--format", "flac"], "unknown format 'flac'"),
}


def _file(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_is_one_clear_line_and_no_file(
    tmp_path: Path, httpserver: HTTPServer, case: str
) -> None:
    make, message = BAD_INPUTS[case]
    httpserver.expect_request("/missing").respond_with_data("gone", status=404)
    work = tmp_path / "work"
    work.mkdir()
    args = make(work, httpserver)
    before = set(work.iterdir())
    result = subprocess.run(
        [sys.executable, "-m", "narrate", *args, "-q"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=work,
    )
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("narrate: error: ")
    assert "Traceback" not in result.stderr
    assert re.search(message, lines[0]), lines[0]
    assert set(work.iterdir()) == before  # nothing written, nothing half-written


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = invoke(str(tmp_path / "nope.html"), "--debug")
    assert result.returncode != 0
    assert "Traceback" in result.stderr


def test_an_article_in_another_language_draws_a_warning(tmp_path: Path) -> None:
    page = tmp_path / "de.html"
    page.write_text(
        '<html lang="de"><head><title>Neue Straßenbahn</title>'
        '<meta property="og:type" content="article"></head><body><article>'
        "<h1>Neue Straßenbahn</h1>"
        "<p>Die Stadt hat heute eine neue Straßenbahnlinie eröffnet, die zwölf Haltestellen "
        "verbindet und alle zehn Minuten fährt.</p><p>Der Bau dauerte drei Jahre und kostete "
        "mehr als geplant, sagte der Bürgermeister bei der Eröffnung am Vormittag.</p><p>Viele "
        "Fahrgäste waren schon in der ersten Stunde unterwegs, und die Wagen waren voll.</p>"
        "<p>Im nächsten Jahr soll eine zweite Linie folgen, die den Bahnhof mit dem Flughafen "
        "verbindet und in den Abendstunden öfter fährt.</p></article></body></html>",
        encoding="utf-8",
    )
    result = invoke(str(page), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "narrate: WARNING: this article is in German (de)" in result.stderr


def test_forms_left_unspoken_are_reported_and_strict_stops(tmp_path: Path) -> None:
    note = tmp_path / "odd.txt"
    note.write_text("Odd symbols\n\nThe price is 5 ¤ today, they said.\n", encoding="utf-8")
    relaxed = invoke(str(note), "--dry-run")
    assert relaxed.returncode == 0
    assert "narrate: WARNING: 1 written form may be read oddly: ¤" in relaxed.stderr
    strict = invoke(str(note), "--dry-run", "--strict")
    assert strict.returncode == 1
    assert strict.stderr.strip().endswith("(--strict)")
    assert strict.stdout == ""
