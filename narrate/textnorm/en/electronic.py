"""URLs, e-mail addresses, phone numbers and IP addresses, read piece by piece.

"https://www.example.com/a-b" -> "h t t p s colon slash slash w w w dot example dot com slash a
dash b"; "jo@mail.example.org" -> "jo at mail dot example dot org"; "(555) 123-4567" -> "five
five five, one two three, four five six seven". A file path is said by its last name
("/usr/local/bin/backup" -> "backup"), as a narrator says it.
"""

from __future__ import annotations

import re
from typing import Final

from narrate.textnorm.en.numbers import cardinal, digits, pairs

SEPARATORS: Final = {
    ".": "dot", "/": "slash", "-": "dash", "_": "underscore", "@": "at", ":": "colon",
    "?": "question mark", "=": "equals", "&": "ampersand", "#": "hash", "~": "tilde",
    "+": "plus", "%": "percent",
}  # fmt: skip
WORD_TLDS: Final = frozenset({"com", "org", "net", "gov", "edu", "int", "info", "biz", "mil"})
_TLD = (
    r"(?:com|org|net|gov|edu|int|info|biz|mil|io|co|uk|de|fr|it|es|nl|ru|ua|pl|us|ca|au|in|eu"
    r"|ch|jp|cn|tv|me|ai|app|dev|ly|be|at|se|no|dk|fi|ie|nz|za|br|mx|sm|ro|hu|cz|sk|gr|pt|tr|il|kr"
    r"|tw|hk|sg|ar|cl|lt|lv|ee|hr|rs|bg|kz|ge|news|online|org\.uk|co\.uk)"
)
# Lengths are bounded (a DNS label has at most 63 characters, a host 253, a URL in practice
# about 2,000), so that a long run without spaces costs linear time, not quadratic.
_URL = re.compile(
    r"(?i:(?<![a-z])(?:https?|ftp)://|(?<![a-z])www\.)"
    r"(?:[^\s<>\"'()\[\]]{0,2000}[^\s<>\"'()\[\].,;:!?])?"
    rf"|\b[A-Za-z0-9][\w-]{{0,62}}(?:\.[\w-]{{1,63}}){{0,8}}\.{_TLD}(?![A-Za-z])"
    r"(?:/[^\s<>\"'()]{0,2000}[^\s<>\"'().,;:!?])?"
)
_DOT_TLD = re.compile(rf"\.{_TLD}(?![A-Za-z])")
_DIGIT = re.compile(r"[0-9]")
_EMAIL = re.compile(r"(?<![\w.+&'=-])[\w.+&'=-]+@[\w-]+(?:\.[\w-]+)+\b")
_PIECE = re.compile(r"[A-Za-z]+|\d+|[^A-Za-z\d]")
_PHONE = re.compile(
    r"(?<![\w.+-])(?:(?P<country>\+\d{1,3})[\s.-]?)?"
    r"(?:\((?P<area>\d{2,4})\)[\s.-]?|(?P<first>\d{2,4})[.-])"
    r"(?P<rest>\d{2,4}(?:[.-]\d{2,4}){1,2}|\d{3,4}[\s.-]\d{3,4})(?![\w-]|[.]\d)"
)
_TRUNK_ZERO = re.compile(r"(?P<country>\+\d{1,3})\s?\(0\)\s?")  # "+44 (0)20": the 0 is not dialled
# "555-0199": a local number (a range's end has no leading zero)
_LOCAL_PHONE = re.compile(r"(?<![\w.+-])(?P<a>\d{3})-(?P<b>0\d{3})(?![\w-]|[.,]\d)")
_VANITY = re.compile(r"\b1-(?P<code>8\d\d)-(?=[A-Z]{3,}\b)")  # "1-800-FLOWERS"
_SPACED_PHONE = re.compile(
    r"(?<![\w.+-])(?P<country>\+\d{1,3})(?P<rest>(?:[\s.-]\(?\d{1,5}\)?){2,5})(?![\w-])"
)
_SERIAL = re.compile(
    r"(?P<label>\b(?:ISBN|ISSN|LCCN|OCLC|ISBN-1[03])\b:?\s?)?"
    r"(?<![\w.+-])(?P<serial>\d+(?:\s?-\s?[\dX]+){2,}|(?<=[A-Z]{4}\s)\d{5,}|(?<=N:\s)\d{5,})(?![\w-])"
)
_IP = re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b")
# emergency and service numbers are dialled, so read digit by digit: "called 911", "a 999 call"
_EMERGENCY = re.compile(
    r"(?:(?P<verb>\b(?i:call|calls|called|calling|dial|dials|dialed|dialled|dialing|dialling"
    r"|phone|phoned|ring|rang|text|texted) )(?P<a>9-?1-?1|999|112|111|000|988|311|211)\b(?![-.,]\d)"
    r"|\b(?P<b>9-?1-?1|999|112|988|311)(?= (?:call|calls|caller|callers|dispatcher|dispatchers"
    r"|operator|operators|center|centers|centre|centres|line|lines|system|services|emergency)\b))"
)
_SERVICE_NUMBERS: Final = ("911", "9-1-1", "999", "112", "111", "000", "988", "311", "211")
# a file path, Unix ("/usr/local/bin/tool", "~/src/notes", "./configure") or Windows
# ("C:\\Users\\jo\\report.docx"): at least two names, one of them with a letter; "/7/9/2" and
# "12/05/2020" are numbers, read by their own passes
_UNIX_PATH = re.compile(
    r"(?<![\w/.:~-])(?:~|\.{1,2})?(?=[\w./+-]*[A-Za-z])(?:/[\w.+-]+){2,}/?(?![\w/])"
    r"|(?<![\w/.:])(?:~|\.{1,2})/[\w.+-]+/?(?![\w/])"
    r"|(?<![\w/.:])/[A-Za-z][\w.+-]*/(?![\w/])"  # a folder: "/public/"
)
_WINDOWS_PATH = re.compile(r"\b[A-Za-z]:\\(?:[\w .+-]*[\w+-]\\)*(?P<name>[\w.+-]*)")
_PATH_NAME = re.compile(r"[^/\\]+(?=[/\\]?$)")
_PO_BOX = re.compile(r"\b(?P<box>P\.?\s?O\.?\s?Box|Post Office Box)\s(?P<number>\d+)\b")


