"""Spanish numbers that agree with what they count ("mil doscientas personas", "veintiún
días"), and Roman numerals ("siglo XXI", "Felipe VI")."""

from __future__ import annotations

import re
from typing import Final

from narrate.textnorm.es.numbers_es import before_noun, cardinal, ordinal
from narrate.textnorm.es.words_es import CURRENCIES, SCALES, UNITS
from narrate.textnorm.rules import NUMBER, roman, split_words, to_int

# nouns in "-a"/"-as" that are masculine ("el día", "el problema")
MASCULINE_IN_A: Final = frozenset(
    split_words(
        """
        día problema tema sistema programa idioma mapa planeta clima drama esquema poema
        dilema lema fantasma pijama sofá cometa mediodía telegrama diploma dogma aroma
        """
    )
)


# words after a number that are not what it counts ("21 de", "5 por ciento", "2020 fue")
NOT_COUNTED: Final = frozenset(
    split_words(
        """
        de del por con para que fue son era más menos sobre entre según como pero sin tras los
        las una uno y o a al en
        """
    )
)


def _counted(m: re.Match[str]) -> str | None:
    """A whole number before the noun it counts agrees with it: "mil doscientas personas",
    "veintiún días"."""
    noun, written = m.group("noun").lower(), m.group("num")
    if noun in NOT_COUNTED or "," in written or "-" in written:
        return None
    if noun in CURRENCIES or noun in SCALES or m.group("noun") in UNITS:  # their own passes
        return None
    singular = noun[:-1] if noun.endswith("s") else noun
    feminine = singular.endswith("a") and singular not in MASCULINE_IN_A
    return before_noun(to_int(written), feminine)


PATTERNS: Final = (
    # a number counting the noun after it (not a time, a range, a fraction, a price)
    (
        rf"(?<![-–/:])(?P<num>{NUMBER})(?![-–/:])(?=\s+(?P<noun>[^\W\d]+)\b(?![$€£¥]|\.\w))",
        _counted,
    ),
)


def _ordinal_noun(m: re.Match[str]) -> str:
    """ "siglo XXI" -> "siglo veintiuno", "tomo IV" -> "tomo cuatro"."""
    return f"{m.group('noun')} {cardinal(roman(m.group('roman')))}"


_ROMAN_AFTER_NOUN: Final = re.compile(
    r"\b(?P<noun>siglos?|años?|tomo|capítulo|vol\.)\s+(?P<roman>[ivxlcdm]+)\b(?!\.\w)",
    re.IGNORECASE,
)


# a king's or pope's number: "Felipe VI" -> "Felipe sexto", "Alfonso XIII" -> "Alfonso trece"
_REGNAL: Final = re.compile(
    r"\b(?P<name>[A-ZÁÉÍÓÚ][a-záéíóúñ]+) (?P<roman>[IVXL]{1,6})\b(?![\w.'’-])"
)


def _regnal(m: re.Match[str]) -> str:
    number = roman(m.group("roman"))
    return f"{m.group('name')} {ordinal(number) if number <= 10 else cardinal(number)}"


def expand_roman(text: str) -> str:
    """Roman numerals after the nouns that take them ("siglo XXI", "capítulo IV") and after
    names ("Felipe VI")."""
    return _REGNAL.sub(_regnal, _ROMAN_AFTER_NOUN.sub(_ordinal_noun, text))
