"""Numbers in words: cardinals, digits, decimals, years and ordinals.

These are the building blocks every other semiotic class uses. Numbers are spelled the way an
American narrator says them: no "and" inside hundreds ("one hundred twenty three"), years in
pairs ("nineteen ninety four", "twenty ten", "two thousand nine", "nineteen oh one").
"""

from __future__ import annotations

import re
from typing import Final

ONES: Final = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
TENS: Final = (
    "_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
)  # fmt: skip
SCALES: Final = (
    (10**15, "quadrillion"),
    (10**12, "trillion"),
    (10**9, "billion"),
    (10**6, "million"),
    (10**3, "thousand"),
)
MAX_CARDINAL: Final = 10**18 - 1
"""Above this a number is read digit by digit."""

_ORDINAL_IRREGULAR: Final = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}
# two or more dot groups cannot be a decimal: "1.000.000"; one ("1.000") is left alone
_DOTTED_THOUSANDS = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{3}){2,}(?![\d.]|,\d)")
_THIN_GROUPS = re.compile(r"(?<=\d)[\u2009\u202f](?=\d{3}(?!\d))")

NUMBER: Final = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
"""A regex source for an unsigned number: "1,000", "2.5", ".25"."""


def _below_thousand(n: int) -> str:
    words = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words += [ONES[hundreds], "hundred"]
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        words.append(TENS[tens] if not ones else f"{TENS[tens]} {ONES[ones]}")
    elif rest or not hundreds:
        words.append(ONES[rest])
    return " ".join(words)


def cardinal(n: int) -> str:
    """123 -> "one hundred twenty three"; negative numbers get "minus"."""
    if n < 0:
        return "minus " + cardinal(-n)
    if n > MAX_CARDINAL:
        return digits(str(n))
    if n < 1000:
        return _below_thousand(n)
    words = []
    for value, name in SCALES:
        count, n = divmod(n, value)
        if count:
            words += [cardinal(count), name]
    if n:
        words.append(_below_thousand(n))
    return " ".join(words)


def digits(text: str) -> str:
    """Read a digit string one digit at a time: "007" -> "zero zero seven"."""
    return " ".join(ONES[int(c)] for c in text if c.isascii() and c.isdigit())


