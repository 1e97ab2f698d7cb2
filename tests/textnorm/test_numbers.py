"""The number readers every semiotic class is built on."""

from __future__ import annotations

import pytest

from narrate.textnorm.en.numbers import cardinal, decimal, digits, integer, ordinal, pairs, year


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (7, "seven"),
        (13, "thirteen"),
        (40, "forty"),
        (99, "ninety nine"),
        (100, "one hundred"),
        (305, "three hundred five"),
        (1000, "one thousand"),
        (1_000_001, "one million one"),
        (600_000, "six hundred thousand"),
        (2_500_000_000, "two billion five hundred million"),
        (-12, "minus twelve"),
    ],
)
def test_cardinal(n: int, words: str) -> None:
    assert cardinal(n) == words


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (1, "first"),
        (2, "second"),
        (3, "third"),
        (5, "fifth"),
        (12, "twelfth"),
        (20, "twentieth"),
        (21, "twenty first"),
        (100, "one hundredth"),
        (1003, "one thousand third"),
    ],
)
def test_ordinal(n: int, words: str) -> None:
    assert ordinal(n) == words


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (1066, "ten sixty six"),
        (1900, "nineteen hundred"),
        (1905, "nineteen oh five"),
        (1999, "nineteen ninety nine"),
        (2000, "two thousand"),
        (2007, "two thousand seven"),
        (2010, "twenty ten"),
        (2025, "twenty twenty five"),
    ],
)
def test_year(n: int, words: str) -> None:
    assert year(n) == words


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("3.14", "three point one four"),
        ("2.05", "two point oh five"),
        ("0.05", "zero point zero five"),
        (".5", "point five"),
        ("1,250.5", "one thousand two hundred fifty point five"),
    ],
)
def test_decimal(written: str, words: str) -> None:
    assert decimal(written) == words


def test_integer_reads_leading_zeros_and_long_strings_as_digits() -> None:
    assert integer("007") == "zero zero seven"
    assert integer("1234567890123") == digits("1234567890123")
    assert integer("12,000") == "twelve thousand"


def test_pairs_for_model_numbers() -> None:
    assert pairs("737") == "seven thirty seven"
    assert pairs("320") == "three twenty"
    assert pairs("707") == "seven oh seven"
