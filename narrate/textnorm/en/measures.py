"""Measures, units and percentages: "2,000km" -> "two thousand kilometers", "-7°C" -> "minus
seven degrees Celsius", "3.5%" -> "three point five percent", "60 mph" -> "sixty miles per hour".
"""

from __future__ import annotations

import re
from typing import Final

from narrate.textnorm.en.numbers import NUMBER, cardinal, number, with_and

# unit as written -> (singular, plural); case matters ("mW" is not "MW")
UNITS: Final = {
    "mm": ("millimeter", "millimeters"), "cm": ("centimeter", "centimeters"),
    "m": ("meter", "meters"), "km": ("kilometer", "kilometers"), "KM": ("kilometer", "kilometers"),
    "Km": ("kilometer", "kilometers"), "KG": ("kilogram", "kilograms"),
    "Kg": ("kilogram", "kilograms"),
    "in": ("inch", "inches"), "ft": ("foot", "feet"), "yd": ("yard", "yards"),
    "mi": ("mile", "miles"), "nm": ("nanometer", "nanometers"), "µm": ("micrometer", "micrometers"),
    "mg": ("milligram", "milligrams"), "g": ("gram", "grams"), "kg": ("kilogram", "kilograms"),
    "t": ("tonne", "tonnes"), "lb": ("pound", "pounds"), "lbs": ("pound", "pounds"),
    "lb-ft": ("pound-foot", "pound-feet"), "lb.-ft": ("pound-foot", "pound-feet"),
    "lb ft": ("pound-foot", "pound-feet"), "ft-lb": ("foot-pound", "foot-pounds"),
    "ft-lbs": ("foot-pound", "foot-pounds"), "Nm": ("newton meter", "newton meters"),
    "N·m": ("newton meter", "newton meters"), "N-m": ("newton meter", "newton meters"),
    "cu ft": ("cubic foot", "cubic feet"), "cu. ft": ("cubic foot", "cubic feet"),
    "cu. in": ("cubic inch", "cubic inches"), "cu in": ("cubic inch", "cubic inches"),
    "cu. m": ("cubic meter", "cubic meters"), "cu m": ("cubic meter", "cubic meters"),
    "oz": ("ounce", "ounces"), "ml": ("milliliter", "milliliters"),
    "tsp": ("teaspoon", "teaspoons"), "tbsp": ("tablespoon", "tablespoons"),
    "Tbsp": ("tablespoon", "tablespoons"), "pp": ("percentage point", "percentage points"),
    "mL": ("milliliter", "milliliters"),
    "l": ("liter", "liters"), "L": ("liter", "liters"), "cl": ("centiliter", "centiliters"),
    "cc": ("c c", "c c"), "sq km": ("square kilometer", "square kilometers"),
    "km2": ("square kilometer", "square kilometers"),
    "km²": ("square kilometer", "square kilometers"),
    "m2": ("square meter", "square meters"), "m²": ("square meter", "square meters"),
    "m3": ("cubic meter", "cubic meters"), "m³": ("cubic meter", "cubic meters"),
    "cm²": ("square centimeter", "square centimeters"),
    "cm2": ("square centimeter", "square centimeters"),
    "mm²": ("square millimeter", "square millimeters"),
    "cm³": ("cubic centimeter", "cubic centimeters"),
    "cm3": ("cubic centimeter", "cubic centimeters"),
    "km³": ("cubic kilometer", "cubic kilometers"),
    "ft²": ("square foot", "square feet"), "sq m": ("square meter", "square meters"),
    "sq. ft": ("square foot", "square feet"), "sq. m": ("square meter", "square meters"),
    "sq. km": ("square kilometer", "square kilometers"),
    "sq. mi": ("square mile", "square miles"),
    "ha": ("hectare", "hectares"), "sq ft": ("square foot", "square feet"),
    "sq mi": ("square mile", "square miles"), "mi²": ("square mile", "square miles"),
    "mph": ("mile per hour", "miles per hour"),
    "km/h": ("kilometer per hour", "kilometers per hour"),
    "kph": ("kilometer per hour", "kilometers per hour"),
    "kmh": ("kilometer per hour", "kilometers per hour"),
    "m/s": ("meter per second", "meters per second"), "rpm": ("r p m", "r p m"),
    "V": ("volt", "volts"), "kV": ("kilovolt", "kilovolts"), "mV": ("millivolt", "millivolts"),
    "A": ("amp", "amps"), "mA": ("milliamp", "milliamps"),
    "mAh": ("milliamp hour", "milliamp hours"),
    "W": ("watt", "watts"), "kW": ("kilowatt", "kilowatts"), "MW": ("megawatt", "megawatts"),
    "GW": ("gigawatt", "gigawatts"), "TW": ("terawatt", "terawatts"),
    "kWh": ("kilowatt hour", "kilowatt hours"), "MWh": ("megawatt hour", "megawatt hours"),
    "GWh": ("gigawatt hour", "gigawatt hours"), "TWh": ("terawatt hour", "terawatt hours"),
    "Hz": ("hertz", "hertz"), "kHz": ("kilohertz", "kilohertz"), "MHz": ("megahertz", "megahertz"),
    "GHz": ("gigahertz", "gigahertz"), "kb": ("kilobit", "kilobits"), "Mb": ("megabit", "megabits"),
    "Gb": ("gigabit", "gigabits"), "Tb": ("terabit", "terabits"),
    "Wh": ("watt hour", "watt hours"),
    "ppi": ("pixel per inch", "pixels per inch"), "dpi": ("dot per inch", "dots per inch"),
    "KB": ("kilobyte", "kilobytes"), "MB": ("megabyte", "megabytes"),
    "GB": ("gigabyte", "gigabytes"),
    "TB": ("terabyte", "terabytes"), "kbps": ("kilobit per second", "kilobits per second"),
    "mbps": ("megabit per second", "megabits per second"),
    "Mbps": ("megabit per second", "megabits per second"),
    "Gbps": ("gigabit per second", "gigabits per second"), "kcal": ("kilocalorie", "kilocalories"),
    "cal": ("calorie", "calories"), "psi": ("p s i", "p s i"), "hp": ("horsepower", "horsepower"),
    "bhp": ("brake horsepower", "brake horsepower"), "dB": ("decibel", "decibels"),
    "mmHg": ("millimeter of mercury", "millimeters of mercury"), "Pa": ("pascal", "pascals"),
    "kPa": ("kilopascal", "kilopascals"), "hPa": ("hectopascal", "hectopascals"),
    "ms": ("millisecond", "milliseconds"), "sec": ("second", "seconds"),
    "min": ("minute", "minutes"),
    "mins": ("minute", "minutes"), "hr": ("hour", "hours"), "hrs": ("hour", "hours"),
    "h": ("hour", "hours"), "yrs": ("year", "years"), "kt": ("knot", "knots"),
    "°C": ("degree Celsius", "degrees Celsius"), "°F": ("degree Fahrenheit", "degrees Fahrenheit"),
    "ºC": ("degree Celsius", "degrees Celsius"), "ºF": ("degree Fahrenheit", "degrees Fahrenheit"),
    "° C": ("degree Celsius", "degrees Celsius"),
    "° F": ("degree Fahrenheit", "degrees Fahrenheit"),
    "℃": ("degree Celsius", "degrees Celsius"), "℉": ("degree Fahrenheit", "degrees Fahrenheit"),
    "°": ("degree", "degrees"), "º": ("degree", "degrees"),
    "%": ("percent", "percent"), "per cent": ("percent", "percent"),
    "‰": ("per mille", "per mille"),
}  # fmt: skip
# units that are also common words or letters: only read as units when glued to the number
_GLUED_ONLY: Final = frozenset(
    {"in", "m", "t", "l", "A", "g", "h", "min", "x", "cal", "W", "V", "Pa", "yd"}
)
_SPACED_WHEN_CLEAR: Final = frozenset({"m", "g", "yd", "W", "V"})
# "( 5.2 m )", "4 m long": a letter after a number, spaced, is a unit when nothing else follows
_CLEARLY_A_UNIT = re.compile(
    r"\s?[)\],;:]|\s(?:long|high|wide|deep|tall|thick|away|apart|across|above|below)\b"
    r"|\.?\s*$|\.\s+[A-Z]"
)
PER_UNITS: Final = {
    "hr": "hour", "h": "hour", "hour": "hour", "wk": "week", "week": "week", "yr": "year",
    "year": "year", "day": "day", "d": "day", "mo": "month", "month": "month", "s": "second",
    "sec": "second", "min": "minute", "kg": "kilogram", "g": "gram", "lb": "pound",
    "km": "kilometer", "m": "meter", "l": "liter", "L": "liter", "person": "person",
    "head": "head", "capita": "capita", "kWh": "kilowatt hour", "MWh": "megawatt hour",
    "barrel": "barrel", "bbl": "barrel", "tonne": "tonne", "t": "tonne", "share": "share",
    "km²": "square kilometer", "km2": "square kilometer", "sq km": "square kilometer",
    "mi²": "square mile", "sq mi": "square mile", "m²": "square meter", "ha": "hectare",
    "m2": "square meter", "sq m": "square meter", "m³": "cubic meter", "m3": "cubic meter",
    "cm³": "cubic centimeter", "cm3": "cubic centimeter", "ft²": "square foot",
}  # fmt: skip

