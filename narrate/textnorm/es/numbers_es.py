"""Spanish number words: cardinals from num2words, ordinals and fractions of our own.

num2words spells some Spanish ordinals wrongly ("cuadrigentésimo", "décimoprimero"), so the
ordinals follow the Real Academia's forms here: one word up to 29 ("decimosexto",
"vigesimoprimero"), words apart above ("trigésimo primero").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from num2words import num2words

from narrate.textnorm.rules import split_words

UNITS: Final = split_words("_ primero segundo tercero cuarto quinto sexto séptimo octavo noveno")
TENS: Final = split_words(
    "_ décimo vigésimo trigésimo cuadragésimo quincuagésimo sexagésimo septuagésimo "
    "octogésimo nonagésimo"
)
HUNDREDS: Final = split_words(
    "_ centésimo ducentésimo tricentésimo cuadringentésimo quingentésimo sexcentésimo "
    "septingentésimo octingentésimo noningentésimo"
)
# the fractions with a name of their own; above, "-avo" (onceavo) or the ordinal (centésimo)
FRACTIONS: Final = {2: "medio", 3: "tercio", 4: "cuarto", 5: "quinto", 6: "sexto",
                    7: "séptimo", 8: "octavo", 9: "noveno", 10: "décimo"}  # fmt: skip
_PLAIN: Final = str.maketrans("áéíóú", "aeiou")


# num2words writes "veintiuno mil", "treinta y uno millones": before "mil" and the scale
# words the number is an adjective, "veintiún mil", "treinta y un millones"
_APOCOPE: Final = re.compile(r"\b(veinti)?uno(?= (?:mil|millones|billones|trillones)\b)")


@lru_cache(maxsize=4096)
def cardinal(n: int) -> str:
    """21 -> "veintiuno", 81044 -> "ochenta y un mil cuarenta y cuatro"."""
    words = str(num2words(n, lang="es"))
    return _APOCOPE.sub(lambda m: "veintiún" if m.group(1) else "un", words)


def before_noun(n: int, feminine: bool = False) -> str:
    """The number before a noun: "un dólar", "veintiún euros", "una libra", "doscientas libras"."""
    words = cardinal(n).split()
    if feminine:  # only after the last "millones": "doscientos millones doscientas libras"
        scale = max((i for i, w in enumerate(words) if w.endswith(("llón", "llones"))), default=-1)
        words = [w[:-2] + "as" if i > scale and w.endswith("ientos") else w
                 for i, w in enumerate(words)]  # fmt: skip
    if words[-1].endswith("uno"):
        words[-1] = words[-1][:-1] + ("a" if feminine else "")
        if words[-1] == "veintiun" and not feminine:
            words[-1] = "veintiún"
    return " ".join(words)


def _below_thousand(n: int) -> list[str]:
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words = [HUNDREDS[hundreds]] if hundreds else []
    if 10 < rest < 30 and units:  # decimosexto, vigesimoprimero, decimoctavo
        stem = TENS[tens].translate(_PLAIN)
        words.append(stem + (UNITS[units][1:] if UNITS[units][0] == "o" else UNITS[units]))
    else:
        words += [TENS[tens]] if tens else []
        words += [UNITS[units]] if units else []
    return words


@lru_cache(maxsize=1024)
def ordinal(n: int, feminine: bool = False, short: bool = False) -> str:
    """21 -> "vigesimoprimero"; feminine "vigesimoprimera"; short (1.er) "primer", "tercer"."""
    thousands, rest = divmod(n, 1000)
    words = []
    if thousands:
        words.append(
            "milésimo" if thousands == 1 else cardinal(thousands).replace(" ", "") + "milésimo"
        )
    words += _below_thousand(rest)
    if feminine:
        words = [w[:-1] + "a" for w in words]
    elif short and words and words[-1].endswith(("primero", "tercero")):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _avo(bottom: int) -> str:
    """13 -> "treceavo", 21 -> "veintiunavo", 60 -> "sesentavo", 31 -> "treintaiunavo"."""
    words = cardinal(bottom).replace(" y ", "i").replace(" ", "")
    if words.endswith("uno"):
        return words[:-1] + "avo"
    if words.endswith("a"):
        return words[:-1] + "avo"
    return words + "avo"


def fraction(top: int, bottom: int) -> str:
    """1/2 -> "un medio", 2/6 -> "dos sextos", 1/13 -> "un treceavo", 1/111 -> "uno sobre
    ciento once"."""
    if bottom in FRACTIONS:
        name = FRACTIONS[bottom]
    elif 10 < bottom < 100:
        name = _avo(bottom)
    elif bottom < 1000 and bottom % 100 == 0:
        name = HUNDREDS[bottom // 100]
    elif bottom % 1000 == 0 and bottom < 10**6:
        thousands = bottom // 1000
        name = "milésimo" if thousands == 1 else cardinal(thousands).replace(" ", "") + "milésimo"
    else:
        return f"{cardinal(top)} sobre {cardinal(bottom)}"
    return f"{before_noun(top)} {name}" + ("s" if top != 1 else "")


def decimal(whole: str, digits: str) -> str:
    """ "33", "32" -> "treinta y tres coma treinta y dos"; "0", "05" -> "cero coma cero cinco"."""
    zeros = len(digits) - len(digits.lstrip("0"))
    rest = digits.lstrip("0")
    spoken = ["cero"] * zeros + ([cardinal(int(rest))] if rest else [])
    return f"{cardinal(int(whole))} coma " + " ".join(spoken)
