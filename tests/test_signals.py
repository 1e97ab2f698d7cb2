"""Stopping narrate from outside, as timeout, systemd, Docker, cron and pipes do: nothing left
behind (temporary files, worker processes), and the exit status says which signal it was.

These run the real command with the real voice, in processes of their own.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.test_cli import SAMPLE

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)"),
]


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for(condition: Callable[[], object], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def _start(tmp_path: Path, *args: str, **kwargs: object) -> subprocess.Popen[bytes]:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "narrate", str(SAMPLE), "-j", "2", "--no-cache", *args],
        env=env, stderr=subprocess.PIPE, **kwargs,
    )  # fmt: skip


def _working(process: subprocess.Popen[bytes], folder: Path) -> list[int]:
    """Wait until the narration writes its output and has its workers; their ids."""
    _wait_for(lambda: list(folder.glob(".*.part")) and len(_children(process.pid)) >= 2)
    return _children(process.pid)


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_stop_it_like_ctrl_c(
    tmp_path: Path, signum: signal.Signals, status: int
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    process = _start(tmp_path, "-o", str(out / "a.mp3"), "--vtt", str(out / "a.vtt"))
    workers = _working(process, out)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == status, stderr
    assert b"Traceback" not in stderr
    assert stderr.decode().strip().endswith(f"interrupted ({signum.name})")
    assert list(out.iterdir()) == []  # no .part file, no half output
    _wait_for(lambda: not any(_alive(pid) for pid in workers), 10)


def test_workers_end_with_a_killed_parent_and_its_parts_go_later(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    process = _start(tmp_path, "-o", str(out / "a.mp3"))
    workers = _working(process, out)
    process.kill()
    process.communicate(timeout=60)
    _wait_for(lambda: not any(_alive(pid) for pid in workers), 10)
    (left,) = out.glob(".*.part")  # SIGKILL leaves no chance to clean up
    os.utime(left, (time.time() - 3600, time.time() - 3600))
    note = tmp_path / "note.txt"
    note.write_text("A short note.\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    subprocess.run([sys.executable, "-m", "narrate", str(note), "-o", str(out / "b.mp3"), "-q"],
                   env=env, check=True, timeout=300)  # fmt: skip
    assert sorted(p.name for p in out.iterdir()) == ["b.mp3"]  # the dead process's part went


def test_a_reader_that_stops_early_ends_it_quietly(tmp_path: Path) -> None:
    """`narrate ... -o - | head -c 100`: no hang, no traceback, no worker left."""
    process = _start(tmp_path, "-o", "-", stdout=subprocess.PIPE)
    assert process.stdout is not None
    assert len(process.stdout.read(100)) == 100
    workers = _children(process.pid)
    process.stdout.close()
    _, stderr = process.communicate(timeout=120)
    assert b"Traceback" not in stderr, stderr
    assert process.returncode != 0
    _wait_for(lambda: not any(_alive(pid) for pid in workers), 10)


def test_sigterm_during_feed_add_leaves_the_feed_as_it_was(tmp_path: Path) -> None:
    pod = tmp_path / "pod"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    subprocess.run([sys.executable, "-m", "narrate", "feed", "init", str(pod), "--title", "T",
                    "--base-url", "https://example.org/pod/"], env=env, check=True)  # fmt: skip
    before = {path.name: path.read_bytes() for path in pod.iterdir()}
    process = subprocess.Popen(
        [sys.executable, "-m", "narrate", "feed", "add", str(pod), str(SAMPLE), "-j", "2"],
        env=env, stderr=subprocess.PIPE,
    )  # fmt: skip
    workers = _working(process, pod)
    process.terminate()
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 143, stderr
    assert {path.name: path.read_bytes() for path in pod.iterdir()} == before
    _wait_for(lambda: not any(_alive(pid) for pid in workers), 10)
