"""Article to Script: what is said, in what order, and the pauses between.

The intro reads the title, the byline and the date; then each block of the body: a heading is a
segment of its own, other blocks are split into sentences, and over-long sentences are cut at
clause boundaries so that no single synthesis call grows without bound.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from narrate.model import Article, BlockKind, Script, Segment, SegmentKind
from narrate.text.clauses import split_long
from narrate.text.readings import one_reading_per_name
from narrate.text.sentences import split_sentences
from narrate.textnorm import normalize, primary
from narrate.textnorm.de import words_de as de_words
from narrate.textnorm.es import words_es as es_words
from narrate.textnorm.fr import words_fr as fr_words
from narrate.textnorm.rules import split_words
from narrate.textnorm.uk import MONTHS_GENITIVE as UK_MONTHS


@dataclass(frozen=True)
class Pauses:
    """Silence after each kind of segment, in milliseconds."""

    clause: int = 250
    """After a piece of a long sentence that was cut for synthesis."""
    sentence: int = 400
    paragraph: int = 850
    heading: int = 900
    intro: int = 1300
    """After the intro, before the body starts."""
    intro_line: int = 500
    """Between the lines of the intro (title, byline, date)."""


MAX_SEGMENT_CHARS = 300


@dataclass(frozen=True)
class IntroWords:
    """narrate's own words in one language: the intro's (the date is written as its
    normaliser reads dates), and the note that ends a paywalled teaser."""

    by: str
    and_: str
    published: str
    """A format with {day}, {month} (the month's name) and {year}."""
    months: tuple[str, ...]
    paywall: str


_ENGLISH_MONTHS = split_words(
    "January February March April May June July August September October November December"
)
INTRO_WORDS: dict[str, IntroWords] = {
    "en": IntroWords("By", "and", "Published {month} {day}, {year}.", _ENGLISH_MONTHS,
                     "The rest of this article is behind a paywall."),
    "de": IntroWords("Von", "und", "Veröffentlicht am {day}. {month} {year}.", de_words.MONTHS,
                     "Der Rest dieses Artikels steht hinter einer Bezahlschranke."),
    "es": IntroWords("Por", "y", "Publicado el {day} de {month} de {year}.", es_words.MONTHS,
                     "El resto de este artículo está detrás de un muro de pago."),
    "fr": IntroWords("Par", "et", "Publié le {day} {month} {year}.", fr_words.MONTHS,
                     "La suite de cet article est réservée aux abonnés."),
    "uk": IntroWords("Автор:", "та", "Опубліковано {day} {month} {year} року.", UK_MONTHS,
                     "Решта цієї статті доступна лише за передплатою."),
}  # fmt: skip
PAYWALL_NOTE = INTRO_WORDS["en"].paywall


def _and_list(names: tuple[str, ...], and_: str = "and") -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {and_} " + names[-1]


def intro_lines(article: Article, language: str = "en") -> list[str]:
    """The written lines of the intro: title, byline, date, in the narration's language."""
    words = INTRO_WORDS.get(primary(language), INTRO_WORDS["en"])
    lines = [article.title] if article.title else []
    if article.authors:
        lines.append(f"{words.by} {_and_list(article.authors, words.and_)}.")
    if article.published:
        day = article.published
        month = words.months[day.month - 1]
        lines.append(words.published.format(day=day.day, month=month, year=day.year))
    return lines


def _speakable(text: str) -> str:
    """End a line with a full stop, so that titles and headings get a falling close."""
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def build_script(
    article: Article,
    speak: Callable[[str], str] = normalize,
    pauses: Pauses | None = None,
    language: str = "en",
) -> Script:
    """Turn an article into segments; `speak` maps written text to what the voice is given.

    `language` is the narration's: it gives the intro's words and the sentence rules.
    """
    pauses = pauses or Pauses()
    segments = [
        Segment(SegmentKind.INTRO, line, speak(_speakable(line)), pauses.intro_line)
        for line in intro_lines(article, language)
    ]
    if segments:
        segments[-1] = replace(segments[-1], pause_ms=pauses.intro)
    segments.extend(_body(article, speak, pauses, language))
    if primary(language) == "en":  # a name is read one way through the story
        segments = one_reading_per_name(segments, speak, _source)
    if article.paywalled:  # the listener must not take the teaser for the whole story
        note = INTRO_WORDS.get(primary(language), INTRO_WORDS["en"]).paywall
        segments.append(Segment(SegmentKind.NOTE, note, speak(note), 0))
    return Script(article=article, segments=tuple(s for s in segments if s.spoken.strip()))


def _source(segment: Segment) -> str:
    """The text a segment's spoken words were made from."""
    if segment.kind in (SegmentKind.INTRO, SegmentKind.HEADING):
        return _speakable(segment.text)
    return segment.text


def _body(
    article: Article, speak: Callable[[str], str], pauses: Pauses, language: str = "en"
) -> Iterator[Segment]:
    for index, block in enumerate(article.blocks):
        if block.kind is BlockKind.HEADING:
            yield Segment(
                SegmentKind.HEADING,
                block.text,
                speak(_speakable(block.text)),
                pauses.heading,
                index,
            )
            continue
        pieces = [
            (piece, last_piece)
            for sentence in split_sentences(block.text, language)
            for piece, last_piece in _marked_last(split_long(sentence, MAX_SEGMENT_CHARS))
        ]
        for number, (piece, last_piece) in enumerate(pieces, 1):
            pause = pauses.clause if not last_piece else pauses.sentence
            if number == len(pieces):
                pause = pauses.paragraph
            yield Segment(SegmentKind.SENTENCE, piece, speak(piece), pause, index)


def _marked_last(items: list[str]) -> Iterator[tuple[str, bool]]:
    for number, item in enumerate(items, 1):
        yield item, number == len(items)
