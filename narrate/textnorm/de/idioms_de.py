"""German ways of saying numbers that are not dates: scores ("3:2"), decades ("1990er"), and
"ein"/"eine" for a "1" before a noun."""

from __future__ import annotations

import re
from typing import Final

from narrate.textnorm.de.numbers_de import cardinal, year
from narrate.textnorm.rules import split_words

# endings of feminine nouns ("-ung", "-heit", and most in "-e"), and common nouns in "-e" that
# are not feminine
FEMININE_ENDINGS: Final = (
    "ung",
    "heit",
    "keit",
    "schaft",
    "ion",
    "tät",
    "enz",
    "anz",
    "ik",
    "ei",
    "e",
)
NOT_FEMININE: Final = frozenset(
    split_words(
        """
        Name Junge Kunde Kollege Experte Zeuge Gedanke Glaube Wille Friede Käse Buchstabe Affe
        Löwe Hase Riese Franzose Grieche Russe Türke Pole Deutsche Auge Ende Erbe Gebäude
        Gemüse Interesse Image Finale Team Gebirge Getreide Kapitel
        """
    )
)


# common feminine nouns without those endings
FEMININE_WORDS: Final = frozenset(
    split_words(
        """
        Frau Person Nacht Stadt Hand Welt Zeit Mutter Tochter Schwester Art Zahl Wahl Bank Uhr
        Tür Kraft Macht Angst Arbeit Tat Form Kraft Milliarde Million Minute Woche
        """
    )
)


def feminine(noun: str) -> bool:
    """A guess from the noun's ending: "Stunde", "Zeitung" yes; "Mann", "Name", "Jahr" no."""
    if noun in FEMININE_WORDS:
        return True
    return noun not in NOT_FEMININE and noun.endswith(FEMININE_ENDINGS)


def _score(m: re.Match[str]) -> str:
    return f"{cardinal(int(m.group(1)))} zu {cardinal(int(m.group(2)))}"


def _decade(m: re.Match[str]) -> str:
    """ "1990er" -> "neunzehn hundert neunziger"."""
    return year(int(m.group(1))) + "er"


PATTERNS: Final = (
    # a score: one digit after the colon ("2:1"); "10:30" is a time
    (r"(?<![\d:.,])(\d{1,2}):(\d)(?![\d:])", _score),
    (r"(?<![\d.,])(1[0-9][0-9]0|20[0-9]0)er(?=[\s-]|$)", _decade),
    # "1" before a noun is "ein" or "eine" ("1 Mann", "1 Stunde"), never the counting "eins"
    (
        r"(?<![\d.,])1(?=\s+(?-i:(?P<noun>[A-ZÄÖÜ][a-zäöüß]+)))"
        r"(?!\s+(?:Mio|Mrd|Million|Milliard|Billion|Tsd))",
        lambda m: "eine" if feminine(m.group("noun")) else "ein",
    ),
)
