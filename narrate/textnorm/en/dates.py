"""Dates, years and decades.

"July 16, 2018" -> "July sixteenth, twenty eighteen"; "3 March 2025" -> "the third of March
twenty twenty five"; "2025-01-11" -> "January eleventh, twenty twenty five"; "Aug. 2-4" ->
"August second to fourth"; "Sat., Aug. 17" -> "Saturday, August seventeenth"; "the 1990s" ->
"the nineteen nineties"; "'90s" -> "nineties"; "in 2025" -> "in twenty twenty five";
"2014-2016" -> "twenty fourteen to twenty sixteen".
"""

from __future__ import annotations

import re
from typing import Final

from narrate.textnorm.en.abbreviations import starts_sentence
from narrate.textnorm.en.numbers import cardinal, ordinal, short_year, year

MONTHS: Final = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_ABBREVIATIONS: Final = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_NUMBER: Final = {name.lower(): i for i, name in enumerate(MONTHS, 1)} | _ABBREVIATIONS


def _month_alternatives() -> str:
    """ "[Jj](?i:anuary|une|uly|an|un|ul)|...": the first letter as a class is fast to scan."""
    rests: dict[str, set[str]] = {}
    for name in [*MONTHS, *_ABBREVIATIONS]:
        rests.setdefault(name[0].upper(), set()).add(name[1:].lower())
    alternatives = []
    for initial, endings in rests.items():
        ending = "|".join(sorted(endings, key=len, reverse=True))
        alternatives.append(f"[{initial}{initial.lower()}](?<![A-Za-z].)(?i:{ending})")
    return "|".join(alternatives)


# a month name, or an abbreviation with an optional full stop (also "Mar ." as tokenised text)
_MONTH = rf"(?P<month>(?:{_month_alternatives()})(?:\s?\.)?)(?![\w'])"
_YEAR4 = r"(?:1[0-9]|20)\d\d"
_DAY = r"(?P<day>[0-3]?\d)(?P<suffix>st|nd|rd|th)?"
_DAY_RANGE = r"\s?[-–]\s?(?P<last>[0-3]?\d)(?:st|nd|rd|th)?(?![\w:]|[.,]\d|-\d)"
_YEAR_TAIL = rf"(?:(?P<comma>\s?,)?[\s-](?P<year>{_YEAR4}|\d{{3}})(?![\w,.]\d|\w))?"

