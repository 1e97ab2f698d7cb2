"""A full stop inside a capitalised name does not end the sentence (issue 14)."""

from __future__ import annotations

import pytest

from narrate.text.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We drove the VW ID. Buzz to the coast. It was quiet.",
            ["We drove the VW ID. Buzz to the coast.", "It was quiet."],
        ),
        (
            "The show opened with the Kia EV. Concept Nine on stage.",
            ["The show opened with the Kia EV. Concept Nine on stage."],
        ),
        # short capitals after a lower-case word, or before a sentence start, still end one
        ("He works at the FBI. Agents agreed.", ["He works at the FBI.", "Agents agreed."]),
        ("It aired on Fox NBC. The ratings fell.", ["It aired on Fox NBC.", "The ratings fell."]),
    ],
)
def test_name_inside_a_name(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected
