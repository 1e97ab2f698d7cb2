"""Damaged caches never reach the output: every entry is checked on read, and a bad one is
dropped and made again (sentence clips, whole narrations; the HTTP cache and the optimised
voice model have their own tests)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from narrate.audio import assembly as audio
from narrate.cli import commands as cli
from narrate.model import Clip
from narrate.paths import cache_folders
from narrate.speech.segmentcache import SegmentCache
from tests.conftest import FakeVoice, speak_with
from tests.test_cli import SAMPLE


def _narrate(folder: Path, name: str) -> Path:
    result = CliRunner().invoke(cli.narrate_app, [str(SAMPLE), "-o", str(folder / name), "-j", "1"])
    assert result.exit_code == 0, result.output
    return folder / name


def test_a_same_length_damage_to_a_clip_is_caught(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="narrate.speech.segmentcache")
    cache = SegmentCache(tmp_path)
    clip = Clip(b"\1\0" * 3000, 22050, energies=(0.5,), peak_dbtp=-1.5)
    cache.put("ab" * 32, clip)
    entry = cache._path("ab" * 32)
    data = bytearray(entry.read_bytes())
    data[100:110] = b"\xff\x7f" * 5  # a burst of full scale, the length unchanged
    entry.write_bytes(bytes(data))
    assert cache.get("ab" * 32) is None
    assert not entry.exists()  # dropped, to be made again
    assert "dropping a damaged cache entry" in caplog.text


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "no record"])
def test_a_damaged_whole_narration_is_encoded_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    speak_with(monkeypatch, FakeVoice(sample_rate=22050, ms_per_char=2))
    first = _narrate(tmp_path, "first.mp3")
    (saved,) = (SegmentCache().folder / "audio").glob("*.mp3")
    whole = saved.read_bytes()
    if damage == "truncated":
        saved.write_bytes(whole[: len(whole) // 3])
    elif damage == "garbage":
        saved.write_bytes(os.urandom(len(whole)))
    elif damage == "empty":
        saved.write_bytes(b"")
    else:
        saved.with_name(saved.name + ".crc32").unlink()
    again = _narrate(tmp_path, "again.mp3")
    assert audio.duration(again) == pytest.approx(audio.duration(first), abs=0.05)
    assert again.read_bytes()[-50_000:] == first.read_bytes()[-50_000:]
    assert saved.read_bytes() == whole  # stored again, whole


def test_cache_clear_also_clears_the_optimised_voice_models(tmp_path: Path) -> None:
    models = cache_folders().models
    models.mkdir(parents=True)
    (models / "en_US-joe-medium-0123456789abcdef0123456789abcdef.onnx").write_bytes(b"x")
    (models / "en_US-joe-medium-0123456789abcdef0123456789abcdef.onnx.crc32").write_text("1")
    result = CliRunner().invoke(cli.subcommand_app("cache"), ["cache", "clear"])
    assert result.exit_code == 0, result.output
    assert "Removed 1 optimised voice models" in result.stdout
    assert not list(models.glob("*.onnx*"))


def test_saved_articles_and_stray_files_count_against_the_size(tmp_path: Path) -> None:
    cache = SegmentCache(tmp_path / "segments", max_bytes=5_000)
    cache.put("ab" * 32, Clip(b"\0\0" * 1000, 22050))
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "old.json").write_bytes(b"x" * 6000)
    stray = tmp_path / "segments" / "ab" / ".dead.1234.part"
    stray.write_bytes(b"x" * 6000)
    for n, path in enumerate([articles / "old.json", stray]):
        os.utime(path, (n + 1, n + 1))  # older than the clip
    assert cache.evict() == 2
    assert cache.get("ab" * 32) is not None
    assert not stray.exists() and not (articles / "old.json").exists()
