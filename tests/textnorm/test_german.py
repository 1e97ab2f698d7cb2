"""German normaliser: one table of written forms and what a narrator says, per kind of text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from narrate import normalize
from narrate.textnorm.de.numbers_de import cardinal, fraction, ordinal

CASES = [
    # numbers, with thousands dots and decimal commas
    ("Es kamen 4.250 Menschen.", "Es kamen vier tausend zwei hundert fünfzig Menschen."),
    ("Der Index fiel um 0,75 Punkte.", "Der Index fiel um null Komma sieben fünf Punkte."),
    ("Es waren -12 Grad.", "Es waren minus zwölf Grad."),
    # ordinals: the ending follows the word before
    ("Am 3. Oktober ist Feiertag.", "Am dritten Oktober ist Feiertag."),
    ("Der 2. Versuch klappte.", "Der zweite Versuch klappte."),
    ("Sie wurde 7. im Finale.", "Sie wurde siebter im Finale."),
    ("Es waren 3. Danach nichts.", "Es waren drei. Danach nichts."),
    # dates and years
    ("Stand: 05.11.2024", "Stand: fünfter November zwei tausend vier und zwanzig"),
    ("Seit 1998 wohnt sie hier.", "Seit neunzehn hundert acht und neunzig wohnt sie hier."),
    ("Bericht vom 2021-07-15", "Bericht vom fünfzehnter Juli zwei tausend ein und zwanzig"),
    # times
    ("Um 18:45 Uhr begann es.", "Um achtzehn Uhr fünf und vierzig begann es."),
    ("Beginn 9.05 Uhr", "Beginn neun Uhr fünf"),
    # money, percentages, measures, ranges
    ("Es kostet 12,99 €.", "Es kostet zwölf Euro neun und neunzig Cent."),
    ("Ein Plus von 3,5 Mrd. Euro", "Ein Plus von drei Komma fünf Milliarden Euro"),
    ("Die Quote lag bei 40 %.", "Die Quote lag bei vierzig Prozent."),
    ("Er fuhr 130 km/h.", "Er fuhr ein hundert dreißig Kilometer pro Stunde."),
    (
        "Die Wohnung hat 1 Zimmer und 54 m².",
        "Die Wohnung hat ein Zimmer und vier und fünfzig Quadratmeter.",
    ),
    ("Es dauerte 1 h.", "Es dauerte eine Stunde."),
    ("Etwa 20-30 Gäste", "Etwa zwanzig bis dreißig Gäste"),
    ("zwischen 2020-2022", "zwischen zwei tausend zwanzig und zwei tausend zwei und zwanzig"),
    ("Nur 3/4 der Plätze", "Nur drei viertel der Plätze"),
    # scores, decades, "ein" before a noun
    ("Bayern gewann 3:2.", "Bayern gewann drei zu zwei."),
    ("Musik der 1980er Jahre", "Musik der neunzehn hundert achtziger Jahre"),
    ("Es gab 1 Tor und 1 Mio. Zuschauer.", "Es gab ein Tor und eine Million Zuschauer."),
    ("Nach 1 Stunde und 1 Tag", "Nach eine Stunde und ein Tag"),
    # abbreviations, phone numbers, addresses
    ("Dr. Weber, z. B. in Nr. 9", "Doktor Weber, zum Beispiel in Nummer neun"),
    (
        "Ruf an: +49 301234567",
        "Ruf an: plus neun und vierzig drei null eins zwei drei vier fünf sechs sieben",
    ),
    ("Mail an info@beispiel.de", "Mail an info at b e i s p i e l Punkt de"),
    ("Tel. 040 556677", "Telefon null vier null fünf fünf sechs sechs sieben sieben"),
    ("Es kostet 1.000.000 Euro.", "Es kostet eine Million Euro."),
]


@pytest.mark.parametrize(("written", "spoken"), CASES)
def test_german_written_forms(written: str, spoken: str) -> None:
    assert normalize(written, language="de") == spoken


def test_number_words() -> None:
    assert cardinal(1_000_001) == "eine Million eins"
    assert cardinal(2_000_000_000) == "zwei Milliarden"
    assert ordinal(1000, "en") == "ein tausendsten"
    assert fraction(3, 8) == "drei achtel"
    assert fraction(1, 2) == "ein halb"


@given(st.integers(min_value=0, max_value=10**15))
def test_every_number_is_words(n: int) -> None:
    spoken = normalize(f"Es sind {n:,} Stück.".replace(",", "."), language="de")
    assert not any(c.isdigit() for c in spoken)
