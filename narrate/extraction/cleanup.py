"""Block-level clean-up after extraction: furniture lines, the repeated title, duplicates,
an author bio closing the page, headings left with nothing under them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lxml import html

from narrate.extraction.body import Found
from narrate.extraction.boilerplate import TEASER_HEADING, is_furniture_text, strip_shortcodes
from narrate.extraction.dom import text_of, words
from narrate.model import Block, BlockKind

_BIO = re.compile(
    r"\b(?:is|was) (?:a|an|the) (?:[\w-]+ ){0,4}(?:writer|reporter|correspondent|editor"
    r"|journalist|columnist|contributor|author|producer)\b",
    re.IGNORECASE,
)
_TITLE_WINDOW = 4
_MIN_STANDFIRST_WORDS = 6
_MAX_WORDS_BEFORE_TITLE = 12
_MIN_GLUED_TITLE_WORDS = 4  # a shorter title may well be how the story's first sentence opens


# A block this much link text is a pointer to another page ("Related: ...", a card title).
_MAX_LINK_SHARE = 0.8
_MAX_LINK_BLOCK_WORDS = 40


def clean(
    found: list[Found],
    title: str,
    authors: tuple[str, ...],
    description: str = "",
    deliberate: frozenset[str] = frozenset(),
) -> list[Block]:
    """The blocks worth reading. ``deliberate`` holds texts the page itself repeats side by
    side (see ``repeated_in_place``), which are read each time."""
    found = [_without_shortcodes(item) for item in found]
    found = _drop_trailing_link_list(found)
    found = _drop_teaser_sections(found)
    in_text_lists = _items_of_text_lists(found)
    found = [
        item
        for index, item in enumerate(found)
        if not is_furniture_text(item.block.text)
        and (index in in_text_lists or not _is_link_line(item))
    ]
    kept = [item.block for item in _drop_title(found, title)]
    kept = _drop_repeats(kept, deliberate)
    kept = standfirst_once(kept, description)
    kept = _drop_pull_quotes(kept)
    kept = _drop_author_bio(kept, authors)
    return _drop_orphan_headings(kept)


def _without_shortcodes(item: Found) -> Found:
    text = strip_shortcodes(item.block.text)
    if text == item.block.text:
        return item
    return replace(item, block=replace(item.block, text=text))


_LIST_LINK_SHARE = 0.2
_MAX_LABEL_WORDS = 6


def _drop_trailing_link_list(found: list[Found]) -> list[Found]:
    """A list of linked headlines closing the body is "More stories", and so is its label."""
    end = len(found)
    while (
        end
        and found[end - 1].block.kind is BlockKind.LIST_ITEM
        and (found[end - 1].link_share >= _LIST_LINK_SHARE)
    ):
        end -= 1
    if len(found) - end < 2:
        return found
    label = found[end - 1].block.text if end else ""
    if label and len(words(label)) <= _MAX_LABEL_WORDS and not label.endswith((".", "!", "?")):
        end -= 1
    return found[:end]


def _drop_teaser_sections(found: list[Found]) -> list[Found]:
    """A section headed "Other opinion columns", "More stories", "You may also like",
    "Related" holds teasers of other articles: its heading and everything under it, down to
    the next heading of the same or a higher rank, are left out. A heading that is only a link
    to another page is the next teaser's title, not the end of the section.

    Judged before the furniture lines go, so that a label like "Related" is still there to
    say where the teasers start."""
    kept: list[Found] = []
    skipping_below = 0  # the level of the teaser heading being skipped, 0 when none
    for item in found:
        block = item.block
        heading = block.kind is BlockKind.HEADING
        ends_section = heading and skipping_below and block.level <= skipping_below
        if ends_section and not _is_link_line(item):
            skipping_below = 0
        if heading and not item.headline and TEASER_HEADING.match(block.text):
            skipping_below = block.level or 2
            continue
        if not skipping_below:
            kept.append(item)
    return kept


def _items_of_text_lists(found: list[Found]) -> set[int]:
    """Indexes of list items in a list that is mostly not links: there a linked item ("Where
    am I going to put it?" linking to an older story) is one point of the list, not a pointer
    to other stories like the items of a list of headlines."""
    kept: set[int] = set()
    run: list[int] = []
    for index, item in enumerate([*found, None]):
        if item is not None and item.block.kind is BlockKind.LIST_ITEM:
            run.append(index)
            continue
        links = sum(_is_link_line(found[i]) for i in run)
        if run and links * 2 < len(run):
            kept.update(run)
        run = []
    return kept


def _is_link_line(item: Found) -> bool:
    return (
        item.link_share >= _MAX_LINK_SHARE and len(words(item.block.text)) <= _MAX_LINK_BLOCK_WORDS
    )


def same_words(a: str, b: str) -> bool:
    return [w.lower() for w in words(a)] == [w.lower() for w in words(b)]


def _drop_title(found: list[Found], title: str) -> list[Found]:
    """The title is announced separately; the headline opening the body is not read twice.

    The headline is a copy of the title or the page's <h1> (worded differently from the
    <title> more often than not). What comes before it (a kicker, a breadcrumb, a date) is
    page furniture too.
    """
    for index, item in enumerate(found[:_TITLE_WINDOW]):
        if item.headline or (title and same_words(item.block.text, title)):
            before = sum(len(words(f.block.text)) for f in found[:index])
            return found[index + 1 :] if before <= _MAX_WORDS_BEFORE_TITLE else found
    if found and title and (rest := _after_title(found[0].block.text, title)):
        # The headline glued to the first paragraph by the extractor: the paragraph is read.
        return [replace(found[0], block=replace(found[0].block, text=rest)), *found[1:]]
    return found


def _after_title(text: str, title: str) -> str:
    """What follows the title's words at the start of ``text``; "" when it does not start so."""
    title_words = words(title)
    if len(title_words) < _MIN_GLUED_TITLE_WORDS:
        return ""
    pattern = r"\W*".join(re.escape(word) for word in title_words)
    # The paragraph starts a sentence of its own after the title ("... battery Sodium is"); a
    # sentence that opens with the title's words goes on ("Lorem ipsum dolor sit amet, ...").
    match = re.match(rf"\W*{pattern}(?:\s*[:.|–—-])?\s+(?=[^\W\d_])", text, re.IGNORECASE)
    rest = text[match.end() :] if match else ""
    return rest if rest[:1].isupper() else ""


