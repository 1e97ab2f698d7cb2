"""Acronyms: spelled as letters ("U.S." -> "U S", "FBI" -> "F B I") or read as words (NATO,
NASA, UNESCO), with a default for the unknown ones.

Spelled letters are written one per word so espeak names each letter; "A" is written "Eh"
because espeak reads a lone "A" as the article. A plural or possessive keeps its letters and
takes "'s" ("SUVs" -> "S U V's"), which espeak says as one "-z" after the last letter.

Words in capitals that are English words (a dictionary decides: "The answer is YES!", "GET OUT
and VOTE") and text written all in capitals (headlines) are words: they are written in lower
case, because espeak spells a short word in capitals among lower-case ones. Acronyms said as
words are written "Nato", as many newsrooms write them, for the same reason.
"""

from __future__ import annotations

import re
from typing import Final

from narrate.textnorm.en.abbreviations import starts_sentence
from narrate.textnorm.en.wordlist import in_dictionary

AS_WORDS: Final = frozenset({
    "NATO", "NASA", "UNESCO", "UNICEF", "OPEC", "NAFTA", "FIFA", "UEFA", "AIDS", "COVID", "SARS",
    "MERS", "ASEAN", "OSHA", "FEMA", "NOAA", "DARPA", "CERN", "LASER", "RADAR", "SCUBA", "SONAR",
    "UNIX", "LINUX", "BASIC", "COBOL", "FORTRAN", "ISIS", "ISIL", "NASDAQ", "OFCOM", "OFSTED",
    "OFGEM", "ACAS", "INTERPOL", "EUROPOL", "FRONTEX", "CONCACAF", "CONMEBOL", "MERCOSUR", "SWIFT",
    "ESA", "WIPO", "GATT", "OPCW", "BRICS", "ECOWAS", "AUKUS", "ANZUS", "SEATO", "CENTCOM",
    "NORAD", "DEFCON", "MI", "SWAT", "GIF", "JPEG", "PIN", "RAM", "ROM", "NIMBY", "YOLO", "EFTA",
    "SALT", "START", "NEET", "CAPTCHA", "ZIP", "PAC", "SUNY", "CUNY", "HAMAS",
    "FATAH", "HEZBOLLAH", "TASS", "UNITA", "FRELIMO", "ZANU", "SWAPO", "ETA",
})  # fmt: skip
"""Acronyms read as words (not spelled)."""
AS_LETTERS: Final = frozenset({
    "US", "USA", "UK", "EU", "UN", "WHO", "FBI", "CIA", "NSA", "BBC", "CNN", "ITV", "NHS", "IMF",
    "WTO", "ICC", "ICJ", "GDP", "CEO", "CFO", "MP", "MPs", "PM", "OK", "TV", "PC", "IT", "AI",
    "UAE", "DRC", "CAR", "IRA", "PLO", "KGB", "FSB", "GRU", "SBU", "ID", "DNA", "RNA", "HIV",
    "UFO", "NFL", "NBA", "NHL", "MLB", "IOC", "IAEA", "OSCE", "MIT", "UCLA", "ANC", "LED", "SEC",
    "VIP", "ICE", "ICU", "SUV", "DSP", "EV", "EVs", "HQ", "PR", "HR", "RIP", "NGO", "GOP",
    "ERA", "AAA", "ATM", "LAN", "WAN", "MRI", "PhD", "FAQ", "PDF", "USB", "GPS", "DIY", "PE",
})  # fmt: skip
"""Acronyms always spelled, even when they look like words."""
ENGLISH: Final = frozenset({
    "A", "ABOUT", "ABOVE", "ACT", "ADD", "AFTER", "AGAIN", "AGE", "AGO", "AH", "AIM", "AIR", "ALL",
    "ALONE", "ALSO", "AN", "AND", "ANY", "APPENDIX", "ARE", "AREA", "ART", "AS", "ASK", "AT",
    "BACK", "BAD", "BAR", "BE", "BED", "BEEN", "BEING", "BEST", "BIG", "BIT", "BONES", "BOOK",
    "BOT", "BOX", "BOY", "BUT", "BUY", "BY", "CAN", "CAR", "CAT", "COAT", "CONCLUSION", "CONTENTS",
    "COULD", "COW", "CRY", "CUP", "CUT", "DAD", "DAY", "DEAD", "DEAR", "DEATH", "DEN", "DID",
    "DIE", "DIED", "DO", "DOG", "DOOR", "DOWN", "DRY", "DUE", "EACH", "EAR", "EAST", "EAT", "EGG",
    "END", "EVEN", "EVERY", "EYE", "FACE", "FACT", "FAN", "FAR", "FAT", "FEE", "FEEL", "FEW",
    "FIRE", "FIT", "FIX", "FLY", "FOOD", "FOR", "FORM", "FOX", "FREE", "FROM", "FUN", "GAS",
    "GAVE", "GET", "GIVE", "GO", "GOD", "GONE", "GOOD", "GOT", "GREAT", "GUN", "GUY", "HA", "HAD",
    "HALF", "HAND", "HARD", "HAS", "HAT", "HAVE", "HE", "HEAD", "HEAR", "HEART", "HELP", "HER",
    "HIGH", "HIM", "HIS", "HIT", "HOLD", "HOME", "HOPE", "HOT", "HOUR", "HOUSE", "HOW", "I", "ICE",
    "IDEA", "IF", "ILL", "IN", "INDEX", "INTO", "INTRODUCTION", "IS", "ITS", "JOB", "JOY", "JUST",
    "KEEP", "KEY", "KID", "KIND", "KING", "KNEW", "KNOW", "LADY", "LAND", "LAST", "LAW", "LAY",
    "LECTURE", "LEFT", "LEG", "LESS", "LET", "LETTER", "LIE", "LIFE", "LIKE", "LINE", "LIP",
    "LITTLE", "LIVE", "LONG", "LOOK", "LORD", "LOSE", "LOST", "LOT", "LOVE", "LOW", "MADE", "MAKE",
    "MAN", "MANY", "MAP", "MAY", "ME", "MEAN", "MEET", "MEN", "MIND", "MISS", "MIX", "MONEY",
    "MORE", "MOST", "MOVE", "MUCH", "MUST", "MY", "NAME", "NEAR", "NEED", "NET", "NEVER", "NEW",
    "NEWS", "NEXT", "NIGHT", "NO", "NONE", "NOR", "NORTH", "NOT", "NOTE", "NOTES", "NOW", "NUT",
    "ODD", "OF", "OFF", "OH", "OIL", "OK", "OLD", "ON", "ONCE", "ONE", "ONLY", "OPEN", "OR",
    "OTHER", "OUR", "OUT", "OVER", "OWN", "PAGE", "PART", "PAST", "PAY", "PEN", "PEOPLE", "PET",
    "PIE", "PIG", "PIN", "PLAN", "PLAY", "POOR", "POT", "PREFACE", "PUT", "RAN", "RAW", "READ",
    "REAL", "RED", "REST", "RID", "RISE", "ROAD", "ROOM", "ROW", "RUN", "SAD", "SAFE", "SAID",
    "SAME", "SAT", "SAW", "SAY", "SEA", "SEE", "SEEN", "SELF", "SEND", "SET", "SHE", "SHIP",
    "SHOT", "SHOULD", "SHOW", "SHUT", "SIDE", "SIGN", "SING", "SIR", "SIT", "SIX", "SIZE", "SKY",
    "SLOW", "SNOW", "SO", "SOFT", "SOME", "SON", "SONG", "SOON", "SOUL", "SOUTH", "SPY", "STAR",
    "STAY", "STEP", "STOMACH", "STOP", "STORY", "STUDY", "SUCH", "SUN", "SURE", "TAKE", "TALK",
    "TAX", "TEA", "TEAM", "TELL", "TEN", "TEXT", "THAN", "THAT", "THE", "THEIR", "THEM", "THEN",
    "THERE", "THESE", "THEY", "THIS", "THOSE", "THUS", "TIE", "TIME", "TIP", "TO", "TOE", "TOLD",
    "TON", "TOO", "TOOK", "TOP", "TOWN", "TOY", "TREE", "TRUE", "TRY", "TURN", "TWO", "UNDER",
    "UNIT", "UNTO", "UP", "UPON", "USE", "USED", "VERY", "VIEW", "VOTE", "WAIT", "WALK", "WANT",
    "WAR", "WARM", "WARS", "WAS", "WAY", "WE", "WEEK", "WELL", "WENT", "WERE", "WEST", "WET",
    "WHAT", "WHEN", "WHERE", "WHICH", "WHILE", "WHOM", "WHY", "WIDE", "WIFE", "WILD", "WILL",
    "WIN", "WIND", "WISH", "WITH", "WON", "WOOD", "WORD", "WORE", "WORK", "WORLD", "WOULD", "YARD",
    "YEAR", "YES", "YET", "YOU", "YOUR", "ZOO",
})  # fmt: skip
"""Ordinary English words that may appear in capitals for emphasis."""

