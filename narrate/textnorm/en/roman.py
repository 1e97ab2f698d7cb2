"""Roman numerals, read by context.

After a sovereign's or pope's name a numeral is an ordinal with "the": "Henry VIII" -> "Henry
the Eighth", "Pope John Paul II" -> "Pope John Paul the Second". After a word that numbers
things it is a cardinal: "World War II" -> "World War Two", "Chapter IV" -> "Chapter Four".
Elsewhere a lone "I", "V" or "X" is left alone ("Sam and I", "vitamin C").
"""

from __future__ import annotations

import re
from typing import Final

from narrate.textnorm.en.numbers import cardinal, ordinal

_VALUES: Final = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_NUMERAL = r"(?=[MDCLXVI]+\b)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"

REGNAL_NAMES: Final = frozenset({
    "Henry", "Louis", "Charles", "Edward", "George", "William", "Elizabeth", "Richard", "James",
    "John", "Paul", "Pius", "Benedict", "Gregory", "Leo", "Innocent", "Clement", "Alexander",
    "Frederick", "Philip", "Peter", "Catherine", "Napoleon", "Ferdinand", "Victor", "Emmanuel",
    "Mary", "Anne", "Henri", "Francis", "Otto", "Ivan", "Nicholas", "Alfonso", "Carlos", "Felipe",
    "Gustav", "Gustavus", "Rama", "Ramesses", "Ramses", "Amenhotep", "Thutmose", "Ptolemy",
    "Antiochus", "Umberto", "Wilhelm", "Friedrich", "Karl", "Ludwig", "Sixtus", "Urban",
    "Boniface", "Honorius", "Celestine", "Martin", "Eugene", "Julius", "Adrian", "Hadrian",
    "Sergius", "Stephen", "Constantine", "Justinian", "Leopold", "Maximilian", "Rudolf",
    "Sigismund", "Casimir", "Haakon", "Olaf", "Harald", "Christian", "Frederik", "Magnus", "Eric",
    "Erik", "Valdemar", "Carol", "Baldwin", "Amadeus", "Conrad", "Robert", "David", "Malcolm",
    "Duncan", "Kenneth", "Edmund", "Ethelred", "Alfred", "Harold", "Matilda", "Victoria", "Mehmed",
    "Murad", "Selim", "Suleiman", "Mahmud", "Osman", "Pedro", "Manuel", "Sancho", "Jaime",
    "Fernando", "Isabella", "Joanna", "Juan", "Sebastian", "Lothair", "Pepin", "Childeric",
    "Clovis", "Dagobert", "Philippe", "Francois", "Jean", "Marie", "Antoine", "Sobieski",
    "Boleslaw", "Wladyslaw", "Mieszko", "Vasily", "Dmitry", "Fyodor", "Boris", "Michael", "Andrew",
    "Bela", "Ladislaus", "Mstislav", "Yaroslav", "Vladimir", "Sviatoslav", "Tiglath",
    "Shalmaneser", "Sargon", "Darius", "Xerxes", "Artaxerxes", "Cyrus", "Ashurnasirpal",
    "Nebuchadnezzar", "Seti", "Hatshepsut", "Cleopatra", "Abbas", "Ismail", "Tahmasp", "Reza",
    "Elagabalus", "Theodosius", "Valentinian", "Romanus", "Basil", "Alexios", "Andronikos",
    "Ioannis", "Akihito", "Hirohito", "Jr", "Junior", "Sr", "Senior", "Bonaparte", "Xavier",
    "Alexandra",
})  # fmt: skip
"""Names after which a Roman numeral is a regnal ordinal."""
COUNTING_WORDS: Final = frozenset({
    "War", "Chapter", "Part", "Volume", "Vol", "Book", "Act", "Scene", "Phase", "Type", "Class",
    "Section", "Article", "Title", "Schedule", "Appendix", "Bowl", "Apollo", "Saturn", "Council",
    "Episode", "Level", "Grade", "Stage", "Category", "Division", "Corps", "Formula", "Mark", "Mk",
    "Series", "Block", "Unit", "Model", "Version", "Round", "Tier", "Group", "League", "Liga",
    "Symphony", "Psalm", "Canto", "Item", "Annex", "Form", "Band", "Rocket", "Plan", "Region",
    "District", "Army", "Fleet", "Legion", "Olympiad", "Congress", "Dynasty", "Republic", "Empire",
    "Reich", "Gallery", "Lot", "Case", "Figure", "Fig", "Table", "Plate", "Vatican", "Mission",
    "Generation", "Gen", "Programme", "Program", "Step", "Question", "Letter", "Story", "Lecture",
    "Song", "Study", "Chap", "Corollary", "Lesson", "Stanza", "Proposition", "Theorem", "Lemma",
    "Rule", "Sect", "Sec", "Epistle", "Sermon", "Hymn", "Ode", "Sonnet", "Essay", "Note",
    "Exercise", "Problem", "Example", "Period", "Session", "Convention", "Amendment", "Clause",
})  # fmt: skip
"""Words after which a Roman numeral is a cardinal."""

LOWER_COUNTING: Final = frozenset({
    "class", "type", "phase", "stage", "grade", "category", "chapter", "part", "volume", "act",
    "level", "division", "article", "title", "book", "tier", "schedule", "appendix", "section",
})  # fmt: skip
"""Counting words that also number in lower case ("class V", "type II"), but not before "I"."""