def _word(piece: str) -> str:
    if not (piece.isascii() and piece.isdigit()):  # "²" is a digit to isdigit, not to int
        return piece
    if len(piece) <= 4 and not piece.startswith("0"):
        return cardinal(int(piece))
    return digits(piece)


def _ends_host(pieces: list[str], i: int) -> bool:
    """Whether piece i is the top-level domain: the last piece, or the last before a path."""
    return i == len(pieces) - 1 or pieces[i + 1] in "/:?#"


def read_address(text: str) -> str:
    """Read a URL or e-mail address piece by piece."""
    words = []
    rest = text
    scheme = re.match(r"(?i)(https?|ftp)://", rest)
    if scheme:
        words += [" ".join(scheme[1].upper()), "colon slash slash"]
        rest = rest[scheme.end() :]
    if rest.lower().startswith("www."):
        words.append("W W W dot")
        rest = rest[4:]
    pieces = _PIECE.findall(rest)
    for i, piece in enumerate(pieces):
        if piece in SEPARATORS:
            words.append(SEPARATORS[piece])
        elif piece.lower() == "www":
            words.append("W W W")
        elif piece.isalpha() and i > 0 and pieces[i - 1] == "." and _ends_host(pieces, i):
            words.append(piece if piece.lower() in WORD_TLDS else " ".join(piece.upper()))
        elif piece.isdigit() and i > 0 and pieces[i - 1].isalpha():
            words.append(digits(piece))
        elif piece.isalnum():
            words.append(_word(piece))
    return " ".join(words)


def _groups(text: str) -> list[str]:
    return [digits(g) for g in re.findall(r"\d+", text)]


