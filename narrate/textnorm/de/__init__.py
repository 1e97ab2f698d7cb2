"""German: written forms to what a German news narrator says.

    normalize("Am 3. Mai kostete es 1,5 Mio. € (ca. 20 % mehr).")
    -> "Am dritten Mai kostete es eins Komma fünf Millionen Euro (circa zwanzig Prozent mehr)."

The shared passes (narrate.textnorm.passes) read German's words from this package: number words
(numbers_de), dates and times (dates_de), scores, decades and "ein"/"eine" (idioms_de), and
units, currencies and abbreviations (words_de).
"""

from __future__ import annotations

from typing import Final

from narrate.textnorm.de import dates_de as dates
from narrate.textnorm.de import idioms_de as idioms
from narrate.textnorm.de import numbers_de as numbers
from narrate.textnorm.de import words_de as words
from narrate.textnorm.passes import normalizer
from narrate.textnorm.rules import Language

__all__ = ["GERMAN", "normalize"]


def _ordinal(n: int, written: str, before: str, after: str) -> str:
    if written != ".":  # "3te", "121tem": the ending is written
        return numbers.ordinal(n, written.lstrip("st"))
    month = (
        after.lower() in words.MONTH_NUMBERS or after.lower().rstrip(".,") in words.MONTH_NUMBERS
    )
    if before in dates.DATIVE or before in dates.NOMINATIVE or month:
        return numbers.ordinal(n, dates.ending(before))
    if (after and after[0].islower()) or (not after and not before):
        return numbers.ordinal(n, "er")
    return ""  # "Es waren 3. Danach ...": the end of a sentence


GERMAN: Final = Language(
    code="de",
    cardinal=numbers.cardinal,
    before_noun=numbers.before_noun,
    decimal=numbers.decimal,
    ordinal=_ordinal,
    fraction=numbers.fraction,
    time=dates.spoken_time,
    minus="minus",
    plus="plus",
    percent="Prozent",
    per="pro",
    through="bis",
    units=words.UNITS,
    currencies=words.CURRENCIES,
    cents=words.CENTS,
    symbols=words.SYMBOLS,
    abbreviations=words.ABBREVIATIONS,
    ordinal_pattern=(
        r"(?:(?P<before>[^\W\d]+)\s+)?(?<![\d.,:])(?P<num>\d{1,4})"
        r"(?P<end>\.(?=\s+(?P<after>[^\s\d]+)|\s*$)|s?te[nmrs]?(?!\w))"
    ),
    and_word="",
    of_word="",
    scales=words.SCALES,
    electronic=words.ELECTRONIC,
    digit_words=words.DIGITS,
    time_pattern=dates.TIME_PATTERN,
    own_patterns=(*idioms.PATTERNS, *dates.PATTERNS),
    web_words=words.WEB_WORDS,
    between=("zwischen", "und"),
)

normalize: Final = normalizer(GERMAN)
