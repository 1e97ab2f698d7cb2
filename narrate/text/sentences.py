"""Split article text into sentences, and over-long sentences into speakable pieces.

narrate speaks one sentence at a time, so a wrong split is an audible pause inside a phrase and
a missed split is one very long segment. The splitter is rule based and pure Python:

1. Paragraphs (blank-line separated) never share a sentence.
2. Inside a paragraph, forced breaks come first: a line that ends without final punctuation
   (heading, list item) before a capitalised line, bullets, runs of list markers ("a) ... b)"),
   and sentences glued without a space ("end.Next").
3. Every other candidate is final punctuation (".", "!", "?", ellipses) with its closing quotes,
   brackets and footnote marks, followed by white space. Whether it ends the sentence depends on
   the word before it (abbreviation, initial, unit, number) and the word after it (lower case,
   digit, typical sentence start). The word lists live in :mod:`narrate.text.wordlists`.

Every returned sentence is a stripped slice of the input, so joining them gives back the text
modulo white space.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Final

from narrate.text import wordlists as ab
from narrate.text.clauses import DEFAULT_MAX_CHARS, split_long

__all__ = ["DEFAULT_MAX_CHARS", "split_long", "split_sentences"]

_PARAGRAPH = re.compile(r"\n\s*\n")
_CANDIDATE = re.compile(
    r"(?P<term>[.!?‽…]+(?:[ ]?[.!?‽…])*)"  # final punctuation, spaced ellipses included
    r"(?P<close>(?:[\"'”’»)\]}`]|\[\d{1,3}(?:[–-]\d{1,3})?\])*)"  # quotes, brackets, [1]
    r"(?=\s|$)"
)
_TOKEN = re.compile(r"\s*(\S{1,100})")
_MAX_TOKEN: Final = 100  # how far back a word is looked for; keeps odd input linear
_GLUED = re.compile(r"[.!?](?=[A-Z][a-z])")
_GLUED_BEFORE = re.compile(r"[a-z]{2}|.\d")
_BULLETS: Final = "•●▪◦‣⁃∙■□►▸➢✓✔"
_BULLET = re.compile(rf"(?:^|(?<=\s))[{_BULLETS}]")
_NEWLINE_BULLET = re.compile(rf"[-*+–—](?=\s)|[{_BULLETS}]")
_INITIALISM = re.compile(r"(?:[A-Za-z]{1,3}\.)+[A-Za-z]{1,3}")
_BARE_MARKER = re.compile(r"\(?(?:\d{1,3}|[A-Za-z]|[ivxlc]{1,6}|[IVXLC]{1,6})\)?")
_NUMBER = re.compile(r"[$£€]?\d[\d.,:/]*")
_LETTERS = re.compile(r"[A-Za-z]+")

_OPENERS: Final = "\"'“‘«([{`¿¡*_"
_LONE_QUOTES: Final = frozenset({"'", '"', "''", "”", "’", "“", "‘", "``"})
_CLOSING_QUOTES: Final = frozenset("\"'”’»`")
_LINE_END_PUNCT: Final = frozenset(".!?‽…\"'”’»)]:;,")
_QUOTE_EDGE = re.compile(r"(?<!\w)['\"]|['\"](?!\w)")


# How the word before a period decides the break.
_REGULAR, _NEVER, _TITLE, _AMBIGUOUS, _TIME, _UNIT = range(6)


def split_sentences(text: str, language: str = "en") -> list[str]:
    """Split text into sentences; a blank line always ends a sentence.

    A line without final punctuation (a heading, a list item) is a sentence of its own when the
    next line starts with a capital or a bullet. Never raises; returns [] for blank text.
    `language` (a tag: "de", "es-MX") adds that language's abbreviations to the English rules.
    """
    sentences: list[str] = []
    for block in _PARAGRAPH.split(text):
        if block.strip():
            sentences.extend(_split_block(block))
    code = language.replace("_", "-").split("-")[0].lower()
    return _rejoin(sentences, code) if code in ab.NEVER_ENDS_BY_LANGUAGE else sentences


def _rejoin(sentences: list[str], code: str) -> list[str]:
    """Join back the sentences cut after another language's abbreviation or ordinal."""
    never, leads = ab.NEVER_ENDS_BY_LANGUAGE[code], ab.ORDINAL_LEADS_BY_LANGUAGE.get(code, ())
    joined: list[str] = []
    for sentence in sentences:
        words = joined[-1].rsplit(None, 2) if joined else []
        last = words[-1].lower().lstrip(_OPENERS) if words else ""
        before = words[-2].lower() if len(words) > 1 else ""
        nxt = sentence.split(None, 1)[0].lower().rstrip(".,") if sentence.strip() else ""
        ordinal = last[:-1].isdigit() and (before in leads or nxt in leads)
        if last.endswith(".") and (last[:-1] in never or ordinal):
            joined[-1] = f"{joined[-1]} {sentence}"
        else:
            joined.append(sentence)
    return joined


