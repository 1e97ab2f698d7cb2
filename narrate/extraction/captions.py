"""Captions set without <figure>/<figcaption>, found by where they sit next to an image.

Many pages put a caption in a bare <span> or <center> under the image, which no class rule
recognises and a main-content extractor keeps as a line of the story. Read aloud it describes a
picture the listener cannot see.
"""

from __future__ import annotations

from lxml import html

from narrate.extraction.dom import collapse, text_of, word_count

_CAPTION_TAGS = frozenset({"span", "em", "i", "small", "center", "b", "strong"})
_MAX_CAPTION_WORDS = 30
_WRAPPERS = frozenset({"a", "div", "span", "p"})


def loose_captions(tree: html.HtmlElement) -> list[html.HtmlElement]:
    """Short inline elements right after an image (only line breaks between), and any short
    element repeating the image's alt text."""
    captions = []
    for image in tree.iter("img"):
        box = image  # the image, or a wrapper (link, div) that holds nothing else
        parent = box.getparent()
        while parent is not None and parent.tag in _WRAPPERS and not text_of(parent):
            box, parent = parent, parent.getparent()
        if _text_before(box):
            continue  # an image inside a sentence (an emoji, an icon) has no caption
        following = box.getnext()
        while following is not None and following.tag == "br" and not (box.tail or "").strip():
            box, following = following, following.getnext()
        if following is None or (box.tail or "").strip():
            continue
        text = text_of(following)
        if (following.tail or "").strip():
            continue  # the sentence goes on after it: a name in bold opening a paragraph
        if not 1 <= word_count(text) <= _MAX_CAPTION_WORDS:
            continue
        if following.tag in _CAPTION_TAGS or text == collapse(image.get("alt", "")):
            captions.append(following)
    return captions


def _text_before(element: html.HtmlElement) -> str:
    previous = element.getprevious()
    if previous is not None:
        return (previous.tail or "").strip()
    parent = element.getparent()
    return (parent.text or "").strip() if parent is not None else ""
