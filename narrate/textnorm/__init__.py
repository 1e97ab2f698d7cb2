"""The text normaliser: written forms to what a narrator says, one sub-package a language.

normalize("Dr. Smith paid $1.5bn on Jan. 10")
-> "Doctor Smith paid one point five billion dollars on January tenth"

normalize("Am 3. Mai", language="de") -> "Am dritten Mai"

English (en), German (de), Spanish (es), French (fr) and Ukrainian (uk) have normalisers of their
own; `for_language` gives any other language a pass-through that leaves the text to the voice
(its espeak-ng reading) and logs one warning.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from functools import cache
from typing import Final

from narrate.textnorm.en import Lexicon, unspoken_tokens
from narrate.textnorm.en import normalize as _english

__all__ = ["LANGUAGES", "Lexicon", "for_language", "normalize", "primary", "unspoken_tokens"]

log = logging.getLogger(__name__)

Normalizer = Callable[[str], str]
LANGUAGES: Final = ("en", "de", "es", "fr", "uk")
"""The languages with a normaliser of their own (primary subtags)."""


def primary(tag: str | None) -> str:
    """ "de-AT", "de_DE", "DE" -> "de"; "" for no language."""
    return (tag or "").replace("_", "-").split("-")[0].lower()


def for_language(language: str | None = "en") -> Normalizer:
    """The normaliser of a language tag ("de", "de-AT", "es_MX"); English for "" or None."""
    return _for_code(primary(language) or "en")


@cache
def _for_code(code: str) -> Normalizer:
    if code == "en":
        return _english
    if code in LANGUAGES:
        module = importlib.import_module(f"narrate.textnorm.{code}")
        return module.normalize  # type: ignore[no-any-return]
    log.warning(
        "narrate has no text normaliser for language %r: numbers, dates and abbreviations are "
        "left to the voice's own reading",
        code,
    )
    return _unchanged


def _unchanged(text: str) -> str:
    return text


def normalize(text: str, language: str | None = "en") -> str:
    """Rewrite written forms (numbers, dates, money, abbreviations...) as spoken words."""
    if language in ("en", None, ""):
        return _english(text)
    return for_language(language)(text)