_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_MEASURE = re.compile(
    rf"(?<![\w.,])(?P<sign>[-−–]|minus\s)?(?P<value>{NUMBER})(?P<space>\s?)(?P<hyphen>-?)"
    rf"(?P<unit>{_UNIT_ALT})(?![\w²³]|-\d)(?:\.(?=\s[a-z]))?"
)
_PER_ALT = "|".join(re.escape(u) for u in sorted(PER_UNITS, key=len, reverse=True))
_PER = re.compile(rf"(?<=[\w%.])\s?/\s?(?P<unit>{_PER_ALT})(?![A-Za-z²])")
_RANGE_START = re.compile(
    rf"(?<![\w.,])(?P<first>{NUMBER})"
    rf"(?= to (?:{NUMBER})(?P<space>\s?)-?(?P<unit>{_UNIT_ALT})(?![\w²³]))"
)
_RANGE_UNIT = re.compile(
    rf"(?<![\w.,])(?P<first>{NUMBER})(?P<glue>\s?)(?P<unit>°[CF]?|%)?\s?[-–]\s?(?=\d[\d,.]*\s?(?P=unit))"
)


_NEXT_WORD = re.compile(r" ([a-z]+)\b")
_NOT_NOUNS: Final = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "from", "by", "for",
    "with", "per", "into", "onto", "over", "under", "above", "below", "away", "long", "high",
    "wide", "deep", "tall", "thick", "old", "ago", "apart", "off", "up", "down", "out", "back",
    "across", "along", "around", "behind", "beyond", "inside", "outside", "north", "south", "east",
    "west", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
    "could", "can", "may", "might", "should", "must", "do", "does", "did", "than", "then", "as",
    "so", "if", "while", "each", "every", "more", "less", "higher", "lower", "rise", "fall",
    "rose", "fell", "increase", "decrease", "drop", "jump", "jumped", "dropped", "rising",
    "falling", "further", "farther", "short", "shy", "northeast", "northwest", "southeast",
    "southwest", "upstream", "downstream", "inland", "offshore", "underground", "beneath",
    "among", "amongst", "between", "against", "within", "without", "through", "toward", "towards",
    "via", "like", "until", "since", "during", "after", "before", "upon", "when", "where", "which",
    "that", "who", "it", "they", "we", "he", "she", "you", "i", "not", "only", "just", "about",
})  # fmt: skip
_NO_ADJECTIVE: Final = frozenset({"%", "per cent", "°", "º", "x", "mph", "kph", "km/h", "m/s"})


