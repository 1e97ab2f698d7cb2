"""Money: "$1.5bn" -> "one point five billion dollars", "£3.20" -> "three pounds twenty pence"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from narrate.textnorm.en.measures import noun_follows
from narrate.textnorm.en.numbers import NUMBER, cardinal, decimal, integer, with_and


@dataclass(frozen=True)
class Currency:
    """How one currency is read."""

    one: str
    """The major unit, singular ("dollar")."""
    many: str
    """The major unit, plural ("dollars")."""
    cent: str = "cent"
    """The minor unit, singular."""
    cents: str = "cents"
    """The minor unit, plural."""
    minor: bool = True
    """Whether prices are given in the minor unit; if not, "¥151.3" is "one hundred fifty one
    point three yen"."""

    def in_minor(self, n: int) -> str:
        """An amount in the minor unit: "ninety nine cents", "one penny"."""
        return f"{cardinal(n)} {self.cent if n == 1 else self.cents}"


_DOLLAR: Final = Currency("dollar", "dollars")
_CURRENCIES: Final = {
    "$": _DOLLAR,
    "US$": Currency("US dollar", "US dollars"),
    "A$": Currency("Australian dollar", "Australian dollars"),
    "C$": Currency("Canadian dollar", "Canadian dollars"),
    "NZ$": Currency("New Zealand dollar", "New Zealand dollars"),
    "HK$": Currency("Hong Kong dollar", "Hong Kong dollars"),
    "€": Currency("euro", "euros"),
    "£": Currency("pound", "pounds", "penny", "pence"),
    "¥": Currency("yen", "yen", "sen", "sen", minor=False),
    "₹": Currency("rupee", "rupees", "paisa", "paise"),
    "Rs": Currency("rupee", "rupees", "paisa", "paise"),
    "₽": Currency("ruble", "rubles", "kopek", "kopeks"),
    "₩": Currency("won", "won", "jeon", "jeon", minor=False),
    "₴": Currency("hryvnia", "hryvnias", "kopiyka", "kopiykas"),
    "R$": Currency("real", "reais", "centavo", "centavos"),
    "USD": Currency("US dollar", "US dollars"),
    "EUR": Currency("euro", "euros"),
    "GBP": Currency("pound", "pounds", "penny", "pence"),
    "JPY": Currency("yen", "yen", "sen", "sen", minor=False),
    "CHF": Currency("Swiss franc", "Swiss francs", "centime", "centimes"),
    "INR": Currency("rupee", "rupees", "paisa", "paise"),
    "CNY": Currency("yuan", "yuan", "fen", "fen"),
    "RUB": Currency("ruble", "rubles", "kopek", "kopeks"),
    "UAH": Currency("hryvnia", "hryvnias", "kopiyka", "kopiykas"),
}
_SCALES: Final = {
    "k": "thousand", "thousand": "thousand",
    "m": "million", "mn": "million", "mln": "million", "million": "million",
    "b": "billion", "bn": "billion", "billion": "billion",
    "t": "trillion", "tn": "trillion", "trn": "trillion", "trillion": "trillion",
    "crore": "crore", "crores": "crore", "lakh": "lakh", "lakhs": "lakh",
}  # fmt: skip

_SYMBOL = r"US\$|A\$|C\$|NZ\$|HK\$|R\$|[$€£¥₹₽₩₴]|\bRs\.?"
_CODE = r"\b(?:USD|EUR|GBP|JPY|CHF|INR|CNY|RUB|UAH)"
_SCALE = r"(?i:thousand|million|billion|trillion|crores?|lakhs?|bn|mn|mln|trn|tn|[kmbt])(?!-[a-z])"
_TO = r"\s?(?:-|–|to)\s?"


def _amount(n: int) -> str:
    return rf"(?P<amount{n}>{NUMBER})(?:\s?(?P<scale{n}>{_SCALE})(?!\w))?"