def _split_block(block: str) -> list[str]:
    forced = _forced_breaks(block)
    cuts: list[int] = []
    start = 0
    for m in _CANDIDATE.finditer(block):
        i = bisect.bisect_right(forced, m.start())
        if i and forced[i - 1] > start:
            start = forced[i - 1]
        cut = _decide(block, m, start)
        if cut > start:
            cuts.append(cut)
            start = cut
    bounds = sorted({0, len(block), *forced, *cuts})
    pieces = (block[a:b].strip() for a, b in itertools.pairwise(bounds))
    return [p for p in pieces if p]


# ----------------------------------------------------------------- forced breaks


def _forced_breaks(block: str) -> list[int]:
    # Cheap C-level scans gate the slower patterns; most paragraphs need none of them.
    breaks = [m.start() for m in _BULLET.finditer(block)] if _ANY_BULLET.search(block) else []
    if block.count(")") >= 2 or any(hint in block for hint in _DOT_LIST_HINTS):
        breaks.extend(_list_starts(block))
    if "\n" in block:
        breaks.extend(_line_breaks(block))
    for m in _GLUED.finditer(block):
        if _GLUED_BEFORE.search(block, m.start() - 2, m.start()) and _glued_is_break(
            block, m.start()
        ):
            breaks.append(m.end())
    return sorted(set(breaks))


_ANY_BULLET = re.compile(f"[{_BULLETS}]")
_DOT_LIST_HINTS: Final = ("1. ", "a. ", "i. ", "I. ")


_MARKER = re.compile(
    r"(?:^|(?<=\s))(?:\((?P<paren>\w{1,6})\)|(?P<bare>\w{1,6})(?P<suffix>\.\)|\)|\.))(?=\s)"
)
_ROMAN: Final = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _list_starts(block: str) -> list[int]:
    """Starts of list items in runs of consecutive markers: "a) .. b) ..", "(i) .. (ii) ..".

    Markers written "1." or "a." count only in a run that starts at 1 or "a", and capital
    letters never, since "A. B. Smith" and "p. 5." are more often initials and page numbers.
    """
    last: dict[tuple[str, str, bool], tuple[int, int, bool]] = {}
    starts: list[int] = []
    for m in _MARKER.finditer(block):
        label = m.group("paren") or m.group("bare")
        style = "()" if m.group("paren") else m.group("suffix")
        for system, value in _marker_values(label):
            if style == "." and system == "letter" and label.isupper():
                continue  # "A. Smith and B. Jones" are initials
            kind = (style, system, label[0].isupper())
            before = last.get(kind)
            chained = before is not None and before[0] == value - 1
            valid = chained and before is not None and before[2] if style == "." else chained
            if style == "." and block[m.end() : m.end() + 2].strip()[:1].islower():
                continue  # "for 1. above": a number, not an item
            if valid and before is not None:
                starts.extend((before[1], m.start()))
            last[kind] = (value, m.start(), value == 1 or valid)
    return starts


def _marker_values(label: str) -> list[tuple[str, int]]:
    if label.isdigit():
        return [("number", int(label))] if len(label) <= 3 else []
    values = []
    if len(label) == 1 and label.isalpha() and label.isascii():
        values.append(("letter", ord(label.lower()) - ord("a") + 1))
    lower = label.lower()
    if all(ch in _ROMAN for ch in lower):
        total = 0
        for ch, nxt in zip(lower, [*lower[1:], ""], strict=True):
            value = _ROMAN[ch]
            total += -value if nxt and _ROMAN[nxt] > value else value
        values.append(("roman", total))
    return values


def _line_breaks(block: str) -> list[int]:
    """Starts of lines that begin a sentence although the line before lacks final punctuation."""
    breaks = []
    pos = block.find("\n")
    while pos >= 0:
        before = block[max(0, pos - _MAX_TOKEN) : pos].rstrip()
        nm = _TOKEN.match(block, pos + 1)
        if before and nm is not None:
            first = nm.group(1)
            word = first.lstrip(_OPENERS)
            item = _NEWLINE_BULLET.match(block, nm.start(1)) or _BARE_MARKER.fullmatch(
                first.rstrip(".")
            )
            heading = before[-1] not in _LINE_END_PUNCT and word[:1].isupper()
            if item or heading:
                breaks.append(nm.start(1))
        pos = block.find("\n", pos + 1)
    return breaks


