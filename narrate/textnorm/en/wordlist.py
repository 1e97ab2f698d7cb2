"""A dictionary of English words, to tell a word written in capitals from an acronym.

"The answer is YES!" and "GET OUT and VOTE" are words; "ICU" and "DSP" are not in any
dictionary, so they are letters. The dictionary is Webster's Second (the english-words
package's "web2" list, 235,000 words), loaded the first time a word in capitals needs it;
inflected forms ("SPORTS", "VOTED", "BREAKING") count when their stem is listed.
"""

from __future__ import annotations

from functools import cache
from typing import Final

# Endings stripped to find a stem, longest first: "VOTED" -> "vot"+"e", "STOPPING" -> "stop".
_ENDINGS: Final = ("ing", "ies", "ed", "es", "er", "s", "d")


@cache
def _words() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2"], lower=True))


def in_dictionary(word: str) -> bool:
    """Whether word, in any case, is an English word or a regular inflection of one."""
    lower = word.lower()
    words = _words()
    if lower in words or (lower.endswith("our") and lower[:-3] + "or" in words):  # "COLOUR"
        return True
    for ending in _ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= 2:
            stem = lower[: -len(ending)]
            if stem + "e" in words or (len(stem) >= 3 and (stem in words or stem + "y" in words)):
                return True
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in words:  # "STOPPING"
                return True
    return False
