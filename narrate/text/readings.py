"""One name, one reading: a name said the same way all through a story.

The normaliser reads each segment on its own, and the context changes how it reads a name: an
acronym among the capitals of a heading, a model name at the end of a sentence ("the ID.3." is
"I D point three" there, "I D three" elsewhere). A listener hears two names. This pass looks at
the whole script: a name-like token (a word in capitals that is no English word, or letters
with digits: "NYCHA", "RAV4", "ID.3") found in several segments and read two ways is read
everywhere as it is read on its own, which is how running text reads it; a heading or a
sentence end is the context that tells least about a name.

A token is pinned by writing its reading in place of it and normalising the segment again
(normalising spoken words changes nothing), and only where that reading is then heard.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Final

from narrate.model import Segment, SegmentKind
from narrate.textnorm.en.acronyms import english_word

log = logging.getLogger(__name__)

Speak = Callable[[str], str]

# capitals ("NYCHA"), or letters with digits, maybe joined by a dot ("RAV4", "ID.3", "A350"),
# in prose: not inside a path or a setting ("/usr/SRC", "CDPATH=")
_NAME: Final = re.compile(
    r"(?<![\w.'’/-])(?:[A-Z]{2,}|[A-Za-z]*[A-Z][A-Za-z]*\.?[0-9][0-9A-Za-z]*)(?![\w=/-]|\.\w)"
)
# a Roman numeral is read by its context, rightly: "King Henry IV" is "the Fourth", "IV" "Four"
_ROMAN: Final = re.compile(r"[IVXLCDM]+")
_CAPITALS: Final = re.compile(r"[A-Z]+")


def _names(text: str) -> set[str]:
    return {
        name
        for name in _NAME.findall(text)
        if not _CAPITALS.fullmatch(name)
        or not (english_word(name) or _ROMAN.fullmatch(name))  # "IT" in "HOW WE DID IT"
    }


def _heard(spoken: str, reading: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(reading)}(?!\w)", spoken) is not None


def one_reading_per_name(
    segments: Sequence[Segment], speak: Speak, source: Callable[[Segment], str]
) -> list[Segment]:
    """The segments, with each name read as on its own wherever the story reads it two ways.

    `source` gives the text a segment's spoken text was made from (a heading with its full
    stop added), so that it can be normalised again with the name pinned.
    """
    found: dict[str, list[int]] = {}
    for index, segment in enumerate(segments):
        if segment.kind is not SegmentKind.NOTE:
            for name in _names(segment.text):
                found.setdefault(name, []).append(index)
    pins: dict[int, dict[str, str]] = {}
    for name, places in found.items():
        if len(places) < 2:
            continue
        alone = speak(name).strip(" .")
        strays = [i for i in places if not _heard(segments[i].spoken, alone)]
        if alone and strays and len(strays) < len(places):  # read two ways, one of them alone
            for index in strays:
                pins.setdefault(index, {})[name] = alone
    result = list(segments)
    for index, pinned in pins.items():
        spoken = speak(_pinned(source(result[index]), pinned))
        if all(_heard(spoken, reading) for reading in pinned.values()):
            log.debug("one reading: %r -> %r", result[index].spoken, spoken)
            result[index] = replace(result[index], spoken=spoken)
    return result


def _pinned(text: str, readings: dict[str, str]) -> str:
    names = sorted(readings, key=len, reverse=True)
    alternatives = "|".join(map(re.escape, names))
    pattern = re.compile(rf"(?<![\w.'’/-])(?:{alternatives})(?![\w=/-]|\.\w)")
    return pattern.sub(lambda m: readings[m[0]], text)
