"""Choosing a normaliser by language tag; a language without one leaves text to the voice."""

from __future__ import annotations

import logging

import pytest

from narrate import normalize
from narrate.textnorm import _for_code, for_language
from narrate.textnorm.en import normalize as english


def test_english_is_the_default_and_keeps_one_argument() -> None:
    assert normalize("Dr. Smith paid $5") == "Doctor Smith paid five dollars"
    assert for_language("en") is english
    assert for_language("") is english
    assert for_language(None) is english


@pytest.mark.parametrize("tag", ["de", "de-AT", "de_DE", "DE"])
def test_a_region_or_case_picks_the_language(tag: str) -> None:
    assert for_language(tag)("Am 3. Mai") == "Am dritten Mai"


def test_an_unsupported_language_is_left_to_the_voice_with_one_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    _for_code.cache_clear()  # another test may have asked for Finnish before
    with caplog.at_level(logging.WARNING, logger="narrate.textnorm"):
        assert normalize("Kello 12.30 maksoi 5 €", language="fi") == "Kello 12.30 maksoi 5 €"
        assert normalize("Toinen 7 lause", language="fi-FI") == "Toinen 7 lause"
    warnings = [r for r in caplog.records if "no text normaliser" in r.getMessage()]
    assert len(warnings) == 1


def test_the_normalize_command_takes_a_language() -> None:
    from tests.test_cli import invoke

    result = invoke("normalize", "--language", "es", "Son 3 km.")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Son tres kilómetros.\n"
