"""Guessing a text's language from its commonest words, for pages that do not declare one.

Function words ("the", "der", "le", "і") make up a large share of any running text and differ
from language to language, so counting a handful per language tells news prose apart reliably
once it has a few sentences. A guess is made only when one language clearly leads; otherwise
the answer is "" (unknown), and narrate reads the text as English, as it always did.
"""

from __future__ import annotations

import re
from typing import Final

from narrate.textnorm.rules import split_words

_LISTS: Final = {
    code: frozenset(split_words(words))
    for code, words in {
        "en": "the and of to in is that for was with on are as it by this have from",
        "de": "der die und das nicht ist mit den von sich des auf für eine dem auch wird",
        "es": "el la de que y los del las por con una para se su al como más pero tras",
        "fr": "le la de les et des est une pour dans qui que sur pas du au aux avec",
        "it": "il che è per una non della con sono gli nel alla anche più",
        "pt": "o que do da em um para com não uma os no na mais foi",
        "nl": "het een van en is dat niet op te met voor zijn ook",
        "pl": "i w na nie z się że do to jest jak po od",
        "uk": "і й в на що не з та до як це за від його у але для після було року який яка ніж "
        "також щоб через вже які буде може її ще лише тому заявив зокрема",
        "ru": "и в не на что с по это как из к за он",
    }.items()
}
# a word in two lists ("de", "la", "que") tells nothing apart: only the others count
MARKERS: Final = {
    code: words - frozenset().union(*(other for key, other in _LISTS.items() if key != code))
    for code, words in _LISTS.items()
}
_WORD = re.compile(r"[^\W\d_]+")
MIN_HITS: Final = 5
LEAD: Final = 2.0
"""How many times the runner-up's count the first's must be."""


def guess_language(text: str, sample: int = 3000) -> str:
    """The language of a text ("de"), from its first `sample` characters; "" when unsure."""
    counts = dict.fromkeys(MARKERS, 0)
    for word in _WORD.findall(text[:sample].lower()):
        for code, markers in MARKERS.items():
            if word in markers:
                counts[code] += 1
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    (best, hits), (_, second) = ranked[0], ranked[1]
    return best if hits >= MIN_HITS and hits >= LEAD * second else ""