def _glued_is_break(block: str, dot: int) -> bool:
    """Is "word.Next" a sentence end written without a space (not a URL, e-mail or title)?"""
    left = _token_start(block, dot)
    nm = _TOKEN.match(block, dot)
    right = nm.end(1) if nm is not None else dot
    token = block[left:right]
    if "@" in token or "/" in token or "www." in token.lower():
        return False
    words = _LETTERS.findall(block[left:dot])
    return not words or _kind(words[-1], block, left) == _REGULAR


# ----------------------------------------------------------------- candidates


def _decide(block: str, m: re.Match[str], start: int) -> int:
    """Offset where the next sentence starts if candidate m ends a sentence, else -1."""
    term = m.group("term")
    t0 = m.start()
    nm = _TOKEN.match(block, m.end())
    if nm is None:
        return -1
    cut, nxt = nm.start(1), nm.group(1)
    if nxt in _LONE_QUOTES:
        after = _TOKEN.match(block, nm.end(1))
        if after is None:
            return -1
        if _lone_quote_closes(block, nm.end(1)):
            cut = after.start(1)
        nxt = after.group(1)
    word = nxt.lstrip(_OPENERS)
    first = word[:1]
    if not first or (first.islower() and not word[1:2].isupper()):
        return -1  # a lower-case word goes on the sentence, but "iPhone" may start one
    if m.group("close")[-1:] in _CLOSING_QUOTES and _attribution_follows(block, nm.start(1)):
        return -1  # '"Why not?" Smith asked.'
    if "!" in term or "?" in term or "‽" in term:
        return cut if first.isupper() or first.isdigit() else -1
    dots = term.count(".") + 3 * term.count("…")
    if dots >= 3:
        if term.replace(" ", "") == "..." and " " in term:
            return -1  # ". . ." is an omission inside a sentence
        return cut if first.isupper() and nxt[0] not in "([{" else -1
    if _BULLET.match(word):
        return cut
    if not (first.isalpha() or first.isdigit() or (first in "$£€" and word[1:2].isdigit())):
        return -1
    return cut if _period_ends(block, t0, start, word) else -1


def _attribution_follows(block: str, pos: int) -> bool:
    """Do one or two capitalised names and a speech verb follow ("Jane Doe said")?"""
    for i in range(3):
        nm = _TOKEN.match(block, pos)
        if nm is None:
            return False
        word = nm.group(1).rstrip(".,;:!?")
        if word in ab.SPEECH_VERBS:
            return i > 0
        if not word[:1].isupper() or word in ab.SENTENCE_STARTERS:
            return False
        pos = nm.end(1)
    return False


def _period_ends(block: str, t0: int, start: int, word: str) -> bool:
    """Does a period at t0, followed by word (capitalised or a number), end a sentence?"""
    end = t0
    while end > start and block[end - 1] in " \t'\"`":
        end -= 1  # a detached period or quote: "Mr . Robinson", "itself ' ."
    p0 = max(_token_start(block, end), start)
    prev = block[p0:end].lstrip(_OPENERS).rsplit("/", 1)[-1].rstrip("'\"”’)")
    if not prev:
        return True
    marker = prev.lstrip(_BULLETS)
    at_start = p0 - start <= 8 and not block[start:p0].strip(_BULLETS + " -*\t\n")
    if at_start and _BARE_MARKER.fullmatch(marker):
        return False  # "1. The first item": a list number at the start of the sentence
    key = prev.lower()
    if word[0].isdigit() or word[0] in "$£€":  # a number follows
        if key in ab.NUMBER_PREFIXES or (key in ab.MONTHS and prev[0].isupper()):
            return False
        if key in ab.NUMBER_PREFIXES_CAPITALIZED and prev[0].isupper():
            return False
        kind = _kind(prev, block, p0)
        return kind in (_REGULAR, _TIME)  # "at 7 p.m. 7 a.m. is", but "H.R. 1", "Co. 2"
    kind = _kind(prev, block, p0)
    if kind == _REGULAR and _inside_name(prev, block, p0, word):
        return False
    if kind in (_REGULAR, _UNIT):
        return True
    if kind == _NEVER:
        return False
    letters = _LETTERS.match(word)
    name = letters.group() if letters else ""
    if kind == _TITLE:
        return name in ab.PRONOUN_STARTERS  # "She is a Sgt. She yells." but "Dr. Smith"
    if kind == _TIME:
        if (name.isupper() and 2 <= len(name) <= 5) or name in ab.MONTH_AND_DAY_NAMES:
            return False  # "5 p.m. EST", "10 a.m. Monday"
        return not _fronted_time(block, start, p0)
    # ambiguous abbreviation or initial: break only before a typical sentence start
    if re.fullmatch(r"[A-Z]\.", word):
        return False  # another initial: "J. R. R. Tolkien"
    return name in ab.SENTENCE_STARTERS


