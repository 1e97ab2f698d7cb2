"""Ukrainian: dates, years, money, percentages and counted numbers, in the grammatical case.

    normalize("12 березня 2024 року ціни зросли на 5 % до 40 гривень.")
    -> "дванадцятого березня дві тисячі двадцять четвертого року ціни зросли на п'ять
        відсотків до сорока гривень."

num2words gives the cardinals in every case and the ordinals in the nominative; the genitive
and locative ordinals of dates and years ("дванадцятого", "у ... четвертому році") are derived
here from the nominative. A number in another construction is read in the nominative (as the
voice would read the digits), and the first such text logs one warning.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Final

from num2words import num2words

from narrate.textnorm.rules import split_words

__all__ = ["normalize"]

log = logging.getLogger(__name__)

MONTHS_GENITIVE: Final = split_words(
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня"
)
# after these a counted number is in the genitive: "до сорока", "понад п'яти тисяч"
GENITIVE_AFTER: Final = frozenset(
    split_words("з із зі до від після без для біля близько понад більше менше кілька з-понад")
)
# (one, two to four, five and more, a fraction: "1,5 відсотка") forms, and whether the noun
# is feminine
NOUNS: Final = {
    "%": (("відсоток", "відсотки", "відсотків", "відсотка"), False),
    "₴": (("гривня", "гривні", "гривень", "гривні"), True),
    "грн": (("гривня", "гривні", "гривень", "гривні"), True),
    "$": (("долар", "долари", "доларів", "долара"), False),
    "€": (("євро", "євро", "євро", "євро"), False),
}
_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+"
_DATE = re.compile(
    rf"(?<!\d)(?P<day>\d{{1,2}})\s+(?P<month>{'|'.join(MONTHS_GENITIVE)})"
    r"(?:\s+(?P<year>\d{4})(?:\s*(?:року|р\.))?)?(?!\w)"
)
_YEAR = re.compile(r"(?<!\d)(?P<year>\d{4})\s*(?P<noun>року|році|рік|р\.)(?!\w)")
_COUNTED = re.compile(
    rf"(?:(?P<before>[^\W\d]+)\s+)?(?P<cur>\$|€)?(?P<num>{_NUMBER})(?:,(?P<frac>\d+))?"
    r"(?:\s?(?P<noun>%|₴|грн(?!\w)|\$|€))?"
)
_TIME = re.compile(
    r"(?:(?P<at>\b[Оо]б?)\s+)?(?<![\d:])(?P<h>[01]?\d|2[0-4]):(?P<m>[0-5]\d)(?![\d:])"
)
_warned: list[bool] = []


# num2words's genitive hundreds and "тисячи" are misspelt: "трьохста" is "трьохсот"
_GENITIVE_FIXES: Final = {
    **{f"{stem}ста": f"{stem}сот" for stem in
       ("двох", "трьох", "чотирьох", "п'яти", "шести", "семи", "восьми", "дев'яти")},
    "тисячи": "тисячі",
}  # fmt: skip


@lru_cache(maxsize=2048)
def cardinal(n: int, case: str = "nominative", feminine: bool = False) -> str:
    kwargs = {"gender": "feminine"} if feminine else {}
    words = str(num2words(n, lang="uk", case=case, **kwargs)).split()
    return " ".join(_GENITIVE_FIXES.get(word, word) for word in words)


# the endings of an ordinal (masculine and neuter, or feminine: "година") by case, for a hard
# stem ("п'ятий") and a soft one ("третій")
_ENDINGS: Final = {
    ("nominative", False): ("ий", "ій"),
    ("genitive", False): ("ого", "ього"),
    ("locative", False): ("ому", "ьому"),
    ("nominative", True): ("а", "я"),
    ("locative", True): ("ій", "ій"),
}


def ordinal(n: int, case: str = "nominative", feminine: bool = False) -> str:
    """12 -> "дванадцятий"; genitive "дванадцятого"; locative "дванадцятому"; feminine
    "дванадцята", locative "дванадцятій"."""
    words = str(num2words(n, lang="uk", to="ordinal")).split()
    if words[:2] == ["одна", "тисяча"]:  # "тисяча дев'ятсот ...": a year has no "одна"
        words = words[1:]
    last = words[-1]
    hard, soft = _ENDINGS[(case, feminine)]
    last = last[:-2] + (soft if last.endswith("ій") else hard)
    return " ".join([*words[:-1], last])


def form(n: int, forms: tuple[str, ...]) -> str:
    """The noun after a number: 1 "гривня", 2-4 "гривні", 5-20 and the rest "гривень"."""
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms[1]
    return forms[2]


def _date(m: re.Match[str]) -> str:
    words = [ordinal(int(m.group("day")), "genitive"), m.group("month")]
    if m.group("year"):
        words += [ordinal(int(m.group("year")), "genitive"), "року"]
    return " ".join(words)


def _year(m: re.Match[str]) -> str:
    noun = m.group("noun")
    case = {"році": "locative", "рік": "nominative"}.get(noun, "genitive")
    return f"{ordinal(int(m.group('year')), case)} {'року' if noun == 'р.' else noun}"


def _counted(m: re.Match[str]) -> str:
    before = m.group("before") or ""
    case = "genitive" if before.lower() in GENITIVE_AFTER else "nominative"
    n = int(re.sub(r"[^0-9]", "", m.group("num")))
    noun_key = (m.group("noun") or m.group("cur") or "").rstrip(".")
    forms, feminine = NOUNS.get(noun_key, (None, False))
    prefix = f"{before} " if before else ""
    if m.group("frac"):
        spoken = f"{cardinal(n, case, True)} кома {cardinal(int(m.group('frac')), case, True)}"
        return prefix + spoken + (f" {forms[3]}" if forms else "")
    if forms is None and case == "nominative" and not _warned:
        _warned.append(True)
        log.warning("Ukrainian numbers outside dates, years, money and percentages are read "
                    "in the nominative case")  # fmt: skip
    spoken = cardinal(n, case, feminine)
    if not forms:
        return prefix + spoken
    noun = forms[2] if case == "genitive" and n % 10 != 1 else form(n, forms)
    return f"{prefix}{spoken} {noun}"


def _time(m: re.Match[str]) -> str:
    """ "о 14:30" -> "о чотирнадцятій тридцять": the hour is an ordinal (година, feminine)."""
    at, hours, minutes = m.group("at"), int(m.group("h")), int(m.group("m"))
    hour = ordinal(hours, "locative" if at else "nominative", feminine=True) if hours else "нуль"
    spoken = f"{hour} {cardinal(minutes, feminine=True)}" if minutes else hour
    return f"{at} {spoken}" if at else spoken


def normalize(text: str) -> str:
    """Ukrainian written forms to words: dates, years and times first, then counted numbers."""
    if not any(c.isdigit() for c in text):
        return text
    text = _DATE.sub(_date, text)
    text = _YEAR.sub(_year, text)
    text = _TIME.sub(_time, text)
    return _COUNTED.sub(_counted, text)
