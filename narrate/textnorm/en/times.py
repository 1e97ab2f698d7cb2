"""Clock times: "5:30 p.m." -> "five thirty p.m.", "14:00 GMT" -> "fourteen hundred GMT"."""

from __future__ import annotations

import re
from typing import Final

from narrate.textnorm.en.numbers import ONES, cardinal

_MERIDIEM = r"(?P<meridiem>(?i:[ap]\.?\s?m\b\.?))"
_ZONES: Final = (
    "GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "WET", "IST", "JST", "KST", "HKT", "SGT",
    "MSK", "AEST", "AEDT", "ACST", "AWST", "NZST", "NZDT", "EST", "EDT", "CST", "CDT", "MST",
    "MDT", "PST", "PDT", "AKST", "HST", "ET", "CT", "MT", "PT",
)  # fmt: skip
_ZONE = rf"(?P<zone>\s(?i:{'|'.join(_ZONES)})\b)?"
_CLOCK = re.compile(
    rf"(?<![\d:.])(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?![\d:])"
    rf"(?:\s?{_MERIDIEM})?{_ZONE}"
)
# "5.30pm", "10.15 a.m.": the British full stop between hours and minutes, before am/pm only
_DOT_CLOCK = re.compile(
    rf"(?<![\d.,])(?P<hour>1[0-2]|0?\d)\.(?P<minute>[0-5]\d)(?P<second>)\s?{_MERIDIEM}(?!\w){_ZONE}"
)
# "0100 GMT", "1430 hours": the 24-hour clock without a colon, before a zone or "hours"
_MILITARY = re.compile(
    rf"(?<![\w.,:])(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)"
    rf"(?=\s(?:{'|'.join(_ZONES)}|Z|hours|hrs|local time)\b)"
)
_HOUR_ONLY = re.compile(rf"(?<![\d:.,])(?P<hour>1[0-2]|0?\d)\s?{_MERIDIEM}(?!\w){_ZONE}")


_MERIDIEM_HINT = re.compile(r"\d\s?[aApP]\.?\s?[mM]\b")
_TIME_RANGE = re.compile(
    r"(?:(?<=\d:\d\d)|(?<=\d[ap]m)|(?<=[ap]\.m\.)|(?<=\d [ap]m))"
    r"\s?[-–]\s?(?=\d\d?(?::\d\d|\s?[ap]\.?m\b))",
    re.IGNORECASE,
)


def _meridiem(text: str | None) -> str:
    if not text:
        return ""
    letter = text.strip()[0].lower()
    return f" {letter}.m."


def _zone(text: str | None) -> str:
    return f" {text.strip().upper()}" if text else ""


def _minutes(minute: int) -> str:
    return f"oh {ONES[minute]}" if minute < 10 else cardinal(minute)


def _seconds_form(hour: int, minute: int, second: int) -> str:
    unit = "hour" if hour == 1 else "hours"
    minutes = "minute" if minute == 1 else "minutes"
    seconds = "second" if second == 1 else "seconds"
    return f"{cardinal(hour)} {unit} {cardinal(minute)} {minutes} and {cardinal(second)} {seconds}"


def _clock(m: re.Match[str]) -> str:
    hour, minute = int(m["hour"]), int(m["minute"])
    if hour > 24:
        return m[0]
    tail = _meridiem(m["meridiem"]) + _zone(m["zone"])
    if m["second"]:
        return _seconds_form(hour, minute, int(m["second"])) + tail
    if minute:
        return f"{cardinal(hour)} {_minutes(minute)}{tail}"
    if m["meridiem"]:
        return cardinal(hour) + tail
    if hour >= 13 and m["zone"]:  # "eighteen hundred GMT", as world-time bulletins say it
        return f"{cardinal(hour)} hundred{tail}"
    return f"{cardinal(hour)} o'clock{tail}"


def _hour_only(m: re.Match[str]) -> str:
    return cardinal(int(m["hour"])) + _meridiem(m["meridiem"]) + _zone(m["zone"])


def _military(m: re.Match[str]) -> str:
    """ "0100" -> "oh one hundred", "1430" -> "fourteen thirty", as a bulletin says them."""
    hour, minute = int(m["hour"]), int(m["minute"])
    hours = f"oh {ONES[hour]}" if m["hour"][0] == "0" else cardinal(hour)
    if hour == 0:
        hours = "zero"
    return f"{hours} {_minutes(minute) if minute else 'hundred'}"


def expand_times(text: str) -> str:
    """Expand clock times: "9:05 a.m." -> "nine oh five a.m.", "5pm" -> "five p.m."."""
    text = _MILITARY.sub(_military, text)
    if ":" in text:
        text = _TIME_RANGE.sub(" to ", text) if "-" in text or "–" in text else text
        text = _CLOCK.sub(_clock, text)
    if _MERIDIEM_HINT.search(text):
        text = _DOT_CLOCK.sub(_clock, text) if "." in text else text
        text = _TIME_RANGE.sub(" to ", text) if "-" in text or "–" in text else text
        text = _HOUR_ONLY.sub(_hour_only, text)
    return text