_ROMAN = re.compile(
    rf"\b(?P<before>(?P<word>[A-Z][a-z]+|[A-Z]{{3,}}|{'|'.join(LOWER_COUNTING)})\.?\s)(?P<numeral>{_NUMERAL})(?<=[MDCLXVI])\b"
    r"(?!\s(?:[A-Z]|Eh)\b)"
    r"(?P<dot>\.(?=\s[a-z,;]|[,;:'’]))?"
)
# a numbered heading: "II. THE WAR", "XIII: A FIGHT", "XII OF THE LOVE", "[VIII] Then", "XIX"
_LEADING = re.compile(
    rf"^(?P<space>\s*[\[(]?)(?P<numeral>{_NUMERAL})(?<=[MDCLXVI])"
    r"(?P<after>[.:]?(?=\s+[\"“‘'(]?[A-Z]|\s*$)|[.:\])](?=\s|$))"
)
_WORDLIKE: Final = frozenset({
    "MD", "DC", "CD", "MC", "CC", "DI", "MIX", "MI", "DL", "CV", "CI", "XL", "DIV", "LI", "MM",
})  # fmt: skip
_STANDALONE = re.compile(r"\b(?P<numeral>WWI{1,2})\b")
# "the XIX century", "XXI-century": a century is an ordinal
_CENTURY = re.compile(
    rf"\b(?P<numeral>{_NUMERAL})(?<=[XVI])(?P<joiner>[\s-])(?=[Cc]entur(?:y|ies)\b)"
)


def roman_value(numeral: str) -> int:
    """The value of a valid Roman numeral: "XIV" -> 14."""
    total = 0
    for i, letter in enumerate(numeral):
        value = _VALUES[letter]
        if i + 1 < len(numeral) and _VALUES[numeral[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


def _roman(m: re.Match[str]) -> str:
    word, numeral, before = m["word"], m["numeral"], m["before"]
    if word.isupper():  # "CHAPTER XII", "HENRY VIII": headings in capitals
        word = word.title()
        if word not in COUNTING_WORDS and word not in REGNAL_NAMES:
            return m[0]
        before = before.replace(m["word"], word)
    value = roman_value(numeral)
    if word in REGNAL_NAMES:
        if len(numeral) == 1 and numeral not in "IVX":
            return m[0]
        return f"{before}the {ordinal(value).title()}"
    if word in LOWER_COUNTING:
        return m[0] if numeral == "I" else f"{before}{cardinal(value)}"
    if word in COUNTING_WORDS:
        if numeral == "I" and word in {"Mark", "Form", "Case", "Band"}:
            return m[0]
        if len(numeral) == 1 and numeral not in "IVX":
            return m[0]  # "Group C", "Type D": a lone letter names, it does not count
        return f"{before}{cardinal(value).title()}"
    if len(numeral) > 1 and set(numeral) <= {"I", "V", "X"}:  # "Ramesses II", not "Meizu MX"
        if word in _NOT_NAMES:
            return m[0]  # "The XX chromosome", "In IV fluids": no name before the letters
        if _in_title(m):  # "Final Fantasy XV", "Rocky Balboa II": a sequel is counted
            return f"{m['before']}{cardinal(value).title()}"
        return f"{m['before']}the {ordinal(value).title()}"
    return m[0]


_NOT_NAMES: Final = frozenset({
    "The", "A", "An", "In", "On", "At", "Of", "For", "By", "With", "And", "Or", "To", "From",
    "This", "That", "Its", "His", "Her", "Their", "Our", "My", "Your", "No", "Via", "As",
})  # fmt: skip
ROYAL_TITLES: Final = frozenset({
    "King", "Queen", "Pope", "Emperor", "Empress", "Tsar", "Czar", "Tsarina", "Sultan", "Prince",
    "Princess", "Duke", "Duchess", "Pharaoh", "Shah", "Kaiser", "Emir", "Khan", "Count", "Lord",
    "Saint", "St", "Archduke", "Grand", "Holy", "Roman",
})  # fmt: skip
"""Titles before a sovereign's name: "King Mswati III" is "the Third"."""
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s$")


def _in_title(m: re.Match[str]) -> bool:
    """Whether the name before a numeral is the end of a capitalised title of two words or
    more, not a sovereign's ("King Mswati III")."""
    before = _WORD_BEFORE.search(m.string, max(0, m.start() - 30), m.start())
    return before is not None and before[1][0].isupper() and before[1] not in ROYAL_TITLES


def _world_war(m: re.Match[str]) -> str:
    return "World War One" if m["numeral"] == "WWI" else "World War Two"


# "MkII", "Mk. IV", "Mk4" (unglued by the number passes: "Mk four"): "Mark Two", "Mark Four"
_MARK = re.compile(
    r"\bMk\.?(?:\s?(?=[IVX]+\b)|\s(?=(?:one|two|three|four|five|six|seven|eight|nine|ten)\b))"
)


def expand_roman(text: str) -> str:
    """Read Roman numerals after names (ordinals) and after counting words (cardinals)."""
    text = _STANDALONE.sub(_world_war, text)
    if "Mk" in text:
        text = _MARK.sub("Mark ", text)
    if "entur" in text:
        text = _CENTURY.sub(lambda m: ordinal(roman_value(m["numeral"])) + m["joiner"], text)
    text = _LEADING.sub(_leading, text)
    return _ROMAN.sub(_roman, text)


def _leading(m: re.Match[str]) -> str:
    """A numbered heading: "II. THE WAR" -> "Two. THE WAR"."""
    numeral, after = m["numeral"], m["after"]
    if len(numeral) == 1 and (numeral not in "VX" or not after):
        return m[0]  # "I went", "I. M. Pei", "C Street"; but "V." or "X:" headings are numbers
    if numeral in _WORDLIKE:
        return m[0]
    return f"{m['space']}{cardinal(roman_value(numeral)).title()}{after}"
