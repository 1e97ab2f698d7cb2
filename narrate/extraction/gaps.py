"""Paragraphs the main-content extractor skipped between two paragraphs of the story.

The extractor judges each paragraph on its own, and a paragraph with a couple of links in it,
or one that a generic fallback scores low, can vanish from the middle of a story: the listener
never knows that a step of the argument is missing. A paragraph, heading or list item that
sits between two extracted blocks, inside the same container as both of them, is part of the
story; it is put back in its place, and the line-by-line checks that every block goes through
afterwards (furniture lines, links to other stories) still judge it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from lxml import html

from narrate.extraction.body import Found, blocks_of_element
from narrate.extraction.dom import is_hidden, text_of, words

_LEAVES = ("p", "h2", "h3", "h4", "h5", "h6", "li")
_NESTED_BLOCKS = ("p", "ul", "ol", "div", "table", "blockquote")
# Both neighbours must sit this close under the container they share: the same parent, or
# a wrapper or two deeper (a paragraph in a <div> of the story's own).
_MAX_DEPTH_BELOW_CONTAINER = 2
# A longer run of skipped blocks is something else that the extractor left out on purpose.
_MAX_GAP = 4
# How far ahead a block is looked for among the page's leaves, and how alike it must be.
_LOOKAHEAD = 12
_SIMILAR = 0.5
_MIN_SHINGLES = 4  # a few words in common ("Lorem ipsum dolor") make no match
# Leaves inside these are read their own way (a table row by row, code not at all) or are
# not text (a formula's source).
_NOT_LEAF_PARENTS = ("table", "pre", "figure", "math", "code")


def fill(tree: html.HtmlElement, found: list[Found], url: str | None) -> list[Found]:
    """``found`` with the blocks it skipped between two of its own put back in place."""
    leaves = list(_leaves(tree))
    keys = [_key(text_of(leaf)) for leaf in leaves]
    read = {_key(item.block.text) for item in found}  # what is read elsewhere is no gap
    filled: list[Found] = []
    last = -1  # index in ``leaves`` of the last block matched so far
    for index, item in enumerate(found):
        key = _key(item.block.text)
        here = _match(keys, key, last + 1)
        if here is not None and last >= 0 and 1 <= here - last - 1 <= _MAX_GAP:
            for leaf in _skipped(leaves[last], leaves[here], leaves[last + 1 : here]):
                if _key(text_of(leaf)) not in read:
                    filled.extend(blocks_of_element(leaf, url, quoted=_quoted(leaf)))
        filled.append(item)
        if here is None:
            continue
        last = here
        # The extractor keeps one of several copies that the page sets side by side (a
        # refrain, a repeated line); the page means each, as the clean-up stage reads them.
        following = _key(found[index + 1].block.text) if index + 1 < len(found) else ""
        while (
            last + 1 < len(leaves)
            and keys[last + 1] == key != following
            and _repeats_previous(leaves[last + 1])
        ):
            last += 1
            filled.append(item)
    return filled


def _repeats_previous(leaf: html.HtmlElement) -> bool:
    """The leaf comes right after a sibling of the same tag and text."""
    previous = leaf.getprevious()
    return (
        previous is not None
        and previous.tag == leaf.tag
        and not (previous.tail or "").strip()
        and text_of(previous) == text_of(leaf)
    )


def _leaves(tree: html.HtmlElement) -> Iterator[html.HtmlElement]:
    """Paragraphs, headings and list items that hold no blocks of their own, in page order."""
    for element in tree.iter(*_LEAVES):
        if element.tag == "li" and any(child.tag in _NESTED_BLOCKS for child in element):
            continue
        if element.find(".//math") is not None or is_hidden(element):
            continue
        if any(parent.tag in _NOT_LEAF_PARENTS for parent in element.iterancestors()):
            continue
        if words(text_of(element)):
            yield element


def _quoted(leaf: html.HtmlElement) -> bool:
    return any(parent.tag == "blockquote" for parent in leaf.iterancestors())


def _key(text: str) -> str:
    return " ".join(word.lower() for word in words(text))


def _match(keys: list[str], key: str, start: int) -> int | None:
    """Where a block stands among the page's leaves: the next leaf with its words, or, a few
    leaves on, one that shares most of them (the extractor may have dropped a phrase in
    <code>, or split a bold lead-in from its paragraph)."""
    if not key:
        return None
    window = keys[start : start + _LOOKAHEAD]
    if key in window:
        return start + window.index(key)
    own = _shingles(key)
    for offset, other in enumerate(window):
        theirs = _shingles(other)  # cached: each leaf is compared with several blocks
        smaller = min(len(own), len(theirs))
        if smaller >= _MIN_SHINGLES and len(own & theirs) >= _SIMILAR * smaller:
            return start + offset
    return None


@functools.lru_cache(maxsize=1024)
def _shingles(key: str) -> frozenset[str]:
    tokens = key.split()
    return frozenset(" ".join(tokens[i : i + 3]) for i in range(len(tokens) - 2))


def _skipped(
    before: html.HtmlElement, after: html.HtmlElement, between: list[html.HtmlElement]
) -> list[html.HtmlElement]:
    """The leaves between two blocks of the story that are set the way the story is: inside
    the container both blocks share, wrapped like one of them (a list aside). A leaf in a box
    of its own there (a teaser card, a promotion) is not the story's."""
    shared = _shared_container(before, after)
    if shared is None:
        return []
    paths = {_path(before, shared), _path(after, shared)}
    return [leaf for leaf in between if _path(leaf, shared) in paths]


def _shared_container(first: html.HtmlElement, second: html.HtmlElement) -> html.HtmlElement | None:
    """The closest element holding both, when both sit near it (not the page itself)."""
    ancestors = list(first.iterancestors())[: _MAX_DEPTH_BELOW_CONTAINER + 1]
    for ancestor in list(second.iterancestors())[: _MAX_DEPTH_BELOW_CONTAINER + 1]:
        if ancestor in ancestors:
            return None if ancestor.tag in ("body", "html") else ancestor
    return None


def _path(leaf: html.HtmlElement, container: html.HtmlElement) -> tuple[tuple[str, str], ...]:
    """The wrappers between a leaf and the container, by tag and class (lists left aside)."""
    path = []
    for ancestor in leaf.iterancestors():
        if ancestor is container:
            break
        if ancestor.tag not in ("ul", "ol", "li"):
            path.append((ancestor.tag, ancestor.get("class", "")))
    return tuple(path)
