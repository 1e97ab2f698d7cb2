"""Page readers: a page of each kind to an Article.

Adding a kind of page is a reader module and a line in READERS. Each reader is imported when a
page of its kind comes: the HTML extractor loads lxml and trafilatura (0.3 s), which the
command would rather do after its voice workers have forked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from narrate.model import Article, Page, PageKind

Reader = Callable[[Page, bool], Article]
"""(the page, whether to read it even if it does not look like an article)."""


def _html(page: Page, force: bool) -> Article:
    from narrate.extraction import extract_article

    return extract_article(page.text, page.url, allow_non_article=force)


def _text(page: Page, force: bool) -> Article:
    from narrate.sources.plaintext import article_from_text

    if page.url and not force:  # a reply from the web; a file of one's own is read as it is
        from narrate.extraction.verdict import check_plain_text

        check_plain_text(page.text, page.name)
    return article_from_text(page.text, page.name)


READERS: Final[dict[PageKind, Reader]] = {
    PageKind.HTML: _html,
    PageKind.TEXT: _text,
}


def read_article(page: Page, *, force: bool = False) -> Article:
    return READERS[page.kind](page, force)