def _adjectival(m: re.Match[str]) -> bool:
    """ "a 155mm shell", "330 kV lines": a measure before a noun is singular."""
    if m["unit"] in _NO_ADJECTIVE or m["unit"].startswith(("°", "º", "℃", "℉")):
        return False
    return noun_follows(m.string, m.end())


_BEFORE_NOUN: Final = frozenset({"offshore", "onshore", "underground", "inland", "overhead"})
"""Words that are adverbs after a measure ("10 km offshore") but adjectives before a noun
("a 900 MW offshore wind farm")."""
_ED_NOUNS: Final = frozenset({"speed", "feed", "seed", "need", "bed", "shed", "breed", "bred"})


def noun_follows(text: str, position: int) -> bool:
    """Whether the word at position is (probably) a noun the measure describes: "155mm shells"."""
    following = _NEXT_WORD.match(text, position)
    if following is None:
        return False
    word = following[1]
    if word in _BEFORE_NOUN:
        return noun_follows(text, following.end())
    if word.endswith("ed") and word not in _ED_NOUNS:
        return False  # "37 TWh consumed": a verb
    return word not in _NOT_NOUNS


def _measure(m: re.Match[str]) -> str:
    unit = m["unit"]
    if (
        unit in _GLUED_ONLY
        and m["space"]
        and not (unit in _SPACED_WHEN_CLEAR and _CLEARLY_A_UNIT.match(m.string, m.end()))
    ):
        return m[0]
    value = m["value"]
    one, many = UNITS[unit]
    name = one if (value == "1" and not m["sign"]) or m["hyphen"] or _adjectival(m) else many
    sign = "minus " if m["sign"] else ""
    joiner = "-" if m["hyphen"] else " "
    read = _range_end if m.string.endswith(" to ", 0, m.start()) else number
    return f"{sign}{read(value)}{joiner}{name}"


