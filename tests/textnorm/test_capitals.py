"""Words in capitals: a word or an acronym, and how the acronym is said (issue 14).

The rule is in narrate.textnorm.en.acronyms, its lists in narrate.textnorm.en.wordlist and
narrate/data/acronyms.tsv. Every sentence here was written for this file. The last tests ask the
voice's own phonemizer what it says, since that, not the text, is what a listener hears.
"""

from __future__ import annotations

import pytest

from narrate.speech.audit import FlagKind, Listener, audit_spoken
from narrate.textnorm import normalize
from narrate.textnorm.en.acronyms import is_english_word, spell
from narrate.textnorm.en.wordlist import (
    Acronym,
    Said,
    known_acronym,
    known_acronyms,
    known_word,
    said,
)

CASES: dict[str, list[tuple[str, str]]] = {
    "an English word in capitals among lower-case words": [
        ("She rolled a SIX and won.", "She rolled a six and won."),
        ("Is it over? The answer is NO.", "Is it over? The answer is no."),
        ("It was a HUGE mistake.", "It was a huge mistake."),
    ],
    "a capital A inside a sentence is the letter, not the article": [
        ("Plan A failed, so they tried B.", "Plan Eh failed, so they tried B."),
        ("She got an A in maths.", "She got an Eh in maths."),
        ("Exhibit A, the letter, was shown.", "Exhibit Eh, the letter, was shown."),
        ("A storm is coming.", "A storm is coming."),
        ("How A Small Town Survived", "How A Small Town Survived"),
        ("He said: A storm is coming.", "He said: A storm is coming."),
        ("The A.V. Club met at nine.", "The Eh V Club met at nine."),
    ],
    "a model code opening a heading is not a Roman numeral": [
        ("CX-5 REVIEW: A FAMILY CAR", "C X-five review: A family car"),
        ("XIII: A FIGHT", "Thirteen: A fight"),
    ],
    "a run of capitals, or a line in capitals, is words": [
        ("They chanted GET OUT and VOTE all night.",
         "They chanted get out and vote all night."),
        ("Doors OPEN AT NOON today.", "Doors open at noon today."),
        ("HOW WE DID IT", "how we did it"),
        ("THE CAR THAT RAN ON ICE", "the car that ran on ice"),
        ("OPEN RUN", "open run"),
        ("LIVE FROM SYDNEY", "live from SYDNEY"),
        ("A NEW ERA FOR THE CITY", "A new era for the city"),
        ("COUNCIL VOTES BAN ON JET SKIS", "council votes ban on jet skis"),
    ],
    "an acronym in a line of capitals keeps its letters": [
        ("FBI AGENTS RAID OFFICE", "F B I agents raid office"),
        ("US TROOPS GO HOME", "U S troops go home"),
        ("NEW DSP CHIPS SHIP", "new D S P chips ship"),
        ("SEC SUES THE FIRM", "S E C sues the firm"),
        ("MOD ORDERS NEW SHIPS", "M O D orders new ships"),
        ("DUP LEADER QUITS", "D U P leader quits"),
    ],
    "a longer word in capitals no dictionary knows is left to the voice": [
        ("BUILDING WITH ZORBLATTEN TODAY", "building with ZORBLATTEN today"),
    ],
    "known acronyms, as they are said": [
        ("Shares of ICICI rose.", "Shares of I C I C I rose."),
        ("The office LAN and the WAN failed.", "The office Lan and the Wan failed."),
        ("The API returns JSON by default.", "The Eh P I returns JSON by default."),
        ("The POSIX shell is old.", "The Pozix shell is old."),
        ("The IT desk called the WHO.", "The I T desk called the W H O."),
        ("The SEC and the NGO agreed.", "The S E C and the N G O agreed."),
        ("The club's AAA rating.", "The club's triple Eh rating."),
        ("UEFA fined the club.", "UEFA fined the club."),
        ("Add more RAM and a ZIP file.", "Add more Ram and a Zip file."),
    ],
    "plurals and possessives keep their letters": [
        ("Both ICUs and two DSPs.", "Both I C U's and two D S P's."),
        ("The CEO's car and three SUVs.", "The C E O's car and three S U V's."),
        ("ICICI's profit rose.", "I C I C I's profit rose."),
        ("All the CEOs' cars, and RMS' essay.", "All the C E O's cars, and R M S's essay."),
        ("He wrote 'FBI' on the box.", "He wrote 'F B I' on the box."),
        ("WHY TPG'S OFFER WON", "why T P G's offer won"),
        ("NASA'S PROBE LANDS", "NASA's probe lands"),
    ],
    "capitals joined by a dot to a word are a product name": [
        ("The ID.Buzz van and the IQ.LIGHT lamp.", "The I D Buzz van and the I Q light lamp."),
    ],
    "a dateline in capitals is a place": [
        ("ST. MARYS, Ohio (AP) — Rain fell.", "Saint Marys, Ohio (Eh P) — Rain fell."),
        ("ST ANNE, Jersey — The fair opened.", "Saint Anne, Jersey — The fair opened."),
    ],
    "unknown capitals: spelled unless sayable": [
        ("The NHTSA ruled on it.", "The N H T S Eh ruled on it."),
        ("The DRAVON team won.", "The DRAVON team won."),
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("written", "spoken"), [case for cases in CASES.values() for case in cases]
)
def test_normalize(written: str, spoken: str) -> None:
    assert normalize(written) == spoken


@pytest.mark.parametrize(
    ("word", "expected"),
    [("FBI", Said.LETTERS), ("CNN", Said.LETTERS), ("NASA", Said.WORD), ("SYDNEY", Said.WORD),
     ("ICU", Said.UNKNOWN), ("GPS", Said.LETTERS)],
)  # fmt: skip
def test_the_pronouncing_dictionary_tells_spelled_from_said(word: str, expected: Said) -> None:
    assert said(word) is expected


def test_the_dictionaries_know_words_and_names_but_not_acronyms() -> None:
    assert known_word("VOTED") and known_word("ONLINE") and known_word("EUROPE")
    assert not known_word("ICICI") and not known_word("NHTSA")


def test_the_acronym_list_says_how_and_where() -> None:
    assert known_acronym("POSIX") == Acronym("Pozix")
    assert known_acronym("US") == Acronym(Acronym.LETTERS, in_capitals=True)
    assert known_acronym("IT") == Acronym(Acronym.LETTERS)
    assert known_acronym("SYDNEY") is None


def test_is_english_word_for_the_listener_check() -> None:
    assert is_english_word("ONLINE") and is_english_word("NATO") and is_english_word("JSON")
    assert not is_english_word("ICICI") and not is_english_word("DSP")
    assert not is_english_word("IT")  # a known acronym spelled in running text


@pytest.fixture(scope="module")
def listener() -> Listener:
    return Listener()


@pytest.mark.parametrize(
    "written",
    [
        "Voters were told to GET OUT and VOTE on Sunday.",
        "Was it worth it? The answer is YES!",
        "BREAKING: FIRE IN THE OLD TOWN",
        "HOW WE DID IT",
        "The office LAN went down, and the JSON feed with it.",
        "Shares of ICICI rose as the SUVs sold.",
    ],
)
def test_the_voice_spells_nothing_and_reads_no_unknown_capitals(
    listener: Listener, written: str
) -> None:
    report = audit_spoken([normalize(written)], listener)
    kinds = {FlagKind.SPELLED, FlagKind.CAPITALS}
    assert [flag.item for flag in report.flags if flag.kind in kinds] == []


def test_the_voice_says_icici_letter_by_letter_and_json_as_a_word(listener: Listener) -> None:
    letters = "".join(listener.phonemes(c) for c in "ICICI")
    assert letters in listener.phonemes(normalize("Shares of ICICI rose."))
    # "JSON" said as one word, "jay-son", not J S O N
    assert listener.phonemes(normalize("It returns JSON.")).endswith("dʒeɪsɑːn")


def test_every_known_acronym_is_said_as_the_list_says(listener: Listener) -> None:
    """Each line of narrate/data/acronyms.tsv, in a sentence, through the voice's phonemizer."""
    for written, known in known_acronyms().items():
        spoken = normalize(f"We saw the {written} there.")
        if known.said == Acronym.LETTERS:
            assert spell(written) in spoken, written
            continue
        report = audit_spoken([spoken], listener)
        spelled = [f.item for f in report.flags if f.kind is FlagKind.SPELLED]
        assert spelled == [], written
        assert written in spoken or known.said in spoken or written.capitalize() in spoken
