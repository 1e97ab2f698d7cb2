"""narrate: turn news articles into narrated audio, offline, with Piper voices.

The three text stages are public so they can be used (and measured) on their own:

    extract_text(html, url=None) -> str      the article body as it will be narrated
    split_sentences(text) -> list[str]       sentences, never split inside "Jan. 10" or "U.S."
    normalize(text, language="en") -> str    written forms to what a narrator says (en, de, es,
                                             fr, uk; any other language is left as written)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from narrate.errors import NarrateError

if TYPE_CHECKING:
    from narrate.extraction import extract_article, extract_text
    from narrate.text.sentences import split_sentences
    from narrate.textnorm import normalize

    __version__: str

# Loaded when first used: the command starts its voice workers before the text stages load.
_LAZY = {
    "extract_article": "narrate.extraction",
    "extract_text": "narrate.extraction",
    "split_sentences": "narrate.text.sentences",
    "normalize": "narrate.textnorm",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("narrate")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0+unknown"
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'narrate' has no attribute {name!r}")


__all__ = [
    "NarrateError",
    "__version__",
    "extract_article",
    "extract_text",
    "normalize",
    "split_sentences",
]
