"""Sentence splitting with another language's abbreviations and ordinals."""

from __future__ import annotations

import pytest

from narrate.text.sentences import split_sentences

CASES = [
    ("de", "Am 3. Oktober sprach Prof. Keller. Danach ging sie.",
     ["Am 3. Oktober sprach Prof. Keller.", "Danach ging sie."]),
    ("de", "Sie wurde beim 2. Versuch Dritte. Er kam auf Platz 4. Danach regnete es.",
     ["Sie wurde beim 2. Versuch Dritte.", "Er kam auf Platz 4.", "Danach regnete es."]),
    ("de", "Es gab z. B. Äpfel, bzw. Birnen. Mehr nicht.",
     ["Es gab z. B. Äpfel, bzw. Birnen.", "Mehr nicht."]),
    ("es", "La Sra. Ruiz llegó tarde. El Dr. Ortega no.",
     ["La Sra. Ruiz llegó tarde.", "El Dr. Ortega no."]),
    ("fr", "M. Martin est venu avec Mme Petit. Ils sont partis.",
     ["M. Martin est venu avec Mme Petit.", "Ils sont partis."]),
    ("uk", "Він живе на вул. Шевченка. Вона теж.", ["Він живе на вул. Шевченка.", "Вона теж."]),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "sentences"), CASES)
def test_a_language_s_abbreviations_end_no_sentence(
    language: str, text: str, sentences: list[str]
) -> None:
    assert split_sentences(text, language) == sentences


def test_english_rules_stay_the_default() -> None:
    assert split_sentences("It was 3. Then it rained.") == ["It was 3.", "Then it rained."]
