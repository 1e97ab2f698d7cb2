"""Acronyms: spelled as letters ("U.S." -> "U S", "FBI" -> "F B I") or read as words (NATO,
NASA, UNESCO), with a default for the unknown ones.

Word or acronym is decided, in this order, by narrate/data/acronyms.tsv (known acronyms and how
they are said: "ICICI" spelled, "JSON" said, "POSIX" respelled), by two dictionaries
(narrate.textnorm.en.wordlist: Webster's for English words, the CMU Pronouncing Dictionary for
names and for whether an acronym is spelled), and last by the word's shape (a pronounceable
one is said, the rest spelled).

Spelled letters are written one per word so espeak names each letter; "A" is written "Eh"
because espeak reads a lone "A" as the article. A plural or possessive keeps its letters and
takes "'s" ("SUVs" -> "S U V's"), which espeak says as one "-z" after the last letter.

Words in capitals that are English words ("The answer is YES!") and text written in capitals
(a heading, a run of capitals: "GET OUT and VOTE") are words: they are written in lower case,
because espeak spells a short word in capitals among lower-case ones. Short acronyms said as
words are written "Mi", as many newsrooms write them, for the same reason.
"""

from __future__ import annotations

import re
from typing import Final

from narrate.textnorm.en.abbreviations import STREETS, TITLES, starts_sentence
from narrate.textnorm.en.wordlist import (
    Acronym,
    Said,
    in_dictionary,
    known_acronym,
    known_word,
    said,
)

ENGLISH: Final = frozenset({
    "A", "ACT", "ADD", "AGE", "AGO", "AH", "AIM", "AIR", "ALL", "AN", "AND", "ANY", "ARE", "ART",
    "AS", "ASK", "AT", "BAD", "BAR", "BE", "BED", "BIG", "BIT", "BOT", "BOX", "BOY", "BUT", "BUY",
    "BY", "CAN", "CAR", "CAT", "COW", "CRY", "CUP", "CUT", "DAD", "DAY", "DEN", "DID", "DIE", "DO",
    "DOG", "DRY", "DUE", "EAR", "EAT", "EGG", "END", "ERA", "EYE", "FAN", "FAR", "FAT", "FEE",
    "FEW", "FIT", "FIX", "FLY", "FOR", "FOX", "FUN", "GAS", "GET", "GO", "GOD", "GOT", "GUN",
    "GUY", "HA", "HAD", "HAS", "HAT", "HE", "HER", "HIM", "HIS", "HIT", "HOT", "HOW", "I", "ICE",
    "IF", "ILL", "IN", "IS", "IT", "ITS", "JOB", "JOY", "KEY", "KID", "LAW", "LAY", "LEG", "LET",
    "LIE", "LIP", "LOT", "LOW", "MAN", "MAP", "MAY", "ME", "MEN", "MIX", "MY", "NET", "NEW", "NO",
    "NOR", "NOT", "NOW", "NUT", "ODD", "OF", "OFF", "OH", "OIL", "OK", "OLD", "ON", "ONE", "OR",
    "OUR", "OUT", "OWN", "PAY", "PEN", "PET", "PIE", "PIG", "PIN", "POT", "PUT", "RAN", "RAW",
    "RED", "RID", "ROW", "RUN", "SAD", "SAT", "SAW", "SAY", "SEA", "SEE", "SET", "SHE", "SIR",
    "SIT", "SIX", "SKY", "SO", "SON", "SPY", "SUN", "TAX", "TEA", "TEN", "THE", "TIE", "TIP", "TO",
    "TOE", "TON", "TOO", "TOP", "TOY", "TRY", "TWO", "UP", "USE", "WAR", "WAS", "WAY", "WE", "WET",
    "WHO", "WHY", "WIN", "WON", "YES", "YET", "YOU", "ZOO",
})  # fmt: skip
"""Common English words of three letters or fewer, which may appear in capitals for emphasis
("The answer is YES!"); longer words come from the dictionaries."""

