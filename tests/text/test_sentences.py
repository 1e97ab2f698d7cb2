"""The sentence splitter: one table per rule, property tests, and split_long."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from narrate.text.sentences import split_long, split_sentences


def _norm(text: str) -> str:
    return " ".join(text.split())


def _chars(text: str) -> str:
    """The text without whitespace: splitting glued sentences ("end.Next") adds a space."""
    return "".join(text.split())


def _nows(text: str) -> str:
    return "".join(text.split())


def _check(text: str, expected: list[str]) -> None:
    assert [_norm(s) for s in split_sentences(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote passed. Lawmakers left early.", ["The vote passed.", "Lawmakers left early."]),
        ("Is it over? Nobody knows.", ["Is it over?", "Nobody knows."]),
        ("It worked! Engineers cheered.", ["It worked!", "Engineers cheered."]),
        ("Really?! Yes.", ["Really?!", "Yes."]),
        ("A single sentence without a final stop", ["A single sentence without a final stop"]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_plain_sentence_ends(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Okafor met Gen. Ruiz and Lt. Chen.", ["Dr. Okafor met Gen. Ruiz and Lt. Chen."]),
        ("Mrs. Abbott and Prof. Lind spoke.", ["Mrs. Abbott and Prof. Lind spoke."]),
        ("The talks began on Jan. 10 in Oslo.", ["The talks began on Jan. 10 in Oslo."]),
        (
            "Shares of Acme Corp. rose after Zenith Inc. sold.",
            ["Shares of Acme Corp. rose after Zenith Inc. sold."],
        ),
        ("It was filed as No. 42 on the docket.", ["It was filed as No. 42 on the docket."]),
        ("Tigers vs. Lions ends in a draw.", ["Tigers vs. Lions ends in a draw."]),
        ("Fruit, e.g. Apples, was taxed.", ["Fruit, e.g. Apples, was taxed."]),
        ("See the figures in Fig. 3 and pp. 12-14.", ["See the figures in Fig. 3 and pp. 12-14."]),
        ("The bill (H.R. 2) passed.", ["The bill (H.R. 2) passed."]),
        (
            "The race ended at 4 p.m. 30 runners quit.",
            ["The race ended at 4 p.m.", "30 runners quit."],
        ),
        ("Roe v. Wade was cited.", ["Roe v. Wade was cited."]),
        ("The bridge on Ft. Hale Rd. reopened.", ["The bridge on Ft. Hale Rd. reopened."]),
        (
            "He was hired by Acme Inc. The firm later grew.",
            [
                "He was hired by Acme Inc.",
                "The firm later grew.",
            ],
        ),
        ("Talks resume in Sept. They may fail.", ["Talks resume in Sept.", "They may fail."]),
        ("He said no. Then he left.", ["He said no.", "Then he left."]),
        ("Her rank is Sgt. She earned it.", ["Her rank is Sgt.", "She earned it."]),
        (
            "They sold chairs, desks, etc. Buyers came.",
            [
                "They sold chairs, desks, etc.",
                "Buyers came.",
            ],
        ),
        ("Sales rose. iPhone demand grew.", ["Sales rose.", "iPhone demand grew."]),
        ("A. Ruiz and B. Okoye signed.", ["A. Ruiz and B. Okoye signed."]),
        ("The team fell ill. Doctors came.", ["The team fell ill.", "Doctors came."]),
    ],
)
def test_abbreviations(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. President spoke.", ["The U.S. President spoke."]),
        ("Troops stayed in the U.S. for years.", ["Troops stayed in the U.S. for years."]),
        (
            "He moved back to the U.S. The next day he flew home.",
            [
                "He moved back to the U.S.",
                "The next day he flew home.",
            ],
        ),
        ("She visited the U.K. How did it go?", ["She visited the U.K.", "How did it go?"]),
        (
            "The U.S. Coast Guard said it had rescued four.",
            ["The U.S. Coast Guard said it had rescued four."],
        ),
        ("She earned a Ph.D. The faculty agreed.", ["She earned a Ph.D.", "The faculty agreed."]),
        ("He holds an M.B.A. Anna holds none.", ["He holds an M.B.A.", "Anna holds none."]),
    ],
)
def test_multi_period_abbreviations(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trains stop at 5 a.m. on weekdays.", ["Trains stop at 5 a.m. on weekdays."]),
        ("At 5 a.m. Mr. Ortiz opened the shop.", ["At 5 a.m. Mr. Ortiz opened the shop."]),
        (
            "The polls closed at 8 p.m. Officials began counting.",
            [
                "The polls closed at 8 p.m.",
                "Officials began counting.",
            ],
        ),
        ("Markets close at 4 p.m. EST on Fridays.", ["Markets close at 4 p.m. EST on Fridays."]),
        ("The raid began at 3 a.m. Tuesday.", ["The raid began at 3 a.m. Tuesday."]),
        ("In 31 B.C. Octavian won at Actium.", ["In 31 B.C. Octavian won at Actium."]),
        (
            "The wall was built in 120 A.D. Hadrian ordered it.",
            [
                "The wall was built in 120 A.D.",
                "Hadrian ordered it.",
            ],
        ),
    ],
)
def test_times_and_eras(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("J. R. R. Tolkien wrote it.", ["J. R. R. Tolkien wrote it."]),
        ("Author George R. Martin signed copies.", ["Author George R. Martin signed copies."]),
        (
            "The ticket went to Mary K. Lowe and L. Frank Baum.",
            ["The ticket went to Mary K. Lowe and L. Frank Baum."],
        ),
        (
            "Nobody saw it but you and I. Did anyone else?",
            [
                "Nobody saw it but you and I.",
                "Did anyone else?",
            ],
        ),
        (
            "Patients lacked vitamin D. The study said so.",
            [
                "Patients lacked vitamin D.",
                "The study said so.",
            ],
        ),
    ],
)
def test_initials(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Inflation hit 3.5 percent in May.", ["Inflation hit 3.5 percent in May."]),
        ("The fund holds $1.2 billion. It grew.", ["The fund holds $1.2 billion.", "It grew."]),
        (
            "Turnout rose to 61.4. Analysts were surprised.",
            [
                "Turnout rose to 61.4.",
                "Analysts were surprised.",
            ],
        ),
        (
            "Visit https://news.example.org/a/b.html for more. Readers agreed.",
            [
                "Visit https://news.example.org/a/b.html for more.",
                "Readers agreed.",
            ],
        ),
        (
            "Write to desk.editor@example.com. Letters are read.",
            [
                "Write to desk.editor@example.com.",
                "Letters are read.",
            ],
        ),
        ("The fence is 6 ft. 4 in. tall.", ["The fence is 6 ft. 4 in. tall."]),
        (
            "The fish weighed 9 lb. Nobody believed it.",
            [
                "The fish weighed 9 lb.",
                "Nobody believed it.",
            ],
        ),
        ("Profit fell.Revenue rose.", ["Profit fell.", "Revenue rose."]),
    ],
)
def test_numbers_urls_and_units(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plan ... well, it failed.", ["The plan ... well, it failed."]),
        ("We waited.... Nothing came.", ["We waited....", "Nothing came."]),
        ("It was over... The crowd left.", ["It was over...", "The crowd left."]),
        ("He paused . . . and went on.", ["He paused . . . and went on."]),
        (
            "The road ends here . . . . Another begins.",
            [
                "The road ends here . . . .",
                "Another begins.",
            ],
        ),
        ('"Our city [...] will recover" (Ames 12).', ['"Our city [...] will recover" (Ames 12).']),
    ],
)
def test_ellipses(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"We will rebuild," the mayor said. "It will take years."',
            [
                '"We will rebuild," the mayor said.',
                '"It will take years."',
            ],
        ),
        ('She asked, "Is it safe?" and waited.', ['She asked, "Is it safe?" and waited.']),
        (
            'He wrote: "The dam held." Residents returned.',
            [
                'He wrote: "The dam held."',
                "Residents returned.",
            ],
        ),
        ("“The fire is out.” Crews left at dawn.", ["“The fire is out.”", "Crews left at dawn."]),
        ("The fund (founded in 1990.) is closing.", ["The fund (founded in 1990.) is closing."]),
        (
            "Rain fell (the first in months). Farmers rejoiced.",
            [
                "Rain fell (the first in months).",
                "Farmers rejoiced.",
            ],
        ),
        (
            "The river rose by a metre.[3] Towns were evacuated.",
            [
                "The river rose by a metre.[3]",
                "Towns were evacuated.",
            ],
        ),
        (
            'He said "wait. Then the rest of the story went on. It ended.',
            [
                'He said "wait.',
                "Then the rest of the story went on.",
                "It ended.",
            ],
        ),
        (
            '"Why now?" Okafor asked. "Why not?" The aide shrugged.',
            [
                '"Why now?" Okafor asked.',
                '"Why not?"',
                "The aide shrugged.",
            ],
        ),
        ("He said ' we lost . ' The crowd left .", ["He said ' we lost . '", "The crowd left ."]),
        ("It ended . ' Go home , ' she said .", ["It ended .", "' Go home , ' she said ."]),
    ],
)
def test_quotes_and_brackets(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Budget talks stall\n\nThe senate adjourned.",
            [
                "Budget talks stall",
                "The senate adjourned.",
            ],
        ),
        ("Key points\nTaxes rise\nSpending falls", ["Key points", "Taxes rise", "Spending falls"]),
        ("The storm was the worst\nin a decade.", ["The storm was the worst in a decade."]),
        (
            "First part ends without a stop\n\nsecond paragraph",
            [
                "First part ends without a stop",
                "second paragraph",
            ],
        ),
        ("- Schools closed\n- Roads flooded", ["- Schools closed", "- Roads flooded"]),
        ("• Power cut • Water safe", ["• Power cut", "• Water safe"]),
        ("1. Turnout rose. 2. Results came late.", ["1. Turnout rose.", "2. Results came late."]),
        ("a) Taxes b) Spending c) Debt", ["a) Taxes", "b) Spending", "c) Debt"]),
        ("(i) Roads.\n(ii) Bridges.", ["(i) Roads.", "(ii) Bridges."]),
        ("I. Origins II. Growth III. Decline", ["I. Origins", "II. Growth", "III. Decline"]),
        ("1. The first point 2. The second point", ["1. The first point", "2. The second point"]),
        (
            "Costs for 1. above and 2. above were paid.",
            ["Costs for 1. above and 2. above were paid."],
        ),
    ],
)
def test_paragraphs_headings_and_lists(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_unbalanced_quote_does_not_swallow_the_text() -> None:
    text = 'He said "no. ' + " ".join(f"Sentence number {i} ends here." for i in range(20))
    assert len(split_sentences(text)) == 21


def test_is_deterministic() -> None:
    text = "Dr. Lee arrived at 9 a.m. The U.S. team followed. It rained."
    assert split_sentences(text) == split_sentences(text)


_PARTS = [*"aZ .!?\n\"'()[]…;,:-19$@/•", "Mr.", "U.S.", " The ", "\n\n", "a.m.", "1) ", "No."]
_TEXT = st.lists(st.sampled_from(_PARTS), max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_split_sentences_keeps_every_character(text: str) -> None:
    sentences = split_sentences(text)
    assert all(s and s == s.strip() for s in sentences)
    assert _chars(" ".join(sentences)) == _chars(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_split_sentences_accepts_any_text(text: str) -> None:
    assert _chars(" ".join(split_sentences(text))) == _chars(text)


# ----------------------------------------------------------------- split_long

_CLAUSE = "the committee reviewed every budget line in detail"


def test_short_sentence_is_left_alone() -> None:
    assert split_long("Short and sweet.") == ["Short and sweet."]


def test_blank_sentence_gives_no_pieces() -> None:
    assert split_long("  ") == []


def test_prefers_semicolon_over_comma() -> None:
    text = f"{_CLAUSE}, and more; {_CLAUSE}, then it voted."
    pieces = split_long(text, max_chars=80)
    assert pieces[0].endswith("; ") or pieces[0].endswith(";")
    assert all(len(p) <= 80 for p in pieces)


def test_prefers_comma_before_conjunction_over_plain_comma() -> None:
    text = f"In the end, {_CLAUSE}, but {_CLAUSE} again."
    pieces = split_long(text, max_chars=70)
    assert pieces[1].startswith("but ")


def test_a_boundary_too_near_the_edge_gives_way_to_a_weaker_one() -> None:
    text = f"Yes; {_CLAUSE}, {_CLAUSE}."
    assert split_long(text, max_chars=70) == [f"Yes; {_CLAUSE},", f"{_CLAUSE}."]


def test_dash_is_a_clause_boundary() -> None:
    text = f"{_CLAUSE} — {_CLAUSE}"
    assert split_long(text, max_chars=60) == [_CLAUSE, f"— {_CLAUSE}"]


def test_falls_back_to_spaces_and_then_to_a_hard_cut() -> None:
    words = "word " * 100
    assert all(len(p) <= 50 for p in split_long(words, max_chars=50))
    assert split_long("x" * 25, max_chars=10) == ["x" * 10, "x" * 10, "x" * 5]


def test_rejects_a_useless_limit() -> None:
    with pytest.raises(ValueError, match="max_chars"):
        split_long("text", max_chars=0)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400), st.integers(min_value=1, max_value=120))
def test_split_long_pieces_fit_and_rejoin(text: str, max_chars: int) -> None:
    pieces = split_long(text, max_chars)
    assert all(p and len(p) <= max_chars for p in pieces)
    assert _nows("".join(pieces)) == _nows(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["word", "and", "x"]), st.sampled_from([" ", ", ", "; ", " - "])),
        max_size=120,
    )
)
def test_split_long_cuts_only_between_words(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + sep for word, sep in parts)
    assert _norm(" ".join(split_long(text, 40))) == _norm(text)
