"""A pronunciation lexicon: words espeak gets wrong, and how to say them.

The file is TSV, one entry a line, ``word<TAB>replacement``; blank lines and lines starting with
"#" are ignored. The replacement is either a respelling ("Kyiv" -> "Keev") or Piper phonemes
written ``[[ kˈiːv ]]``, which Piper passes to the voice as they are. Lookup is whole-word and
case-sensitive first ("Nice" the city, not "nice"), then case-insensitive.

A W3C Pronunciation Lexicon (PLS 1.0, a ``.pls`` file or any file that starts as XML) is read
too: each lexeme's first ``<alias>`` becomes a respelling, or else its first ``<phoneme>``
becomes Piper phonemes, which is only right for alphabet="ipa" (Piper's phonemes are IPA).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Final

from narrate.errors import SourceError

DEFAULT_PATH: Final = Path(__file__).resolve().parents[1] / "data" / "lexicon.tsv"
_PHONEMES = re.compile(r"\[\[[^\[\]]+\]\]")


class Lexicon:
    """Whole-word replacements applied to spoken text before synthesis."""

    def __init__(self, entries: Mapping[str, str] | None = None) -> None:
        self.entries: Mapping[str, str] = MappingProxyType(dict(entries or {}))
        """Word as written -> respelling or ``[[ phonemes ]]``."""
        self._folded = {word.casefold(): said for word, said in self.entries.items()}
        self._pattern = _compile(tuple(self.entries))

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        """Read a lexicon TSV or PLS file; raise SourceError naming the file (and the line) if
        it is malformed."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise SourceError(f"cannot read lexicon {path}: {e}; check the path") from e
        if Path(path).suffix.lower() == ".pls" or text.lstrip("\ufeff \t\r\n").startswith("<"):
            return cls(_pls_entries(text, path))
        entries: dict[str, str] = {}
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            word, tab, said = line.partition("\t")
            word, said = word.strip(), said.strip()
            if not tab or not word or not said or "\t" in said:
                raise SourceError(
                    f"{path}:{n}: expected 'word<TAB>replacement', got {line.strip()!r}"
                )
            if "[[" in said and not _PHONEMES.fullmatch(said):
                raise SourceError(f"{path}:{n}: phonemes must be written '[[ ... ]]', got {said!r}")
            entries[word] = said
        return cls(entries)

    @classmethod
    def default(cls) -> Lexicon:
        """The lexicon shipped with narrate (narrate/data/lexicon.tsv)."""
        return _default()

    def merged(self, other: Lexicon) -> Lexicon:
        """A new lexicon with the entries of both; ``other`` wins where both have a word."""
        return Lexicon({**self.entries, **other.entries})

    def apply(self, text: str) -> str:
        """Replace every whole word that has an entry; a possessive 's stays on the word."""
        if self._pattern is None:
            return text
        return self._pattern.sub(self._replacement, text)

    def _replacement(self, m: re.Match[str]) -> str:
        word, possessive = m["word"], m["possessive"] or ""
        said = self.entries.get(word)
        if said is None:
            said = self._folded.get(word.casefold(), word)
        if possessive and said.startswith("[["):
            return said[:-2].rstrip() + "z ]]"  # "Kherson's": the possessive inside the phonemes
        return said + possessive

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"Lexicon({len(self.entries)} entries)"


_PLS = "{http://www.w3.org/2005/01/pronunciation-lexicon}"


def _pls_entries(text: str, path: Path) -> dict[str, str]:
    """grapheme -> respelling or [[ phonemes ]], from a W3C PLS document."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as e:
        raise SourceError(f"{path}: not a valid PLS lexicon ({e})") from None
    if root.tag != f"{_PLS}lexicon":
        raise SourceError(f"{path}: not a PLS lexicon (no <lexicon> in the PLS namespace)")
    alphabet = root.get("alphabet", "")
    entries: dict[str, str] = {}
    for lexeme in root.iter(f"{_PLS}lexeme"):
        alias = lexeme.findtext(f"{_PLS}alias")
        phoneme = lexeme.find(f"{_PLS}phoneme")
        if alias and alias.strip():
            said = " ".join(alias.split())
        elif phoneme is not None and (phoneme.text or "").strip():
            if phoneme.get("alphabet", alphabet).lower() != "ipa":
                raise SourceError(
                    f'{path}:{phoneme.sourceline}: phonemes must use alphabet="ipa", '
                    f"not {phoneme.get('alphabet', alphabet)!r}"
                )
            said = f"[[ {' '.join((phoneme.text or '').split())} ]]"
        else:
            continue
        for grapheme in lexeme.iter(f"{_PLS}grapheme"):
            if grapheme.text and grapheme.text.strip():
                entries[grapheme.text.strip()] = said
    return entries


@cache
def _compile(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w\[-])(?P<word>{alternatives})(?P<possessive>['’]s)?(?![\w\]-])", re.IGNORECASE
    )


@cache
def _default() -> Lexicon:
    return Lexicon.load(DEFAULT_PATH)