_DOTTED = re.compile(r"(?<![a-z0-9_])(?<![A-Za-z]\.)(?P<letters>(?:[A-Z]\.)+[A-Z])(?!\w)\.?")
# "IQ.LIGHT": two words in capitals joined by a dot, a product name; not an abbreviation
_JOINED = re.compile(r"\b([A-Z]{2,})\.([A-Z]{2,})\b")
_GAP = re.compile(r"[^\w]*(?:(?:AND|OF|THE|IN|ON|AT|TO|FOR|OR|and|of|the)[^\w]+)?")
_CAPS = re.compile(r"(?<![\w'’.-])(?P<word>[A-Z]{2,})(?P<plural>s|['’]s)?(?![\w'’])")
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
    GRAB"), one of them not a known acronym: text written in capitals, not acronyms."""
    for j in (i - 1, i + 1):
        if not 0 <= j < len(matches):
            continue
        first, second = sorted((matches[i], matches[j]), key=lambda m: m.start())
        if _word_like(matches[j]["word"]) and _GAP.fullmatch(text, first.end(), second.start()):
            return True
    return False


def _word_like(word: str) -> bool:
    """A word in capitals that is never spelled: an English word or a sayable one."""
    return word not in AS_LETTERS and (word in ENGLISH or _listed(word) or sayable(word))


