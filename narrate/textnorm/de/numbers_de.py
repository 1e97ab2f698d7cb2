"""German number words: cardinals, ordinals, fractions, decimals.

Written by hand rather than through num2words, which takes about 0.15 ms a number in German
(a tenth of that here). Numbers are written as words apart ("drei und zwanzig", "ein hundert"):
espeak-ng, which gives the Piper voices their phonemes, reads long number compounds with the
wrong vowel lengths and stress, and reads the parts apart as a narrator says them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from narrate.textnorm.rules import split_words

ONES: Final = split_words(
    "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn "
    "fünfzehn sechzehn siebzehn achtzehn neunzehn"
)
TENS: Final = split_words("_ _ zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig")
# (value, singular, plural), largest first
SCALES: Final = (
    (10**18, "Trillion", "Trillionen"),
    (10**15, "Billiarde", "Billiarden"),
    (10**12, "Billion", "Billionen"),
    (10**9, "Milliarde", "Milliarden"),
    (10**6, "Million", "Millionen"),
)
# ordinals that are not the cardinal + "te" / "ste"
_ORDINAL_STEMS: Final = {1: "ers", 3: "drit", 7: "sieb", 8: "ach"}


def _below_hundred(n: int, final: bool) -> list[str]:
    if n < 20:
        return ["ein" if n == 1 and not final else ONES[n]]
    tens, ones = divmod(n, 10)
    if not ones:
        return [TENS[tens]]
    return ["ein" if ones == 1 else ONES[ones], "und", TENS[tens]]


def _below_thousand(n: int, final: bool) -> list[str]:
    hundreds, rest = divmod(n, 100)
    words = ["ein" if hundreds == 1 else ONES[hundreds], "hundert"] if hundreds else []
    return words + (_below_hundred(rest, final) if rest else [])


@lru_cache(maxsize=4096)
def cardinal(n: int) -> str:
    """1 -> "eins", 1126 -> "ein tausend ein hundert sechs und zwanzig"."""
    if n < 0:
        return "minus " + cardinal(-n)
    if n == 0:
        return "null"
    words: list[str] = []
    for value, one, many in SCALES:
        count, n = divmod(n, value)
        if count:
            words += ["eine", one] if count == 1 else [cardinal(count), many]
    thousands, rest = divmod(n, 1000)
    if thousands:
        words += [*_below_thousand(thousands, False), "tausend"]
    if rest:
        words += _below_thousand(rest, True)
    return " ".join(words)


def before_noun(n: int, feminine: bool = False) -> str:
    """The number before a noun: "ein Euro", "eine Stunde" (the counting "eins" loses its s)."""
    if n == 1:
        return "eine" if feminine else "ein"
    words = cardinal(n)
    return words[:-1] if words.endswith(" eins") else words


def ordinal_stem(n: int) -> str:
    """The ordinal without its ending: 3 -> "drit", 21 -> "ein und zwanzigs", 100 -> "hunderts"."""
    if n in _ORDINAL_STEMS:
        return _ORDINAL_STEMS[n]
    last = n % 100
    if 0 < last < 20 and n >= 100 and last in _ORDINAL_STEMS:
        return cardinal(n - last) + " " + _ORDINAL_STEMS[last]
    words = cardinal(n)
    if words.endswith("eins"):
        words = words[:-1]
    return words + ("s" if last >= 20 or (last == 0 and n > 0) else "")


def ordinal(n: int, ending: str = "er") -> str:
    """3, "er" -> "dritter"; 21, "en" -> "ein und zwanzigsten"."""
    return ordinal_stem(n) + "t" + ending


def fraction(top: int, bottom: int) -> str:
    """1/2 -> "ein halb", 2/9 -> "zwei neuntel", 1/22 -> "ein zwei und zwanzigstel"."""
    count = before_noun(top)
    if bottom == 2:
        return f"{count} halb" if top == 1 else f"{count} halbe"
    return f"{count} {ordinal_stem(bottom)}tel"


def decimal(whole: str, digits: str) -> str:
    """ "60", "24" -> "sechzig Komma zwei vier": the digits after the comma one by one."""
    return f"{cardinal(int(whole))} Komma " + " ".join(ONES[int(d)] for d in digits)


def year(n: int) -> str:
    """1989 -> "neunzehn hundert neun und achtzig"; 2003 -> "zwei tausend drei"."""
    if 1100 <= n < 2000:
        century, rest = divmod(n, 100)
        return f"{cardinal(century)} hundert" + (f" {cardinal(rest)}" if rest else "")
    return cardinal(n)
