"""Marks on a page that a narrator leaves unsaid, or says as a word.

Dropped: emoji (a narrator never says "slightly smiling face") and emoticons (":-)"), footnote
markers ("blue.[1]"), market instrument codes (".DJI", "XAU=", "US10YT=RR", "(AAPL.O)"), short
links ("bit.ly/3xYz", "t.co/AbC"), asterisks around a word for emphasis ("*really*") and a "#"
right after the word "hashtag". A bar between fields ("Ada Lind | Valley Town") is a pause.
Said: a party tag after a name ("Jane Roe (R)" -> "Jane Roe, Republican,"), a censored word by
its visible letters ("f---ing" -> "F-ing"), and words joined by a slash ("tea/coffee" -> "tea or
coffee", "up/down/left/right" -> "up, down, left or right", "w/o" -> "without").
"""

from __future__ import annotations

import re
from typing import Final

# Emoji and their joiners, skin tones, variation selectors and tag characters.
_EMOJI = re.compile(
    "(?:[\U0001f000-\U0001faff\U00002600-\U000027bf\U0001f1e6-\U0001f1ff\u2b50\u2b55\u2b1b"
    "\u2b1c\u231a\u231b\u23e9-\u23fa\u2934\u2935\u3030\u303d\U000e0020-\U000e007f]"
    "[\ufe0f\u200d\U0001f3fb-\U0001f3ff]*)+[\ufe0f\u200d]*"
)
# Emoticons standing alone: ":)", ";-)", ":-(", ":D", ":P" (not "8)", which numbers a list).
_EMOTICON = re.compile(r"\s?(?<!\S)[:;=][-'^o]?[()DPpOo3/\\|\[\]]{1,3}(?!\S)")
# A bar between words separates fields ("Ada Lind | Valley Town"): a pause.
_FIELD_BAR = re.compile(r"\s+[|¦]\s+")
_FOOTNOTE = re.compile(r"(?<=[\w.,;:!?\"'”’)])\[(?:\d{1,3}|[a-z]|citation needed|note \d+)\]")
# Reuters-style instrument codes: ".DJI", ".N225", "XAU=", "EUR=EBS", "US10YT=RR", "AAPL.O"
_CODE = (
    r"\.[A-Z][A-Z0-9]{1,6}(?![\w.])"
    r"|[A-Z][A-Z0-9]{1,9}=(?:[A-Z]{1,4})?(?![\w=])"
    r"|[A-Z]{1,6}\.(?:O|N|L|T|DE|PA|AS|MI|HK|SS|SZ|TO|AX|KS|OQ)(?![\w.])"
)
_BRACKETED_CODE = re.compile(rf"\s?\((?:{_CODE})(?:,\s?(?:{_CODE}))*\)")
_BARE_CODE = re.compile(
    r"(?<![\w.])(?:\.(?!NET\b)[A-Z][A-Z0-9]{1,6}(?![\w.])"
    r"|[A-Z][A-Z0-9]{1,9}=(?:[A-Z]{1,4})?(?![\w=]))"
)
_DOT_CAPITAL = re.compile(r"\.[A-Z]")
SHORTENERS: Final = frozenset({
    "bit.ly", "t.co", "tinyurl.com", "ow.ly", "buff.ly", "goo.gl", "dlvr.it", "trib.al",
    "lnkd.in", "youtu.be", "fb.me", "amzn.to", "is.gd", "shorturl.at", "rb.gy", "cutt.ly",
    "wp.me", "ift.tt", "tiny.cc", "bitly.com", "pic.twitter.com", "j.mp", "apne.ws", "nyti.ms",
    "reut.rs", "wapo.st", "cnn.it", "bbc.in", "on.ft.com", "politi.co", "hill.cm", "n.pr",
})  # fmt: skip
"""Hosts of short links: a narrator never reads them."""
_SHORT_LINK = re.compile(
    r"(?i)\s*(?:\b(?:at|via|here:?|see)\s)?(?:https?://)?(?<![\w.])(?:"
    + "|".join(re.escape(h) for h in sorted(SHORTENERS, key=len, reverse=True))
    + r")/[^\s<>\"'()]*[^\s<>\"'().,;:!?]"
)
# a letter or two, then a mask (three dashes, or two before "ing"; two stars or underscores),
# then maybe small letters: "f---ing", "s**t"; not "I--THE", a dash in a heading
_CENSORED = re.compile(
    r"\b(?P<head>[A-Za-z]{1,2})(?:-{3,}|--(?=ing\b)|\*{2,}|_{2,})(?P<tail>[a-z]*)\b(?![A-Z])"
)
_PARTY = re.compile(r"(?<=[A-Za-z.]) \((?P<party>[DRI])\)")
_PARTIES: Final = {"D": "Democrat", "R": "Republican", "I": "independent"}
_HASHTAG_TWICE = re.compile(r"(?i)(?<=\bhashtag )#(?=\w)")
_SLASH_PHRASES: Final = {
    "and/or": "and or", "w/o": "without", "w/": "with", "c/o": "care of", "n/a": "not applicable",
    "N/A": "not applicable", "a/c": "account", "A/C": "air conditioning", "b/c": "because",
}  # fmt: skip
_SLASH_PHRASE = re.compile(
    r"(?<![\w/])(?:" + "|".join(re.escape(k) for k in _SLASH_PHRASES) + r")(?![\w/])"
)
# words joined by slashes: "tea/coffee", "and/or", "he/she/they", "next/prev/first/last"
# (words of two letters or more, not after a number: "3 cc/s" is a unit per second)
_WORD_SLASH = re.compile(
    r"(?<![\w/.:])(?<!\d )([A-Za-z][a-z'’]+)(?:/([A-Za-z][a-z'’]+)){1,5}(?![\w/])"
)


