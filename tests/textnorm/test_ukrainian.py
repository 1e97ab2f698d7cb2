"""Ukrainian: dates, years, money and percentages in their grammatical case."""

from __future__ import annotations

import pytest

from narrate import normalize

CASES = [
    ("24 серпня 1991 року", "двадцять четвертого серпня тисяча дев'ятсот дев'яносто першого року"),
    ("У 2023 році", "У дві тисячі двадцять третьому році"),
    ("Ціни зросли на 7 %.", "Ціни зросли на сім відсотків."),
    ("Коштує 3 грн", "Коштує три гривні"),
    ("Коштує 1 грн", "Коштує одна гривня"),
    ("Зарплата до 15 тисяч", "Зарплата до п'ятнадцяти тисяч"),
    ("Понад 300 учасників", "Понад трьохсот учасників"),
    ("Інфляція сягнула 1,5 %", "Інфляція сягнула одна кома п'ять відсотка"),
    (
        "Почнеться о 14:30, об 11:00 перерва",
        "Почнеться о чотирнадцятій тридцять, об одинадцятій перерва",
    ),
    ("3 травня", "третього травня"),
]


@pytest.mark.parametrize(("written", "spoken"), CASES)
def test_ukrainian_written_forms(written: str, spoken: str) -> None:
    assert normalize(written, language="uk") == spoken
