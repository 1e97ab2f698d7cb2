"""Symbols and punctuation that espeak would read as words, or run together.

"&" -> "and", "#1" -> "number one", "@user" -> "at user", "2+3" -> "2 plus 3", "x = y" ->
"x equals y"; dashes and ellipses become pauses (" — " and ", ") rather than words. What a
narrator leaves unsaid is dropped rather than named by espeak: a shell prompt's dollar sign,
backslashes, bullets and other pictographs; a table drawn with box characters is read cell by
cell with pauses, and the marks of other typographies ("。", "（") are read as their ASCII forms.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final

from narrate.textnorm.en.numbers import number

_SIMPLE: Final = {
    "&": " and ", "=": " equals ", "×": " times ", "±": " plus or minus ", "§": " section ",
    "¶": " paragraph ", "≈": " about ", "≤": " at most ", "≥": " at least ", "→": " to ",
    "½": " one half", "¼": " one quarter", "¾": " three quarters", "⅓": " one third",
    "⅔": " two thirds", "©": " copyright ", "®": "", "™": "", "†": "", "‡": "",
    "÷": " divided by ", "№": " number ", "√": " square root of ", "∞": " infinity ",
    "≠": " is not equal to ", "≡": " is identical to ", "∑": " the sum of ", "¬": " not ",
}  # fmt: skip
_SIMPLE_RE = re.compile("|".join(re.escape(k) for k in _SIMPLE))
_DASH = re.compile(r"[ \t]*(?:[—―]|-{2,}|(?<=[ \t])[-–](?=[ \t—―–-]|$))[—―–\- \t]*")
_ELLIPSIS = re.compile(r"[ \t]*(?:…|\.[ \t]?\.[ \t]?\.)[.…]*")
_HASH = re.compile(r"(?<!\w)#\s?(?=\d)")  # "#1", not the "#" inside a code ("A#7")
_SHARP = re.compile(r"\b([A-G])#(?!\w)")
_HASHTAG = re.compile(r"(?<!\w)#+(?P<tag>(?=[^\W\d_]))?")
_AT = re.compile(r"\s*@\s*")
_PLUS = re.compile(r"(?<=\d)\s?\+\s?(?=\d)|(?<=\d)\+(?!\w)|(?<![\w)+])\+(?=\d)")
_MINUS = re.compile(r"(?<=\d)\s?[−]\s?(?=\d)")
_PERCENT = re.compile(r"%")
_TILDE = re.compile(r"(?<!about )(?<!around )(?<!roughly )~\s?(?=\d)")  # not "about about"
_STAR = re.compile(r"(?<=\d)\s?\*\s?(?=\d)")
_POWER = re.compile(r"(?<=[\w)])\s?(?:\*\*|\^)\s?(?=[-−]?\d)")
_E_NOTATION = re.compile(
    r"(?<![\w.])(?P<mantissa>\d+(?:\.\d+)?)[eE](?P<exponent>[-+]?\d{1,4})(?![\w.])"
)
_SUPERSCRIPTS: Final = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_SUPERSCRIPT = re.compile(r"(?P<power>[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
# a slash glued to both words or spaced from both is said; half glued ("2017/ 2016") it is a
# separator, a pause
_UNDERSCORES = re.compile(r"_+")
_SLASH = re.compile(r"\s*/\s*")
_PLUS_WORDS = re.compile(
    r"(?<=[\w.])\+{2,}(?!\w)|(?<=\s)\+(?=\s|[,;:.!?)]|$)|(?<=[A-Za-z.])\+(?![\w+])"
)
_AROUND_DIGITS: Final = (
    ("+", _PLUS, " plus "), ("−", _MINUS, " minus "), ("*", _STAR, " times "),
    ("~", _TILDE, "about "),
)  # fmt: skip
# Marks of other typographies, as ASCII: the passes after read ASCII, and espeak names some
# of these aloud ("ideographic full stop"). Hyphens that are not ASCII join words all the same.
_MARKS: Final = str.maketrans({
    "\u2010": "-", "\u2011": "-", "\u2012": "–", "\u2212": "−",
    "。": ". ", "、": ", ", "・": " ", "，": ", ", "！": "! ", "？": "? ", "；": "; ",
    "．": ".", "：": ":", "（": " (", "）": ") ", "「": " “", "」": "” ", "『": " “",
    "』": "” ", "【": " (", "】": ") ", "〈": " (", "〉": ") ", "《": " “", "》": "” ",
    "∗": "*", "￥": "¥", "＄": "$", "～": "~", "＆": "&", "＋": "+", "％": "%", "＃": "#",
    "＠": "@", "／": "/",
})  # fmt: skip
_MARK_CHARS = re.compile("[" + re.escape("".join(chr(c) for c in _MARKS)) + "]")
_SPACE_BEFORE_MARK = re.compile(r"[ \t]+(?=[.,!?;:)](?:\s|$))")
# other geometric shapes (bullets, markers, play buttons: "■", "▶", "●") are pauses
_SHAPES = re.compile(r"\s*[\u25a0-\u25ff]+\s*")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# a table drawn with box characters: the bars between cells and the rules between rows are
# pauses, not said
_BOX = re.compile(r"(?:\s*[\u2500-\u257f]+)+\s*")
# an arrow before a reference is a link back to where it was cited (a footnote's "↑"); between
# words it means up or down ("sales ↑ 5%")
_BACK_LINK = re.compile(r"^\s*[↑^]\s*(?=\S)")
_ARROWS: Final = {
    "↑": " up ", "↓": " down ", "←": " from ", "↔": " to and from ", "▲": " up ", "▼": " down ",
}  # fmt: skip
_ARROW = re.compile("[↑↓←↔▲▼]")
# a scale with no number (the numbers passes read "20°C"): a table's heading "(°C)"
_LONE_SCALE = re.compile(r"[°º]\s?(?P<unit>[CF])(?=\s*(?:[^\w\s]|$))")
_SCALES: Final = {"C": "degrees Celsius", "F": "degrees Fahrenheit"}
# a dollar sign that no amount follows: a shell prompt ("$ cd src"), a variable ("$HOME"),
# a cash tag ("$AAPL"), a row of them for money in general ("$$$"): not said; before a letter
# that stands for an amount ("$X per ton") it is said
_LONE_DOLLAR = re.compile(r"(?<![\w$])\$+(?![\d.,]?\d)")
_DOLLAR_LETTER = re.compile(r"(?<![\w$])\$\s?(?=[A-Z](?!\w))")
# a plus joining two words is said: keys pressed together ("Ctrl+C", "Alt+Enter")
_KEYS_PLUS = re.compile(r"(?<=[A-Za-z.])\+(?=[A-Za-z0-9])")
# a plus opening a list item is a bullet ("+ Added blocks")
_PLUS_BULLET = re.compile(r"^\s*\+\s+(?=[A-Z])")
# a backslash: a line continued in code ("re\ mote"), an escape ("\n"): not said
_BACKSLASH = re.compile(r"\\\s+|\\+")
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r" (?=[,;:!?](?:\s|$))")


def _ellipsis(m: re.Match[str]) -> str:
    """An ellipsis is a pause: a full stop before a capital or the end, else a comma."""
    before = m.string[m.start() - 1] if m.start() else ""
    after = m.string[m.end() :].lstrip()
    if before in ",;:.!?":
        return " "
    if not after or after[0].isupper():
        return ". "
    return ", " if after[0].isalnum() else " "


def ascii_marks(text: str) -> str:
    """Marks of other typographies as their ASCII forms: "。" -> ".", "（" -> "(", "‐" -> "-"."""
    if text.isascii() or not _MARK_CHARS.search(text):
        return text
    return _SPACE_BEFORE_MARK.sub("", text.translate(_MARKS))


def expand_math(text: str) -> str:
    """Symbols between numbers: "2+3" -> "2 plus 3", "#1" -> "number 1", "~40" -> "about 40"."""
    if "#" in text:
        text = _HASH.sub("number ", text)
    if "**" in text or "^" in text:  # "10**400", "2^10"
        text = _POWER.sub(" to the power of ", text)
    if "e" in text or "E" in text:  # "1e999", "6.02E23"
        text = _E_NOTATION.sub(r"\g<mantissa> times ten to the power of \g<exponent>", text)
    for trigger, pattern, words in _AROUND_DIGITS:
        if trigger in text:
            text = pattern.sub(words, text)
    return text


def expand_symbols(text: str) -> str:
    """Say the symbols a narrator says, and turn dashes and ellipses into pauses."""
    text = _SIMPLE_RE.sub(lambda m: _SIMPLE[m[0]], text)
    if not text.isascii():  # first, so that what follows sees the words ("x²+" -> "x squared+")
        text = _SUPERSCRIPT.sub(_power, text)
    if "\\" in text:
        text = _BACKSLASH.sub(" ", text)
    if "_" in text:  # "is_anomaly", "__init__": the words, not "underscore"
        text = _UNDERSCORES.sub(" ", text)
    if "~" in text:  # "~/", "~friends": not "about" (that is before a number, read already)
        text = text.replace("~", "")
    if "$" in text:
        text = _LONE_DOLLAR.sub("", _DOLLAR_LETTER.sub("dollar ", text))
    if not text.isascii():
        text = _unicode_symbols(text)
    if "#" in text:
        text = _HASHTAG.sub(lambda m: " " if m["tag"] is None else "hashtag ", text)
        text = _SHARP.sub(r"\1 sharp", text)  # C#, F#: the languages and the keys
        text = text.replace("#", " ")  # inside a code ("A#7"): not said
    if "@" in text:
        text = _AT.sub(" at ", text)
    if "%" in text:
        text = _PERCENT.sub(" percent", text)
    if "..." in text or ". ." in text or "…" in text:
        text = _ELLIPSIS.sub(_ellipsis, text)
    if "/" in text:  # what the number and word passes left: "99/99/9999"
        text = _SLASH.sub(_slash, text)
    # dashes before the plus sign, which is read when it stands apart ("--+%")
    if "-" in text or "—" in text or "―" in text or "–" in text:
        text = _DASH.sub(" — ", text)
    if "+" in text:  # "x + y", "C++"
        text = _PLUS_WORDS.sub(_plus, _PLUS_BULLET.sub("", text))
    if "+" in text:  # "Ctrl+C": what the plus of words above left
        text = _KEYS_PLUS.sub(" plus ", text)
    return text


def _unicode_symbols(text: str) -> str:
    """Box-drawn tables read cell by cell with pauses, shapes as pauses, arrows, a scale with
    no number; other pictographs are not said."""
    if "°" in text or "º" in text:
        text = _LONE_SCALE.sub(lambda m: _SCALES[m["unit"]], text)
    if _BOX.search(text):
        text = _BOX.sub(_box, text)
    if _ARROW.search(text):
        text = _BACK_LINK.sub("", text)
        text = _ARROW.sub(lambda m: _ARROWS[m[0]], text)
    if _SHAPES.search(text):
        text = _SHAPES.sub(_box, text)
    return _NON_ASCII.sub(lambda m: m[0] if _said(m[0]) else " ", text)


@functools.cache
def _said(char: str) -> bool:
    """Whether a narrator says anything for char: a pictograph or a modifier mark ("✓", "♥",
    "⚠", "¨", "㈱") that no pass has read is not said, where espeak would name it."""
    return char == "°" or unicodedata.category(char) not in ("So", "Sk")


def _box(m: re.Match[str]) -> str:
    """A pause between two cells or items; nothing before the first or after the last."""
    return ", " if m.start() > 0 and m.end() < len(m.string) else " "


def _plus(m: re.Match[str]) -> str:
    """ "C++" -> "C plus plus", "x + y" -> "x plus y", "Disney+" -> "Disney plus"."""
    return (
        " plus plus" if len(m[0]) >= 2 else "plus" if m.string[m.start() - 1].isspace() else " plus"
    )


def _slash(m: re.Match[str]) -> str:
    spaced = m[0][0].isspace(), m[0][-1].isspace()
    return " slash " if spaced[0] == spaced[1] else ", "


def _power(m: re.Match[str]) -> str:
    """ "x²" -> "x squared", "10⁻⁶" -> "10 to the power of minus six"."""
    power = m["power"].translate(_SUPERSCRIPTS)
    if power == "2":
        return " squared"
    if power == "3":
        return " cubed"
    return " to the power of " + number(power)


def tidy(text: str) -> str:
    """Collapse the runs of spaces the passes leave behind."""
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    return text.strip(" ") if text.startswith(" ") or text.endswith(" ") else text
