"""Properties of normalize() on any input: it never raises, leaves no ASCII digit, and is
idempotent (its output is already normal)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from narrate.textnorm import normalize, unspoken_tokens

# text built from the pieces the rules look at, so the search reaches the interesting cases
_PIECES = st.sampled_from(
    [
        "1", "2", "7", "10", "21", "305", "1,000", "2024", "1990s", "'90s", "3.5", "0.25", "-4",
        "$", "€", "£", "%", "-", "–", "—", "/", ":", ".", ",", "&", "#", "@", "+", "°C", "km",
        "bn", "m", "st", "nd", "th", "a.m.", "PM", "Jan.", "March", "Dr.", "St.", "No.", "Mr.",
        "U.S.", "FBI", "NATO", "II", "IV", "XIV", "Henry", "World War", "Chapter", "the", "in",
        "on", "www.", "example.com", "http://", "x@y.org", "(", ")", "'", '"', "...", "…", " ",
        "  ", "\n", "A", "I", "vs", "kV", "GW", "mph", "Rs", "crore", "ISBN",
    ]
)  # fmt: skip
_BUILT = st.lists(_PIECES, max_size=12).map("".join)
_ANY = st.text(max_size=60)
_DIGIT = re.compile(r"[0-9]")


@settings(max_examples=500, deadline=None)
@given(st.one_of(_BUILT, _ANY))
def test_never_raises_and_leaves_no_ascii_digit(text: str) -> None:
    assert not _DIGIT.search(normalize(text))


@settings(max_examples=500, deadline=None)
@given(st.one_of(_BUILT, _ANY))
def test_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=200, deadline=None)
@given(st.one_of(_BUILT, _ANY))
def test_audit_finds_no_digit_after_normalize(text: str) -> None:
    assert not any(_DIGIT.search(token) for token in unspoken_tokens(normalize(text)))


def test_audit_reports_digits_and_symbols() -> None:
    assert unspoken_tokens("it cost 5 dollars") == ["5"]
    assert unspoken_tokens("a ^ b and c|d, then [[ kˈiːv ]] fine.") == ["^", "c|d,"]
    assert unspoken_tokens("A plain sentence, with “quotes” — and a pause.") == []
    assert unspoken_tokens("«Las meras conjeturas», dijo; „so“ und ‹ceci›.") == []
