"""The passes German, Spanish and French share, each built from a language's table of words.

`normalizer(language)` strings them together in the order that keeps them from stepping on each
other: web and mail addresses first, then the language's own rules (dates), times, phone
numbers, money, percentages and measures before ranges and plain numbers, and the word passes
(abbreviations, symbols) last. Each pass rewrites the forms it is sure of and leaves the rest to
the next; text without digits skips the number passes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from narrate.textnorm.rules import (
    NUMBER,
    NUMBER_BODY,
    WHOLE,
    Language,
    Pass,
    Unit,
    alternation,
    say_number,
    spell_digits,
    to_int,
)

_DIGIT = re.compile(r"\d")
# top-level domains that make a bare "name.de" an address, not the end of a sentence
_TLDS = "com|org|net|info|edu|gov|io|eu|de|at|ch|es|mx|ar|fr|be|ca|uk|ua|ru|it|nl|pl"
_SPACES = re.compile(r"\s{2,}")


def normalizer(language: Language) -> Pass:
    """The whole normaliser of a language: text in, spoken text out."""
    electronic = _electronic_pass(language)
    number_passes = [
        electronic,
        *(_regex_pass(pattern, say) for pattern, say in language.own_patterns),
        _time_pass(language),
        _phone_pass(language),
        _money_pass(language),
        _percent_pass(language),
        _measure_pass(language),
        _scale_pass(language),
        _fraction_pass(language),
        _range_pass(language),
        _ordinal_pass(language),
        _number_pass(language),
    ]
    word_passes = [_abbreviation_pass(language), _symbol_pass(language), _tidy]

    def normalize(text: str) -> str:
        for step in language.word_passes:
            text = step(text)
        if _DIGIT.search(text):
            for step in number_passes:
                text = step(text)
        elif "@" in text or "." in text:  # an address without digits: "info@beispiel.de"
            text = electronic(text)
        for step in word_passes:
            text = step(text)
        return text

    return normalize


def _regex_pass(pattern: str, say: Callable[[re.Match[str]], str | None]) -> Pass:
    compiled = re.compile(pattern, re.IGNORECASE)

    def replace(m: re.Match[str]) -> str:
        spoken = say(m)
        return m.group(0) if spoken is None else spoken

    return lambda text: compiled.sub(replace, text)


def _electronic_pass(language: Language) -> Pass:
    address = re.compile(
        r"(?<![\w@])(?:https?://\S+|www\.[\w-]+(?:\.[\w-]+)+\S*|[\w.+-]*@[\w-]+(?:\.[\w-]+)*"
        r"|(?!\d{1,3}(?:\.\d{3}){3}(?![\d.]))\d{1,3}(?:\.\d{1,3}){3}(?![\d.])"
        rf"|[\w-]+(?:\.[\w-]+)*\.(?:{_TLDS})(?![\w])(?:/\S*)?)",
        re.IGNORECASE,
    )
    piece = re.compile(r"[^\W\d_]+|\d+|[^\w\s]|_")
    words = language.electronic

    def say(m: re.Match[str]) -> str:
        written = m.group(0)
        trail = ""
        if written[-1] in ".,;:!?)":  # the sentence's punctuation, not the address's
            written, trail = written[:-1], written[-1]
        spoken = []
        for part in piece.findall(written):
            if part.isdecimal():
                spoken.append(spell_digits(language, part))
            elif part in words:
                spoken.append(words[part])
            elif part.isalpha():
                read = part.lower() in language.web_words
                spoken.append(part if read else " ".join(part))
        return " ".join(spoken) + trail

    return lambda text: address.sub(say, text)


def _time_pass(language: Language) -> Pass:
    pattern = re.compile(language.time_pattern, re.IGNORECASE)

    def say(m: re.Match[str]) -> str:
        hours, minutes = int(m.group(1)), int(m.group(2) or 0)
        seconds = int(m.group(3)) if m.group(3) else None
        if hours > 24 or minutes > 59 or (seconds or 0) > 59:
            return m.group(0)
        return language.time(hours, minutes, seconds)

    return lambda text: pattern.sub(say, text)


def _phone_pass(language: Language) -> Pass:
    """+49 30 1234567, (0411) 0234-1234, 123-123-5678: the country code as a number, then digits."""
    pattern = re.compile(
        r"(?<![\w+])()(\(\d{2,5}\)[ \u00a0]?\d[\d \u00a0-]{4,}\d|\d{3}-\d{3}-\d{4}"
        r"|(?<!\d[ \u00a0])0[1-9]\d{1,4}[ /-]\d{3,}(?:[ -]\d+)*)(?![\d,])"
    )
    country = re.compile(r"(?<![\w+])\+(\d{1,3})[ \u00a0]+(\d[\d \u00a0-]{5,}\d)(?![\d,])")

    def digits(m: re.Match[str]) -> str:
        head = f"{language.plus} {language.cardinal(int(m.group(1)))} " if m.group(1) else ""
        return head + spell_digits(language, m.group(2))

    return lambda text: pattern.sub(digits, country.sub(digits, text))


def _scale(language: Language) -> str:
    return r"(?:\s(?P<scale>" + alternation(tuple(language.scales)) + r")(?![\w]))?"


def _money_pass(language: Language) -> Pass:
    symbols = alternation(tuple(language.currencies))
    amount = rf"(?P<num>{NUMBER}){_scale(language)}"
    glued = rf"(?P<num>{NUMBER_BODY}){_scale(language)}"
    before = re.compile(rf"(?<![\w])(?P<cur>{symbols})\s?{glued}", re.IGNORECASE)
    after = re.compile(rf"{amount}\s?(?P<cur>{symbols})(?![\w])", re.IGNORECASE)

    def say(m: re.Match[str]) -> str:
        unit = language.currencies[m.group("cur").lower()]
        return _amount(language, m.group("num"), m.group("scale"), unit)

    return lambda text: after.sub(say, before.sub(say, text))


def _amount(language: Language, written: str, scale: str | None, unit: Unit) -> str:
    whole, _, cents = written.lstrip("-").partition(",")
    sign = f"{language.minus} " if written.startswith("-") else ""
    if scale:
        of = _of(language, unit.many)
        size = language.scales[scale.lower()]
        if whole == "1" and not cents:
            return f"{sign}{language.before_noun(1, size.feminine)} {size.one}{of}{unit.many}"
        return f"{sign}{say_number(language, written)} {size.many}{of}{unit.many}"
    if len(cents) not in (0, 2):
        return f"{sign}{say_number(language, written)} {unit.many}"
    units, hundredths = to_int(whole), int(cents or 0)
    parts = []
    if units or not hundredths:
        parts.append(_counted(language, units, unit))
    if hundredths:
        parts.append(_counted(language, hundredths, unit.cent or language.cents))
    return sign + " ".join(parts)


def _of(language: Language, noun: str) -> str:
    """ " de" before "dólares"; French elides it before a vowel: "millions d'euros"."""
    if not language.of_word:
        return " "
    if language.code == "fr" and noun[0] in "aeiouyéèêh":
        return " d'"
    return f" {language.of_word} "


def _counted(language: Language, number: int, unit: Unit) -> str:
    return f"{language.before_noun(number, unit.feminine)} {unit.one if number == 1 else unit.many}"


def _scale_pass(language: Language) -> Pass:
    """ "1 Mio." -> "eine Million", "2,5 Mrd." -> "zwei Komma fünf Milliarden"."""
    pattern = re.compile(
        rf"(?P<num>{NUMBER})\s(?P<scale>{alternation(tuple(language.scales))})(?!\w)",
        re.IGNORECASE,
    )

    def say(m: re.Match[str]) -> str:
        size, written = language.scales[m.group("scale").lower()], m.group("num")
        if written == "1":
            return f"{language.before_noun(1, size.feminine)} {size.one}"
        below_two = to_int(written.lstrip("-").partition(",")[0]) < 2
        noun = size.one if language.singular_below_two and below_two else size.many
        return f"{say_number(language, written)} {noun}"

    return lambda text: pattern.sub(say, text)


def _percent_pass(language: Language) -> Pass:
    pattern = re.compile(rf"(?P<num>{NUMBER})\s?%")
    return lambda text: pattern.sub(
        lambda m: f"{say_number(language, m.group('num'))} {language.percent}", text
    )


def _fraction_words(language: Language, m: re.Match[str], feminine: bool = False) -> str:
    """An amount written with a fraction (groups "whole", "top", "bottom") as words."""
    whole, top, bottom = m.group("whole") or "", m.group("top"), m.group("bottom")
    sign = ""
    if (whole or top).startswith("-"):
        sign = f"{language.minus} "
        whole, top = whole.lstrip("-"), top.lstrip("-")
    fraction = language.fraction(int(top), to_int(bottom))
    if not whole:
        return sign + fraction
    if (top, to_int(bottom)) == ("1", 2) and language.half_after_whole[feminine]:
        fraction = language.half_after_whole[feminine]
    joiner = f" {language.and_word} " if language.and_word else " "
    return f"{sign}{language.before_noun(to_int(whole), feminine)}{joiner}{fraction}"


def _measure_pass(language: Language) -> Pass:
    # "mv", "KM/H": units typed in the wrong case, where that is no other unit
    table = {**{k.lower(): v for k, v in language.units.items() if len(k) > 1}, **language.units}
    units = alternation(tuple(table))
    with_fraction = re.compile(
        rf"(?:(?P<whole>{NUMBER})\s)?(?<![\w/])(?P<top>-?\d+)/(?P<bottom>{WHOLE})\s?"
        rf"(?P<unit>{units})(?!\w)"
    )
    plain = re.compile(
        rf"(?P<num>{NUMBER}){_scale(language)}\s?(?P<slash>/\s?)?(?P<unit>{units})(?!\w)"
    )

    def fraction(m: re.Match[str]) -> str:
        unit, whole = table[m.group("unit")], (m.group("whole") or "").lstrip("-")
        # below two, the unit is singular: "ein halb Kilometer", "una y media milla"
        below_two = whole in ("", "1") and int(m.group("top").lstrip("-")) < to_int(
            m.group("bottom")
        )
        return (
            f"{_fraction_words(language, m, unit.feminine)} {unit.one if below_two else unit.many}"
        )

    def simple(m: re.Match[str]) -> str:
        unit, written = table[m.group("unit")], m.group("num")
        if m.group("scale"):
            size = language.scales[m.group("scale").lower()]
            count = language.before_noun(1, size.feminine) if written == "1" else None
            amount = (
                f"{count} {size.one}" if count else f"{say_number(language, written)} {size.many}"
            )
            return f"{amount} {unit.many}"
        if m.group("slash"):
            return f"{say_number(language, written)} {language.per} {unit.one}"
        if written.lstrip("-") != "1":
            return f"{say_number(language, written)} {unit.many}"
        sign = f"{language.minus} " if written.startswith("-") else ""
        return f"{sign}{language.before_noun(1, unit.feminine)} {unit.one}"

    return lambda text: plain.sub(simple, with_fraction.sub(fraction, text))


def _fraction_pass(language: Language) -> Pass:
    pattern = re.compile(
        rf"(?:(?P<whole>{NUMBER})\s)?(?<![\w/])(?P<top>-?\d+)/(?P<bottom>{WHOLE})(?![\d/])"
    )
    return lambda text: pattern.sub(lambda m: _fraction_words(language, m), text)


def _range_pass(language: Language) -> Pass:
    pattern = re.compile(
        rf"(?:(?P<before>[^\W\d]+)\s+)?(?P<a>{NUMBER})\s?[-–]\s?(?P<b>{NUMBER_BODY})(?![\w])"
    )
    between, and_ = language.between

    def say(m: re.Match[str]) -> str:
        before, a, b = m.group("before") or "", m.group("a"), m.group("b")
        if a.startswith("-") or b.startswith("-"):
            return m.group(0)
        through = and_ if between and before.lower() == between else language.through
        spoken = f"{say_number(language, a)} {through} {say_number(language, b)}"
        return f"{before} {spoken}" if before else spoken

    return lambda text: pattern.sub(say, text)


def _ordinal_pass(language: Language) -> Pass:
    pattern = re.compile(language.ordinal_pattern)

    def say(m: re.Match[str]) -> str:
        groups = m.groupdict()
        before, after = groups.get("before") or "", groups.get("after") or ""
        number = m.group("num")
        spoken = language.ordinal(to_int(number), m.group("end"), before.lower(), after)
        if not spoken:  # a number at the end of a sentence, say
            return m.group(0)
        return f"{before} {spoken}" if before else spoken

    return lambda text: pattern.sub(say, text)


def _number_pass(language: Language) -> Pass:
    pattern = re.compile(NUMBER)
    return lambda text: pattern.sub(lambda m: say_number(language, m.group(0)), text)


def _abbreviation_pass(language: Language) -> Pass:
    if not language.abbreviations:
        return lambda text: text
    table = {k.lower(): v for k, v in language.abbreviations.items()}
    pattern = re.compile(
        r"(?<![\w.])(" + alternation(tuple(language.abbreviations)) + r")(?!\w)", re.IGNORECASE
    )

    def say(m: re.Match[str]) -> str:
        written, spoken = m.group(1), table[m.group(1).lower()]
        before = m.string[: m.start()].rstrip()
        if written[0].isupper() and (not before or before[-1] in '.!?:«"“'):  # opens a sentence
            return spoken[0].upper() + spoken[1:]
        return spoken

    return lambda text: pattern.sub(say, text)


def _symbol_pass(language: Language) -> Pass:
    if not language.symbols:
        return lambda text: text
    pattern = re.compile(alternation(tuple(language.symbols)))
    return lambda text: pattern.sub(lambda m: f" {language.symbols[m.group(0)]} ", text)


def _tidy(text: str) -> str:
    text = _SPACES.sub(" ", text)
    return re.sub(r" +([,.;:!?])(?=\s|$)", r"\1", text).strip()