_SHORT_CAPITALS = re.compile(r"[A-Z]{2,4}")


def _inside_name(prev: str, block: str, p0: int, word: str) -> bool:
    """Is "ID." in "the VW ID. Space Vizzion" an abbreviation inside a name: short capitals
    after a capitalised word, before a capitalised word that does not start sentences?"""
    if not _SHORT_CAPITALS.fullmatch(prev) or prev.lower() in ab.COMPANY_SUFFIXES:
        return False
    before = _word_before(block, p0)
    letters = _LETTERS.match(word)
    following = letters.group() if letters else ""
    return (
        before[:1].isupper()
        and before.isalpha()
        and following[:1].isupper()
        and following not in ab.SENTENCE_STARTERS
        and following not in ab.PRONOUN_STARTERS
    )


def _kind(prev: str, block: str, p0: int) -> int:
    key = prev.lower()
    capital = prev[0].isupper()
    if key in ab.CONTINUERS:
        return _NEVER
    if capital and key in ab.TITLES:
        return _TITLE
    if "." in key:
        if key in ab.TIME_ABBREVIATIONS:
            return _TIME
        if key in ab.DEGREES or not _INITIALISM.fullmatch(prev):
            return _REGULAR
        return _AMBIGUOUS
    if len(key) == 1 and key.isalpha():
        if prev == "I" and _word_before(block, p0)[:1].islower():
            return _REGULAR  # "you and I."
        return _AMBIGUOUS
    if key in ab.UNITS and _NUMBER.fullmatch(_word_before(block, p0)):
        return _UNIT
    if key in ab.GENERAL or key in ab.NUMBER_PREFIXES:
        return _AMBIGUOUS
    if capital and (
        key in ab.MONTHS
        or key in ab.WEEKDAYS
        or key in ab.STATES
        or key in ab.NUMBER_PREFIXES_CAPITALIZED
    ):
        return _AMBIGUOUS
    return _REGULAR


def _fronted_time(block: str, start: int, end: int) -> bool:
    """Is block[start:end] or its last clause short and opened like "At 5" or "In 44"?"""
    window = max(start, end - _MAX_TOKEN)
    before = block[window:end]
    colon = max(before.rfind(":"), before.rfind(";"))
    if colon < 0 and window > start:
        return False  # a long sentence: the time phrase is not fronted
    clause = before[colon + 1 :].split()
    return 0 < len(clause) <= 6 and clause[0].lower() in ab.TIME_OPENERS


def _token_start(block: str, end: int) -> int:
    """Start of the white-space delimited token that ends at end (looking back _MAX_TOKEN)."""
    lo = max(0, end - _MAX_TOKEN)
    found = max(block.rfind(" ", lo, end), block.rfind("\n", lo, end), block.rfind("\t", lo, end))
    return found + 1 if found >= 0 else lo


def _word_before(block: str, p0: int) -> str:
    i = p0
    while i > 0 and block[i - 1].isspace():
        i -= 1
    return block[_token_start(block, i) : i]


def _lone_quote_closes(block: str, after: int) -> bool:
    """Does a quote standing alone between spaces close the sentence before it?

    It opens the next sentence if the next quote mark in the text closes a quotation: one
    attached to the end of a word ("sir,'"), or one standing alone before a lower-case word
    ("boy? ' he said").
    """
    m = _QUOTE_EDGE.search(block, after)
    if m is None:
        return True
    i = m.start()
    if i + 1 < len(block) and block[i + 1].isalnum():
        return True  # the next quote opens a word: ours closed one
    if not block[i - 1].isspace():
        return False  # "sir,'" closes, so ours opened
    nm = _TOKEN.match(block, i + 1)
    return nm is None or not nm.group(1)[0].islower()
