"""One name, one reading: a name said the same way all through a story.

The normaliser reads each segment on its own, and the context changes how it reads a name: an
acronym among the capitals of a heading, a model name at the end of a sentence ("the ID.3." is
"I D point three" there, "I D three" elsewhere). A listener hears two names. This pass looks at
the whole script: a name-like token (a word in capitals that is no English word, or letters
with digits: "NYCHA", "RAV4", "ID.3") found in several segments and read two ways is read
everywhere as a plain sentence of running text reads it; a heading or a sentence end is the
context that tells least about a name.

A token is pinned by writing its reading in place of it and normalising the segment again
(normalising spoken words changes nothing), and only where that reading is then heard.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Final

from narrate.model import Segment, SegmentKind
from narrate.textnorm.en.acronyms import english_word

log = logging.getLogger(__name__)

Speak = Callable[[str], str]

# capitals ("NYCHA"), or letters with digits, maybe joined by a dot or a hyphen ("RAV4", "ID.3",
# "CX-5"), in prose: not inside a path or a setting ("/usr/SRC", "CDPATH="), nor beside a
# number, which reads it with the number ("0.15 EUR" is "fifteen cents")
_BEFORE_NAME: Final = r"(?<![\w.'’/-])(?<![0-9] )"
_AFTER_NAME: Final = r"(?![\w=/-]|\.\w| [0-9])"
_NAME: Final = re.compile(
    _BEFORE_NAME + r"(?:[A-Z]{2,}|[A-Za-z]*[A-Z][A-Za-z]*[.-]?[0-9][0-9A-Za-z]*)" + _AFTER_NAME
)
# a Roman numeral is read by its context, rightly: "King Henry IV" is "the Fourth", "IV" "Four"
_ROMAN: Final = re.compile(r"[IVXLCDM]+")
_CAPITALS: Final = re.compile(r"[A-Z]+")


def _names(text: str) -> list[str]:
    """The name-like tokens of text, once for each time they occur."""
    return [
        name
        for name in _NAME.findall(text)
        if not _CAPITALS.fullmatch(name)
        or not (english_word(name) or _ROMAN.fullmatch(name))  # "IT" in "HOW WE DID IT"
    ]


_BEFORE: Final = "We saw the "
_AFTER: Final = " there."


def _in_running_text(name: str, speak: Speak) -> str:
    """How a sentence of plain prose reads name: "The CX-5" is "C X-five", while "CX-5" on
    its own could be a Roman numeral."""
    said = speak(f"{_BEFORE}{name}{_AFTER}")
    if said.startswith(_BEFORE) and said.endswith(_AFTER):
        return said[len(_BEFORE) : -len(_AFTER)].strip()
    return speak(name).strip(" .")


def _times_heard(spoken: str, reading: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(reading)}(?!\w)", spoken))


def one_reading_per_name(
    segments: Sequence[Segment], speak: Speak, source: Callable[[Segment], str]
) -> list[Segment]:
    """The segments, with each name read as in running text wherever the story reads it two
    ways.

    `source` gives the text a segment's spoken text was made from (a heading with its full
    stop added), so that it can be normalised again with the name pinned.
    """
    found: dict[str, Counter[int]] = {}  # name -> how often in each segment
    for index, segment in enumerate(segments):
        if segment.kind is not SegmentKind.NOTE:
            for name in _names(segment.text):
                found.setdefault(name, Counter())[index] += 1
    pins: dict[int, dict[str, str]] = {}
    for name, places in found.items():
        if places.total() < 2:
            continue
        reading = _in_running_text(name, speak)
        heard = {i: _times_heard(segments[i].spoken, reading) for i in places}
        strays = [i for i in places if heard[i] < places[i]]
        if reading and strays and any(heard.values()):  # read two ways, one as in prose
            for index in strays:
                pins.setdefault(index, {})[name] = reading
    result = list(segments)
    for index, pinned in pins.items():
        spoken = speak(_pinned(source(result[index]), pinned))
        if all(_times_heard(spoken, reading) for reading in pinned.values()):
            log.debug("one reading: %r -> %r", result[index].spoken, spoken)
            result[index] = replace(result[index], spoken=spoken)
    return result


def _pinned(text: str, readings: dict[str, str]) -> str:
    names = sorted(readings, key=len, reverse=True)
    alternatives = "|".join(map(re.escape, names))
    pattern = re.compile(rf"{_BEFORE_NAME}(?:{alternatives}){_AFTER_NAME}")
    return pattern.sub(lambda m: readings[m[0]], text)
