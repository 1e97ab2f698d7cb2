"""Fuzz narrate.normalize and narrate.split_sentences (issue 18): no exception on any input, and
no super-linear time on long input.

Time is checked against a budget per character, generous enough for a loaded machine (about
fifty times what the passes need) yet far below what quadratic work costs at this size: a
fragment hypothesis finds is repeated to 40,000 characters, as one paragraph and as one word.
The examples are few so that the whole file runs in well under a minute; CI runs them
derandomised (tests/conftest.py).
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import narrate

PIECES = (
    "1", "7", "911", "2024", "1,000", "3.5", "-4", "6-5", "18-24", "1-1/2", "0100",
    "99/99/9999", "10**400", "1e999", "3÷4", "№5", "x²", "y³", "$", "€", "£", "%", "-", "—",
    "/", ":", ".", ",", "!", "?", "&", "#", "@", "+", "*", "~", "=", "^", "|", "\\", "_", "°C",
    "kW", "lb-ft", "cu. ft.", "a.m.", "Jan.", "Dr.", "ID.", "U.S.", "P.O.", "FY", "RAV4",
    "SUVs", "YES", "GET OUT", "XV", "C", "http://", "www.", "bit.ly/", "example.com",
    "[1]", "(R)", "(D-Calif.)", ".DJI", "f---ing", "😀", "'", '"', "“", "”", "(", ")",
    "...", "…", " ", "  ", "\n", "\n\n", "a", "the", "A", "I", "said", "Mr.",
)  # fmt: skip
_PIECES = st.sampled_from(PIECES)
_TEXT = st.one_of(st.lists(_PIECES, max_size=16).map("".join), st.text(max_size=80))
_LONG = 40_000
_BUDGET_S_PER_CHAR = 50e-6  # 2 s for 40,000 characters


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_normalize_never_raises(text: str) -> None:
    assert isinstance(narrate.normalize(text), str)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_split_sentences_never_raises_and_loses_nothing(text: str) -> None:
    sentences = narrate.split_sentences(text)
    assert all(s and s == s.strip() for s in sentences)
    assert "".join("".join(sentences).split()) == "".join(text.split())


def _grown(fragment: str, glue: str) -> str:
    fragment = fragment or "x"
    return glue.join([fragment] * (_LONG // (len(fragment) + len(glue)) + 1))[:_LONG]


def _seconds(call: object, text: str) -> float:
    start = time.process_time()
    call(text)  # type: ignore[operator]
    return time.process_time() - start


def _within_budget(fragment: str, glue: str) -> None:
    text = _grown(fragment, glue)
    budget = _BUDGET_S_PER_CHAR * len(text)
    assert _seconds(narrate.split_sentences, text) < budget
    assert _seconds(narrate.normalize, text) < budget


@pytest.mark.parametrize("glue", [" ", ""])
def test_every_piece_repeated_takes_linear_time(glue: str) -> None:
    for piece in PIECES:  # each written form the rules look at, repeated: "6-5 6-5 6-5 ..."
        _within_budget(piece, glue)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, min_size=2, max_size=4).map("".join), st.sampled_from([" ", ""]))
def test_mixed_pieces_repeated_take_linear_time(fragment: str, glue: str) -> None:
    _within_budget(fragment, glue)
