"""Articles written for the cluster tests: plain text, so the tests need no extraction."""

from __future__ import annotations

from pathlib import Path

_TOPICS = (
    "the ferry timetable",
    "the new cycle lanes",
    "the school roof",
    "the market square",
    "the river wall",
    "the night buses",
    "the swimming pool",
    "the town archive",
)


def write_article(folder: Path, name: str, sentences: int) -> Path:
    """A Markdown article of `name` with `sentences` different sentences in short paragraphs."""
    lines = []
    for n in range(sentences):
        topic = _TOPICS[n % len(_TOPICS)]
        lines.append(f"Councillors in {name} discussed {topic} for the {_ordinal(n + 1)} time.")
    paragraphs = [" ".join(lines[i : i + 3]) for i in range(0, len(lines), 3)]
    path = folder / f"{name.lower().replace(' ', '-')}.md"
    path.write_text(f"# News from {name}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def _ordinal(n: int) -> str:
    words = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth")  # fmt: skip
    return words[n - 1] if n <= len(words) else f"{n}th"
