"""Writing files so that readers never see half of one: write beside, then rename."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from narrate.errors import OutputError


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside `path`, renamed over it only when the block succeeds.

    The rename is atomic on one filesystem, so `path` holds either the old file or the whole
    new one, whatever happens in between; the temporary file never outlives the block.

    A target that exists and is not a regular file (/dev/null, /dev/stdout, a named pipe) is
    never replaced: the whole file is made in the temporary folder, then written into it.
    """
    if _special(path):
        with _through_temporary_folder(path) as temporary:
            yield temporary
        return
    _remove_stale_parts(path.parent)
    # Unique to the call, so that two threads writing one path never share a temporary file;
    # the process id last, for _remove_stale_parts.
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.{os.getpid()}.part")
    try:
        yield temporary
        temporary.replace(path)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        temporary.unlink(missing_ok=True)


def _special(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


@contextlib.contextmanager
def _through_temporary_folder(path: Path) -> Iterator[Path]:
    handle, name = tempfile.mkstemp(prefix="narrate-", suffix=".part")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with temporary.open("rb") as made, path.open("wb") as target:
            shutil.copyfileobj(made, target)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        temporary.unlink(missing_ok=True)


def free_name(path: Path, tries: int = 1000) -> Path:
    """`path`, or when a file of that name exists, the first of `name-2.ext`, `name-3.ext`, ...
    that does not: for names narrate chooses itself, which must not replace the user's files."""
    for number in range(1, tries + 1):
        candidate = path if number == 1 else path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not candidate.exists() and not candidate.is_symlink():
            return candidate
    raise OutputError(f"cannot choose a name beside {path}: {tries} files of that name exist")


_PART = re.compile(r"\..+\.(?P<pid>\d+)\.part")
STALE_AFTER_S = 60.0
"""A temporary file untouched this long whose process is gone is left over from a crash."""
_swept: set[Path] = set()


def _remove_stale_parts(folder: Path) -> None:
    """Delete the temporary files that processes killed before their clean-up (SIGKILL, a power
    cut) left in `folder`, the first time this process writes there.

    Only files of processes that no longer exist on this machine and untouched for a minute:
    a writer on another machine or in another container sharing the folder, whose process ids
    mean nothing here, keeps touching its file as it writes.
    """
    if folder in _swept:
        return
    _swept.add(folder)
    try:
        names = [entry for entry in os.scandir(folder or ".") if entry.name.endswith(".part")]
    except OSError:
        return
    now = time.time()
    for entry in names:
        match = _PART.fullmatch(entry.name)
        if not match or _alive(int(match["pid"])):
            continue
        with contextlib.suppress(OSError):
            if now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER_S:
                Path(entry.path).unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name != "posix":  # on Windows, kill() would end the process
        return True
    try:
        os.kill(pid, 0)  # signal 0 only asks whether the process exists
    except ProcessLookupError:
        return False
    except (OSError, OverflowError, ValueError):  # another user's, or no kill() here
        return True
    return True


def write_text(path: Path, text: str) -> None:
    """Write a text file atomically (UTF-8)."""
    with atomic_path(path) as temporary:
        temporary.write_text(text, encoding="utf-8")


def write_bytes(path: Path, data: bytes) -> None:
    with atomic_path(path) as temporary:
        temporary.write_bytes(data)


def file_identity(path: Path) -> str:
    """What identifies a file's version cheaply: its real path, size and modification time."""
    stat = path.stat()
    return f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
