"""The read-along page: one self-contained HTML file that plays the narration and highlights
the sentence being spoken, and in it the word, where the voice gives word timings.

Everything the page needs is inside it (CSS and JS from `narrate/data/`, inlined), so it works
from file:// next to the audio and never touches the network: a Content-Security-Policy allows
only the inlined style and script (by hash) and audio from the page's own place. Article text is
untrusted and is always escaped; the script reads timings from `data-start`/`data-end` only.

The layout (which cues go in which block) is shared with the EPUB writer.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit

from narrate.files import write_text
from narrate.model import Article, Block, BlockKind, Cue, Narration, Script, SegmentKind
from narrate.outputs.disclosure import disclosure
from narrate.speech.wordtimes import timed_tokens

SPEEDS = (0.75, 1.0, 1.25, 1.5, 1.75, 2.0)
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")
# Characters XML 1.0 forbids (the EPUB is XML); harmless to drop from the HTML too.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Group:
    """One article block and the numbered cues spoken from it."""

    block: Block | None
    """None for cues whose block index is not in the article (kept, shown as a paragraph)."""
    cues: tuple[tuple[int, Cue], ...]


@dataclass(frozen=True)
class Layout:
    intro: tuple[tuple[int, Cue], ...]
    groups: tuple[Group, ...]


def layout(script: Script, narration: Narration) -> Layout:
    """Cues numbered from 1 in narration order, sorted into the intro and the article's blocks."""
    blocks = script.article.blocks
    intro: list[tuple[int, Cue]] = []
    by_block: dict[int, list[tuple[int, Cue]]] = {}
    orphans: list[tuple[int, Cue]] = []
    for number, cue in enumerate(narration.cues, 1):
        index = cue.segment.block
        if cue.segment.kind is SegmentKind.INTRO:
            intro.append((number, cue))
        elif index is not None and 0 <= index < len(blocks):
            by_block.setdefault(index, []).append((number, cue))
        else:
            orphans.append((number, cue))
    groups = [Group(block, tuple(by_block.get(i, ()))) for i, block in enumerate(blocks)]
    groups += [Group(None, (item,)) for item in orphans]
    return Layout(tuple(intro), tuple(groups))


def text(value: str) -> str:
    """Escape for element content and attribute values, in HTML and in XML alike."""
    return html.escape(_NOT_XML.sub("", value), quote=True)


def language(article: Article) -> str:
    """The article's language tag when it is well formed, else "und" (undetermined)."""
    return article.language if _LANGUAGE.fullmatch(article.language) else "und"


def web_url(url: str) -> str:
    """The URL when it is http(s), else "" (a javascript: link in an article must not survive)."""
    return url if urlsplit(url).scheme.lower() in ("http", "https") else ""


Sentence = Callable[[int, Cue], str]
"""Markup for one spoken cue, given its number."""


def body_markup(groups: tuple[Group, ...], sentence: Sentence) -> Iterator[str]:
    """Headings, paragraphs, quotes and lists (consecutive list items share one <ul>).

    Heading levels are shifted so that the article's top level becomes <h2> under the title's
    <h1>: a page whose headings start at <h3> gets no gap in its outline.
    """
    levels = [g.block.level for g in groups if g.block and g.block.kind is BlockKind.HEADING]
    shift = 2 - min(levels, default=2)
    in_list = False
    for group in groups:
        kind = group.block.kind if group.block else BlockKind.PARAGRAPH
        if in_list and kind is not BlockKind.LIST_ITEM:
            yield "</ul>"
        elif not in_list and kind is BlockKind.LIST_ITEM:
            yield "<ul>"
        in_list = kind is BlockKind.LIST_ITEM
        if group.cues:
            inner = " ".join(sentence(number, cue) for number, cue in group.cues)
        else:  # a block nothing was spoken from: show it all the same
            inner = text(group.block.text if group.block else "")
        if kind is BlockKind.HEADING:
            level = min(max((group.block.level if group.block else 2) + shift, 2), 6)
            yield f"<h{level}>{inner}</h{level}>"
        elif kind is BlockKind.QUOTE:
            yield f"<blockquote><p>{inner}</p></blockquote>"
        elif kind is BlockKind.LIST_ITEM:
            yield f"<li>{inner}</li>"
        else:
            yield f"<p>{inner}</p>"
    if in_list:
        yield "</ul>"


