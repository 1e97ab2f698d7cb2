"""narrate: turn news articles into narrated audio, offline, with Piper voices.

The three text stages are public so they can be used (and measured) on their own:

    extract_text(html, url=None) -> str      the article body as it will be narrated
    split_sentences(text) -> list[str]       sentences, never split inside "Jan. 10" or "U.S."
    normalize(text) -> str                   written forms to what a narrator says
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from narrate.errors import NarrateError
from narrate.extraction import extract_article, extract_text
from narrate.sentences import split_sentences
from narrate.textnorm import normalize

try:
    __version__ = version("narrate")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "NarrateError",
    "__version__",
    "extract_article",
    "extract_text",
    "normalize",
    "split_sentences",
]