_ANY_MONTH = re.compile(_MONTH)
WEEKDAYS: Final = {
    "Mon": "Monday", "Tue": "Tuesday", "Tues": "Tuesday", "Wed": "Wednesday", "Thu": "Thursday",
    "Thur": "Thursday", "Thurs": "Thursday", "Fri": "Friday", "Sat": "Saturday", "Sun": "Sunday",
}  # fmt: skip
# "Sat., Aug. 17", "Wed 5 March": a day of the week is abbreviated only before a date
_WEEKDAY = re.compile(
    rf"\b(?P<day>{'|'.join(WEEKDAYS)})\.?(?P<comma>,?)(?=\s(?:\d\d?\s)?(?:{_month_alternatives()})\b)"
)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b")
_ISO_SLASHED = re.compile(r"\b(?P<year>(?:1[6-9]|20)\d\d)/(?P<month>\d\d?)/(?P<day>\d\d?)\b(?!/)")
_SLASHED = re.compile(r"\b(?P<a>\d\d?)/(?P<b>\d\d?)/(?P<year>\d{4}|\d\d)\b")
# "14-04-2014", "04-14-2014": day and month with dashes, a four-digit year; not a phone number
_DASHED = re.compile(r"(?<![\w-])(?P<a>\d\d?)-(?P<b>\d\d?)-(?P<year>(?:1[6-9]|20)\d\d)(?![\w-])")
_DOTTED = re.compile(r"\b(?P<day>\d\d?)\.(?P<month>\d\d?)\.(?P<year>\d{4})\b")
_MONTH_DAY = re.compile(rf"{_MONTH}[\s-]?{_DAY}(?![\w:]|[.,]\d)(?:{_DAY_RANGE})?{_YEAR_TAIL}")
_DAY_MONTH = re.compile(rf"\b(?P<the>the\s)?{_DAY}\s(?:of\s)?{_MONTH}{_YEAR_TAIL}")
# "18-24 November": a range of days before the month
_DAYS_MONTH = re.compile(
    rf"(?<![\w.,-])(?P<first>\d\d?)(?:st|nd|rd|th)?\s?[-–]\s?{_DAY}\s(?:of\s)?{_MONTH}{_YEAR_TAIL}"
)
_MONTH_YEAR = re.compile(rf"{_MONTH}(?P<comma>\s?,)?\s(?P<year>{_YEAR4})\b(?![,.]\d)")
_DECADE = re.compile(
    r"(?:\b(?P<century>1\d|20)|(?P<apostrophe>['’‘]\s?)|\b)(?P<decade>\d)0\s?['’]?s\b"
)
_DECADE_HINT = re.compile(r"0\s?['’]?s\b")
# after the words that take a year, not after "No '89" (a song title)
_SHORT_YEAR = re.compile(
    r"(?P<before>\b(?:in|of|since|from|to|until|till|and|by|or|back|class|summer|spring|autumn"
    r"|fall|winter|season|election|vintage)\s)['’](?P<yy>\d\d)\b(?!['’]|\w|[.,]\d)",
    re.IGNORECASE,
)
_ERA_HINT = re.compile(r"\b(?:A\.?D|B\.?C|C\.?E)\b")
_YEAR_RANGE = re.compile(
    rf"\b(?P<start>{_YEAR4})\s?(?:-|–|—|to)\s?(?P<end>{_YEAR4}|\d\d)\b(?![,.]\d|-\d|\s?%)"
)
_FISCAL = re.compile(
    rf"\b(?P<fy>FY)\s?(?P<year>{_YEAR4}|\d\d)(?:[-–/](?P<end>{_YEAR4}|\d\d))?\b(?![-–/]\d)"
)
_ERA = re.compile(r"\b(?P<year>\d{1,4})\s?(?P<era>A\.?D|B\.?C\.?E|B\.?C|C\.?E)\b\.?")
_NEXT_WORD = re.compile(r"\s?-?([A-Za-z]+)")
COUNTED: Final = frozenset({
    "people", "persons", "men", "women", "children", "inhabitants", "residents", "soldiers",
    "troops", "workers", "students", "members", "voters", "votes", "jobs", "homes", "houses",
    "cases", "deaths", "patients", "copies", "units", "cars", "tons", "tonnes", "pounds",
    "dollars", "euros", "francs", "marks", "gulden", "rupees", "yen", "yuan", "feet", "foot",
    "miles", "mile", "yards", "meters", "metres", "kilometers", "kilometres", "acres", "hectares",
    "years", "days", "hours", "minutes", "seconds", "times", "pages", "words", "points", "runs",
    "goals", "calories", "km", "kg", "m", "ft", "mm", "cm", "lb", "lbs", "mph", "rpm", "kw", "mw",
    "horses", "guns", "ships", "planes", "aircraft", "rounds", "shots", "items", "species",
    "books",
})  # fmt: skip
"""Words after a four-digit number that make it a count rather than a year."""
_YEAR = re.compile(rf"(?<![\w$£€¥.,:/-])(?P<year>{_YEAR4})(?![\w%°]|[.,:/]\d|\s?-\s?\d)")


def _month(text: str) -> str:
    key = text.rstrip(" .").lower()
    return MONTHS[_MONTH_NUMBER[key] - 1]


def _year_words(text: str) -> str:
    return year(int(text)) if len(text) == 4 else short_year(text)


def _valid(day: int, month: int = 1) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def _us_date(month: int, day: int, year_text: str | None) -> str:
    words = f"{MONTHS[month - 1]} {ordinal(day)}"
    return f"{words}, {_year_words(year_text)}" if year_text else words


def _european_date(day: int, month: int, year_text: str | None, the: str = "the ") -> str:
    words = f"{the}{ordinal(day)} of {MONTHS[month - 1]}"
    return f"{words} {_year_words(year_text)}" if year_text else words


def _iso(m: re.Match[str]) -> str:
    """ "2016-11-03" -> "November third, twenty sixteen", as an American narrator says it."""
    month, day = int(m["month"]), int(m["day"])
    if not _valid(day, month):
        return m[0]
    return _us_date(month, day, m["year"])


def _article(m: re.Match[str]) -> str:
    """ "the " before a date read "the fifth of May", unless the text already has it."""
    return "" if m.string[max(0, m.start() - 4) : m.start()].lower() == "the " else "the "


def _slashed(m: re.Match[str]) -> str:
    a, b, year_text = int(m["a"]), int(m["b"]), m["year"]
    if len(year_text) == 2:
        year_text = ("20" if int(year_text) < 30 else "19") + year_text
    if _valid(b, a):
        return _us_date(a, b, year_text)
    if _valid(a, b):
        return _european_date(a, b, year_text, _article(m))
    return m[0]


def _dashed(m: re.Match[str]) -> str:
    a, b = int(m["a"]), int(m["b"])
    if _valid(a, b) and a > 12:
        return _european_date(a, b, m["year"], _article(m))
    if _valid(b, a):
        return _us_date(a, b, m["year"])
    return m[0]


def _dotted(m: re.Match[str]) -> str:
    day, month = int(m["day"]), int(m["month"])
    if not _valid(day, month):
        return m[0]
    return _european_date(day, month, m["year"], _article(m))


