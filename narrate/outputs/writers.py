"""The files written beside the audio, one writer a kind, all from the same cue times.

Adding a kind is its module, a line in WRITERS and a field of the same name in
narrate.settings.Outputs (which the command line fills). The read-along page and the EPUB are
imported only when asked for.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Final
from urllib.parse import quote

from narrate.files import write_text
from narrate.model import Narration, Script
from narrate.outputs import timedtext
from narrate.settings import Outputs


@dataclass(frozen=True)
class Finished:
    """A narration and what the writers need to know about it."""

    script: Script
    narration: Narration
    audio: Path
    """The audio file, which the read-along page and the EPUB refer to (or "-": streamed)."""
    voice_name: str
    voice_license: str
    audio_file: Path | None = None
    """Where the audio is now, when it is not yet at `audio` (written before the audio is
    renamed into place, so that a failure leaves the old files as they were)."""


Writer = Callable[[Path, Finished], None]


def _vtt(path: Path, done: Finished) -> None:
    write_text(path, timedtext.vtt(done.narration.cues))


def _srt(path: Path, done: Finished) -> None:
    write_text(path, timedtext.srt(done.narration.cues))


def _transcript(path: Path, done: Finished) -> None:
    write_text(path, timedtext.transcript_json(done.narration))


def _chapters(path: Path, done: Finished) -> None:
    write_text(path, timedtext.chapters_json(done.script, done.narration))


def _readalong(path: Path, done: Finished) -> None:
    from narrate.outputs.readalong import write_page

    # The page finds the audio by a URL relative to itself, so the pair can move together.
    href = os.path.relpath(done.audio.resolve(), path.resolve().parent)
    write_page(path, done.script, done.narration, quote(Path(href).as_posix()), done.voice_name,
               done.voice_license)  # fmt: skip


def _epub(path: Path, done: Finished) -> None:
    from narrate.outputs.epub import write_epub

    with _named_like(done.audio_file or done.audio, done.audio.suffix) as audio:
        write_epub(path, done.script, done.narration, audio, done.voice_name, done.voice_license)


@contextlib.contextmanager
def _named_like(audio: Path, suffix: str) -> Iterator[Path]:
    """`audio` under a name ending in `suffix` (which tells the EPUB its type): itself, or a
    link to it (a copy where links are not possible) for as long as the block runs."""
    if audio.suffix == suffix:
        yield audio
        return
    alias = audio.with_name(audio.name + suffix)
    try:
        try:
            os.link(audio, alias)
        except OSError:
            shutil.copyfile(audio, alias)
        yield alias
    finally:
        alias.unlink(missing_ok=True)


WRITERS: Final[dict[str, Writer]] = {
    "vtt": _vtt,
    "srt": _srt,
    "timings": _transcript,
    "chapters": _chapters,
    "html": _readalong,
    "epub": _epub,
}


def write_outputs(outputs: Outputs, done: Finished) -> None:
    """Every file asked for in `outputs`, each written atomically."""
    for field in fields(outputs):
        target = getattr(outputs, field.name)
        if target:
            WRITERS[field.name](target, done)
