"""Listening at once: the narration streamed to stdout, or to a sound player, as it is made."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from narrate.audio import assembly as audio
from narrate.audio.assembly import Player
from narrate.errors import AudioError
from tests.test_cli import SAMPLE, invoke


@pytest.fixture
def note(tmp_path: Path) -> Path:
    path = tmp_path / "note.md"
    path.write_text(
        "# A short note\n\nThe meeting starts at 5 p.m. on Jan. 10.\n", encoding="utf-8"
    )
    return path


@pytest.mark.slow
def test_stdout_stream_is_the_complete_narration(tmp_path: Path, note: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "narrate",
            str(note),
            "-o",
            "-",
            "-q",
            "--vtt",
            str(tmp_path / "n.vtt"),
        ],
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    streamed = tmp_path / "streamed.mp3"
    streamed.write_bytes(result.stdout)
    assert result.stdout[:3] != b"ID3"  # raw frames: nothing that needs seeking back to
    seconds = audio.duration(streamed)
    cues = (tmp_path / "n.vtt").read_text(encoding="utf-8")
    assert cues.count(" --> ") == 2  # title, sentence
    assert 2.0 < seconds < 12.0


def _fake_player(folder: Path, name: str, exit_status: int = 0) -> Path:
    """A stand-in for a real player on PATH: it saves what it is given."""
    script = folder / name
    script.write_text(f"#!/bin/sh\n/bin/cat > {folder}/played.raw\nexit {exit_status}\n")
    script.chmod(0o755)
    return folder / "played.raw"


@pytest.mark.slow
def test_a_reader_that_stops_early_is_one_clear_line(note: Path) -> None:
    """`narrate -o - | head -c 100`: the reader goes away; one line, no traceback."""
    narrate = subprocess.Popen(
        [sys.executable, "-m", "narrate", str(note), "-o", "-", "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert narrate.stdout is not None and narrate.stderr is not None
    assert len(narrate.stdout.read(100)) == 100
    narrate.stdout.close()
    errors = narrate.stderr.read().decode()
    narrate.stderr.close()
    assert narrate.wait(timeout=300) == 1
    assert errors.strip().splitlines() == ["narrate: error: the program reading the MP3 stopped"]


def test_player_receives_the_pcm_as_it_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    played = _fake_player(tmp_path, "aplay")
    monkeypatch.setenv("PATH", str(tmp_path))
    with Player(16000) as player:
        assert player.name == "aplay"
        player.write(b"\1\0" * 1000)
        player.write(b"\2\0" * 500)
    assert played.read_bytes() == b"\1\0" * 1000 + b"\2\0" * 500


def test_a_failing_player_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_player(tmp_path, "paplay", exit_status=1)
    monkeypatch.setenv("PATH", str(tmp_path))
    with (
        pytest.raises(AudioError, match="paplay could not play the audio"),
        Player(16000) as player,
    ):
        player.write(b"\0\0" * 10)


def test_no_player_is_one_clear_line(note: Path, tmp_path: Path) -> None:
    env = dict(os.environ, PATH=str(tmp_path))  # no player anywhere on PATH
    result = subprocess.run(
        [sys.executable, "-m", "narrate", str(note), "--play", "-q"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "narrate: error: no audio player found (looked for mpv, ffplay, paplay, aplay, play); "
        "install one, or pipe the audio: narrate SOURCE -o - | PLAYER -"
    ]


def test_streaming_refuses_outputs_that_need_a_file(note: Path, tmp_path: Path) -> None:
    result = invoke(str(note), "-o", "-", "--html", str(tmp_path / "p.html"))
    assert result.returncode == 1
    assert "need an audio file" in result.stderr
    assert not (tmp_path / "p.html").exists()
    assert SAMPLE.exists()
