"""Quotations keep who said them.

A review round-up quotes each critic and names the outlet under the quote, in the quote's own
<footer> or <cite>, or in the caption of the <figure> that holds it. Footers, captions and
figures are furniture everywhere else on a page, so before any furniture is removed each
such attribution becomes a line of its quotation, and a figure holding a quotation becomes a
plain container.
"""

from __future__ import annotations

from lxml import html

from narrate.extraction.dom import text_of, word_count

_MAX_ATTRIBUTION_WORDS = 15


def keep_attributions(tree: html.HtmlElement) -> None:
    """Rewrite quotations' attributions as lines of the quotation, in place."""
    for figure in list(tree.iter("figure")):
        quote = figure.find(".//blockquote")
        if quote is None:
            continue
        for caption in figure.iter("figcaption"):
            if _is_attribution(caption):
                caption.tag = "p"
                caption.getparent().remove(caption)
                quote.append(caption)
                break
        figure.tag = "div"
    for quote in tree.iter("blockquote"):
        for attribution in quote.iter("footer", "cite"):
            if attribution.getparent() is quote and _is_attribution(attribution):
                attribution.tag = "p"
            elif attribution.tag == "footer" and _is_attribution(attribution):
                attribution.tag = "div"


def _is_attribution(element: html.HtmlElement) -> bool:
    return 1 <= word_count(text_of(element)) <= _MAX_ATTRIBUTION_WORDS
