"""French words for units, currencies, symbols and abbreviations: data, read by the passes."""

from __future__ import annotations

from typing import Final

from narrate.textnorm.rules import Unit, split_words

MONTHS: Final = split_words(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
)
MONTH_NUMBERS: Final = {
    **{name: number for number, name in enumerate(MONTHS, 1)},
    "janv.": 1,
    "févr.": 2,
    "avr.": 4,
    "juil.": 7,
    "sept.": 9,
    "oct.": 10,
    "nov.": 11,
    "déc.": 12,
}

UNITS: Final = {
    "km": Unit("kilomètre", "kilomètres"),
    "m": Unit("mètre", "mètres"),
    "cm": Unit("centimètre", "centimètres"),
    "mm": Unit("millimètre", "millimètres"),
    "kg": Unit("kilogramme", "kilogrammes"),
    "g": Unit("gramme", "grammes"),
    "mg": Unit("milligramme", "milligrammes"),
    "t": Unit("tonne", "tonnes", feminine=True),
    "l": Unit("litre", "litres"),
    "L": Unit("litre", "litres"),
    "ml": Unit("millilitre", "millilitres"),
    "min": Unit("minute", "minutes", feminine=True),
    "s": Unit("seconde", "secondes", feminine=True),
    "km/h": Unit("kilomètre par heure", "kilomètres par heure"),
    "m/s": Unit("mètre par seconde", "mètres par seconde"),
    "m²": Unit("mètre carré", "mètres carrés"),
    "m2": Unit("mètre carré", "mètres carrés"),
    "km²": Unit("kilomètre carré", "kilomètres carrés"),
    "m³": Unit("mètre cube", "mètres cubes"),
    "ha": Unit("hectare", "hectares"),
    "°C": Unit("degré Celsius", "degrés Celsius"),
    "°F": Unit("degré Fahrenheit", "degrés Fahrenheit"),
    "W": Unit("watt", "watts"),
    "kW": Unit("kilowatt", "kilowatts"),
    "MW": Unit("mégawatt", "mégawatts"),
    "GW": Unit("gigawatt", "gigawatts"),
    "kWh": Unit("kilowattheure", "kilowattheures"),
    "V": Unit("volt", "volts"),
    "Hz": Unit("hertz", "hertz"),
    "Mo": Unit("mégaoctet", "mégaoctets"),
    "Go": Unit("gigaoctet", "gigaoctets"),
    "To": Unit("téraoctet", "téraoctets"),
}

CURRENCIES: Final = {
    **dict.fromkeys(("€", "eur", "euro", "euros"), Unit("euro", "euros")),
    **dict.fromkeys(("$", "usd", "dollar", "dollars"), Unit("dollar", "dollars")),
    **dict.fromkeys(("£", "gbp"), Unit("livre", "livres", feminine=True)),
    **dict.fromkeys(("chf",), Unit("franc suisse", "francs suisses")),
    **dict.fromkeys(("¥", "jpy"), Unit("yen", "yens")),
    **dict.fromkeys(("₴", "uah"), Unit("hryvnia", "hryvnias", feminine=True)),
    **dict.fromkeys(("fcfa", "xof"), Unit("franc CFA", "francs CFA")),
}
CENTS: Final = Unit("centime", "centimes")
SCALES: Final = {
    **dict.fromkeys(("million", "millions", "m"), Unit("million", "millions")),
    **dict.fromkeys(("milliard", "milliards", "md", "mds", "mrd"), Unit("milliard", "milliards")),
    **dict.fromkeys(("billion", "billions"), Unit("billion", "billions")),
}

SYMBOLS: Final = {"&": "et", "+": "plus", "=": "égale", "%": "pour cent", "°": "degrés"}
ELECTRONIC: Final = {"@": "arobase", ".": "point", "/": "slash", ":": "deux-points",
                     "-": "tiret", "_": "tiret bas"}  # fmt: skip
WEB_WORDS: Final = frozenset(
    split_words("com net org fr info gmail yahoo hotmail outlook orange free")
)
DIGITS: Final = tuple(split_words("zéro un deux trois quatre cinq six sept huit neuf"))

ABBREVIATIONS: Final = {
    "M.": "monsieur",
    "MM.": "messieurs",
    "Mme": "madame",
    "Mᵐᵉ": "madame",
    "Mmes": "mesdames",
    "Mᵐᵉˢ": "mesdames",
    "Mlle": "mademoiselle",
    "Mˡˡᵉ": "mademoiselle",
    "Mlles": "mesdemoiselles",
    "Dr": "docteur",
    "Pr": "professeur",
    "Me": "maître",
    "St": "saint",
    "Ste": "sainte",
    "etc.": "et cetera",
    "p. ex.": "par exemple",
    "env.": "environ",
    "n°": "numéro",
    "nº": "numéro",
    "c.-à-d.": "c'est-à-dire",
    "av. J.-C.": "avant Jésus-Christ",
    "apr. J.-C.": "après Jésus-Christ",
    "bd": "boulevard",
    "tél.": "téléphone",
}
