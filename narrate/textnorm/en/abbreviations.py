"""Abbreviations, read by context and without their full stops.

"Dr. Smith" -> "Doctor Smith" but "Mulholland Dr." -> "Mulholland Drive"; "St. James St." ->
"Saint James Street"; "No. 3" -> "number 3"; "Lt. Col." -> "Lieutenant Colonel". The full stop
of an abbreviation is dropped so espeak does not end the sentence there, unless the
abbreviation itself ends the sentence.
"""

from __future__ import annotations

import re
from typing import Final

from narrate.textnorm.en.numbers import digits

# before a capitalised name
TITLES: Final = {
    "Mr": "Mister", "Mrs": "Mrs", "Ms": "Miz", "Messrs": "Messieurs", "Dr": "Doctor",
    "Prof": "Professor", "Gen": "General", "Lt": "Lieutenant", "Col": "Colonel",
    "Maj": "Major", "Capt": "Captain", "Cpt": "Captain", "Cmdr": "Commander", "Cdr": "Commander",
    "Sgt": "Sergeant", "Cpl": "Corporal", "Pvt": "Private", "Adm": "Admiral", "Brig": "Brigadier",
    "Gov": "Governor", "Sen": "Senator", "Rep": "Representative", "Reps": "Representatives",
    "Pres": "President", "Rev": "Reverend", "Revd": "Reverend", "Hon": "Honorable",
    "Fr": "Father", "Sr": "Sister", "Supt": "Superintendent", "Insp": "Inspector",
    "Det": "Detective", "Atty": "Attorney", "Amb": "Ambassador", "Sec": "Secretary",
    "Mt": "Mount", "Ft": "Fort", "St": "Saint", "Ste": "Sainte", "Pt": "Point", "Rt": "Right",
}  # fmt: skip
# after a name or a house number
STREETS: Final = {
    "St": "Street", "Dr": "Drive", "Ave": "Avenue", "Av": "Avenue", "Rd": "Road",
    "Blvd": "Boulevard", "Ln": "Lane", "Ct": "Court", "Pl": "Place", "Sq": "Square",
    "Hwy": "Highway", "Pkwy": "Parkway", "Ter": "Terrace", "Cres": "Crescent",
    "Mt": "Mount", "Jr": "Junior", "Sr": "Senior", "jr": "Junior", "ave": "Avenue",
    "hwy": "Highway", "blvd": "Boulevard", "pkwy": "Parkway",
}  # fmt: skip
# anywhere, with their full stop
ALWAYS: Final = {
    "Mr": "Mister", "Mrs": "Mrs", "Messrs": "Messieurs", "Hon": "Honorable",
    "vs": "versus", "etc": "et cetera", "approx": "approximately", "Inc": "Incorporated",
    "Ltd": "Limited", "Corp": "Corporation", "Bros": "Brothers", "Dept": "Department",
    "Univ": "University", "Assn": "Association", "Jan": "January", "Feb": "February",
    "Aug": "August", "Sept": "September", "Oct": "October", "Nov": "November", "Dec": "December",
    "Fig": "Figure", "fig": "figure", "Vol": "Volume", "vol": "volume", "Ch": "Chapter",
    "ch": "chapter", "Figs": "Figures", "pp": "pages", "esp": "especially", "govt": "government",
    "Govt": "Government", "cf": "compare", "ca": "circa", "Est": "Established", "min": "minutes",
    "hrs": "hours", "yrs": "years", "mins": "minutes", "secs": "seconds", "est": "estimated",
}  # fmt: skip
# before a number
BEFORE_NUMBER: Final = {
    "No": "number", "no": "number", "Nos": "numbers", "nos": "numbers", "NO": "number",
    "p": "page", "pp": "pages", "para": "paragraph", "art": "article", "Art": "Article",
    "vol": "volume", "Vol": "Volume", "VOL": "volume", "ch": "chapter", "Ch": "Chapter",
    "Fig": "Figure", "fig": "figure", "Ex": "Exhibit", "Sec": "Section", "sec": "section",
    "Op": "Opus", "op": "opus", "Rt": "Route", "Apt": "Apartment", "apt": "apartment",
    "Ste": "Suite", "Bldg": "Building", "Rm": "Room", "ext": "extension", "Ext": "extension",
}  # fmt: skip
_LATIN: Final = {
    "e.g.": "for example", "i.e.": "that is", "et al.": "et al", "a.k.a.": "also known as",
}  # fmt: skip
US_STATES: Final = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
    "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
    "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
    "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island",
    "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah",
    "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
    "WI": "Wisconsin", "WY": "Wyoming", "DC": "D C",
}  # fmt: skip
"""Postal codes of US states, read in full after a city: "Austin, TX" -> "Austin, Texas"."""
AP_STATES: Final = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California",
    "Colo": "Colorado", "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida",
    "Ga": "Georgia", "Ill": "Illinois", "Ind": "Indiana", "Kan": "Kansas", "Kans": "Kansas",
    "Ky": "Kentucky", "La": "Louisiana", "Md": "Maryland", "Mass": "Massachusetts",
    "Mich": "Michigan", "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri",
    "Mont": "Montana", "Neb": "Nebraska", "Nebr": "Nebraska", "Nev": "Nevada",
    "N.H": "New Hampshire", "N.J": "New Jersey", "N.M": "New Mexico", "N.Y": "New York",
    "N.C": "North Carolina", "N.D": "North Dakota", "Okla": "Oklahoma", "Ore": "Oregon",
    "Pa": "Pennsylvania", "R.I": "Rhode Island", "S.C": "South Carolina", "S.D": "South Dakota",
    "Tenn": "Tennessee", "Tex": "Texas", "Vt": "Vermont", "Va": "Virginia", "Wash": "Washington",
    "W.Va": "West Virginia", "Wis": "Wisconsin", "Wyo": "Wyoming",
}  # fmt: skip
"""AP style abbreviations of US states: "Tampa, Fla." -> "Tampa, Florida"."""
_AP_ALT = "|".join(re.escape(a) for a in sorted(AP_STATES, key=len, reverse=True))
_AP_STATE = re.compile(rf"(?<=[a-z], )(?P<abbr>{_AP_ALT})\.(?=[,;:)]|\s|$)")
_PARTIES: Final = {"D": "Democrat", "R": "Republican", "I": "independent"}
# "Sen. Jane Roe, D-Calif., said", "(R-TX)": party and state after a politician's name
_PARTY_STATE = re.compile(
    rf"(?:(?<=, )|(?<=\())(?P<party>[DRI])-(?:(?P<ap>{_AP_ALT})\.|(?P<code>{'|'.join(US_STATES)})\b"
    rf"|(?P<name>{'|'.join(sorted(set(US_STATES.values()) - {'D C'}, key=len, reverse=True))})\b)"
    r"(?=[,;:)]|\s|$)"
)
_STATE = re.compile(
    rf"(?<=[a-z], )(?P<code>{'|'.join(US_STATES)})"
    r"(?:(?P<zip>,?\s+\d{5})(?!\d)|\.?(?=[,;:)]|\s*$|\s+[A-Z]))"
)
_SENTENCE_STARTERS: Final = frozenset({
    "The", "A", "An", "It", "He", "She", "They", "We", "I", "In", "On", "At", "But", "And", "This",
    "That", "There", "These", "Those", "Then", "When", "If", "As", "After", "Before", "For",
    "From", "His", "Her", "Its", "Their", "Our", "My", "Your", "So", "Yet", "Or", "Nor", "Some",
    "Many", "Most", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
    "While", "Although", "Though", "Since", "Because", "However", "Meanwhile", "Today",
    "Yesterday", "Tomorrow", "Last", "Next", "Now", "What", "Who", "Why", "How", "Where", "Which",
})  # fmt: skip


