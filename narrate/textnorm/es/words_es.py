"""Spanish words for units, currencies, symbols and abbreviations: data, read by the passes."""

from __future__ import annotations

from typing import Final

from narrate.textnorm.rules import Unit, split_words

MONTHS: Final = split_words(
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
)
MONTH_NUMBERS: Final = {
    **{name: number for number, name in enumerate(MONTHS, 1)},
    "setiembre": 9,
    **{name[:3] + ".": number for number, name in enumerate(MONTHS, 1)},
    "sept.": 9,
}

UNITS: Final = {
    "km": Unit("kilómetro", "kilómetros"),
    "m": Unit("metro", "metros"),
    "cm": Unit("centímetro", "centímetros"),
    "mm": Unit("milímetro", "milímetros"),
    "kg": Unit("kilogramo", "kilogramos"),
    "g": Unit("gramo", "gramos"),
    "mg": Unit("miligramo", "miligramos"),
    "t": Unit("tonelada", "toneladas", feminine=True),
    "l": Unit("litro", "litros"),
    "ml": Unit("mililitro", "mililitros"),
    "h": Unit("hora", "horas", feminine=True),
    "min": Unit("minuto", "minutos"),
    "s": Unit("segundo", "segundos"),
    "km/h": Unit("kilómetro por hora", "kilómetros por hora"),
    "kph": Unit("kilómetro por hora", "kilómetros por hora"),
    "m/s": Unit("metro por segundo", "metros por segundo"),
    "mph": Unit("milla por hora", "millas por hora", feminine=True),
    "m²": Unit("metro cuadrado", "metros cuadrados"),
    "m2": Unit("metro cuadrado", "metros cuadrados"),
    "km²": Unit("kilómetro cuadrado", "kilómetros cuadrados"),
    "m³": Unit("metro cúbico", "metros cúbicos"),
    "ha": Unit("hectárea", "hectáreas", feminine=True),
    "°C": Unit("grado Celsius", "grados Celsius"),
    "°F": Unit("grado Fahrenheit", "grados Fahrenheit"),
    "°": Unit("grado", "grados"),
    "W": Unit("vatio", "vatios"),
    "kW": Unit("kilovatio", "kilovatios"),
    "MW": Unit("megavatio", "megavatios"),
    "GW": Unit("gigavatio", "gigavatios"),
    "kWh": Unit("kilovatio hora", "kilovatios hora"),
    "V": Unit("voltio", "voltios"),
    "mV": Unit("milivoltio", "milivoltios"),
    "Hz": Unit("hercio", "hercios"),
    "MHz": Unit("megahercio", "megahercios"),
    "GHz": Unit("gigahercio", "gigahercios"),
    "MB": Unit("megabyte", "megabytes"),
    "GB": Unit("gigabyte", "gigabytes"),
    "TB": Unit("terabyte", "terabytes"),
    "ft": Unit("pie", "pies"),
    "in": Unit("pulgada", "pulgadas", feminine=True),
    "mi": Unit("milla", "millas", feminine=True),
    "psi": Unit("p s i", "p s i"),
}

CURRENCIES: Final = {
    **dict.fromkeys(("€", "eur", "euro", "euros"), Unit("euro", "euros")),
    **dict.fromkeys(("us$", "usd"), Unit("dólar estadounidense", "dólares estadounidenses")),
    **dict.fromkeys(("$", "dólar", "dólares"), Unit("dólar", "dólares")),
    **dict.fromkeys(
        ("£", "gbp"), Unit("libra", "libras", feminine=True, cent=Unit("penique", "peniques"))
    ),
    **dict.fromkeys(("₩", "krw"), Unit("won", "wones")),
    **dict.fromkeys(("bop", "bob"), Unit("peso boliviano", "pesos bolivianos")),
    **dict.fromkeys(("nio",), Unit("córdoba", "córdobas")),
    **dict.fromkeys(("ars",), Unit("peso argentino", "pesos argentinos")),
    **dict.fromkeys(("cop",), Unit("peso colombiano", "pesos colombianos")),
    **dict.fromkeys(("clp",), Unit("peso chileno", "pesos chilenos")),
    **dict.fromkeys(("¥", "jpy"), Unit("yen", "yenes")),
    **dict.fromkeys(("₧", "pta", "ptas"), Unit("peseta", "pesetas", feminine=True)),
    **dict.fromkeys(("mxn", "peso", "pesos"), Unit("peso", "pesos")),
    **dict.fromkeys(("q", "gtq"), Unit("quetzal", "quetzales")),
    **dict.fromkeys(("fr", "chf"), Unit("franco", "francos")),
    **dict.fromkeys(("₴", "uah"), Unit("grivna", "grivnas", feminine=True)),
}
CENTS: Final = Unit("centavo", "centavos")
SCALES: Final = {
    **dict.fromkeys(("millón", "millones", "mill."), Unit("millón", "millones")),
    **dict.fromkeys(("billón", "billones"), Unit("billón", "billones")),
    **dict.fromkeys(("trillón", "trillones"), Unit("trillón", "trillones")),
    **dict.fromkeys(("mil millones", "mm"), Unit("mil millones", "mil millones")),
}

SYMBOLS: Final = {"&": "y", "+": "más", "=": "igual a", "%": "por ciento", "°": "grados"}
ELECTRONIC: Final = {"@": "arroba", ".": "punto", "/": "barra", ":": "dos puntos",
                     "-": "guion", "_": "guion bajo", "^": "acento circunflejo"}  # fmt: skip
WEB_WORDS: Final = frozenset(split_words("com net es mx ar info gmail yahoo hotmail outlook"))
DIGITS: Final = tuple(split_words("cero uno dos tres cuatro cinco seis siete ocho nueve"))

ABBREVIATIONS: Final = {
    "Sr.": "señor",
    "Sres.": "señores",
    "Sra.": "señora",
    "Srta.": "señorita",
    "Dr.": "doctor",
    "Dra.": "doctora",
    "Dña.": "doña",
    "Prof.": "profesor",
    "Lic.": "licenciado",
    "Ing.": "ingeniero",
    "Gral.": "general",
    "Ud.": "usted",
    "Uds.": "ustedes",
    "Sto.": "santo",
    "Sta.": "santa",
    "etc.": "etcétera",
    "p. ej.": "por ejemplo",
    "aprox.": "aproximadamente",
    "núm.": "número",
    "n.º": "número",
    "esq.": "esquina",
    "av.": "avenida",
    "avda.": "avenida",
    "pág.": "página",
    "tel.": "teléfono",
    "EE. UU.": "Estados Unidos",
    "EE.UU.": "Estados Unidos",
    "a. C.": "antes de Cristo",
    "d. C.": "después de Cristo",
    "a. m.": "de la mañana",
    "a.m.": "de la mañana",
    "p. m.": "de la tarde",
    "p.m.": "de la tarde",
    "vs.": "contra",
    "GMT": "g m t",
    "UTC": "u t c",
    "CET": "c e t",
    "EST": "e s t",
    "PST": "p s t",
}
