"""The pronunciation lexicon: loading, merging, applying, and the shipped starter file."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrate.errors import SourceError
from narrate.speech.lexicon import Lexicon


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lexicon.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def test_load_skips_comments_and_blank_lines(tmp_path: Path) -> None:
    path = _write(tmp_path, "# names\n\nNice\tNeece\nquay\tkey\n")
    assert dict(Lexicon.load(path).entries) == {"Nice": "Neece", "quay": "key"}


@pytest.mark.parametrize(
    "line",
    ["no tab here\n", "word\t\n", "\treplacement\n", "word\t[[ unclosed\n", "a\tb\tc\n"],
)
def test_bad_file_raises_source_error_naming_the_line(tmp_path: Path, line: str) -> None:
    path = _write(tmp_path, "# ok\n" + line)
    with pytest.raises(SourceError, match=r"lexicon\.tsv:2: "):
        Lexicon.load(path)


def test_missing_file_raises_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read lexicon"):
        Lexicon.load(tmp_path / "absent.tsv")


def test_apply_is_whole_word_and_case_sensitive_first() -> None:
    lexicon = Lexicon({"Nice": "Neece", "nice": "nice", "Reading": "Redding"})
    assert lexicon.apply("Nice is nice. Reading about Reading.") == (
        "Neece is nice. Redding about Redding."
    )
    assert lexicon.apply("Nicest niceties") == "Nicest niceties"


def test_apply_falls_back_to_case_insensitive_and_keeps_possessives() -> None:
    lexicon = Lexicon({"Kyiv": "Keev", "Kherson": "[[ kɛɹsˈɔːn ]]"})
    assert lexicon.apply("KYIV and Kyiv's mayor") == "Keev and Keev's mayor"
    assert lexicon.apply("Kherson's port") == "[[ kɛɹsˈɔːnz ]] port"


def test_merged_prefers_the_other_lexicon() -> None:
    merged = Lexicon({"a": "1", "b": "2"}).merged(Lexicon({"b": "3"}))
    assert dict(merged.entries) == {"a": "1", "b": "3"}


def test_empty_lexicon_changes_nothing() -> None:
    assert Lexicon().apply("anything at all") == "anything at all"


def test_default_lexicon_has_the_ukraine_starter_entries() -> None:
    lexicon = Lexicon.default()
    for name in ["Kyiv", "Zaporizhzhia", "Dnipro", "Mykolaiv", "Odesa", "Luhansk", "Kherson"]:
        assert name in lexicon.entries
    assert lexicon.apply("Kyiv") == "Keev"
    for said in lexicon.entries.values():
        assert said.strip()


PLS = """<?xml version="1.0" encoding="UTF-8"?>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
         alphabet="ipa" xml:lang="en-US">
  <lexeme><grapheme>Kyiv</grapheme><grapheme>Kiev</grapheme><phoneme>kˈiːv</phoneme></lexeme>
  <lexeme><grapheme>Nice</grapheme><alias>Neece</alias><phoneme>niːs</phoneme></lexeme>
  <lexeme><grapheme>empty</grapheme></lexeme>
</lexicon>
"""


def test_a_w3c_pls_lexicon_gives_aliases_and_ipa_phonemes(tmp_path: Path) -> None:
    path = tmp_path / "names.pls"
    path.write_text(PLS, encoding="utf-8")
    lexicon = Lexicon.load(path)
    assert dict(lexicon.entries) == {
        "Kyiv": "[[ kˈiːv ]]",
        "Kiev": "[[ kˈiːv ]]",
        "Nice": "Neece",  # the alias comes first
    }
    assert lexicon.apply("From Kiev to Nice.") == "From [[ kˈiːv ]] to Neece."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (PLS.replace('alphabet="ipa"', 'alphabet="x-sampa"'), 'alphabet="ipa"'),
        ("<lexicon><lexeme>", "not a valid PLS lexicon"),
        ("<lexicon/>", "not a PLS lexicon"),
        (
            '<!DOCTYPE l [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            '<lexicon xmlns="http://www.w3.org/2005/01/pronunciation-lexicon">'
            "<lexeme><grapheme>x</grapheme><alias>&e;</alias></lexeme></lexicon>",
            None,
        ),
    ],
)
def test_a_bad_pls_lexicon_is_a_clear_error(tmp_path: Path, text: str, message: str | None) -> None:
    path = tmp_path / "bad.pls"
    path.write_text(text, encoding="utf-8")
    if message is None:  # an external entity is never read
        assert "root:" not in str(dict(Lexicon.load(path).entries))
        return
    with pytest.raises(SourceError, match=message):
        Lexicon.load(path)
