"""German words for units, currencies, symbols and abbreviations: data, read by the passes."""

from __future__ import annotations

from typing import Final

from narrate.textnorm.rules import Unit, split_words

MONTHS: Final = split_words(
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
)
_SHORT_MONTHS: Final = ("jan", "feb", "mär mrz", "apr", "", "jun", "jul", "aug", "sep sept", "okt",
                       "nov", "dez")  # fmt: skip
MONTH_NUMBERS: Final = {
    **{name.lower(): number for number, name in enumerate(MONTHS, 1)},
    "jänner": 1,
    **{
        f"{short}.": number
        for number, names in enumerate(_SHORT_MONTHS, 1)
        for short in names.split()
    },
}

UNITS: Final = {
    "km": Unit("Kilometer", "Kilometer"),
    "m": Unit("Meter", "Meter"),
    "cm": Unit("Zentimeter", "Zentimeter"),
    "mm": Unit("Millimeter", "Millimeter"),
    "kg": Unit("Kilogramm", "Kilogramm"),
    "g": Unit("Gramm", "Gramm"),
    "mg": Unit("Milligramm", "Milligramm"),
    "t": Unit("Tonne", "Tonnen", feminine=True),
    "l": Unit("Liter", "Liter"),
    "ml": Unit("Milliliter", "Milliliter"),
    "h": Unit("Stunde", "Stunden", feminine=True),
    "Std.": Unit("Stunde", "Stunden", feminine=True),
    "min": Unit("Minute", "Minuten", feminine=True),
    "Min.": Unit("Minute", "Minuten", feminine=True),
    "s": Unit("Sekunde", "Sekunden", feminine=True),
    "Sek.": Unit("Sekunde", "Sekunden", feminine=True),
    "km/h": Unit("Kilometer pro Stunde", "Kilometer pro Stunde"),
    "m/s": Unit("Meter pro Sekunde", "Meter pro Sekunde"),
    "mph": Unit("Meile pro Stunde", "Meilen pro Stunde", feminine=True),
    "m²": Unit("Quadratmeter", "Quadratmeter"),
    "m2": Unit("Quadratmeter", "Quadratmeter"),
    "km²": Unit("Quadratkilometer", "Quadratkilometer"),
    "qm": Unit("Quadratmeter", "Quadratmeter"),
    "m³": Unit("Kubikmeter", "Kubikmeter"),
    "ha": Unit("Hektar", "Hektar"),
    "°C": Unit("Grad Celsius", "Grad Celsius"),
    "°F": Unit("Grad Fahrenheit", "Grad Fahrenheit"),
    "°": Unit("Grad", "Grad"),
    "W": Unit("Watt", "Watt"),
    "kW": Unit("Kilowatt", "Kilowatt"),
    "MW": Unit("Megawatt", "Megawatt"),
    "GW": Unit("Gigawatt", "Gigawatt"),
    "kWh": Unit("Kilowattstunde", "Kilowattstunden", feminine=True),
    "V": Unit("Volt", "Volt"),
    "mV": Unit("Millivolt", "Millivolt"),
    "kV": Unit("Kilovolt", "Kilovolt"),
    "A": Unit("Ampere", "Ampere"),
    "Hz": Unit("Hertz", "Hertz"),
    "kHz": Unit("Kilohertz", "Kilohertz"),
    "MHz": Unit("Megahertz", "Megahertz"),
    "GHz": Unit("Gigahertz", "Gigahertz"),
    "KB": Unit("Kilobyte", "Kilobyte"),
    "MB": Unit("Megabyte", "Megabyte"),
    "GB": Unit("Gigabyte", "Gigabyte"),
    "TB": Unit("Terabyte", "Terabyte"),
    "ft": Unit("Fuß", "Fuß"),
    "in": Unit("Zoll", "Zoll"),
    "mi": Unit("Meile", "Meilen", feminine=True),
    "PS": Unit("PS", "PS"),
}

CURRENCIES: Final = {
    **dict.fromkeys(("€", "eur", "euro"), Unit("Euro", "Euro")),
    **dict.fromkeys(("$", "us$", "usd", "dollar"), Unit("Dollar", "Dollar")),
    **dict.fromkeys(("£", "gbp"), Unit("Pfund", "Pfund")),
    **dict.fromkeys(("chf", "sfr."), Unit("Franken", "Franken")),
    **dict.fromkeys(("¥", "jpy"), Unit("Yen", "Yen")),
    **dict.fromkeys(("₴", "uah"), Unit("Hrywnja", "Hrywnja", feminine=True)),
    **dict.fromkeys(("₽", "rub"), Unit("Rubel", "Rubel")),
}
CENTS: Final = Unit("Cent", "Cent")
SCALES: Final = {
    **dict.fromkeys(("mio.", "mio", "million", "millionen"), Unit("Million", "Millionen", True)),
    **dict.fromkeys(
        ("mrd.", "mrd", "milliarde", "milliarden"), Unit("Milliarde", "Milliarden", True)
    ),
    **dict.fromkeys(("bio.", "billion", "billionen"), Unit("Billion", "Billionen", True)),
    **dict.fromkeys(("tsd.",), Unit("tausend", "tausend")),
}

SYMBOLS: Final = {"&": "und", "§§": "Paragrafen", "§": "Paragraf", "+": "plus", "=": "gleich",
                  "%": "Prozent", "‰": "Promille", "°": "Grad"}  # fmt: skip
ELECTRONIC: Final = {"@": "at", ".": "Punkt", "/": "Slash", ":": "Doppelpunkt",
                     "-": "Bindestrich", "_": "Unterstrich"}  # fmt: skip
WEB_WORDS: Final = frozenset(
    split_words("com net org de at ch info gmail gmx web yahoo hotmail outlook")
)
DIGITS: Final = tuple(split_words("null eins zwei drei vier fünf sechs sieben acht neun"))

ABBREVIATIONS: Final = {
    "Nr.": "Nummer",
    "Nrn.": "Nummern",
    "Dr.": "Doktor",
    "Prof.": "Professor",
    "Hr.": "Herr",
    "Fr.": "Frau",
    "St.": "Sankt",
    "Str.": "Straße",
    "z. B.": "zum Beispiel",
    "z.B.": "zum Beispiel",
    "d. h.": "das heißt",
    "d.h.": "das heißt",
    "u. a.": "unter anderem",
    "u.a.": "unter anderem",
    "u. Ä.": "und Ähnliches",
    "z. T.": "zum Teil",
    "usw.": "und so weiter",
    "bzw.": "beziehungsweise",
    "bspw.": "beispielsweise",
    "ca.": "circa",
    "etc.": "et cetera",
    "evtl.": "eventuell",
    "ggf.": "gegebenenfalls",
    "inkl.": "inklusive",
    "zzgl.": "zuzüglich",
    "vgl.": "vergleiche",
    "sog.": "sogenannte",
    "Mio.": "Millionen",
    "Mrd.": "Milliarden",
    "Tsd.": "tausend",
    "Jh.": "Jahrhundert",
    "v. Chr.": "vor Christus",
    "n. Chr.": "nach Christus",
    "Abs.": "Absatz",
    "Tel.": "Telefon",
    "Mr.": "Mister",
    "Mrs.": "Misses",
}
