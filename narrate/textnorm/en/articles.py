"""The indefinite article agrees with what is said after it, not with what was written.

"a 8-year-old" is said "an eight-year-old", "a $80 fee" "an eighty dollar fee", "an 100-year
flood" "a one hundred year flood", "a FBI agent" "an F B I agent": the passes before this one
turn digits and acronyms into words, and only then is the first sound known.
"""

from __future__ import annotations

import re

# number words and spelled letters that start with a vowel sound: "eight", "eleven", "F", "S"
_VOWEL_START = r"(?:eight|eighteen|eighty|eleven)(?:\b|-)|(?:Eh|[EFHILMNORSX])\s[A-Z]\b"
_CONSONANT_START = (
    r"(?:one|two|three|four|five|six|seven|nine|ten|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|ninety|hundred"
    r"|thousand|million|billion)(?:\b|-)|[BCDGJKPQTUVWYZ]\s[A-Z]\b"
)
_A = re.compile(rf"\b(?P<a>[Aa]) (?={_VOWEL_START})")
_AN = re.compile(rf"\b(?P<a>[Aa])n (?={_CONSONANT_START})")


def agree_articles(text: str) -> str:
    """ "a eight" -> "an eight", "an one" -> "a one", "a F B I" -> "an F B I"."""
    if not ("a " in text or "A " in text or "an " in text or "An " in text):
        return text
    text = _A.sub(lambda m: m["a"] + "n ", text)
    return _AN.sub(lambda m: m["a"] + " ", text)
