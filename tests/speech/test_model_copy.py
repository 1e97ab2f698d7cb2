"""The optimised copy of the voice model: checked on every load, remade when damaged, skipped
when it cannot be saved; and ONNX Runtime's telemetry kept off in every process."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from narrate.speech.catalog import packaged_voice
from narrate.speech.piper import Voice

pytestmark = pytest.mark.slow


def _copy(folder: Path) -> Path:
    (copy,) = folder.glob("*.onnx")
    return copy


def test_a_damaged_copy_is_made_again(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="narrate.speech.modelstore")
    Voice(packaged_voice(), optimized_dir=tmp_path)
    copy = _copy(tmp_path)
    whole = copy.read_bytes()
    damaged = bytearray(whole)
    middle = len(damaged) // 2  # inside the weights: the protobuf stays valid
    damaged[middle : middle + 4096] = bytes(4096)
    copy.write_bytes(bytes(damaged))
    voice = Voice(packaged_voice(), optimized_dir=tmp_path)
    assert "is damaged or unchecked: making it again" in caplog.text
    assert _copy(tmp_path).read_bytes()[middle : middle + 4096] == whole[middle : middle + 4096]
    assert voice.speak("Hello.").seconds > 0.3


def test_a_cache_that_cannot_be_written_narrates_without_the_copy(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    voice = Voice(packaged_voice(), optimized_dir=blocked / "models")  # every write fails
    assert voice.speak("Hello there.").seconds > 0.5


def test_onnxruntime_writes_no_device_id_and_sends_nothing(tmp_path: Path) -> None:
    """A narration with two workers, in a fresh user folder: nothing of ONNX Runtime's there."""
    text = tmp_path / "note.txt"
    text.write_text("Hello there.\n\nThis is a second paragraph, for the other worker.\n")
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache")}
    env.pop("ORT_DISABLE_TELEMETRY", None)
    done = subprocess.run(
        [sys.executable, "-m", "narrate", str(text), "-o", str(tmp_path / "n.mp3"), "-j", "2",
         "-q"], env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    made = {p.relative_to(home).parts[:2] for p in home.rglob("*") if p.is_file()}
    assert made == {("cache", "narrate")}, made  # no Microsoft/DeveloperTools/.onnxruntime


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB file system of its own (tmpfs), too small for the voice's optimised copy.
    Skipped where mounting is not allowed."""
    folder = tmp_path / "small"
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a small file system")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "none", str(folder)],
                          capture_output=True)  # fmt: skip
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    yield folder
    subprocess.run(["umount", str(folder)], check=False)


def test_a_full_cache_disk_narrates_without_saving_the_copy(full_disk: Path) -> None:
    voice = Voice(packaged_voice(), optimized_dir=full_disk / "models")
    assert voice.speak("Hello there.").seconds > 0.5
    assert not [p for p in full_disk.rglob("*") if p.is_file()]  # no copy, no part left