_DOTTED = re.compile(r"(?<![a-z0-9_])(?<![A-Za-z]\.)(?P<letters>(?:[A-Z]\.)+[A-Z])(?!\w)\.?")
# "IQ.LIGHT", "ID.Buzz": capitals joined by a dot to a word, a product name; not an
# abbreviation, and the voice would say "dot"
_JOINED = re.compile(r"\b([A-Z]{2,})\.([A-Z][A-Za-z]+)\b")
_GAP = re.compile(r"[^\w]*(?:(?:AND|OF|THE|IN|ON|AT|TO|FOR|OR|and|of|the)[^\w]+)?")
# the plural or possessive: "SUVs", "CEO's", "TPG'S", "CEOs'" and "RMS'" (a bare apostrophe
# only after an S: "'FBI'" is a quotation, "O'NEILL" a name)
_CAPS = re.compile(
    r"(?<![\w.-])(?<!\w['’])(?P<word>[A-Z]{2,})"
    r"(?P<plural>s['’]?(?!\w)|['’][sS]|(?<=S)['’](?!\w))?(?!\w|['’]\w)"
)
_ONSETS = (
    "B", "BL", "BR", "C", "CH", "CL", "CR", "D", "DR", "F", "FL", "FR", "G", "GL", "GR", "H", "J",
    "GH", "GN", "K", "KL", "KN", "KR", "L", "M", "N", "P", "PH", "PL", "PR", "QU", "R", "S", "SC",
    "SCH",
    "SCR", "SH", "SK", "SL", "SM", "SN", "SP", "SPL", "SPR", "ST", "STR", "SW", "T", "TH", "THR",
    "TR", "TW", "V", "W", "WH", "WR", "Y", "Z",
)  # fmt: skip
"""Consonant clusters an English word can start with."""
_C = "[BCDFGHJKLMNPQRSTVWXZ]"
_ODD_VOWELS = re.compile(r"AA|II|UU|[AEIOU]{3}|[IU][AEIOU]|[AEIOU]Y[AEIOU]")
_CODA = re.compile(
    r"(?:[AEIOUY]|[AEIOUY](?:[BCDFGKLMNPRSTVXZ]|CK|LL|SS|NG|NK|NT|ND|ST|RT|RD|RN|RK|RM|LD|LT|LK|MP"
    r"|SK|SH|CH|TH|FT|PT|CT|RS|TS|NS|SP|LP|LF|LM|RB|RP|RF|RL|WN|WL|WS|GHT))$"
)
_PRONOUNCEABLE = re.compile(
    rf"^(?:{'|'.join(_ONSETS)})?[AEIOUY]+(?:{_C}{{1,3}}[AEIOUY]+)*{_C}{{0,3}}$"
)


def spell(letters: str) -> str:
    """Write letters so espeak names each one: "FBI" -> "F B I", "NSCAA" -> "N S C Eh Eh"."""
    return " ".join("Eh" if c == "A" else c for c in letters.upper())


def _in_capitals(text: str, matches: list[re.Match[str]], i: int) -> bool:
    """Whether the i-th word in capitals stands next to another one ("CHAPTER ONE", "MOSS AND
    GRAB") that is a word: text written in capitals, not acronyms."""
    for j in (i - 1, i + 1):
        if not 0 <= j < len(matches):
            continue
        first, second = sorted((matches[i], matches[j]), key=lambda m: m.start())
        if _word_like(matches[j]["word"]) and _GAP.fullmatch(text, first.end(), second.start()):
            return True
    return False


def english_word(word: str) -> bool:
    """An English word written in capitals. A large dictionary lists nearly every string of
    three letters as some rare word ("ai", "dos", "mod"), and three capitals among lower-case
    words are far more often an acronym: short words count only from ENGLISH."""
    return word in ENGLISH if len(word) <= 3 else in_dictionary(word)


def _word_like(word: str) -> bool:
    """A word in capitals said as a word among other capitals: an English word, a name, a
    known acronym said as a word, or an unknown but sayable one."""
    known = known_acronym(word)
    if known is not None and not english_word(word):
        return known.said != Acronym.LETTERS
    return _heading_english(word) or (len(word) > 3 and said(word) is Said.WORD) or sayable(word)


