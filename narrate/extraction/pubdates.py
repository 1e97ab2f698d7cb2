"""Publication dates as pages write them, and the dates that cannot be real.

Pages write dates for machines in many shapes besides ISO 8601: "19 Nov 2019 07:09 GMT" in
JSON-LD, "Tue, 19 Nov 2019 07:09:00 +0000" (the e-mail form), "November 19, 2019",
"2019/11/19". A date that cannot be real (year 1, the Unix epoch or 1 January 1900 at
midnight, which content systems write when they have none, or years ahead) is no date: the
intro says nothing rather than "Published January first, one".
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)?")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[a-z]{3,9})\.?"
_TIME = r"(?:,?\s+(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
_ZONE = r"(?:\s*(?P<zone>gmt|utc|z|[+-]\d{2}:?\d{2}))?"
_WRITTEN = (
    re.compile(
        rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}}){_TIME}{_ZONE}"
    ),
    re.compile(
        rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){_TIME}{_ZONE}"
    ),
    re.compile(rf"(?P<year>\d{{4}})/(?P<num>\d{{1,2}})/(?P<day>\d{{1,2}}){_TIME}{_ZONE}"),
)
# Dates content systems write when they have none.
_PLACEHOLDERS = frozenset({dt.date(1970, 1, 1), dt.date(1900, 1, 1)})
_EARLIEST_YEAR = 1800
_MOST_AHEAD = dt.timedelta(days=366)


def parse_date(raw: str) -> dt.datetime | None:
    """A date or date-time as the page writes it, or None (also for impossible dates)."""
    parsed = _parse(raw.strip())
    return parsed if parsed is not None and is_plausible(parsed) else None


def is_plausible(when: dt.datetime) -> bool:
    if when.year < _EARLIEST_YEAR:
        return False
    if when.date() in _PLACEHOLDERS and (when.hour, when.minute, when.second) == (0, 0, 0):
        return False
    now = dt.datetime.now(when.tzinfo) if when.tzinfo else dt.datetime.now()
    return when - now <= _MOST_AHEAD


def _parse(raw: str) -> dt.datetime | None:
    if not raw:
        return None
    try:
        return dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        pass
    match = _ISO_DATE.search(raw)
    if match is not None:
        try:
            return dt.datetime.fromisoformat(match.group(0).replace(" ", "T"))
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return _written(raw.lower())


def _written(raw: str) -> dt.datetime | None:
    for pattern in _WRITTEN:
        match = pattern.search(raw)
        if match is None:
            continue
        parts = match.groupdict()
        month = int(parts["num"]) if parts.get("num") else _MONTHS.get(parts.get("month") or "")
        if month is None:
            continue
        try:
            return dt.datetime(
                int(parts["year"]),
                month,
                int(parts["day"]),
                int(parts["hour"] or 0),
                int(parts["minute"] or 0),
                int(parts["second"] or 0),
                tzinfo=_zone(parts["zone"]),
            )
        except ValueError:
            return None
    return None


def _zone(raw: str | None) -> dt.tzinfo | None:
    if not raw:
        return None
    if raw in ("gmt", "utc", "z"):
        return dt.UTC
    sign = -1 if raw[0] == "-" else 1
    digits = raw[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
