"""French number words, from num2words: cardinals, ordinals, fractions, decimals."""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from num2words import num2words

FRACTIONS: Final = {2: "demi", 3: "tiers", 4: "quart"}


@lru_cache(maxsize=4096)
def cardinal(n: int) -> str:
    """83 -> "quatre-vingt-trois"; 21 -> "vingt et un"."""
    return str(num2words(n, lang="fr"))


def before_noun(n: int, feminine: bool = False) -> str:
    """ "un euro", "une heure", "vingt et une heures"."""
    words = cardinal(n)
    if feminine and (words == "un" or words.endswith((" un", "-un"))):
        return words + "e"
    return words


@lru_cache(maxsize=1024)
def ordinal(n: int, feminine: bool = False) -> str:
    """1 -> "premier" ("première"), 21 -> "vingt et unième", 10**9 -> "un milliardième"."""
    if n == 1:
        return "première" if feminine else "premier"
    return str(num2words(n, lang="fr", to="ordinal"))


def fraction(top: int, bottom: int) -> str:
    """1/2 -> "un demi", 1/3 -> "un tiers", 3/5 -> "trois cinquièmes"."""
    name = FRACTIONS.get(bottom) or ordinal(bottom)
    plural = top > 1 and not name.endswith(("s", "x"))
    return f"{cardinal(top)} {name}" + ("s" if plural else "")


def decimal(whole: str, digits: str) -> str:
    """ "818", "303" -> "huit cent dix-huit virgule trois cent trois"; "0", "05" -> "zéro virgule
    zéro cinq"."""
    zeros = len(digits) - len(digits.lstrip("0"))
    rest = digits.lstrip("0")
    spoken = ["zéro"] * zeros + ([cardinal(int(rest))] if rest else [])
    return f"{cardinal(int(whole))} virgule " + " ".join(spoken)
