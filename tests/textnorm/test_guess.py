"""Guessing the language of a page that does not declare one."""

from __future__ import annotations

import pytest

from narrate.textnorm.guess import guess_language

TEXTS = {
    "en": "The council approved the budget on Tuesday after a long debate. Members said that "
    "the plan was fair and that it would be reviewed in the spring by an outside panel.",
    "de": "Der Rat hat den Haushalt am Dienstag nach langer Debatte gebilligt. Die Mitglieder "
    "sagten, der Plan sei fair und werde im Frühjahr von einem externen Gremium geprüft.",
    "es": "El consejo aprobó el presupuesto el martes tras un largo debate. Los miembros "
    "dijeron que el plan era justo y que sería revisado en primavera por un comité externo.",
    "fr": "Le conseil a approuvé le budget mardi après un long débat. Les membres ont dit que "
    "le plan était juste et qu'il serait revu au printemps par un comité extérieur.",
    "uk": "Рада затвердила бюджет у вівторок після довгих дебатів. Депутати заявили, що план "
    "справедливий і що його також перегляне зовнішня комісія навесні, ніж раніше.",
}


@pytest.mark.parametrize("code", list(TEXTS))
def test_news_prose_is_recognised(code: str) -> None:
    assert guess_language(TEXTS[code]) == code


@pytest.mark.parametrize("text", ["", "Short.", "12 345 678", "Berlin Paris Madrid Kyiv"])
def test_too_little_to_go_on_is_unknown(text: str) -> None:
    assert guess_language(text) == ""