def _range_end(value: str) -> str:
    """Either end of a range of measures, "1234-123kg", is read with "and", as news readers
    say it: "one thousand two hundred and thirty four to one hundred and twenty three"."""
    plain = value.replace(",", "")
    if plain.isdigit() and not plain.startswith("0") and len(plain) <= 12:
        return with_and(int(plain))
    return number(value)


def _per(m: re.Match[str]) -> str:
    return f" per {PER_UNITS[m['unit']]}"


def _range_unit(m: re.Match[str]) -> str:
    """ "5-10%" or "20°-25°": drop the first unit and say "to"; the second is read later."""
    return f"{m['first']} to "


def _range_start(m: re.Match[str]) -> str:
    if m["space"] and m["unit"] in _GLUED_ONLY:
        return m[0]  # "from 1907 to 1910 in": a word, not inches
    return _range_end(m["first"])


# a height: 5'10" or 6′2″
_FEET_INCHES = re.compile(
    r"(?<![\w.'])(?P<feet>\d)(?:['′]\s?|\s?(?:ft|feet|foot)\s)(?P<inches>1[01]|\d)"
    r"(?:\"|''|″|”|\s?in\b|\s?inch(?:es)?\b|(?![\w'′\"″”.,]\w|[\d'′]))"
)
_SCALE_WORDS: Final = {"bn": "billion", "mn": "million", "tn": "trillion", "trn": "trillion"}
_SCALED = re.compile(
    rf"(?<![\w.,$£€¥])(?P<value>{NUMBER})(?P<scale>bn|mn|tn|trn|m(?=\s(?P<noun>[a-z]+)\b))(?!\w)"
)
_COUNTED_NOUNS: Final = frozenset({"people", "men", "women", "children", "cattle", "staff", "bpd"})
_BPD = re.compile(r"\bb/?pd\b")
_RACES: Final = frozenset({"hurdles", "steeplechase", "sprints", "relays", "finals", "heats"})
_DEGREES = re.compile(
    rf"(?<![\w.,])(?P<sign>[-−]|minus\s)?(?P<value>{NUMBER})(?P<unit>[CF])\b(?!['’]|\.\w)"
)
_TEMPERATURE_CUES: Final = frozenset({
    "at", "of", "to", "below", "above", "around", "about", "than", "hit", "hits", "reached",
    "reach", "reaching", "high", "low", "highs", "lows", "near", "from", "and", "or", "between",
    "exceeded", "exceeding", "topped", "topping", "warming", "plus", "minus", "by", "nearly",
})  # fmt: skip
_TEMPERATURE_NOUNS: Final = frozenset({
    "heat", "heatwave", "heatwaves", "temperature", "temperatures", "weather", "day", "days",
    "summer", "winter", "water", "sea", "high", "highs", "low", "lows", "warming", "rise",
})  # fmt: skip
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")
_FIRST_WORD = re.compile(r"\s([A-Za-z]+)")
_WORD_UNITS = sorted(
    (u for u in UNITS if u not in _GLUED_ONLY and u[0].isalpha() and u != "per cent"),
    key=len,
    reverse=True,
)
_PER_WORD = re.compile(rf"\bper\s(?P<unit>{'|'.join(map(re.escape, _WORD_UNITS))})(?![\w²³/])")


def _scaled(m: re.Match[str]) -> str:
    """ "1.2bn people" -> "one point two billion people"; "2m people", but "the 100m hurdles"."""
    scale = m["scale"]
    if scale == "m":
        noun = m["noun"]
        counted = noun in _COUNTED_NOUNS or (noun.endswith("s") and not noun.endswith("ss"))
        if not counted or noun in _RACES:
            return m[0]
        return f"{number(m['value'])} million"
    return f"{number(m['value'])} {_SCALE_WORDS[scale]}"


