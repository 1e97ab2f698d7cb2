"""German dates and times: "am 3. Mai 2024", "03.05.2024", "2024-05", "11:30 Uhr"."""

from __future__ import annotations

import re
from typing import Final

from narrate.textnorm.de.numbers_de import cardinal, ordinal, year
from narrate.textnorm.de.words_de import MONTH_NUMBERS, MONTHS
from narrate.textnorm.rules import alternation, split_words

# the ending an ordinal takes after these words: "am dritten", "der dritte", "ein dritter"
DATIVE: Final = frozenset(
    split_words("am im vom zum beim dem den des zur seit ab bis vor nach zwischen an in von")
)
NOMINATIVE: Final = frozenset(split_words("der die das"))
_MONTH = alternation(tuple(MONTH_NUMBERS))
_BEFORE = r"(?:(?P<before>[^\W\d]+)\s+)?"


def ending(before: str) -> str:
    if before in DATIVE:
        return "en"
    return "e" if before in NOMINATIVE else "er"


def spoken_date(day: int | None, month: int, year_: int | None, before: str = "") -> str | None:
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    words = [before] if before else []
    if day is not None:
        words.append(ordinal(day, ending(before.lower())))
    words.append(MONTHS[month - 1])
    if year_ is not None:
        words.append(year(year_))
    return " ".join(words)


def _numeric(m: re.Match[str]) -> str | None:
    written_year = m.group("year")
    year_ = int(written_year) if written_year else None
    if year_ is not None and len(written_year) == 2:
        year_ += 2000 if year_ < 50 else 1900
    if year_ is None and not (m.group("day").startswith("0") or m.group("month").startswith("0")):
        return None  # "3.5" without a year or a leading zero is not surely a date
    return spoken_date(int(m.group("day")), int(m.group("month")), year_, m.group("before") or "")


def _named(m: re.Match[str]) -> str | None:
    written_year = m.group("year")
    return spoken_date(
        int(m.group("day")),
        MONTH_NUMBERS[m.group("month").lower()],
        int(written_year) if written_year else None,
        m.group("before") or "",
    )


def _iso(m: re.Match[str]) -> str | None:
    day = int(m.group("day")) if m.group("day") else None
    return spoken_date(day, int(m.group("month")), int(m.group("year")))


def _year(m: re.Match[str]) -> str:
    return f"{m.group('before')} {year(int(m.group('year')))}"


YEAR_WORDS: Final = split_words(
    "jahr jahre jahres jahren im seit bis von ab um anfang ende mitte frühjahr sommer herbst winter"
)


PATTERNS: Final = (
    (
        _BEFORE + r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\."
        r"(?P<year>\d{4}|\d{2})?(?![\d])(?!\s*Uhr)",
        _numeric,
    ),
    (
        _BEFORE + r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})(?P<year>)(?![\d.,:])(?!\s*Uhr)",
        _numeric,
    ),
    (
        _BEFORE + rf"(?<![\d.])(?P<day>\d{{1,2}})\.\s?(?P<month>{_MONTH})(?!\w)"
        r"(?:\s(?P<year>\d{4})(?!\d))?",
        _named,
    ),
    (r"(?<![\d.-])(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?(?![\d-])", _iso),
    (
        rf"(?P<before>(?:{_MONTH}|{'|'.join(YEAR_WORDS)}))\s(?P<year>1[1-9]\d\d)(?![\d.,]\d)",
        _year,
    ),
)


def spoken_time(hours: int, minutes: int, seconds: int | None) -> str:
    """11:30 -> "elf Uhr dreißig"; 02:02:23 -> "zwei Uhr zwei Minuten drei und zwanzig Sekunden"."""
    words = ["ein" if hours == 1 else cardinal(hours), "Uhr"]
    if seconds is not None:
        words += [cardinal(minutes), "Minute" if minutes == 1 else "Minuten"] if minutes else []
        words += [cardinal(seconds), "Sekunde" if seconds == 1 else "Sekunden"] if seconds else []
    elif minutes:
        words.append(cardinal(minutes))
    return " ".join(words)


# "11:30", "11:30 Uhr", "2.30 Uhr" (a dot only when "Uhr" follows)
TIME_PATTERN: Final = (
    r"(?<![\d.,:])(\d{1,2})(?::|\.(?=\d\d(?::\d\d)?\s*Uhr))(\d{2})(?::(\d{2}))?"
    r"(?:\s*Uhr\b)?(?![\d,])"
)