_BEFORE = re.compile(
    rf"(?P<cur>{_SYMBOL}|{_CODE})\s?{_amount(1)}"
    rf"(?:{_TO}(?:{_SYMBOL}|{_CODE})?\s?{_amount(2)})?"
)
# "500 EUR", and the symbol after the amount as much of Europe and Asia writes it: "5€",
# "12,50 €", "60,000₩"; a dollar sign after the amount only glued to it ("10$")
_AFTER = re.compile(
    rf"(?<![\w.,])(?P<amount1>{NUMBER})(?:\s?(?P<cur>{_CODE}\b|[€₽₴₹₩¥£](?!\w))|(?P<glued>\$)(?![\w$]))"
)
# "49.95 Euro", "20 dollars": the currency's name after the amount (prices with cents only;
# whole amounts read well as they are)
_NAMED: Final = {
    "euro": "€", "euros": "€", "dollar": "$", "dollars": "$", "pound": "£", "pounds": "£",
    "rupee": "₹", "rupees": "₹",
}  # fmt: skip
_AFTER_NAME = re.compile(
    r"(?<![\w.,])(?P<amount1>\d{1,3}(?:,\d{3})*\.\d\d)\s(?P<name>(?i:euros?|dollars?|pounds?|rupees?))\b"
)
# "$6.99-a-month", "$5-per-person": the hyphens of a price's rate are not said
_RATE = re.compile(r"(?<=\d)-(?P<word>a|an|per)-(?=[a-z])")
# "50p", "99c", "5¢": small change, glued to the number ("Grade 4c" is not money)
_CHANGE = re.compile(r"(?<![\w.,$£€])(?P<amount>\d{1,3}(?=p|¢)|\d{2,3}(?=c))(?P<unit>p|c|¢)(?!\w)")


def _currency(symbol: str) -> Currency:
    return _CURRENCIES.get(symbol.rstrip(".").strip(), _DOLLAR)


def _with_minor(amount: str, currency: Currency) -> str:
    """An amount with no scale word: "1.01" -> "one dollar one cent"."""
    whole, _, frac = amount.partition(".")
    if len(frac) > 2 or (frac and not currency.minor):
        # "$20.506": "twenty point five zero six dollars"; money is read digit by digit.
        return f"{decimal(amount, zero='zero')} {currency.many}"
    major = int(whole.replace(",", "") or "0")
    minor = int(frac.ljust(2, "0")) if frac else 0
    parts = []
    if major or not minor:
        amount = with_and(major) if major < 10**12 else integer(whole)
        parts.append(f"{amount} {currency.one if major == 1 else currency.many}")
    if minor:
        parts.append(currency.in_minor(minor))
    return " ".join(parts)


def _scaled(amount: str, scale: str | None) -> str:
    words = decimal(amount)
    return f"{words} {_SCALES[scale.lower()]}" if scale else words


# an amount used as an adjective follows a determiner: "a $80 fee", "the $20 bill"
_DETERMINER = re.compile(r"(?:^|\s)(?i:a|an|the|this|that|each|every|one|his|her|their|its)\s$")


def _worth(m: re.Match[str]) -> bool:
    """ "$125 billion worth of": the amount takes the possessive, "dollars' worth"."""
    return m.string.startswith(" worth", m.end())


def _before(m: re.Match[str]) -> str:
    currency = _currency(m["cur"])
    first, scale1 = m["amount1"], m["scale1"]
    if m["amount2"] is None:
        if _worth(m):
            return f"{_scaled(first, scale1)} {currency.many}'"
        # "a $1.2m contract", "a $7,500 tax credit": before a noun, the unit is singular
        before_noun = noun_follows(m.string, m.end())
        if scale1:
            return f"{_scaled(first, scale1)} {currency.one if before_noun else currency.many}"
        if (
            before_noun
            and "." not in first
            and _DETERMINER.search(m.string, max(0, m.start() - 7), m.start())
        ):
            return _with_minor(first, currency).removesuffix(currency.many) + currency.one
        return _with_minor(first, currency)
    second, scale2 = m["amount2"], m["scale2"]
    if scale1 or scale2 or "." not in first + second:
        start = _scaled(first, scale1 if scale1 != scale2 else None)
        return f"{start} to {_scaled(second, scale2)} {currency.many}"
    return f"{_with_minor(first, currency)} to {_with_minor(second, currency)}"


def _after(m: re.Match[str]) -> str:
    currency = _currency(m["cur"] or m["glued"])
    return _with_minor(m["amount1"], currency)


def expand_money(text: str) -> str:
    """Expand amounts of money written with a currency symbol or code."""
    if "-" in text:
        text = _RATE.sub(r" \g<word> ", text)
    text = _BEFORE.sub(_before, text)
    text = _AFTER_NAME.sub(
        lambda m: _with_minor(m["amount1"], _currency(_NAMED[m["name"].lower()])), text
    )
    text = _AFTER.sub(_after, text)
    return _CHANGE.sub(_change, text)


def _change(m: re.Match[str]) -> str:
    return _currency("£" if m["unit"] == "p" else "$").in_minor(int(m["amount"]))