def _listed(word: str) -> bool:
    """In the dictionary; its short entries are mostly rare words ("ai", "dos", "lif"), so
    words of three letters or fewer count only from ENGLISH."""
    return len(word) > 3 and in_dictionary(word)


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
    """A word of a heading in capitals stays as written, but a short one is written in lower
    case: espeak spells a word of three capitals or fewer among words in lower case."""
    word = m["word"]
    return m[0].lower() if len(word) <= 3 and _word_like(word) else m[0]


_REPEATS: Final = {3: "triple"}  # two letters are more often initials ("JJ", "ZZ Top")


def _letters(word: str, plural: str) -> str:
    """ "SUV" + "s" -> "S U V's": the plural and the possessive are said "-z" after a letter;
    one letter three times is "triple" it ("AAA" -> "triple Eh")."""
    if len(word) in _REPEATS and len(set(word)) == 1:
        return f"{_REPEATS[len(word)]} {spell(word[0])}" + ("'s" if plural else "")
    return spell(word) + ("'s" if plural else "")


def _caps(m: re.Match[str]) -> str:
    word, plural = m["word"], m["plural"] or ""
    if word in AS_WORDS:
        return (word.capitalize() if len(word) <= 3 else word) + plural
    if plural == "s" or word in AS_LETTERS:  # "LEDs": capitals with a small "s" are letters
        return _letters(word, plural)
    if word in ENGLISH:  # "The answer is YES!": lower case, or espeak spells it
        return word.lower() + plural
    if _listed(word) or sayable(word):  # longer words in capitals espeak reads as words
        return m[0]
    return _letters(word, plural)


# A news dateline: the place in capitals at the start of the story, then a dash, maybe with a
# region and an agency between ("KYIV, Ukraine (AP) —"). A narrator says the place as a name.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,3})"
    r"(?=(?:, [A-Z][\w .'’-]{1,30})?(?: \([A-Za-z .]{1,12}\))? ?[—–-] )"
)


def _dateline(m: re.Match[str]) -> str:
    words = m["place"].split(" ")
    if any(word in AS_LETTERS or len(word) < 3 for word in words):
        return m[0]  # "UN —", "EU —": an organisation, not a place
    return " ".join(word.capitalize() for word in words)


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


def expand_acronyms(text: str) -> str:
    """Spell acronyms that are said letter by letter; leave the ones said as words."""
    text = _DATELINE.sub(_dateline, text, count=1)
    if "." in text:
        text = _JOINED.sub(r"\1 \2", text)
    text = _DOTTED.sub(_dotted, text)
    matches = list(_CAPS.finditer(text))
    if not matches:
        return text
    parts, last = [], 0
    for i, m in enumerate(matches):
        # a word in a heading written in capitals ("THE GHOST TOWN") stays as it is
        heading = _in_capitals(text, matches, i) and m["word"] not in AS_LETTERS
        said = _heading_word(m) if heading else _caps(m)
        parts += [text[last : m.start()], said]
        last = m.end()
        if _dot_inside_name(text, m):
            last += 1  # "the VW ID. Space Vizzion": the full stop would end the sentence
    parts.append(text[last:])
    return "".join(parts)


def is_english_word(word: str) -> bool:
    """Whether a word in capitals is said as a word: in the dictionary, or a known acronym that
    is said as one (NATO, NASA)."""
    upper = word.upper()
    if upper in AS_WORDS or upper in ENGLISH:
        return True
    # two-letter entries of a large dictionary are mostly rare words ("ai", "eu"): the short
    # words that matter are in ENGLISH
    return len(word) > 2 and upper not in AS_LETTERS and in_dictionary(word)
