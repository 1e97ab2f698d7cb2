"""Embedded social posts, read the way a narrator reads a quoted post.

A page quotes a post by embedding the platform's markup: the post's text, then a line with
the author's name, handle and a dated link ("— Jane Doe (@jdoe) November 19, 2019"). Read as
it stands, the listener hears a short link, a handle and a timestamp, and the post's words run
into the story's. One policy for every platform: the post becomes one quotation, "Jane Doe
posted: ...", without links, handles or timestamps; an embed with no words of its own (a photo
post whose text is "View this post on Instagram") is left out.
"""

from __future__ import annotations

import re

from lxml import html

from narrate.extraction.dom import collapse, text_of

# The class each platform's embed code gives its <blockquote>.
EMBED_CLASSES = frozenset(
    {
        "twitter-tweet",
        "twitter-video",
        "bluesky-embed",
        "instagram-media",
        "tiktok-embed",
        "text-post-media",  # Threads
        "fb-xfbml-parse-ignore",  # Facebook
        "mastodon-embed",
        "reddit-embed-bq",
    }
)
# "— Jane Doe (@jdoe) November 19, 2019", "A post shared by Jane Doe (@jdoe)".
_SIGNATURE = re.compile(
    r"(?:^|[—–-]|\bposted by|\bshared by)\s*(?P<name>[^()@—–]{1,60}?)\s*\((?P<handle>@[\w.]+)\)",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"(?<![\w@])@([A-Za-z0-9_][\w.]*\w|\w)")
_LINK = re.compile(r"\b(?:https?://|www\.|pic\.twitter\.com/|t\.co/)\S+", re.IGNORECASE)
# Lines of the embed code that are not the post: prompts, music credits, dates.
_NOT_THE_POST = re.compile(
    r"^(?:view this (?:post|profile) on|a post shared by|see (?:more|this) on|♬|original sound"
    r"|watch on|posted by)",
    re.IGNORECASE,
)


def rewrite(tree: html.HtmlElement) -> None:
    """Replace every embedded post in the tree by a plain quotation (or nothing), in place."""
    for quote in [bq for bq in tree.iter("blockquote") if _is_embed(bq)]:
        said = _post_text(quote)
        parent = quote.getparent()
        if parent is None:
            continue
        if not said:
            quote.drop_tree()
            continue
        author = _author(quote)
        replacement = html.Element("blockquote")
        paragraph = html.Element("p")
        paragraph.text = f"{author} posted: {said}" if author else f"A post reads: {said}"
        replacement.append(paragraph)
        replacement.tail = quote.tail
        parent.replace(quote, replacement)


def _is_embed(quote: html.HtmlElement) -> bool:
    return any(name in EMBED_CLASSES for name in quote.get("class", "").lower().split())


def _post_text(quote: html.HtmlElement) -> str:
    """The words of the post: its paragraphs, without links, prompts and dates."""
    for line_break in quote.iter("br"):
        line_break.tail = " " + (line_break.tail or "")  # a new line of the post is a new word
    paragraphs = [p for p in quote.iter("p") if not _NOT_THE_POST.match(text_of(p))]
    if not paragraphs:
        return ""
    parts = []
    for paragraph in paragraphs:
        text = _LINK.sub(" ", text_of(paragraph))
        if _SIGNATURE.search(text):
            continue  # the author line some platforms set in a <p> of its own
        parts.append(_without_handles(text))
    return collapse(" ".join(parts))


def _without_handles(text: str) -> str:
    """Handles become names ("thanks @valleybakery" -> "thanks valleybakery"); a trailing run
    of handles (a reply's addressees) goes."""
    text = re.sub(r"(?:\s*@[\w.]+)+\s*$", "", text)
    text = re.sub(r"^(?:@[\w.]+\s*)+", "", text)
    return _HANDLE.sub(r"\1", text)


def _author(quote: html.HtmlElement) -> str:
    signature = _SIGNATURE.search(collapse(" ".join(quote.itertext())))
    if signature is not None and signature.group("name").strip():
        return collapse(signature.group("name")).strip(" -—–")
    handle = _HANDLE.search(" ".join(quote.itertext()))
    return handle.group(1) if handle else ""
