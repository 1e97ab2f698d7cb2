"""French dates and times: "02.03.2003", "le 1er mars 2024", "les 17-18 juin", "14h30"."""

from __future__ import annotations

import re
from typing import Final

from narrate.textnorm.fr.numbers_fr import before_noun, cardinal, ordinal
from narrate.textnorm.fr.words_fr import MONTH_NUMBERS, MONTHS
from narrate.textnorm.rules import alternation, roman

_MONTH = alternation(tuple(MONTH_NUMBERS))


def day(n: int) -> str:
    return "premier" if n == 1 else cardinal(n)


def _numeric(m: re.Match[str]) -> str | None:
    number, month, year = int(m.group("day")), int(m.group("month")), int(m.group("year"))
    if not (1 <= month <= 12 and 1 <= number <= 31):
        return None
    return f"{day(number)} {MONTHS[month - 1]} {cardinal(year)}"


def _days(m: re.Match[str]) -> str:
    """ "17-18-19 juin" -> "dix-sept dix-huit dix-neuf juin"; "1er mars" -> "premier mars"."""
    days = re.findall(r"\d+", m.group("days"))
    return " ".join(day(int(d)) for d in days) + " " + m.group("month")


def _pair(pair: str) -> str:
    return f"zéro {cardinal(int(pair))}" if pair[0] == "0" else cardinal(int(pair))


def _phone(m: re.Match[str]) -> str:
    """ "01 23 45 67 89" -> "zéro un, vingt-trois, ...": a French number is read in pairs."""
    return ", ".join(_pair(pair) for pair in re.findall(r"\d\d", m.group(0)))


PATTERNS: Final = (
    (r"(?<![\d+])0\d(?:[ .\u00a0]\d\d){4}(?![\d])", _phone),
    (
        r"(?<![\d/.-])(?P<day>\d{1,2})([/.-])(?P<month>\d{1,2})\2(?P<year>\d{4})(?![\d/-]|\.\d)",
        _numeric,
    ),
    (
        rf"(?<![\d.,])(?P<days>\d{{1,2}}(?:er)?(?:\s?[-–/]\s?\d{{1,2}})*)\s+(?P<month>{_MONTH})(?!\w)",
        _days,
    ),
)


# two letters at least ("Le", "Ce" are words), or I, V, X alone ("Ier", "Ve")
_ROMAN_ORDINAL = re.compile(r"\b(?P<roman>[IVXLC]{2,}|[IVX])(?P<end>e|er|ème|ᵉ)\b")


# a king's or pope's number: "Louis XIV" -> "Louis quatorze", "Jean-Paul II" -> "Jean-Paul deux"
_REGNAL = re.compile(r"\b(?P<name>[A-ZÉÈ][\wé-]+) (?P<roman>[IVXL]{1,6})\b(?![\w.'’-])")


def _regnal(m: re.Match[str]) -> str:
    number = roman(m.group("roman"))
    return f"{m.group('name')} {'premier' if number == 1 else cardinal(number)}"


def expand_roman(text: str) -> str:
    """ "le XXe siècle" -> "le vingtième siècle"; "François Ier" -> "François premier";
    "Louis XIV" -> "Louis quatorze"."""
    text = _ROMAN_ORDINAL.sub(lambda m: ordinal(roman(m.group("roman"))), text)
    return _REGNAL.sub(_regnal, text)


def spoken_time(hours: int, minutes: int, seconds: int | None) -> str:
    """14h30 -> "quatorze heures trente"; 1h -> "une heure"."""
    words = [before_noun(hours, feminine=True), "heure" if hours in (0, 1) else "heures"]
    if minutes:
        words.append(cardinal(minutes))
    return " ".join(words)


# "14:30", "14h30", "14 h 30", "9h"
TIME_PATTERN: Final = (
    r"(?<![\d.,:])([01]?\d|2[0-4])(?::|\s?h\s?)([0-5]\d)?(?::(\d{2}))?(?![\d,]|\w)"
)
