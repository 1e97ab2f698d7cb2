"""split_long on hostile input: the work grows with the text, not with its square.

The bound is counted, not timed: how many characters the boundary scans read. A word of
800,000 characters with no boundary at all is scanned once; text with boundaries everywhere is
halved near the middle, n log n in all.
"""

from __future__ import annotations

import math

import pytest

from narrate.text import clauses
from narrate.text.clauses import split_long


@pytest.fixture
def scanned(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of every text _halve scans, in order."""
    lengths: list[int] = []
    halve = clauses._halve

    def counting(text: str, max_chars: int) -> tuple[str, str] | None:
        lengths.append(len(text))
        return halve(text, max_chars)

    monkeypatch.setattr(clauses, "_halve", counting)
    return lengths


@pytest.mark.parametrize("size", [200_000, 400_000, 800_000])
def test_a_long_unbroken_word_is_scanned_once(scanned: list[int], size: int) -> None:
    word = "x" * size
    pieces = split_long(word, 300)
    assert "".join(pieces) == word
    assert all(len(p) == 300 for p in pieces[:-1])
    assert scanned == [size]


@pytest.mark.parametrize(
    "text",
    [
        "word " * 100_000,  # spaces only
        "a, " * 100_000,  # commas everywhere
        ("x" * 5000 + " ") * 40,  # long words with a few spaces
        "clause; " + "y" * 200_000,  # one boundary near the start, then one word
    ],
)
def test_work_is_n_log_n(scanned: list[int], text: str) -> None:
    pieces = split_long(text, 300)
    n = len(text)
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")
    assert all(0 < len(p) <= 300 for p in pieces)
    assert sum(scanned) <= n * (math.log2(n / 300) + 2)


def test_doubling_the_text_about_doubles_the_work(scanned: list[int]) -> None:
    split_long("word " * 50_000, 300)
    small = sum(scanned)
    scanned.clear()
    split_long("word " * 200_000, 300)
    assert sum(scanned) < 5 * small  # four times the text: quadratic work would be sixteen


QUOTED = (
    "The mayor, speaking on the steps of the town hall after a long night of counting, said "
    "the result was “a clear, fair and, for all of us, hard-won mandate, which we will honour in "
    "every street, every school and every home”, and then went back inside without questions."
)


@pytest.mark.parametrize("max_chars", [120, 160, 200])
def test_a_long_sentence_is_not_cut_inside_a_quotation(max_chars: int) -> None:
    pieces = split_long(QUOTED, max_chars)
    assert len(pieces) > 1
    for piece in pieces:
        assert piece.count("“") == piece.count("”")


def test_a_quotation_longer_than_a_piece_is_cut_as_a_last_resort() -> None:
    quote = "“" + ", ".join(["one more clause of the speech"] * 12) + "”"
    pieces = split_long(f"She said {quote} and left.", 100)
    assert all(len(p) <= 100 for p in pieces)
    assert "".join(pieces).replace(" ", "") == f"She said {quote} and left.".replace(" ", "")


def test_figures_are_measured_as_said() -> None:
    """A row of figures is short to write and long to say: it is cut by its spoken length,
    while prose of the same written length stays whole."""
    figures = " ".join(f"{n}.{n * 7 % 1000:03d}" for n in range(100, 130))  # 269 characters
    prose = "The river rose slowly through the night and the town waited. " * 4
    assert len(figures) < 300 and len(prose.strip()) < 300
    pieces = split_long(figures, 300)
    assert len(pieces) > 1
    assert all(clauses.spoken_length(p) <= 300 for p in pieces)
    assert " ".join(pieces) == figures
    assert split_long(prose, 300) == [prose.strip()]


def test_version_numbers_count_their_points() -> None:
    """ "4.2.34" is said "four point two point three four": seven words from six characters."""
    assert clauses.spoken_length("4.2.34") == 6 + 4 * (4 + 2)
    assert clauses.spoken_length("no figures here") == len("no figures here")
