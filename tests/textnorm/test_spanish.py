"""Spanish normaliser: one table of written forms and what a narrator says, per kind of text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from narrate import normalize
from narrate.textnorm.es.numbers_es import before_noun, fraction, ordinal

CASES = [
    ("Llegaron 3.400 personas.", "Llegaron tres mil cuatrocientas personas."),
    ("Fueron 21 días y 301 víctimas.", "Fueron veintiún días y trescientas una víctimas."),
    ("La tasa subió al 2,25 %.", "La tasa subió al dos coma veinticinco por ciento."),
    ("Hace -5 grados.", "Hace menos cinco grados."),
    ("Quedó 4.º en la carrera.", "Quedó cuarto en la carrera."),
    ("Es la 12.ª edición.", "Es la decimosegunda edición."),
    ("El 1.er puesto", "El primer puesto"),
    ("Nació el 7/6/1985.", "Nació el siete de junio de mil novecientos ochenta y cinco."),
    ("El 1 de mayo de 2023", "El primero de mayo de dos mil veintitrés"),
    ("En el siglo XIX", "En el siglo diecinueve"),
    ("Abre a las 9:30.", "Abre a las nueve y media."),
    ("Cierra a las 21.15 h.", "Cierra a las veintiuna y cuarto."),
    ("Cuesta 3,40 €.", "Cuesta tres euros cuarenta centavos."),
    ("Pagó 1 £.", "Pagó una libra."),
    ("Un déficit de 4 millones de dólares", "Un déficit de cuatro millones de dólares"),
    ("Son 25 km.", "Son veinticinco kilómetros."),
    (
        "Recorrió 2 1/2 km y luego 1 1/2 mi.",
        "Recorrió dos y medio kilómetros y luego una y media milla.",
    ),
    ("Entre 10-15 días", "Entre diez y quince días"),
    ("Sr. Gómez vive en la Avda. Sol", "Señor Gómez vive en la avenida Sol"),
    (
        "Llegó a las 14.05 y salió a las 5 p.m.",
        "Llegó a las catorce y cinco y salió a las cinco de la tarde",
    ),
    ("La IP es 10.0.12.7", "La IP es uno cero punto cero punto uno dos punto siete"),
    ("Pagaron 2.000.000.000 de pesos", "Pagaron dos mil millones de pesos"),
    # a decimal point, as the Americas write it, before an amount
    (
        "Cuesta $3.50 o 3.50 pesos, un 2.5 % más",
        "Cuesta tres dólares cincuenta centavos o tres pesos cincuenta centavos, un dos coma "
        "cinco por ciento más",
    ),
    ("Asistieron 81.000 personas", "Asistieron ochenta y un mil personas"),
    ("Felipe VI y Alfonso XIII", "Felipe sexto y Alfonso trece"),
    ("Escriba a ana@correo.es", "Escriba a a n a arroba c o r r e o punto es"),
]


@pytest.mark.parametrize(("written", "spoken"), CASES)
def test_spanish_written_forms(written: str, spoken: str) -> None:
    assert normalize(written, language="es") == spoken


def test_number_words() -> None:
    assert before_noun(21) == "veintiún"
    assert before_noun(300, feminine=True) == "trescientas"
    assert ordinal(23) == "vigesimotercero"
    assert ordinal(800, feminine=True) == "octingentésima"
    assert fraction(3, 14) == "tres catorceavos"
    assert fraction(1, 300) == "un tricentésimo"


@given(st.integers(min_value=0, max_value=10**12))
def test_every_number_is_words(n: int) -> None:
    spoken = normalize(f"Hay {n:,} casos.".replace(",", "."), language="es")
    assert not any(c.isdigit() for c in spoken)