def intro_markup(article: Article, intro: tuple[tuple[int, Cue], ...], sentence: Sentence) -> str:
    """The title as <h1> (spoken when it is an intro cue), then the other intro lines."""
    title = next((item for item in intro if item[1].segment.text == article.title), None)
    heading = sentence(*title) if title else text(article.title or "Untitled article")
    lines = [f"<h1>{heading}</h1>"]
    lines += [f'<p class="meta">{sentence(*item)}</p>' for item in intro if item is not title]
    return "\n".join(lines)


def source_markup(article: Article) -> str:
    url = web_url(article.source_url)
    if not url:
        return ""
    name = article.site_name or urlsplit(url).hostname or url
    link = f'<a href="{text(url)}" rel="noopener noreferrer">{text(name)}</a>'
    return f'<p class="meta source">Original article: {link}</p>'


def _sentence(number: int, cue: Cue) -> str:
    return (
        f'<span class="s" id="s{number}" data-start="{cue.start:.3f}" '
        f'data-end="{cue.end:.3f}" tabindex="-1">{_words(cue)}</span>'
    )


def _words(cue: Cue) -> str:
    """The sentence's text; with word timings, every word in a span that knows its start, for
    the script to mark the word being read."""
    tokens = timed_tokens(cue.segment.text, cue.words)
    if all(start is None for _, start in tokens):
        return text(cue.segment.text)
    return " ".join(
        text(token)
        if start is None
        else f'<span class="w" data-t="{start:.3f}">{text(token)}</span>'
        for token, start in tokens
    )


@cache
def _asset(name: str) -> str:
    return (files("narrate") / "data" / name).read_text(encoding="utf-8")


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def _media_sources(audio_href: str) -> str:
    """'self' (and file: for Chromium's file:// pages), plus the audio's origin if elsewhere."""
    sources = ["'self'", "file:"]
    parts = urlsplit(audio_href)
    if parts.scheme.lower() in ("http", "https") and re.fullmatch(r"[\w.:\[\]-]+", parts.netloc):
        sources.append(f"{parts.scheme.lower()}://{parts.netloc}")
    return " ".join(sources)


def render_page(
    script: Script,
    narration: Narration,
    audio_href: str,
    voice_name: str,
    voice_license: str = "",
) -> str:
    """One self-contained HTML page: the article, the audio, the sentence being read highlighted.

    `audio_href` is where the page finds the audio, usually its file name beside the page.
    """
    article = script.article
    parts = layout(script, narration)
    css, js = _asset("readalong.css"), _asset("readalong.js")
    policy = (
        f"default-src 'none'; style-src {_hash(css)}; script-src {_hash(js)}; "
        f"media-src {_media_sources(audio_href)}; base-uri 'none'; form-action 'none'"
    )
    speeds = "".join(
        f'<option value="{s}"{" selected" if s == 1.0 else ""}>{s:g}×</option>' for s in SPEEDS
    )
    body = "\n".join(body_markup(parts.groups, _sentence))
    return _PAGE.format(
        lang=text(language(article)),
        policy=text(policy),
        title=text(article.title or "Untitled article"),
        css=css,
        js=js,
        audio=text(audio_href),
        speeds=speeds,
        intro=intro_markup(article, parts.intro, _sentence),
        source=source_markup(article),
        body=body,
        disclosure=text(disclosure(voice_name, voice_license)),
    )


def write_page(
    path: Path,
    script: Script,
    narration: Narration,
    audio_href: str,
    voice_name: str,
    voice_license: str = "",
) -> None:
    """Write the read-along page atomically."""
    write_text(path, render_page(script, narration, audio_href, voice_name, voice_license))


_PAGE = """\
<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<a class="skip" href="#text">Skip to the text</a>
<div class="player" role="region" aria-label="Audio player">
<audio id="audio" controls preload="metadata" src="{audio}">
<a href="{audio}">Download the audio</a>
</audio>
<div class="controls">
<label for="speed">Speed</label>
<select id="speed">{speeds}</select>
<span class="ai">AI-narrated: <a href="#about">about this audio</a></span>
</div>
</div>
<main id="text" tabindex="-1">
<article>
<header>
{intro}
{source}
<p class="hint">Select a sentence to play from there. Keys: space plays or pauses,
left and right arrows go to the previous or next sentence.</p>
</header>
{body}
</article>
</main>
<footer id="about">
<p>{disclosure}</p>
</footer>
<script>{js}</script>
</body>
</html>
"""
