"""What a language says for written forms: the table that narrate.textnorm.passes reads.

A language gives a `Language`: how it writes numbers (decimal comma, thousands groups), how it
says them (cardinal, ordinal, fraction, date, time: small functions of its own), and its words
for units, currencies, symbols and abbreviations. German, Spanish and French are tables of this
kind; English has its own, richer passes in narrate.textnorm.en.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Final

Pass = Callable[[str], str]

# A number as a continental European text writes it: groups of three after a dot, a space or a
# (narrow) no-break space, and a decimal comma; or plain digits. Never inside a longer token.
NUMBER_BODY: Final = r"-?(?:\d{1,3}(?:[. \u00a0\u202f]\d{3})+|\d+)(?:,\d+)?(?![\d])"
NUMBER: Final = r"(?<![\w.,])" + NUMBER_BODY
WHOLE: Final = r"(?:\d{1,3}(?:[. \u00a0\u202f]\d{3})+|\d+)(?![\d])"
"""A whole number without sign or lookbehind: a denominator, an ordinal."""
_GROUP = re.compile(r"[. \u00a0\u202f]")


@dataclass(frozen=True)
class Unit:
    one: str
    many: str
    feminine: bool = False
    """For the number before it: "una libra", "une livre"."""
    cent: Unit | None = None
    """A currency's hundredth when it is not the language's cents: "penique" for the pound."""


@dataclass(frozen=True)
class Language:
    """What one language says for written forms; see narrate.textnorm.de for an example."""

    code: str
    cardinal: Callable[[int], str]
    """A whole number as words, in the form used for counting ("eins" / "uno" / "un")."""
    before_noun: Callable[[int, bool], str]
    """The same before a noun, masculine or feminine ("ein Euro", "un dólar", "una libra")."""
    decimal: Callable[[str, str], str]
    """Whole and fraction digits (strings) as words: "3", "25" -> "drei Komma zwei fünf"."""
    ordinal: Callable[[int, str, str, str], str]
    """The number, its written ending ("." / "º" / "e"...), the word before it (lowercase) and
    the word after it (as written); "" when the context says it is no ordinal after all."""
    fraction: Callable[[int, int], str]
    time: Callable[[int, int, int | None], str]
    """Hours, minutes, seconds (None when not written), from `time_pattern`'s three groups."""
    minus: str
    plus: str
    percent: str
    per: str
    through: str
    """The word of a range: "bis", "a", "à"."""
    units: Mapping[str, Unit]
    currencies: Mapping[str, Unit]
    """Symbols and codes, lowercase: "€", "eur", "$"..."""
    cents: Unit
    symbols: Mapping[str, str]
    abbreviations: Mapping[str, str]
    """Written (with its dots, as written) -> spoken."""
    ordinal_pattern: str
    """An ordinal as written: a regex with groups "num" and "end", and optional "before" (the
    word before, which the match includes) and "after" (in a lookahead)."""
    and_word: str
    """Between a whole number and a fraction: "" ("ein ein halb"), "y", "et"."""
    of_word: str
    """Between a scale word and a currency: "" ("Millionen Euro"), "de" ("millones de euros")."""
    scales: Mapping[str, Unit]
    """Written scale words (lowercase, with their dots): "mio." -> Million, Millionen."""
    electronic: Mapping[str, str]
    """The words for "@", ".", "/", ":", "-", "_" in web and mail addresses."""
    digit_words: tuple[str, ...]
    time_pattern: str = r"(?<![\d.,:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d,])"
    own_patterns: tuple[tuple[str, Callable[[re.Match[str]], str | None]], ...] = ()
    """The language's own rules (dates first), run before the shared passes: a regex and what
    to say for its match (None: leave it)."""
    word_passes: tuple[Pass, ...] = ()
    """Passes of the language's own for text without digits (Roman numerals), run first."""
    between: tuple[str, str] = ("", "")
    """A range after this word takes this one: ("zwischen", "und"), "zwischen 2020 und 2022"."""
    half_after_whole: tuple[str, str] = ("", "")
    """A half after a whole number, masculine and feminine: Spanish "dos y medio", "una y
    media" (not "y un medio"); ("", ""): the language's fraction."""
    singular_below_two: bool = False
    """French: "1,5 million", "0,2 milliard" (a scale word is plural from two on)."""
    web_words: frozenset[str] = field(default_factory=frozenset)
    """Parts of addresses read as words ("com", "gmail"); the others are spelled."""


def split_words(text: str) -> tuple[str, ...]:
    """A word list written as one string: "eins zwei drei" -> ("eins", "zwei", "drei")."""
    return tuple(text.split())


_ROMAN: Final = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def roman(written: str) -> int:
    """ "XIX" -> 19 (subtractive notation)."""
    values = [_ROMAN[c] for c in written.lower()]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def to_int(written: str) -> int:
    """ "1.234.567" / "1 234" / "-12" -> int."""
    return int(_GROUP.sub("", written))


def say_number(language: Language, written: str, before_noun: bool = False) -> str:
    """A written number (groups, sign, decimal comma) as words."""
    negative = written.startswith("-")
    written = written.lstrip("-")
    whole, _, fraction = written.partition(",")
    if fraction:
        words = language.decimal(_GROUP.sub("", whole), fraction)
    else:
        number = to_int(whole)
        words = language.before_noun(number, False) if before_noun else language.cardinal(number)
    return f"{language.minus} {words}" if negative else words


def spell_digits(language: Language, digits: str) -> str:
    return " ".join(language.digit_words[int(d)] for d in digits if d.isdecimal())


def alternation(keys: Mapping[str, object] | tuple[str, ...]) -> str:
    """A regex alternation of literal keys, longest first (so "km/h" wins over "km")."""
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
