"""French: written forms to what a French news narrator says.

    normalize("Le 1er mars, 18 % des 2 500 élèves ont payé 5,50 €.")
    -> "Le premier mars, dix-huit pour cent des deux mille cinq cents élèves ont payé cinq euros
       cinquante centimes."

The shared passes (narrate.textnorm.passes) read French's words from this package: number words
(numbers_fr), dates and times (dates_fr), and units, currencies and abbreviations (words_fr).
"""

from __future__ import annotations

from typing import Final

from narrate.textnorm.fr import dates_fr as dates
from narrate.textnorm.fr import numbers_fr as numbers
from narrate.textnorm.fr import words_fr as words
from narrate.textnorm.passes import normalizer
from narrate.textnorm.rules import Language

__all__ = ["FRENCH", "normalize"]


def _ordinal(n: int, written: str, before: str, after: str) -> str:
    return numbers.ordinal(n, feminine=written in ("re", "ère", "ʳᵉ"))


FRENCH: Final = Language(
    code="fr",
    cardinal=numbers.cardinal,
    before_noun=numbers.before_noun,
    decimal=numbers.decimal,
    ordinal=_ordinal,
    fraction=numbers.fraction,
    time=dates.spoken_time,
    minus="moins",
    plus="plus",
    percent="pour cent",
    per="par",
    through="à",
    units=words.UNITS,
    currencies=words.CURRENCIES,
    cents=words.CENTS,
    symbols=words.SYMBOLS,
    abbreviations=words.ABBREVIATIONS,
    ordinal_pattern=(
        r"(?<![\w.,])(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)"
        r"(?P<end>ères?|res?|ers?|èmes?|es?|ᵉʳ|ʳᵉ|ᵉ)(?!\w)"
    ),
    and_word="et",
    of_word="de",
    scales=words.SCALES,
    electronic=words.ELECTRONIC,
    digit_words=words.DIGITS,
    time_pattern=dates.TIME_PATTERN,
    own_patterns=dates.PATTERNS,
    web_words=words.WEB_WORDS,
    between=("entre", "et"),
    singular_below_two=True,
    word_passes=(dates.expand_roman,),
)

normalize: Final = normalizer(FRENCH)
