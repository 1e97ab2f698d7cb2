"""Article extraction: from a page's HTML to an Article (metadata and narratable blocks).

    extract_article(html, url=None, *, allow_non_article=False) -> Article
    extract_text(html, url=None) -> str
    language_warning(article, voice_language) -> str | None

Stages, one module each: ``dom`` parses, ``metadata`` (with ``jsonld``, ``pubdates`` and
``byline``) reads what the page says about itself, ``embeds``, ``quotes`` and ``factcheck``
rewrite embedded posts, quotations and claim boxes as a narrator reads them, ``furniture``
(with ``captions`` and ``inline``) strips what must never be read, ``crossheads`` turns
section titles set as plain divs into headings, ``body`` (with ``tables``) finds the main
content as blocks, ``chunks`` and ``gaps`` put back what it missed of the story,
``cleanup`` (with ``boilerplate``), ``lead`` and ``crosscheck`` judge and complete those
blocks, and ``verdict`` (with ``paywall``) decides whether the page is an
article at all, or one cut short by a paywall.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from narrate.extraction.language import language_warning

if TYPE_CHECKING:
    from narrate.extraction.extract import extract_article, extract_text

__all__ = ["extract_article", "extract_text", "language_warning"]


def __getattr__(name: str) -> Any:
    # lxml and the extractor load when first used: the command forks its voice workers first,
    # and a saved article (articlecache) is read without them.
    if name in ("extract_article", "extract_text"):
        return getattr(importlib.import_module("narrate.extraction.extract"), name)
    raise AttributeError(f"module 'narrate.extraction' has no attribute {name!r}")
