"""English: written forms to what an American news narrator says.

    normalize("Dr. Smith paid $1.5bn on Jan. 10")
    -> "Doctor Smith paid one point five billion dollars on January tenth"

It is a fixed sequence of small regex passes, one module per semiotic class; each pass rewrites
the forms it is sure about and leaves the rest to the passes after it. The order matters:
addresses before dates, dates before phone numbers, money before ranges, ranges before
measures, and the general number reader last. The result holds no ASCII digits.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from narrate.speech.lexicon import Lexicon
from narrate.textnorm.en.abbreviations import (
    expand_abbreviations,
    expand_number_words,
    expand_states,
)
from narrate.textnorm.en.acronyms import expand_acronyms
from narrate.textnorm.en.alphabets import read_other_alphabets
from narrate.textnorm.en.articles import agree_articles
from narrate.textnorm.en.clutter import drop_clutter, drop_unglued_codes, say_marks
from narrate.textnorm.en.dates import expand_dates, expand_years
from narrate.textnorm.en.electronic import expand_electronic, expand_phones
from narrate.textnorm.en.measures import expand_measures, expand_per
from narrate.textnorm.en.money import expand_money
from narrate.textnorm.en.numbers import (
    ascii_digits,
    expand_models,
    expand_numbers,
    spell_leftover_digits,
)
from narrate.textnorm.en.ordinals import expand_fractions, expand_ordinals
from narrate.textnorm.en.ranges import expand_ranges
from narrate.textnorm.en.roman import expand_roman
from narrate.textnorm.en.symbols import ascii_marks, expand_math, expand_symbols, tidy
from narrate.textnorm.en.times import expand_times

__all__ = ["Lexicon", "normalize", "unspoken_tokens"]

Pass = Callable[[str], str]
_PASSES: Final[tuple[tuple[Pass, bool], ...]] = (
    # (pass, whether it needs a digit in the text to have anything to do)
    (ascii_digits, False),
    (ascii_marks, False),
    (read_other_alphabets, False),
    (tidy, False),
    (drop_clutter, False),
    (expand_electronic, False),
    (expand_states, False),
    (expand_dates, True),
    (expand_phones, True),
    (expand_money, True),
    (expand_math, True),
    (say_marks, False),
    (expand_ranges, True),
    (expand_times, True),
    (expand_measures, True),
    (expand_years, True),
    (expand_fractions, True),
    (expand_ordinals, True),
    (expand_number_words, True),
    (expand_models, True),
    (expand_numbers, True),
    (spell_leftover_digits, True),
    (drop_unglued_codes, False),
    (expand_per, False),
    (expand_symbols, False),
    (tidy, False),
    # word passes last, so they also see words the number passes unglued ("3pcs" -> "three pcs")
    (expand_roman, False),
    (expand_acronyms, False),
    (drop_unglued_codes, False),  # and what the acronym pass unglued (".PM.PM" -> ".PM P M")
    (expand_abbreviations, False),
    (agree_articles, False),
    (tidy, False),
)
_DIGIT = re.compile(r"[0-9]")
# Quotation marks of every language are pauses, not symbols: «guillemets», „low quotes".
_UNSPOKEN = re.compile(r"[0-9]|[^\w\s.,;:!?'’‘\"“”«»‹›„‚()\[\]{}—–-]")
_PHONEMES = re.compile(r"\[\[.*?\]\]")


def normalize(text: str) -> str:
    """Rewrite written forms (numbers, dates, money, abbreviations...) as spoken words."""
    for step, needs_digit in _PASSES:
        if needs_digit and not _DIGIT.search(text):
            continue
        text = step(text)
    return text


def unspoken_tokens(spoken: str) -> list[str]:
    """The tokens of normalised text that still hold digits or symbols (for warnings)."""
    spoken = _PHONEMES.sub(" ", spoken)
    return [token for token in spoken.split() if _UNSPOKEN.search(token)]
