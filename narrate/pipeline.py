"""The stages, wired: source -> Page -> Article -> Script -> clips -> Narration -> file.

Each function takes plain values and returns the next one, so the CLI, the feed builder and the
tests can run any part of the pipeline on its own.
"""

from __future__ import annotations

import logging
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from narrate.audio import assemble, encode
from narrate.errors import OutputError
from narrate.extraction import extract_article
from narrate.fetch import FetchOptions
from narrate.files import atomic_path
from narrate.model import Article, Clip, Narration, Page, Script, Segment
from narrate.plaintext import article_from_text
from narrate.script import build_script
from narrate.sources import read_source
from narrate.tags import write_id3
from narrate.textnorm import Lexicon, normalize
from narrate.voice import Speaker
from narrate.voices import VoiceInfo

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
"""Called as progress(done, total) after each segment is synthesised."""


def load_article(
    source: str, options: FetchOptions | None = None, *, force: bool = False
) -> Article:
    """Read a URL, file or stdin ("-") and extract the article from it."""
    return article_from_page(read_source(source, options), force=force)


def article_from_page(page: Page, *, force: bool = False) -> Article:
    if page.kind == "html":
        return extract_article(page.text, page.url, allow_non_article=force)
    return article_from_text(page.text, page.name)


def make_script(article: Article, lexicon: Lexicon | None = None) -> Script:
    """The script with every segment normalised and the lexicon applied."""
    words = lexicon or Lexicon.default()
    return build_script(article, speak=lambda text: words.apply(normalize(text)))


def speak_all(
    segments: tuple[Segment, ...], voice: Speaker, progress: Progress | None = None
) -> Iterator[tuple[Segment, Clip]]:
    for done, segment in enumerate(segments, 1):
        yield segment, voice.speak(segment.spoken)
        if progress:
            progress(done, len(segments))


def synthesize(script: Script, voice: Speaker, progress: Progress | None = None) -> Narration:
    return assemble(speak_all(script.segments, voice, progress), voice.sample_rate)


def default_output(article: Article, fmt: str, folder: Path | None = None) -> Path:
    """A file name from the title: ASCII, lowercase, hyphens; never a path trick."""
    ascii_title = unicodedata.normalize("NFKD", article.title).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:80].rstrip("-")
    return (folder or Path.cwd()) / f"{stem or 'narration'}.{fmt}"


def check_writable(path: Path) -> None:
    """Fail before any synthesis when the output cannot be written."""
    folder = path.parent if str(path.parent) else Path.cwd()
    if path.is_dir():
        raise OutputError(f"{path} is a directory; give a file name for the output")
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise OutputError(f"cannot write {path}: permission denied")


def write_audio(
    narration: Narration,
    script: Script,
    path: Path,
    voice: VoiceInfo,
    fmt: str = "mp3",
    bitrate: str = "",
) -> None:
    """Encode and tag the narration into `path` atomically: all of it or nothing."""
    with atomic_path(path) as temporary:
        encode(narration, temporary, fmt, bitrate)
        if fmt == "mp3":
            write_id3(temporary, script, narration, voice.name, voice.license)