def _censored(m: re.Match[str]) -> str:
    head, tail = m["head"], m["tail"]
    return f"{head.upper()}-{tail}" if tail else head.upper()


def _word_slash(m: re.Match[str]) -> str:
    """Two words are alternatives, "tea or coffee"; three are read with their slashes, and a
    longer chain is a list of alternatives, "north, south, east or west"."""
    *words, last = m[0].split("/")
    if len(words) == 2:
        return " slash ".join([*words, last])
    return ", ".join(words) + " or " + last


def drop_clutter(text: str) -> str:
    """Drop what a narrator leaves unsaid (short links, market codes, footnote marks, emoji),
    and read words joined by slashes."""
    if "/" in text:
        text = _SHORT_LINK.sub("", text)
    if "=" in text or "." in text:
        if "(" in text:
            text = _BRACKETED_CODE.sub("", text)
        if "=" in text or _DOT_CAPITAL.search(text):
            text = _BARE_CODE.sub("", text)
    if "[" in text:
        text = _FOOTNOTE.sub("", text)
    if "/" in text:  # before the number passes write "cents/hr"
        text = _SLASH_PHRASE.sub(lambda m: _SLASH_PHRASES[m[0]], text)
        text = _WORD_SLASH.sub(_word_slash, text)
    if not text.isascii():
        text = _EMOJI.sub("", text)
    if ":" in text or ";" in text or "=" in text:
        text = _EMOTICON.sub("", text)
    if "|" in text or "¦" in text:
        text = _FIELD_BAR.sub(", ", text)
    return text


def drop_unglued_codes(text: str) -> str:
    """Market codes that the number passes unglued from digits (".ISBN1" is ".ISBN one"): the
    same rule as drop_clutter's, once more, so that normalising twice changes nothing."""
    if _DOT_CAPITAL.search(text):
        text = _BARE_CODE.sub("", text)
    return text


def say_marks(text: str) -> str:
    """Say the marks a narrator says as words: party tags, censored words, and drop the
    asterisks and doubled hashes."""
    if "(" in text:
        text = _PARTY.sub(lambda m: f", {_PARTIES[m['party']]},", text)
    if "-" in text or "*" in text or "_" in text:
        text = _CENSORED.sub(_censored, text)
    if "*" in text:
        # the rest, emphasis, footnote stars, signatures: silent (between numbers it was
        # "times", read before this pass)
        text = text.replace("*", "")
    if "#" in text:
        text = _HASHTAG_TWICE.sub("", text)
    return text