def _phone(m: re.Match[str]) -> str:
    parts = []
    if m["country"]:
        parts.append("plus " + digits(m["country"]))
    parts += _groups(m["area"] or m["first"] or "")
    parts += _groups(m["rest"])
    return ", ".join(p for p in parts if p)


def _spaced_phone(m: re.Match[str]) -> str:
    return ", ".join(["plus " + digits(m["country"]), *_groups(m["rest"])])


def _serial(m: re.Match[str]) -> str:
    groups = re.findall(r"[\dX]+", m["serial"])
    if m["label"] is None and not any(len(g) == 1 or len(g) > 4 for g in groups):
        return m[0]  # shaped like a phone number or a date: left to those readers
    label = m["label"] or ""
    return label + ", ".join(digits(g) if g != "X" else "X" for g in groups)


def _path(m: re.Match[str]) -> str:
    """A narrator says a path by its last name ("the openssl program", "the ssl folder"), not
    slash by slash; the dots inside a file name are said ("ld dot so dot conf")."""
    name = _PATH_NAME.search(m[0])
    if name is None:  # the root folder alone ("C:\\")
        return "a file path"
    return " dot ".join(part for part in name[0].split(".") if part) or "a file path"


def expand_paths(text: str) -> str:
    """Say a file path by its last name: "/usr/local/bin/openssl" -> "openssl"."""
    if "/" in text:
        text = _UNIX_PATH.sub(_path, text)
    if ":\\" in text:
        text = _WINDOWS_PATH.sub(_path, text)
    return text


def _ip(m: re.Match[str]) -> str:
    return " dot ".join(digits(part) for part in m[0].split("."))


def expand_electronic(text: str) -> str:
    """Read e-mail addresses, URLs and serial numbers (ISBN) aloud."""
    if _DIGIT.search(text):
        text = _SERIAL.sub(_serial, text)
    if "@" in text:
        text = _EMAIL.sub(lambda m: read_address(m[0]), text)
    if "://" in text or "www." in text or _DOT_TLD.search(text):
        # where an address standing alone would start and end (worked out once, not per match)
        lead, tail = len(text) - len(text.lstrip()), len(text.rstrip(" .,;:!?"))
        text = _URL.sub(lambda m: _url(m, m.start() <= lead and m.end() >= tail), text)
    return expand_paths(text)


_HOST = re.compile(r"(?i)^(?:(?:https?|ftp)://)?(?:www\.)?(?P<host>[^/?#:\s]+)")


_NOTABLE_WORDS: Final = 30
"""The most words of an address read out that a listener could note down by ear; a longer one
standing alone is said as its site."""


def _url(m: re.Match[str], alone: bool) -> str:
    """A link inside a sentence is said as its site, "at example dot com", never spelled out
    in full; an address standing alone (the whole text) is read piece by piece, to be noted,
    unless it is too long to note by ear."""
    if alone:
        whole = read_address(m[0])
        if len(whole.split()) <= _NOTABLE_WORDS:
            return whole
    host = _HOST.match(m[0])
    if host is None or "." not in host["host"]:  # not a site ("www.www"): read as written
        return read_address(m[0])
    return read_address(host["host"])


def expand_phones(text: str) -> str:
    """Read phone numbers (and IP addresses, emergency numbers, post office boxes) digit by
    digit, in their groups."""
    if any(number in text for number in _SERVICE_NUMBERS):
        text = _EMERGENCY.sub(lambda m: (m["verb"] or "") + digits(m["a"] or m["b"]), text)
    if "Box" in text:
        text = _PO_BOX.sub(lambda m: f"{m['box']} {digits(m['number'])}", text)
    if "." in text:
        text = _IP.sub(_ip, text)
    if "+" in text:
        text = _TRUNK_ZERO.sub(r"\g<country> ", text)
        text = _SPACED_PHONE.sub(_spaced_phone, text)
    text = _PHONE.sub(_phone, text)
    if "-" in text:
        text = _LOCAL_PHONE.sub(lambda m: f"{digits(m['a'])}, {digits(m['b'])}", text)
        text = _VANITY.sub(lambda m: f"one {pairs(m['code'])} ", text)
    return text
