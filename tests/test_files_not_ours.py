"""Files that are not narrate's: a device or pipe given as -o, a file that happens to have the
title's name, a good audio file whose side file fails, a feed folder that cannot be written."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from narrate.cli import commands as cli
from narrate.errors import OutputError
from tests.conftest import FakeVoice, speak_with
from tests.test_cli import SAMPLE

runner = CliRunner()


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeVoice:
    return speak_with(monkeypatch, FakeVoice(sample_rate=22050, ms_per_char=2))


def _narrate(*args: str) -> tuple[int, str]:
    result = runner.invoke(cli.narrate_app, [str(SAMPLE), "-j", "1", *args])
    return result.exit_code, result.output


def test_a_named_pipe_given_as_output_is_written_into_not_replaced(
    tmp_path: Path, fake: FakeVoice
) -> None:
    pipe = tmp_path / "listen"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    status, output = _narrate("-o", str(pipe))
    reader.join(30)
    assert status == 0, output
    assert stat.S_ISFIFO(pipe.stat().st_mode)  # still the pipe
    assert received and received[0].startswith(b"ID3") and len(received[0]) > 10_000
    assert [p.name for p in tmp_path.iterdir()] == ["listen"]  # no temporary file beside it


def test_dev_null_stays_a_device(fake: FakeVoice) -> None:
    status, output = _narrate("-o", os.devnull)
    assert status == 0, output
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)


def test_a_file_with_the_title_s_name_is_not_replaced(
    tmp_path: Path, fake: FakeVoice, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    status, output = _narrate()
    assert status == 0, output
    (first,) = tmp_path.glob("*.mp3")
    first.write_bytes(b"my own file")
    status, output = _narrate()
    assert status == 0, output
    assert first.read_bytes() == b"my own file"
    second = first.with_name(f"{first.stem}-2.mp3")
    assert second.stat().st_size > 10_000 and f"Wrote {second} " in output


def test_a_failing_side_file_leaves_the_good_audio_as_it_was(
    tmp_path: Path, fake: FakeVoice, monkeypatch: pytest.MonkeyPatch
) -> None:
    audio = tmp_path / "a.mp3"
    status, output = _narrate("-o", str(audio))
    assert status == 0, output
    good = audio.read_bytes()

    def fails(path: Path, *args: object) -> None:
        raise OutputError(f"cannot write {path}: no space left on device")

    monkeypatch.setattr("narrate.outputs.epub.write_epub", fails)
    status, output = _narrate(
        "-o", str(audio), "--bitrate", "96k", "--epub", str(tmp_path / "a.epub")
    )
    assert status == 1
    assert (
        output.strip()
        == f"narrate: error: cannot write {tmp_path / 'a.epub'}: no space left on device"
    )
    assert audio.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.mp3"]


@pytest.mark.parametrize("value", ["-1", "nan", "1e300", "0"])
def test_a_nonsensical_timeout_is_one_line(value: str) -> None:
    status, output = _narrate("--timeout", value, "--dry-run")
    assert status == 1
    assert output.strip().splitlines() == [
        f"narrate: error: --timeout must be a number of seconds above 0 (at most 86400), "
        f"not {float(value)!r}"
    ]


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A small file system of its own (tmpfs), to be made read-only: permissions alone do not
    stop root. Skipped where mounting is not allowed."""
    mount = shutil.which("mount")
    folder = tmp_path / "mounted"
    folder.mkdir()
    if os.geteuid() != 0 or mount is None:
        pytest.skip("needs root to mount a read-only file system")
    done = subprocess.run([mount, "-t", "tmpfs", "-o", "size=4m", "none", str(folder)],
                          capture_output=True)  # fmt: skip
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    yield folder
    subprocess.run(["umount", str(folder)], check=False)


def test_feed_add_into_a_read_only_folder_says_cannot_write(
    read_only_folder: Path, fake: FakeVoice
) -> None:
    from narrate.cli.feed_commands import feed_app

    pod = read_only_folder / "pod"
    made = runner.invoke(
        feed_app, ["init", str(pod), "--title", "T", "--base-url", "https://e.org/"]
    )
    assert made.exit_code == 0, made.output
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_folder)], check=True)
    result = runner.invoke(feed_app, ["add", str(pod), str(SAMPLE), "-j", "1"])
    assert result.exit_code == 1
    assert "internal error" not in result.output and "unexpected" not in result.output
    assert f"failed: {SAMPLE}: cannot write {pod}" in result.output