def _heading_english(word: str) -> bool:
    """An English word among other capitals, where words are likelier than acronyms: three
    letters count when Webster's lists them and the pronouncing dictionary does not spell them
    ("BAN", "JET", "OAF"); two letters only from ENGLISH (a dictionary's two-letter entries are
    mostly rare: "ai", "eu")."""
    if english_word(word):
        return True
    return len(word) == 3 and in_dictionary(word) and said(word) is not Said.LETTERS


def sayable(word: str) -> bool:
    """Whether an unknown word in capitals can be read as a word ("CARE") or must be spelled."""
    if len(word) <= 3 or not _PRONOUNCEABLE.match(word):
        return False
    if len(word) > 4:
        return True
    # a short word must look English: "STAT", "GRAB"; not "USSB", "DEFC", "MAAC", "IUCN"
    return word[0] not in "AEIOU" and not _ODD_VOWELS.search(word) and bool(_CODA.search(word))


def _dotted(m: re.Match[str]) -> str:
    raw = m["letters"]
    letters = raw.replace(".", "").replace(" ", "")
    ends = m[0].endswith(".") and starts_sentence(m.string[m.end() :])
    before = m.string[m.start() - 1 : m.start()]
    glued = m.string[m.end() : m.end() + 1].isalnum()
    spelled = spell(letters) + ("." if ends else "") + (" " if glued else "")
    return " " + spelled if before.isalnum() or before == "." else spelled


def _heading_word(m: re.Match[str]) -> str:
    """A word of text written in capitals: an English word is a word (in lower case, which
    espeak never spells), unless it is an acronym spelled even there ("US TROOPS LEAVE")."""
    word, plural = m["word"], (m["plural"] or "").lower()
    known = known_acronym(word)
    if known is not None and (known.in_capitals or not english_word(word)):
        return _say_known(known, word, plural)
    if _heading_english(word):
        return m[0].lower()
    if _word_like(word) or _title(word) or len(word) > 3:
        # a name ("SYDNEY"), an abbreviation a later pass reads ("ST"), or a longer word no
        # dictionary knows, left to the voice, which spells what it cannot say ("EMSCRIPTEN")
        return word + plural
    return _letters(word, plural)


def _say_known(known: Acronym, word: str, plural: str) -> str:
    if known.said == Acronym.LETTERS:
        return _letters(word, plural)
    if known.said == Acronym.WORD:  # "Mi": espeak spells two capitals among lower case
        return (word.capitalize() if len(word) <= 3 else word) + plural
    return known.said + plural


_REPEATS: Final = {3: "triple"}  # two letters are more often initials ("JJ", "ZZ Top")


def _letters(word: str, plural: str) -> str:
    """ "SUV" + "s" -> "S U V's": the plural and the possessive are said "-z" after a letter;
    one letter three times is "triple" it ("AAA" -> "triple Eh")."""
    if len(word) in _REPEATS and len(set(word)) == 1:
        return f"{_REPEATS[len(word)]} {spell(word[0])}" + ("'s" if plural else "")
    return spell(word) + ("'s" if plural else "")


def _caps(m: re.Match[str]) -> str:
    """A word in capitals among lower-case words: a known acronym as it is said; else capitals
    with a small "s" ("LEDs") and what no dictionary says as a word are spelled."""
    word, plural = m["word"], (m["plural"] or "").lower()
    known = known_acronym(word)
    if known is not None:
        return _say_known(known, word, plural)
    if plural == "s":
        return _letters(word, plural)
    if english_word(word):  # "The answer is YES!": lower case, or espeak spells it
        return word.lower() + plural
    if len(word) > 3 and said(word) is not Said.LETTERS and (known_word(word) or sayable(word)):
        return m[0]  # longer words in capitals espeak reads as words
    return _letters(word, plural)


