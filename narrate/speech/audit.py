"""A listener's check on a spoken script, without gold: what will the voice say oddly?

The voice is asked how it would say each word, with its own phonemizer (espeak-ng, as Piper
runs it), and a word is flagged when the voice

- spells it letter by letter although it is written as one word ("Vs" in "S U Vs", a word in
  Greek, Cyrillic or Japanese, whose letters it names one by one, "YES" in
  "The answer is YES!": espeak spells short words in capitals among lower-case ones); an
  initialism written in capitals ("NYSE", "iOS") is meant to be spelled, and is not flagged;
- reads a word in capitals that no dictionary knows as a word ("ICU" said "eye-coo"), unless
  the text also writes it in small letters and the voice says both alike ("LEGO", "Lego");
- names a symbol aloud ("asterisk", "tilde", "grinning face" for an emoji);
- still holds digits, or is (part of) a web address;
- and a segment is flagged when it is very long to say in one breath.

The figure that sums it up is flags per 1,000 spoken words. The checks are about kinds of
text, so they find the next kinds of slips on pages nobody labelled.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import StrEnum
from typing import Final

from narrate.errors import VoiceError
from narrate.model import Script, VoiceInfo
from narrate.textnorm.en.acronyms import is_english_word

LONG_SEGMENT_WORDS: Final = 80
"""A segment with more spoken words than this is flagged as one long breath."""
PER_WORDS: Final = 1000
_CONTEXT_WORDS: Final = 5


class FlagKind(StrEnum):
    """What kind of slip a flag points at."""

    SPELLED = "spelled"
    """A word the voice spells letter by letter."""
    CAPITALS = "capitals"
    """A word in capitals, unknown as a word, that the voice reads as a word."""
    SYMBOL = "symbol"
    """A symbol the voice names aloud."""
    DIGITS = "digits"
    """Digits left in the spoken text."""
    URL = "url"
    """A web address, or one read out piece by piece."""
    LONG = "long"
    """A very long segment."""


@dataclass(frozen=True)
class Flag:
    """One thing a listener would stumble on."""

    kind: FlagKind
    item: str
    """The word, symbol or phrase flagged."""
    segment: int
    """Index of the segment it is in."""


@dataclass(frozen=True)
class AuditReport:
    """The flags found in a script, and how many words it says."""

    words: int
    flags: tuple[Flag, ...] = field(default=())

    @property
    def per_thousand(self) -> float:
        """Flags per 1,000 spoken words."""
        return PER_WORDS * len(self.flags) / self.words if self.words else 0.0

    def by_kind(self) -> dict[FlagKind, list[str]]:
        """The flagged items of each kind, most frequent first, each once."""
        counts: dict[FlagKind, Counter[str]] = {}
        for flag in self.flags:
            counts.setdefault(flag.kind, Counter())[flag.item] += 1
        return {kind: [item for item, _ in c.most_common()] for kind, c in counts.items()}

    def merged(self, other: AuditReport) -> AuditReport:
        """Two reports as one (segment indexes are kept as they were)."""
        return AuditReport(self.words + other.words, self.flags + other.flags)


_STRESS = str.maketrans("", "", "ˈˌʲ ")
_EDGE_PUNCT: Final = "\"'“”‘’«»()[]{},.;:!?—–-…"
_LETTERS = re.compile(r"[^\W\d_]{2,}")  # letters of any alphabet
_CAPITALS = re.compile(r"[A-Z]{2,6}")
_PLURAL_LETTERS = re.compile(r"[A-Za-z]*[A-Z]s")
_LONGEST_INITIALISM: Final = 5
_SAME_LETTERS: Final = 0.9
_SHORTEST_SHARED_WORD: Final = 4
_URLISH = re.compile(
    r"(?i)^(?:https?:|ftp:|www\.)|://|\w\.(?:com|org|net|gov|edu|io|ly|co|uk|de)(?:/|$)"
)
_READ_ADDRESS = re.compile(
    r"(?i)\bcolon slash slash\b|\bW W W dot\b|\bslash \w+ slash\b|\b(?:dot|slash) \w{1,3} slash\b"
)
_DIGIT = re.compile(r"\d")
# punctuation the voice treats as punctuation (a pause or nothing), not as a word
_QUIET: Final = frozenset(".,;:!?'\"“”‘’«»()[]{}—–-…")


class Listener:
    """Asks the voice's phonemizer how it says words; remembers every answer."""

    def __init__(self, espeak_voice: str = "en-us") -> None:
        try:
            from piper.phonemize_espeak import EspeakPhonemizer
        except ImportError as error:  # piper is a dependency; a broken install still says why
            raise VoiceError(f"cannot load the voice's phonemizer: {error}") from None
        self._espeak = EspeakPhonemizer()
        self.voice = espeak_voice
        self._said: dict[str, str] = {}
        self._letters = {c: self.phonemes(c) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}

    @classmethod
    def for_voice(cls, info: VoiceInfo) -> Listener:
        """The listener for a voice: its config names the espeak-ng voice it speaks with."""
        try:
            config = json.loads(info.config.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise VoiceError(f"cannot read voice config {info.config}: {error}") from None
        return cls(str(config.get("espeak", {}).get("voice", "en-us")))

    def phonemes(self, text: str) -> str:
        """What the voice says for text, without stress marks and spaces."""
        if text not in self._said:
            sentences = self._espeak.phonemize(self.voice, text)
            said = "".join("".join(s) for s in sentences)
            said = unicodedata.normalize("NFC", said).translate(_STRESS)
            self._said[text] = "".join(c for c in said if c not in _QUIET)
        return self._said[text]

    def spells(self, word: str, context: str = "") -> bool:
        """Whether the voice says word as its letters' names, alone or after context (in any
        alphabet: the English voice names Japanese, Greek or Cyrillic letters one by one)."""
        if not word.isascii():
            return self._names_letters(word)
        letters = "".join(self._letters[c] for c in word.upper())
        if self.phonemes(word) == letters:
            return True
        if not context or sum(c.isupper() for c in word) < 2:
            return False  # only words in capitals change with what comes before them
        return self.phonemes(f"{context} {word}") == self.phonemes(context) + letters

    def _names_letters(self, word: str) -> bool:
        """Whether the voice says a word of another alphabet as it says its letters one by one
        ("Japanese letter" three times for "すごい"; "epsilon lambda ..." for Greek), allowing
        for the small changes a letter's name takes inside a run."""
        said, named = self.phonemes(word), self.phonemes(" ".join(word))
        return said == named or SequenceMatcher(None, said, named).ratio() >= _SAME_LETTERS

    def names_symbols(self, token: str, symbols: str) -> bool:
        """Whether the voice says something for the symbols in token."""
        bare = "".join(c for c in token if c not in symbols)
        return self.phonemes(token) != self.phonemes(bare)


def _symbols(token: str) -> str:
    return "".join(c for c in token if not (c.isalnum() or c.isspace() or c in _QUIET or c in "'’"))


def _context(tokens: list[str], i: int) -> str:
    """The words before token i in its segment: espeak spells a short word in capitals after
    some words and not after others ("The answer is YES!")."""
    return " ".join(tokens[max(0, i - _CONTEXT_WORDS) : i]).strip(_EDGE_PUNCT)


def _segment_flags(
    listener: Listener, text: str, index: int, lower_words: frozenset[str] = frozenset()
) -> list[Flag]:
    flags: list[Flag] = []
    tokens = text.split()
    if len(tokens) > LONG_SEGMENT_WORDS:
        flags.append(Flag(FlagKind.LONG, f"{len(tokens)} words: {' '.join(tokens[:6])} ...", index))
    flags += [Flag(FlagKind.URL, m[0], index) for m in _READ_ADDRESS.finditer(text)]
    for i, raw in enumerate(tokens):
        token = raw.strip(_EDGE_PUNCT)
        if not token:
            continue
        if _URLISH.search(token):
            flags.append(Flag(FlagKind.URL, token, index))
            continue
        if _DIGIT.search(token):
            flags.append(Flag(FlagKind.DIGITS, token, index))
        symbols = _symbols(token)
        if symbols and listener.names_symbols(token, symbols):
            flags.append(Flag(FlagKind.SYMBOL, symbols, index))
        flags += _word_flags(listener, token, _context(tokens, i), index, lower_words)
    return flags


def _word_flags(
    listener: Listener, token: str, context: str, index: int, lower_words: frozenset[str]
) -> list[Flag]:
    word = token.removesuffix("'s").removesuffix("’s")
    if not _LETTERS.fullmatch(word):
        return []
    if listener.spells(word, context):
        return [] if _written_as_letters(word) else [Flag(FlagKind.SPELLED, token, index)]
    if (
        _CAPITALS.fullmatch(word)
        and not is_english_word(word)
        and not _used_as_word(listener, word, lower_words)
    ):
        return [Flag(FlagKind.CAPITALS, token, index)]
    return []


def _used_as_word(listener: Listener, word: str, lower_words: frozenset[str]) -> bool:
    """Whether a word in capitals is one the text also writes in small letters ("EUROPE" in a
    heading, "Europe" in the story), and the voice says both alike: it is that word. Short
    ones are left out: "US" and "us", "WHO" and "who" are not the same word."""
    return (
        len(word) >= _SHORTEST_SHARED_WORD
        and word.lower() in lower_words
        and listener.phonemes(word) == listener.phonemes(word.lower())
    )


def _lower_words(segments: list[str]) -> frozenset[str]:
    """The words the segments write with a small letter in them, in small letters."""
    return frozenset(
        token.lower()
        for text in segments
        for raw in text.split()
        if (token := raw.strip(_EDGE_PUNCT)).isalpha() and not token.isupper()
    )


def _written_as_letters(word: str) -> bool:
    """Whether spelling word is reading it as written: an initialism in capitals ("NYSE",
    "iOS", "PhD"), not a word ("YES") nor a plural whose "s" the voice would spell ("SUVs").
    A longer word all in capitals is more likely a word of a heading ("SYDNEY"), and stays
    flagged when the voice spells it."""
    return (
        sum(c.isupper() for c in word) >= 2
        and not (word.isupper() and len(word) > _LONGEST_INITIALISM)
        and not _PLURAL_LETTERS.fullmatch(word)
        and not is_english_word(word)
    )


def audit_spoken(spoken: Iterable[str], listener: Listener | None = None) -> AuditReport:
    """Flag what the voice will say oddly in these spoken segments."""
    listener = listener or Listener()
    segments = list(spoken)
    lower_words = _lower_words(segments)
    words = 0
    flags: list[Flag] = []
    for index, text in enumerate(segments):
        words += len(text.split())
        flags += _segment_flags(listener, text, index, lower_words)
    return AuditReport(words, tuple(flags))


def format_report(report: AuditReport, name: str = "", shown: int = 12) -> str:
    """A report for people: the rate, then each kind with its most frequent items."""
    head = f"{name}: " if name else ""
    lines = [
        f"{head}{len(report.flags)} flags in {report.words} words "
        f"({report.per_thousand:.1f} per 1,000)"
    ]
    for kind, items in sorted(report.by_kind().items()):
        count = sum(1 for f in report.flags if f.kind is kind)
        more = f" (+{len(items) - shown} more)" if len(items) > shown else ""
        lines.append(f"  {kind} {count}: " + " | ".join(items[:shown]) + more)
    return "\n".join(lines)


def audit_script(script: Script, info: VoiceInfo, name: str = "") -> str:
    """The report on a script, as heard with voice info's phonemizer."""
    report = audit_spoken((s.spoken for s in script.segments), Listener.for_voice(info))
    return format_report(report, name)