def _month_day(m: re.Match[str]) -> str:
    day = int(m["day"])
    if not _valid(day):
        return m[0]
    words = f"{_month(m['month'])} {ordinal(day)}"
    if m["last"] is not None:
        if not day < int(m["last"]) <= 31:
            return m[0]
        words += f" to {ordinal(int(m['last']))}"
    if m["year"]:
        words += f"{',' if m['comma'] else ''} {_year_words(m['year'])}"
    return words


def _day_month(m: re.Match[str]) -> str:
    day = int(m["day"])
    if not _valid(day) or m["month"] == "may":  # "children aged 10 may enter": the verb
        return m[0]
    words = f"the {ordinal(day)} of {_month(m['month'])}"
    if m["year"]:
        words += f"{',' if m['comma'] else ''} {_year_words(m['year'])}"
    elif m["month"].endswith(".") and starts_sentence(m.string[m.end() :]):
        words += "."  # "on 5 Jan. The next day": the full stop also ends the sentence
    return words


def _days_month(m: re.Match[str]) -> str:
    first = int(m["first"])
    if not (_valid(first) and first < int(m["day"]) and m["month"][0].isupper()):
        return m[0]
    end = _day_month(m)
    return m[0] if end == m[0] else f"the {ordinal(first)} to {end}"


def _month_year(m: re.Match[str]) -> str:
    comma = "," if m["comma"] else ""
    return f"{_month(m['month'])}{comma} {year(int(m['year']))}"


def _plural(words: str) -> str:
    head, _, last = words.rpartition(" ")
    last = last[:-1] + "ies" if last.endswith("y") else last + "s"
    return f"{head} {last}" if head else last


def _decade(m: re.Match[str]) -> str:
    decade = int(m["decade"]) * 10
    if m["century"]:
        return _plural(year(int(m["century"]) * 100 + decade))
    if decade == 0:
        return m[0]
    return _plural(cardinal(decade))


def _year_range(m: re.Match[str]) -> str:
    start, end = m["start"], m["end"]
    end_words = year(int(end)) if len(end) == 4 else cardinal(int(end))
    if len(end) == 2 and end.startswith("0"):
        end_words = f"oh {cardinal(int(end))}"
    return f"{year(int(start))} to {end_words}"


def _era(m: re.Match[str]) -> str:
    era = m["era"].replace(".", "")
    letters = " ".join(era)
    return f"{_year_words(m['year'])} {letters}"


def expand_dates(text: str) -> str:
    """Expand written dates (numeric and with month names) into words."""
    if "-" in text:
        text = _ISO.sub(_iso, text)
    if "/" in text:
        text = _ISO_SLASHED.sub(_iso, text)
        text = _SLASHED.sub(_slashed, text)
    if "-" in text:
        text = _DASHED.sub(_dashed, text)
    if "." in text:
        text = _DOTTED.sub(_dotted, text)
    if _ANY_MONTH.search(text):
        text = _WEEKDAY.sub(lambda m: WEEKDAYS[m["day"]] + m["comma"], text)
        text = _DAYS_MONTH.sub(_days_month, text)
        text = _DAY_MONTH.sub(_day_month, text)
        text = _MONTH_DAY.sub(_month_day, text)
        text = _MONTH_YEAR.sub(_month_year, text)
    return text


def _standalone_year(m: re.Match[str]) -> str:
    following = _NEXT_WORD.match(m.string, m.end())
    if following and following[1].lower() in COUNTED:
        return m[0]
    return year(int(m["year"]))


def _fiscal(m: re.Match[str]) -> str:
    """ "FY2020-22" -> "F Y twenty twenty to twenty two", "FY24" -> "F Y twenty four"."""
    words = f"{m['fy']} {_year_words(m['year'])}"
    end = m["end"]
    if end:
        short = f"oh {cardinal(int(end))}" if end.startswith("0") else _year_words(end)
        words += f" to {year(int(end)) if len(end) == 4 else short}"
    return words


def _short_year(m: re.Match[str]) -> str:
    yy = m["yy"]
    return m["before"] + (f"oh {yy[1]}" if yy[0] == "0" else yy)


def expand_years(text: str) -> str:
    """Expand decades, year ranges, eras and four-digit years that read as years."""
    if "FY" in text:
        text = _FISCAL.sub(_fiscal, text)
    if _DECADE_HINT.search(text):
        text = _DECADE.sub(_decade, text)
    text = _YEAR_RANGE.sub(_year_range, text)
    if "'" in text or "’" in text:  # "in '95": "in ninety five", "'05": "oh five"
        text = _SHORT_YEAR.sub(_short_year, text)
    if _ERA_HINT.search(text):
        text = _ERA.sub(_era, text)
    return _YEAR.sub(_standalone_year, text)
