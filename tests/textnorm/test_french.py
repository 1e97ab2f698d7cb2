"""French normaliser: one table of written forms and what a narrator says, per kind of text."""

from __future__ import annotations

import pytest

from narrate import normalize

CASES = [
    ("Il y avait 2 750 spectateurs.", "Il y avait deux mille sept cent cinquante spectateurs."),
    ("Le taux atteint 1,5 %.", "Le taux atteint un virgule cinq pour cent."),
    ("Il fait -3 degrés.", "Il fait moins trois degrés."),
    ("C'est la 3e fois.", "C'est la troisième fois."),
    ("La 1re édition", "La première édition"),
    ("Le 1er juin 2022", "Le premier juin deux mille vingt-deux"),
    ("Né le 14/07/1989", "Né le quatorze juillet mille neuf cent quatre-vingt-neuf"),
    ("Rendez-vous à 14h30.", "Rendez-vous à quatorze heures trente."),
    ("Départ à 1h.", "Départ à une heure."),
    ("Le billet coûte 12 €.", "Le billet coûte douze euros."),
    ("Un budget de 3 milliards €", "Un budget de trois milliards d'euros"),
    ("Il a couru 42 km.", "Il a couru quarante-deux kilomètres."),
    ("Les 2/3 des votants", "Les deux tiers des votants"),
    ("Mme Dupont et M. Martin", "Madame Dupont et monsieur Martin"),
    ("Le XIXe siècle et Louis Ier", "Le dix-neuvième siècle et Louis premier"),
    ("Louis XIV et Jean-Paul II", "Louis quatorze et Jean-Paul deux"),
    ("Entre 2020-2022", "Entre deux mille vingt et deux mille vingt-deux"),
    ("Ce match s'est fini 3-0.", "Ce match s'est fini trois à zéro."),
    ("Une salle de 1 000 000 places", "Une salle de un million places"),
    ("Tél. 04 72 10 30 05", "Téléphone zéro quatre, soixante-douze, dix, trente, zéro cinq"),
]


@pytest.mark.parametrize(("written", "spoken"), CASES)
def test_french_written_forms(written: str, spoken: str) -> None:
    assert normalize(written, language="fr") == spoken
