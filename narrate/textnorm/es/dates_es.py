"""Spanish dates and times: "10/10/1989", "1 de enero de 2024", "13:45", "1.00 p.m."."""

from __future__ import annotations

import re
from typing import Final

from narrate.textnorm.es.numbers_es import before_noun, cardinal, ordinal
from narrate.textnorm.es.words_es import MONTH_NUMBERS, MONTHS
from narrate.textnorm.rules import alternation, roman

_MONTH = alternation(tuple(MONTH_NUMBERS))


def spoken_date(day: int | None, month: int, year: int | None) -> str | None:
    """1, 1, 2024 -> "primero de enero de dos mil veinticuatro"."""
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    words = []
    if day is not None:
        words += ["primero" if day == 1 else cardinal(day), "de"]
    words.append(MONTHS[month - 1])
    if year is not None:
        words += ["de", cardinal(year)]
    return " ".join(words)


def _numeric(m: re.Match[str]) -> str | None:
    year = int(m.group("year"))
    if len(m.group("year")) == 2:
        year += 2000 if year < 50 else 1900
    return spoken_date(int(m.group("day")), int(m.group("month")), year)


def _named(m: re.Match[str]) -> str | None:
    year = m.group("year")
    return spoken_date(
        int(m.group("day")), MONTH_NUMBERS[m.group("month").lower()], int(year) if year else None
    )


def _ordinal_noun(m: re.Match[str]) -> str:
    """ "siglo XXI" -> "siglo veintiuno", "tomo IV" -> "tomo cuatro"."""
    return f"{m.group('noun')} {cardinal(roman(m.group('roman')))}"


def _meridiem(m: re.Match[str]) -> str:
    """ "5:02 p.m." -> "5:02 de la tarde": the time pass reads the numbers next."""
    return f"{m.group('time')} de la {'mañana' if m.group('half').lower() == 'a' else 'tarde'}"


PATTERNS: Final = (
    (
        r"(?P<time>\b\d{1,2}(?:[:.]\d{2})?)\s*(?P<half>[ap])\.?\s?m\b\.?",
        _meridiem,
    ),
    (
        r"(?<![\d/.-])(?P<day>\d{1,2})([/.-])(?P<month>\d{1,2})\2(?P<year>\d{4}|\d{2})(?![\d/-]|\.\d)",
        _numeric,
    ),
    (
        rf"(?<![\d.,])(?P<day>\d{{1,2}})\s+(?:de\s+)?(?P<month>{_MONTH})(?!\w)"
        r"(?:\s+(?:de|del)\s+(?P<year>\d{4})(?!\d))?",
        _named,
    ),
)

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


def spoken_time(hours: int, minutes: int, seconds: int | None) -> str:
    """13:00 -> "trece"; 1:30 -> "una y media"; 0:52 -> "cero y cincuenta y dos"."""
    words = [before_noun(hours, feminine=True) if hours else "cero"]
    if minutes == 15:
        words.append("y cuarto")
    elif minutes == 30:
        words.append("y media")
    elif minutes:
        words += ["y", cardinal(minutes)]
    return " ".join(words)


# "13:45", "13:45:10", "14.05": Spanish writes a decimal comma, so "14.05" is a time (and a
# thousands group has three digits)
TIME_PATTERN: Final = (
    r"(?<![\d.,:])([01]?\d|2[0-4])[:.]([0-5]\d)(?::(\d{2}))?(?:\s*h\b)?(?![\d,]|\.\d)"
)