def _initials(words: dict[str, str]) -> str:
    """A lookahead on the first letters, so the regex engine skips other positions quickly."""
    return f"(?=[{''.join(sorted({w[0] for w in words}))}])"


_TITLE = re.compile(
    rf"\b{_initials(TITLES)}(?P<abbr>{'|'.join(TITLES)})(?P<dot>\.)?(?P<space>\s+)"
    r"(?=(?P<next>[A-Z][\w'’-]*))"
)
# titles written without their full stop (British style: "Lt Col Smith", "Mt Everest"); not
# "Gen" ("Gen Z"), "Sec", "Det", "Sr" or "Fr", which are other words or abbreviations too
_UNDOTTED: Final = frozenset({
    "Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Revd", "Messrs", "Lt", "Col", "Maj", "Capt", "Sgt",
    "Cpl", "Pvt", "Brig", "Adm", "Cmdr", "Supt", "Mt", "Ft", "Rt", "Hon",
})  # fmt: skip
_STREET = re.compile(
    rf"(?P<prev>\b(?:[A-Z][\w'’-]*|\d+[A-Za-z]*)\s)(?P<abbr>{'|'.join(STREETS)})(?P<dot>\.)?"
    r"(?=\s*$|\s+\S|[,;:)])"
)
_ALWAYS = re.compile(rf"(?<![\w.]){_initials(ALWAYS)}(?P<abbr>{'|'.join(ALWAYS)})\.")
_BEFORE_NUMBER = re.compile(
    rf"(?<![\w.])(?P<abbr>{'|'.join(BEFORE_NUMBER)})(?:\.\s?|\s)(?=(?:\d|#))"
)
_DIGIT = re.compile(r"[0-9]")
_STREET_HINT = re.compile(rf"\b(?:{'|'.join(STREETS)})\b")
_LATIN_RE = re.compile("|".join(re.escape(k) for k in _LATIN))
_ETC = re.compile(r"\betc\b(?!\.)")
_VERSUS = re.compile(r"(?<=\s)(?:vs|v\.)(?=\s|$)")
_LOWER_TITLE = re.compile(r"\b(?P<abbr>dr|st)\.?\s(?=[A-Z])")