def ordinal_words(words: str) -> str:
    """Turn the last word of a cardinal into its ordinal: "twenty one" -> "twenty first"."""
    head, _, last = words.rpartition(" ")
    if last in _ORDINAL_IRREGULAR:
        last = _ORDINAL_IRREGULAR[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return f"{head} {last}" if head else last


def ordinal(n: int) -> str:
    """21 -> "twenty first"."""
    return ordinal_words(cardinal(n))


def year(n: int) -> str:
    """Read a year: 1994 "nineteen ninety four", 2009 "two thousand nine", 1901 "nineteen oh
    one"."""
    if not 1000 <= n < 10000:
        return cardinal(n)
    high, low = divmod(n, 100)
    if n % 1000 < 10 and high % 10 == 0:  # 2000-2009, 1000-1009
        return cardinal(n)
    if low == 0:
        return f"{cardinal(high)} hundred"
    if low < 10:
        return f"{cardinal(high)} oh {ONES[low]}"
    return f"{cardinal(high)} {cardinal(low)}"


def short_year(text: str) -> str:
    """Three-digit years and the like read in pairs when that is natural: "340" -> "three forty"."""
    n = int(text)
    if 100 <= n < 1000 and n % 100 >= 10:
        return f"{ONES[n // 100]} {cardinal(n % 100)}"
    return cardinal(n)


def with_and(n: int) -> str:
    """The British reading, with "and" before the last tens, which news readers use for money
    and for ranges of measures: "one hundred and five", "two thousand and fifty"."""
    tens = n % 100
    if not tens or n < 100 or (n % 1000 < 100 and n < 1000):
        return cardinal(n)
    return f"{cardinal(n - tens)} and {cardinal(tens)}"


def integer(text: str) -> str:
    """Read an integer as written: separators allowed, leading zeros read as digits."""
    plain = text.replace(",", "")
    if not plain.isascii() or not plain.isdigit():
        return digits(plain)
    if len(plain) > 1 and plain.startswith("0"):
        return digits(plain)
    if "," not in text and len(plain) > 12:
        return digits(plain)
    return cardinal(int(plain))


def decimal(text: str, zero: str = "oh") -> str:
    """Read "1,234.5" or ".25" (and plain integers): "one point five", "point two five"."""
    whole, dot, frac = text.partition(".")
    words = integer(whole) if whole else ""
    if dot and frac:
        fraction = digits(frac)
        if whole.strip("0,") and frac != "0":  # "two point oh six", but "two point zero"
            fraction = " ".join(zero if w == "zero" else w for w in fraction.split())
        words = f"{words} point {fraction}".lstrip()
    return words


def number(text: str) -> str:
    """Read a number token with an optional sign: "-0.5" -> "minus zero point five"."""
    sign = ""
    if text[:1] in "-\u2212":
        sign, text = "minus ", text[1:]
    elif text[:1] == "+":
        sign, text = "plus ", text[1:]
    return sign + decimal(text)


MODEL_MAKERS: Final = frozenset({
    "Boeing", "Airbus", "Tupolev", "Ilyushin", "Antonov", "Sukhoi", "Embraer", "Bombardier",
    "Cessna", "Learjet", "Gulfstream", "Dassault", "Porsche", "Peugeot", "Ferrari", "Fiat",
    "Volvo", "Mazda", "Nokia", "Leica",
})  # fmt: skip
"""Makers whose three-digit models are read in pairs: "Boeing 737" -> "seven thirty seven"."""
_MODEL = re.compile(
    rf"\b(?P<maker>{'|'.join(MODEL_MAKERS)}) "
    r"(?P<letter>[A-Z]?)(?P<number>[1-9]\d\d)(?P<plural>s?)\b"
)
_STREET_WORDS = (
    "Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Lane|Ln|Boulevard|Blvd|Court|Ct|Place|Pl|Way|Terrace"
    "|Highway|Hwy|Parkway|Pkwy|Square|Sq|Crescent|Close|Row"
)
_HOUSE = re.compile(
    r"(?<![\w.,$£€])(?P<number>[1-9]\d{2,3})"
    rf"(?=\s(?:[NSEW]\.?\s)?(?:[A-Z][a-z]+\s){{1,3}}(?:{_STREET_WORDS})\b)"
)
_GLUED_MODEL = re.compile(r"\b(?P<letters>[A-Z]{1,2})(?P<number>[1-9]\d0|[1-9]\d\d)(?![\d,.]\d|\w)")


def pairs(text: str) -> str:
    """Read a three-digit model number in pairs: "737" -> "seven thirty seven"."""
    n = int(text)
    rest = n % 100
    tail = cardinal(rest) if rest >= 10 else f"oh {ONES[rest]}" if rest else "hundred"
    return f"{ONES[n // 100]} {tail}"


def _model(m: re.Match[str]) -> str:
    letter = f" {m['letter']}" if m["letter"] else ""
    words = pairs(m["number"])
    return f"{m['maker']}{letter} {plural(words) if m['plural'] else words}"


def _house(m: re.Match[str]) -> str:
    number = m["number"]
    return year(int(number)) if len(number) == 4 else pairs(number)


# "ID.3", "ID.4": a name of capitals, a dot, a small number; not a decimal
_DOTTED_MODEL = re.compile(
    r"(?<![\w.])(?P<letters>[A-Z]{1,4})\.(?P<number>\d{1,2})(?![\w.,]|[.,]\d)"
)
# "BT-7274", "MH-370", "F-16": capitals, a hyphen, a model number
_CODE_NUMBER = re.compile(r"(?<![\w-])(?P<letters>[A-Z]{1,4})-(?P<number>\d{3,})(?![\w-]|[.,]\d)")
_YEARLIKE = re.compile(r"(?:19|20)\d\d")
# "RAV4", "PAC12": three capitals shaped like a word (consonant, vowel, consonant) glued to a
# small number are said as a word, "Rav four"; "MX5", "GT3" stay letters
_WORD_MODEL = re.compile(r"\b(?P<word>[B-DF-HJ-NP-TV-Z][AEIOU][B-DF-HJ-NP-TV-Z])(?=\d{1,2}\b)")


def _code_number(m: re.Match[str]) -> str:
    """A model number after a code: three digits in pairs, more digit by digit; a year (as in
    "COVID-2019") is left to the year reader."""
    number = m["number"]
    if len(number) == 3 and number[0] != "0":
        return f"{m['letters']} {pairs(number)}"
    if _YEARLIKE.fullmatch(number):
        return m[0]
    return f"{m['letters']} {digits(number)}"


def expand_models(text: str) -> str:
    """Model and house numbers read in pairs: "Boeing 737" -> "Boeing seven thirty seven",
    "A320" -> "A three twenty", "1428 Elm St." -> "fourteen twenty eight Elm St."; codes with a
    number: "BT-7274" -> "BT seven two seven four", "ID.3" -> "ID three"."""
    if "." in text:
        text = _DOTTED_MODEL.sub(r"\g<letters> \g<number>", text)
    if "-" in text:
        text = _CODE_NUMBER.sub(_code_number, text)
    text = _WORD_MODEL.sub(lambda m: m["word"].capitalize(), text)
    text = _HOUSE.sub(_house, text)
    text = _MODEL.sub(_model, text)
    return _GLUED_MODEL.sub(lambda m: f"{m['letters']} {pairs(m['number'])}", text)


_NUMBER_TOKEN = re.compile(
    rf"(?P<sign>(?<![\w.,)])[-−](?=[\d.]))?(?P<number>{NUMBER})(?P<glued>(?<=\d)[A-Za-z]+)?"
)
_ANY_DIGITS = re.compile(r"[0-9]+")
_VERSION = re.compile(r"(?<![\d.])\d+(?:\.\d+){2,}(?![\d]|\.\d)")
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def _number(m: re.Match[str]) -> str:
    text, start = m["number"], m.start("number")
    before = m.string[start - 1] if start else ""
    words = number(("-" if m["sign"] else "") + text)
    if before.isalpha():  # "SnO2", "B2": a label, not an amount
        words = " " + (digits(text) if len(text) > 3 else words)
    if m["glued"] == "s" and text.isdigit():  # "F-16s", "in their 30s": "sixteens", "thirties"
        return plural(words)
    if m["glued"]:
        words += " " + m["glued"]
    return words


def plural(words: str) -> str:
    """The plural of a number in words: "twenty five" -> "twenty fives", "sixty" -> "sixties"."""
    if words.endswith("y"):
        return words[:-1] + "ies"
    return words + ("es" if words.endswith("x") else "s")


def expand_numbers(text: str) -> str:
    """Read every number left by the other passes: cardinals, decimals, negatives."""
    if "." in text:  # a version, "iOS 17.4.1": "seventeen point four point one"
        text = _VERSION.sub(lambda m: " point ".join(map(integer, m[0].split("."))), text)
    return _NUMBER_TOKEN.sub(_number, text)


def spell_leftover_digits(text: str) -> str:
    """The last resort: any digit still in the text is read one by one."""
    return _ANY_DIGITS.sub(lambda m: f" {digits(m[0])} ", text)


def ascii_digits(text: str) -> str:
    """Turn digits of other scripts ("٣", "３") into ASCII digits so they are read, and
    European thousands ("1.000.000", "2 500 000" with thin spaces) into "1,000,000"."""
    if not text.isascii():
        text = _OTHER_DIGIT.sub(lambda m: str(int(m[0])), text)
        text = _THIN_GROUPS.sub(",", text)
    if "." in text:
        text = _DOTTED_THOUSANDS.sub(lambda m: m[0].replace(".", ","), text)
    return text