def _drop_repeats(blocks: list[Block], deliberate: frozenset[str]) -> list[Block]:
    """A block that repeats the one just before it (a heading or paragraph rendered twice, for
    desktop and mobile, in two containers).

    A repeat further away is content: an interview asks each guest the same question, a meal
    plan or a schedule repeats its labels in every section, a poem its refrain. So is a
    paragraph the page sets twice side by side in the same container.
    """
    kept: list[Block] = []
    for block in blocks:
        repeat = kept and len(words(block.text)) >= 4 and same_words(block.text, kept[-1].text)
        if repeat and block.text not in deliberate:
            continue
        kept.append(block)
    return kept


def repeated_in_place(tree: html.HtmlElement) -> frozenset[str]:
    """Texts of paragraphs that follow a sibling paragraph with the very same text."""
    found = set()
    for paragraph in tree.iter("p"):
        previous = paragraph.getprevious()
        if previous is None or previous.tag != "p" or (previous.tail or "").strip():
            continue
        text = text_of(paragraph)
        if text and text == text_of(previous):
            found.add(text)
    return frozenset(found)


_MIN_PULL_QUOTE_WORDS = 6
_MAX_PULL_QUOTE_WORDS = 60


def _drop_pull_quotes(blocks: list[Block]) -> list[Block]:
    """A pull-quote repeats a line of the story in large type: read in its place only.

    A short quote whose words all stand inside another, longer block is that block's
    pull-quote (a quotation the story makes once is a quote block of its own, not inside
    another). Its quotation marks and the attribution after it are not part of the
    test, so "'We will rebuild,' the baker said" is found inside the paragraph that says it.
    """
    keys = [_key(block.text) for block in blocks]
    kept = []
    for index, block in enumerate(blocks):
        key = keys[index]
        size = len(key.split())
        quote = block.kind is BlockKind.QUOTE
        pulled = (
            quote
            and _MIN_PULL_QUOTE_WORDS <= size <= _MAX_PULL_QUOTE_WORDS
            and any(
                key in other and len(other) > len(key)
                for other_index, other in enumerate(keys)
                if other_index != index
            )
        )
        if not pulled:
            kept.append(block)
    return kept


def _key(text: str) -> str:
    return " " + " ".join(w.lower() for w in words(text)) + " "


def standfirst_once(blocks: list[Block], description: str) -> list[Block]:
    """The standfirst is read, once.

    A summary set under the headline (a dek, a lead paragraph, often the page's own
    description) is the article's opening, and a narrator reads it. Many pages print it twice,
    as a standfirst and again as the first paragraph or in a summary box lower down: only the
    first is read.
    """
    if len(words(description)) < _MIN_STANDFIRST_WORDS:
        return blocks
    kept: list[Block] = []
    seen = False
    for block in blocks:
        if same_words(block.text, description):
            if seen:
                continue
            seen = True
        kept.append(block)
    return kept


def _drop_author_bio(blocks: list[Block], authors: tuple[str, ...]) -> list[Block]:
    """A closing "Jane Doe is a reporter at ..." box is about the writer, not the story."""
    while blocks and _is_bio(blocks[-1].text, authors):
        blocks = blocks[:-1]
    return blocks


def _is_bio(text: str, authors: tuple[str, ...]) -> bool:
    if len(words(text)) > 60 or not _BIO.search(text):
        return False
    return any(text.startswith(name) for name in authors if name)


def _drop_orphan_headings(blocks: list[Block]) -> list[Block]:
    """A heading at the very end introduces something that was furniture and is now gone.

    A page of nothing but headings keeps them: they are all the text it has, and an empty
    result would hide that from the verdict's message.
    """
    if all(block.kind is BlockKind.HEADING for block in blocks):
        return blocks
    while blocks and blocks[-1].kind is BlockKind.HEADING:
        blocks = blocks[:-1]
    return blocks
