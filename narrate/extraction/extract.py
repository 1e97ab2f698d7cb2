"""The extraction stages in order, from a page's HTML to an Article (see the package face)."""

from __future__ import annotations

import logging
from dataclasses import replace

from narrate.errors import ExtractionError
from narrate.extraction import (
    body,
    chunks,
    cleanup,
    crosscheck,
    crossheads,
    embeds,
    factcheck,
    furniture,
    gaps,
    lead,
    quotes,
    verdict,
)
from narrate.extraction.dom import parse_html
from narrate.extraction.metadata import read_metadata
from narrate.model import Article

logger = logging.getLogger(__name__)


def extract_article(
    html: str, url: str | None = None, *, allow_non_article: bool = False
) -> Article:
    """The article on a page, or ExtractionError saying what the page is instead.

    With ``allow_non_article`` the verdict is skipped and whatever text was found is returned
    (the CLI's --force); a page with no text at all still raises.
    """
    tree = parse_html(html)
    if tree is None:
        raise ExtractionError("the page is empty: there is nothing to narrate")
    meta = read_metadata(tree, url)
    stats = verdict.measure(tree)
    embeds.rewrite(tree)
    quotes.keep_attributions(tree)
    claims = factcheck.read_claims(tree)
    factcheck.remove_boxes(tree, claims)
    furniture.prune(tree)
    crossheads.promote(tree)
    # The canonical address names the site even when the page was read through a mirror.
    site = meta.canonical_url or url
    found = body.main_content(tree, site)
    found = chunks.rejoin(tree, found, site)
    found = gaps.fill(tree, found, site)
    deliberate = cleanup.repeated_in_place(tree)
    blocks = cleanup.clean(found, meta.title, meta.authors, meta.description, deliberate)
    blocks = lead.recover_lead(tree, blocks, meta.title)
    blocks = lead.recover_standfirst(tree, blocks, meta.description)
    blocks = crosscheck.against_declared(blocks, meta.article_body, meta.description)
    blocks = factcheck.framed(claims, blocks)
    article = Article(
        title=meta.title,
        blocks=tuple(blocks),
        authors=meta.authors,
        published=meta.published,
        modified=meta.modified,
        site_name=meta.site_name,
        language=meta.language,
        image_url=meta.image_url,
        canonical_url=meta.canonical_url,
        description=meta.description,
        url=url or "",
    )
    if verdict.is_teaser(article.text, stats):
        article = replace(article, paywalled=True)
    if not allow_non_article:
        verdict.check(article.text, meta, stats, url)
    elif not blocks:
        raise ExtractionError("the page holds no text to narrate")
    return article


def extract_text(html: str, url: str | None = None) -> str:
    """The body as it will be narrated, or "" when the page holds no text at all."""
    try:
        return extract_article(html, url, allow_non_article=True).text
    except ExtractionError as error:
        logger.info("no text extracted: %s", error)
        return ""
