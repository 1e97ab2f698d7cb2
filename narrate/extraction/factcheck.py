"""Fact-check pages: the claim under review is framed, never read as the article's own voice.

A fact-check opens with a box holding the claim ("Vaccines contain microchips") and, often
elsewhere, a verdict badge. Read as it stands, straight after the title, the listener hears the
false claim as if the article made it. Pages that mark the review up as a schema.org
``ClaimReview`` say who made the claim and the verdict: the claim is then read once, framed,
at the top ("The claim, by Jane Doe: ... Verdict: false."), and the boxes showing it are left
out. A claim box without that data is left out: without its speaker and verdict it misleads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml import html

from narrate.extraction import jsonld
from narrate.extraction.dom import class_and_id, collapse, text_of, word_count, words
from narrate.model import Block, BlockKind

# Class/id words of a claim box, and on a page that reviews claims, of its verdict badges.
_CLAIM_BOX = re.compile(r"(?:^|[\s_-])claim(?:$|[\s_-])")
_VERDICT_BOX = re.compile(r"(?:^|[\s_-])(?:claim|verdict|rating|ruling|meter)(?:$|[\s_-])")
_MAX_BOX_WORDS = 80


@dataclass(frozen=True)
class Claim:
    text: str
    by: str = ""
    verdict: str = ""

    def framed(self) -> str:
        said = f"The claim, by {self.by}: {self.text}" if self.by else f"The claim: {self.text}"
        said = said if said.endswith((".", "!", "?", "…")) else said + "."
        return f"{said} Verdict: {self.verdict}." if self.verdict else said


def read_claims(tree: html.HtmlElement) -> list[Claim]:
    """The claims the page reviews, from its ClaimReview data."""
    claims = []
    for review in jsonld.of_type(tree, "ClaimReview"):
        text = collapse(jsonld.string(review.get("claimReviewed")))
        if text:
            claims.append(Claim(text, _speaker(review), _verdict(review)))
    return claims


def remove_boxes(tree: html.HtmlElement, claims: list[Claim]) -> None:
    """Drop the boxes that show a claim or a verdict, in place."""
    keys = [_key(claim.text) for claim in claims]
    box = _VERDICT_BOX if claims else _CLAIM_BOX
    doomed = []
    for element in tree.iter("div", "section", "aside", "p", "blockquote", "span", "h2", "h3"):
        marked = bool(box.search(class_and_id(element)))
        if not marked and not keys:
            continue  # no claim under review: only a marked box can be one
        text = text_of(element)
        if not text or word_count(text) > _MAX_BOX_WORDS:
            continue
        if marked or any(key and key in _key(text) for key in keys):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def framed(claims: list[Claim], blocks: list[Block]) -> list[Block]:
    """The framed claims first, then the body without any block that repeats a claim."""
    if not claims:
        return blocks
    keys = [_key(claim.text) for claim in claims]
    rest = [block for block in blocks if not any(key and key in _key(block.text) for key in keys)]
    return [Block(BlockKind.PARAGRAPH, claim.framed()) for claim in claims] + rest


def _speaker(review: dict[str, Any]) -> str:
    item = review.get("itemReviewed")
    if isinstance(item, dict):
        names = jsonld.names(item.get("author"))
        if names:
            return collapse(names[0])
    return ""


def _verdict(review: dict[str, Any]) -> str:
    rating = review.get("reviewRating")
    if not isinstance(rating, dict):
        return ""
    verdict = jsonld.string(rating.get("alternateName")) or jsonld.string(rating.get("name"))
    return collapse(verdict).rstrip(".").lower() if verdict else ""


def _key(text: str) -> str:
    return " ".join(words(text.lower()))
