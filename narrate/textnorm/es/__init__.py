"""Spanish: written forms to what a Spanish news narrator says.

    normalize("El 1 de enero costaba 1,50 € (un 20 % más).")
    -> "El primero de enero costaba un euro cincuenta centavos (un veinte por ciento más)."

The shared passes (narrate.textnorm.passes) read Spanish's words from this package: number words
(numbers_es), dates and times (dates_es), agreement and Roman numerals (counting_es), and
units, currencies and abbreviations (words_es).
"""

from __future__ import annotations

from typing import Final

from narrate.textnorm.es import counting_es as counting
from narrate.textnorm.es import dates_es as dates
from narrate.textnorm.es import numbers_es as numbers
from narrate.textnorm.es import words_es as words
from narrate.textnorm.passes import normalizer
from narrate.textnorm.rules import Language

__all__ = ["SPANISH", "normalize"]


def _ordinal(n: int, written: str, before: str, after: str) -> str:
    feminine = written.endswith(("ª", "ᵃ", "a"))
    return numbers.ordinal(n, feminine=feminine, short=written.endswith(("er", "ᵉʳ")))


SPANISH: Final = Language(
    code="es",
    cardinal=numbers.cardinal,
    before_noun=numbers.before_noun,
    decimal=numbers.decimal,
    ordinal=_ordinal,
    fraction=numbers.fraction,
    time=dates.spoken_time,
    minus="menos",
    plus="más",
    percent="por ciento",
    per="por",
    through="a",
    units=words.UNITS,
    currencies=words.CURRENCIES,
    cents=words.CENTS,
    symbols=words.SYMBOLS,
    abbreviations=words.ABBREVIATIONS,
    ordinal_pattern=(
        r"(?<![\w.,])(?P<num>\d{1,3}(?:[. ]\d{3})+|\d+)"
        r"(?P<end>\.?(?:[ºª°ᵒᵃ]|ᵉʳ|er\b|\.[oa]\b|(?:r|d|t|v|n|m)[oa]\b))"
    ),
    and_word="y",
    of_word="de",
    scales=words.SCALES,
    electronic=words.ELECTRONIC,
    digit_words=words.DIGITS,
    time_pattern=dates.TIME_PATTERN,
    own_patterns=(*dates.PATTERNS, *counting.PATTERNS),
    web_words=words.WEB_WORDS,
    between=("entre", "y"),
    half_after_whole=("medio", "media"),
    word_passes=(counting.expand_roman,),
)

normalize: Final = normalizer(SPANISH)