def starts_sentence(after: str) -> bool:
    """Whether the text after an abbreviation's full stop starts a new sentence."""
    after = after.lstrip()
    if not after:
        return True
    word = re.match(r"[\w'’]+", after)
    return word is not None and word[0] in _SENTENCE_STARTERS


def _title(m: re.Match[str]) -> str:
    abbr, following = m["abbr"], m["next"]
    if not m["dot"] and abbr not in _UNDOTTED and not _rank_general(m):
        return m[0]
    if m["dot"] and following in _SENTENCE_STARTERS and abbr in STREETS:
        return m[0]  # "on Elm St. The next day": left for the street rule
    if abbr in {"St", "Dr", "Mt", "Ft"} and not m["dot"] and following in _SENTENCE_STARTERS:
        return m[0]
    return f"{TITLES[abbr]}{m['space']}"


_RANK_BEFORE = re.compile(r"\b(?:Maj|Brig|Lt)\.? $")


def _rank_general(m: re.Match[str]) -> bool:
    """ "Maj Gen Ann Lee": after a rank, "Gen" is General (alone it may be "Gen Z")."""
    return m["abbr"] == "Gen" and _RANK_BEFORE.search(m.string, 0, m.start()) is not None


def _street(m: re.Match[str]) -> str:
    word = m["prev"] + STREETS[m["abbr"]]
    if m["dot"] and starts_sentence(m.string[m.end() :]):
        return word + "."
    return word


def _always(m: re.Match[str]) -> str:
    word = ALWAYS[m["abbr"]]
    return word + "." if starts_sentence(m.string[m.end() :]) else word


def _before_number(m: re.Match[str]) -> str:
    return BEFORE_NUMBER[m["abbr"]] + " "


def expand_number_words(text: str) -> str:
    """ "No. 3" -> "number 3", "p. 12" -> "page 12": abbreviations that announce a number."""
    return _BEFORE_NUMBER.sub(_before_number, text)


def expand_abbreviations(text: str) -> str:
    """Expand titles, street words and common abbreviations by their context."""
    text = expand_state_names(text)
    if any(latin in text for latin in _LATIN):
        text = _LATIN_RE.sub(lambda m: _LATIN[m[0]], text)
    if "." in text:
        text = _ALWAYS.sub(_always, text)
    text = _TITLE.sub(_title, text)
    if "dr" in text or "st" in text:
        text = _LOWER_TITLE.sub(lambda m: "doctor " if m["abbr"] == "dr" else "saint ", text)
    if _STREET_HINT.search(text):
        text = _STREET.sub(_street, text)
    if "etc" in text:
        text = _ETC.sub("et cetera", text)
    if " v" in text:
        text = _VERSUS.sub("versus", text)
    return text


def expand_states(text: str) -> str:
    """US states after a city, with their ZIP code: "Austin, TX 78701" -> "Austin, Texas seven
    eight seven zero one"."""
    return _STATE.sub(_state, text) if ", " in text else text


def expand_state_names(text: str) -> str:
    """AP abbreviations of states after a city, and party-state labels; run after the number
    and symbol passes, which may put a comma before them."""
    if "-" in text:
        text = _PARTY_STATE.sub(_party_state, text)
    return _AP_STATE.sub(_ap_state, text) if ", " in text else text


def _party_state(m: re.Match[str]) -> str:
    state = AP_STATES[m["ap"]] if m["ap"] else US_STATES[m["code"]] if m["code"] else m["name"]
    words = f"{_PARTIES[m['party']]} of {state}"
    return words + "." if m["ap"] and starts_sentence(m.string[m.end() :]) else words


def _ap_state(m: re.Match[str]) -> str:
    name = AP_STATES[m["abbr"]]
    return name + "." if starts_sentence(m.string[m.end() :]) else name


def _state(m: re.Match[str]) -> str:
    name = US_STATES[m["code"]]
    if m["zip"]:
        return f"{name}, {digits(m['zip'])}" if "," in m["zip"] else f"{name} {digits(m['zip'])}"
    return name + "." if m[0].endswith(".") else name
