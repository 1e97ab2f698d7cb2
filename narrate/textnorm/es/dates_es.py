"""Spanish dates and times: "10/10/1989", "1 de enero de 2024", "13:45", "1.00 p.m."."""

from __future__ import annotations

import re
from typing import Final

from narrate.textnorm.es.numbers_es import before_noun, cardinal
from narrate.textnorm.es.words_es import CURRENCIES, MONTH_NUMBERS, MONTHS, UNITS
from narrate.textnorm.rules import alternation

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


def _meridiem(m: re.Match[str]) -> str:
    """ "5:02 p.m." -> "5:02 de la tarde": the time pass reads the numbers next."""
    return f"{m.group('time')} de la {'mañana' if m.group('half').lower() == 'a' else 'tarde'}"


# an amount written with a decimal point, as in the Americas: "$3.50", "3.50 pesos", "2.5 %"
_AMOUNT_AFTER: Final = (
    # "h" is left out: "21.15 h" is a quarter past nine
    rf"\s*(?:%|por\s+ciento|mil|millones|{alternation(tuple(u for u in UNITS if u != 'h'))}"
    rf"|{alternation(tuple(CURRENCIES))})(?!\w)"
)
DECIMAL_POINT: Final = (
    rf"(?<![\d.,])(?P<cur>[$€£]\s?)?(?P<whole>\d+)\.(?P<frac>\d{{1,2}})(?![\d.])"
    rf"(?(cur)|(?={_AMOUNT_AFTER}))"
)


def decimal_comma(m: re.Match[str]) -> str:
    """ "$3.50" -> "$3,50": the shared passes read a decimal comma."""
    return f"{m.group('cur') or ''}{m.group('whole')},{m.group('frac')}"


PATTERNS: Final = (
    (DECIMAL_POINT, decimal_comma),
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
# thousands group has three digits), unless an amount follows ("3.50 pesos", made "3,50" first)
TIME_PATTERN: Final = (
    r"(?<![\d.,:$€£¥])([01]?\d|2[0-4])[:.]([0-5]\d)(?::(\d{2}))?(?:\s*h\b)?(?![\d,]|\.\d)"
)
