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


def article_page(name: str, sentences: int) -> str:
    """The same kind of article as a news site's HTML page."""
    lines = [
        f"Volunteers in {name} repaired {topic} over the {_ordinal(n + 1)} weekend of the month."
        for n, topic in enumerate(_TOPICS[n % len(_TOPICS)] for n in range(sentences))
    ]
    body = "".join(f"<p>{' '.join(lines[i : i + 2])}</p>" for i in range(0, len(lines), 2))
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Repairs in {name}</title></head><body><header><nav><a href='/'>Home</a>"
        f"</nav></header><main><article><h1>Repairs in {name}</h1>"
        f"<p class='byline'>By a staff reporter</p>{body}</article></main>"
        "<footer><p>The Valley Gazette</p></footer></body></html>"
    )
