"""One name, one reading through a story (issue 14: "One name said two ways in one story").

The articles are written for these tests; the normaliser is the real one.
"""

from __future__ import annotations

from narrate.model import Article, Block, BlockKind, Segment, SegmentKind
from narrate.text.readings import one_reading_per_name
from narrate.text.script import build_script
from narrate.textnorm import normalize


def _spoken(article: Article, language: str = "en") -> list[str]:
    return [s.spoken for s in build_script(article, language=language).segments]


def test_a_model_name_at_a_sentence_end_is_read_as_everywhere_else() -> None:
    article = Article(
        "A week with a small electric car",
        (
            Block(BlockKind.PARAGRAPH, "The ID.3 is quiet. We drove the ID.3."),
            Block(BlockKind.PARAGRAPH, "Nobody else on the road had an ID.3 that day."),
        ),
    )
    assert normalize("We drove the ID.3.") == "We drove the I D point three."  # alone, it slips
    spoken = _spoken(article)
    assert spoken[1:] == [
        "The I D three is quiet.",
        "We drove the I D three.",
        "Nobody else on the road had an I D three that day.",
    ]


def test_a_name_twice_in_one_sentence_is_read_one_way() -> None:
    article = Article(
        "", (Block(BlockKind.PARAGRAPH, "The ID.3 came first; then we drove the ID.3."),)
    )
    assert _spoken(article) == ["The I D three came first; then we drove the I D three."]


def test_a_code_read_with_its_number_is_left_to_the_number() -> None:
    article = Article("", (Block(BlockKind.PARAGRAPH, "Prices are in EUR. A coffee is 2.50 EUR."),))
    assert _spoken(article) == [
        "Prices are in E U R.",
        "A coffee is two euros fifty cents.",
    ]


def test_a_model_name_at_a_sentence_end_is_read_as_in_the_rest_of_the_story() -> None:
    article = Article(
        "",
        (
            Block(BlockKind.HEADING, "ID.3 REVIEW: QUIET AND QUICK"),
            Block(BlockKind.PARAGRAPH, "The ID.3 is a small car. We liked the ID.3."),
        ),
    )
    # alone, the full stop after "ID.3" passes for a decimal point
    assert "point three" in normalize("We liked the ID.3.")
    spoken = _spoken(article)
    assert spoken[0] == "I D three review: quiet and quick."
    assert spoken[1:] == ["The I D three is a small car.", "We liked the I D three."]


def test_the_reading_of_running_text_wins_over_a_heading() -> None:
    segments = [
        Segment(SegmentKind.HEADING, "ZORVEX PLANS", "zorvex plans.", 0),
        Segment(SegmentKind.SENTENCE, "ZORVEX said so.", "Zorvex said so.", 0),
        Segment(SegmentKind.SENTENCE, "Ask ZORVEX.", "Ask Zorvex.", 0),
    ]

    def speak(text: str) -> str:  # "ZORVEX" is "Zorvex", but a line of capitals is lower-cased
        return text.lower() if text.isupper() and " " in text else text.replace("ZORVEX", "Zorvex")

    fixed = one_reading_per_name(segments, speak, lambda s: s.text)
    assert [s.spoken for s in fixed] == ["Zorvex PLANS", "Zorvex said so.", "Ask Zorvex."]
    assert [s.text for s in fixed] == [s.text for s in segments]  # the written text stays


def test_words_in_capitals_and_roman_numerals_keep_their_context() -> None:
    article = Article(
        "",
        (
            Block(BlockKind.HEADING, "HOW WE DID IT"),
            Block(BlockKind.PARAGRAPH, "The IT desk helped. King Henry IV was crowned."),
            Block(BlockKind.PARAGRAPH, "The IT desk closed. The IV drip ran out."),
        ),
    )
    spoken = _spoken(article)
    assert spoken[0] == "how we did it."
    assert "King Henry the Fourth was crowned." in spoken
    assert "The I T desk closed." in spoken


def test_a_name_read_one_way_everywhere_is_left_alone() -> None:
    segments = [
        Segment(SegmentKind.SENTENCE, "NASA flew.", "NASA flew.", 0),
        Segment(SegmentKind.SENTENCE, "NASA landed.", "NASA landed.", 0),
    ]
    calls: list[str] = []

    def speak(text: str) -> str:
        calls.append(text)
        return text

    assert one_reading_per_name(segments, speak, lambda s: s.text) == segments
    assert calls == ["We saw the NASA there."]  # asked once; no segment normalised again