# A news dateline: the place in capitals at the start of the story, then a dash, maybe with a
# region and an agency between ("KYIV, Ukraine (AP) —"). A narrator says the place as a name.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’-]+\.?(?: [A-Z][A-Z'’-]+){0,3})"
    r"(?=(?:, [A-Z][\w .'’-]{1,30})?(?: \([A-Za-z .]{1,12}\))? ?[—–-] )"
)


def _dateline(m: re.Match[str]) -> str:
    words = m["place"].split(" ")
    if any(_spelled(word) or (len(word) < 3 and not _title(word)) for word in words):
        return m[0]  # "UN —", "EU —": an organisation, not a place
    return " ".join(word.capitalize() for word in words)  # "ST. JOSEPH" -> "St. Joseph"


def _title(word: str) -> bool:
    """A title or street abbreviation in capitals ("ST", "MT"), which a later pass reads."""
    return word.rstrip(".").capitalize() in TITLES.keys() | STREETS.keys()


_NAME_BEFORE = re.compile(r"[A-Z][A-Za-z]* $")
_NAME_AFTER = re.compile(r"\. [A-Z][a-z]+")
_COMPANY_FORMS: Final = frozenset({"PLC", "AG", "SA", "NV", "LLC", "LP", "INC", "LTD", "SE", "AB"})


def _dot_inside_name(text: str, m: re.Match[str]) -> bool:
    """Short capitals with a full stop inside a capitalised name, as the sentence splitter
    reads them: a capitalised word before, one that does not start sentences after."""
    return (
        len(m["word"]) <= 4
        and not m["plural"]
        and m["word"] not in _COMPANY_FORMS
        and _NAME_AFTER.match(text, m.end()) is not None
        and _NAME_BEFORE.search(text, max(0, m.start() - 30), m.start()) is not None
        and not starts_sentence(text[m.end() + 1 : m.end() + 40])
    )


# A capital "A" inside a sentence, after a word and before a lower-case word or a stop, is the
# letter ("Plan A failed", "in Group A.", "an A in maths"); the article there is written "a".
# Before a capital it may be a title's article ("How A Town Survived") and is left alone.
_LETTER_A = re.compile(r"(?<=[A-Za-z] )A(?=\s+[a-z]|\s*[.,;:!?)](?![A-Za-z])|$)")  # not "A.M."


def expand_acronyms(text: str) -> str:
    """Spell acronyms that are said letter by letter; leave the ones said as words."""
    text = _DATELINE.sub(_dateline, text, count=1)
    if "A" in text:
        text = _LETTER_A.sub("Eh", text)
    if "." in text:
        text = _JOINED.sub(r"\1 \2", text)
    text = _DOTTED.sub(_dotted, text)
    matches = list(_CAPS.finditer(text))
    if not matches:
        return text
    parts, last = [], 0
    all_capitals = _all_capitals(text)
    for i, m in enumerate(matches):
        # text written in capitals ("THE GHOST TOWN", "GET OUT and VOTE") is words
        heading = all_capitals or _in_capitals(text, matches, i)
        parts += [text[last : m.start()], _heading_word(m) if heading else _caps(m)]
        last = m.end()
        if _dot_inside_name(text, m):
            last += 1  # "the VW ID. Space Vizzion": the full stop would end the sentence
    parts.append(text[last:])
    return "".join(parts)


def _spelled(word: str) -> bool:
    known = known_acronym(word)
    return known is not None and known.said == Acronym.LETTERS


_LOWER = re.compile(r"[a-z]")


def _all_capitals(text: str) -> bool:
    """A heading or a line written all in capitals, of two words or more."""
    return " " in text.strip() and _LOWER.search(text) is None


def is_english_word(word: str) -> bool:
    """Whether a word in capitals is said as a word: in a dictionary as a word, or a known
    acronym said as one (NATO, NASA)."""
    upper = word.upper()
    known = known_acronym(upper)
    if known is not None:
        return known.said != Acronym.LETTERS
    if upper in ENGLISH:
        return True
    return len(word) > 3 and said(upper) is not Said.LETTERS and known_word(word)
