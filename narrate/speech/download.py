"""Fetching Piper voices into the user data folder: verified, atomic, resumable.

piper's own `download_voices` copies a URL straight into the final file name, with no checksum
and no resume; narrate keeps its URL layout (the catalogue's file paths under one base URL) and
adds what a 60 MB file over a flaky line needs: each file is written to NAME.part, resumed
with an HTTP Range request when that part is already there, checked against the catalogue's
size and md5, and only then renamed to its name. A file that fails the check is deleted.

The base URL comes from $NARRATE_VOICES_URL (a mirror, or a local server in tests);
NARRATE_OFFLINE=1 forbids the network altogether.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Final

from narrate.errors import VoiceError
from narrate.files import write_bytes
from narrate.paths import user_voices_dir
from narrate.speech.published import PublishedVoice, parse_catalog, user_catalog_path

log = logging.getLogger(__name__)

DEFAULT_BASE_URL: Final = "https://huggingface.co/rhasspy/piper-voices/resolve/main/"
CHUNK: Final = 1 << 16
TIMEOUT: Final = 30.0

Progress = Callable[[int, int], None]
"""Called with (bytes so far, total bytes) as a voice arrives."""


def base_url() -> str:
    url = os.environ.get("NARRATE_VOICES_URL", "") or DEFAULT_BASE_URL
    return url if url.endswith("/") else url + "/"


def download_dir() -> Path:
    """Where downloaded voices go: the user data folder that narrate searches for voices."""
    return user_voices_dir()


def _check_online(what: str) -> None:
    if os.environ.get("NARRATE_OFFLINE", "") not in ("", "0"):
        raise VoiceError(
            f"NARRATE_OFFLINE is set, so narrate will not use the network to fetch {what}; "
            f"unset it, or copy the files into {download_dir()} yourself"
        )


def download_voice(
    voice: PublishedVoice, folder: Path | None = None, progress: Progress | None = None
) -> Path:
    """Fetch a voice's model, config and card into `folder`; the model's path.

    Files already there with the catalogue's size and md5 are kept as they are.
    """
    _check_online(f"voice {voice.key}")
    folder = folder or download_dir()
    folder.mkdir(parents=True, exist_ok=True)
    total = voice.size
    done = 0
    for item in sorted(voice.files, key=lambda f: f.size):  # the small config first
        name = item.path.rsplit("/", 1)[-1]
        target = folder / (f"{voice.key}.MODEL_CARD" if name == "MODEL_CARD" else name)
        if not _matches(target, item.size, item.md5):
            _fetch(base_url() + item.path, target, item.size, item.md5,
                   _shifted(progress, done, total))  # fmt: skip
        done += item.size
        if progress:
            progress(done, total)
    return folder / voice.file(".onnx").path.rsplit("/", 1)[-1]


def _shifted(progress: Progress | None, done: int, total: int) -> Callable[[int], object]:
    """One file's bytes so far, reported as the whole voice's."""
    return lambda got: progress(done + got, total) if progress else None


def _matches(path: Path, size: int, md5: str) -> bool:
    return path.is_file() and path.stat().st_size == size and _md5(path) == md5


def _md5(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _fetch(url: str, target: Path, size: int, md5: str, progress: Callable[[int], object]) -> None:
    part = target.with_name(target.name + ".part")
    have = part.stat().st_size if part.is_file() else 0
    if have > size:  # not a beginning of this file
        part.unlink()
        have = 0
    if have < size:
        _receive(url, part, have, progress)
    if part.stat().st_size < size:  # the connection closed early: keep what came, for a resume
        raise VoiceError(
            f"download of {url} was interrupted ({part.stat().st_size} of {size} bytes); run "
            "the same command again to resume it"
        )
    if part.stat().st_size != size or _md5(part) != md5:
        part.unlink(missing_ok=True)
        raise VoiceError(
            f"{url} does not match the catalogue's size and checksum (a damaged or changed "
            f"file); nothing was kept: try again, or 'narrate voices refresh'"
        )
    part.replace(target)
    log.info("downloaded %s", target)


def _receive(url: str, part: Path, have: int, progress: Callable[[int], object]) -> None:
    """Append the rest of `url` to `part`, from byte `have` (the whole file if not resumable)."""
    request = urllib.request.Request(url, headers={"User-Agent": "narrate"})
    if have:
        request.add_header("Range", f"bytes={have}-")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            resumed = have and response.status == 206
            with part.open("ab" if resumed else "wb") as out:
                got = have if resumed else 0
                while block := response.read(CHUNK):
                    out.write(block)
                    got += len(block)
                    progress(got)
    except urllib.error.HTTPError as error:
        raise VoiceError(f"cannot download {url}: HTTP {error.code} {error.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise VoiceError(
            f"download of {url} was interrupted ({reason}); run the same command again to resume it"
        ) from None


def refresh_catalog(url: str | None = None) -> Path:
    """Fetch a newer voices.json (Piper's format) into the user data folder, where it wins."""
    url = url or base_url() + "voices.json"
    _check_online("the voice catalogue")
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            body = response.read()
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise VoiceError(f"cannot fetch the voice catalogue {url}: {error}") from None
    try:
        count = len(parse_catalog(json.loads(body)))
    except ValueError as error:
        raise VoiceError(f"{url} is not a voice catalogue: {error}") from None
    path = user_catalog_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(path, body)
    log.info("saved %d voices from %s", count, url)
    return path