def _degrees(m: re.Match[str]) -> str:
    """ "1.5C", "-3C", "highs of 20C": degrees Celsius (or Fahrenheit) without the sign."""
    value = m["value"]
    if not (m["sign"] or "." in value):
        before = _LAST_WORD.search(m.string, max(0, m.start() - 40), m.start())
        after = _FIRST_WORD.match(m.string, m.end())
        cued = before is not None and before[1].lower() in _TEMPERATURE_CUES
        if not cued and (after is None or after[1].lower() not in _TEMPERATURE_NOUNS):
            return m[0]  # "Apartment 3C", "Class 4F"; but "a 40C heatwave"
    one, many = UNITS[f"°{m['unit']}"]
    sign = "minus " if m["sign"] else ""
    return f"{sign}{number(value)} {one if value == '1' and not sign else many}"


# a position: "41°17′S", "174°27'45\"E", "42.5°N": degrees, minutes and seconds of arc
_COORDINATE = re.compile(
    r"(?<![\w.])(?P<deg>\d{1,3}(?:\.\d+)?)[°º]\s?(?:(?P<min>\d{1,2}(?:\.\d+)?)[′']\s?"
    r"(?:(?P<sec>\d{1,2}(?:\.\d+)?)(?:″|'')\s?)?)?(?P<dir>[NSEW])\b"
)
_DIRECTIONS: Final = {"N": "north", "S": "south", "E": "east", "W": "west"}
# dimensions: "2x3 mm", "4 x 6 ft", "10×20 cm": "two by three millimeters"; with no unit after,
# "3 × 4" is multiplication and "2x8" is read with its "x"
_BY = rf"\s?[x×]\s?(?=[\d.,]+(?:\s?[x×]\s?[\d.,]+)?\s?(?:{_UNIT_ALT})(?![\w²³]))"
_DIMENSIONS = re.compile(
    rf"(?<![\w.,])(?P<first>{NUMBER})(?P<rest>(?:{_BY}(?:{NUMBER})){{1,2}})(?![\w.,]|\.\d)"
)
_BY_SIGN = re.compile(r"\s?[x×]\s?")
# a multiple: "7x more", "a 10x zoom", "grew 3x." are "times"; before a capital it may be a
# name ("10x Genomics"), and before a digit a dimension or a code ("4x4")
_MULTIPLE = re.compile(r"(?<![\w.,])(?P<n>\d+(?:\.\d+)?)[x×](?=\s+[a-z]|\s*[.,;:!?)](?!\w))")


def _dimensions(m: re.Match[str]) -> str:
    return m["first"] + _BY_SIGN.sub(" by ", m["rest"])


def _coordinate(m: re.Match[str]) -> str:
    parts = [f"{number(m['deg'])} {'degree' if m['deg'] == '1' else 'degrees'}"]
    for name, unit in (("min", "minute"), ("sec", "second")):
        if m[name]:
            parts.append(f"{number(m[name])} {unit if m[name] == '1' else unit + 's'}")
    return " ".join(parts) + " " + _DIRECTIONS[m["dir"]]


def _per_word(m: re.Match[str]) -> str:
    return f"per {UNITS[m['unit']][0]}"


def _feet_inches(m: re.Match[str]) -> str:
    feet, inches = int(m["feet"]), int(m["inches"])
    return f"{cardinal(feet)} {'foot' if feet == 1 else 'feet'} {cardinal(inches)}" + (
        " inch" if inches == 1 else " inches"
    )


def expand_measures(text: str) -> str:
    """Expand numbers followed by a unit of measure."""
    if "'" in text or "′" in text or "ft" in text or "fe" in text or "foo" in text:
        text = _FEET_INCHES.sub(_feet_inches, text)
    text = _SCALED.sub(_scaled, text)
    if "x" in text or "×" in text:
        text = _DIMENSIONS.sub(_dimensions, text)
        text = _MULTIPLE.sub(r"\g<n> times", text)
    if "°" in text or "º" in text:
        text = _COORDINATE.sub(_coordinate, text)
    text = _DEGREES.sub(_degrees, text)
    text = _RANGE_UNIT.sub(_range_unit, text)
    if " to " in text:  # "1980 to 1970 kg": counts, not years
        text = _RANGE_START.sub(_range_start, text)
    text = _MEASURE.sub(_measure, text)
    # "kg/m3" now, before the number passes read the unit's "3"
    return _PER.sub(_per, text) if "/" in text else text


def expand_per(text: str) -> str:
    """ "cents/hr" -> "cents per hour", "€70 per MWh" -> "seventy euros per megawatt hour"."""
    if "per " in text:
        text = _PER_WORD.sub(_per_word, text)
    if "pd" in text:
        text = _BPD.sub("barrels per day", text)
    return _PER.sub(_per, text) if "/" in text else text
