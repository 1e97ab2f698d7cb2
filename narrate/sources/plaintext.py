"""Plain text and Markdown to an Article: paragraphs are separated by blank lines."""

from __future__ import annotations

import re
from pathlib import PurePath

from narrate.model import Article, Block, BlockKind

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s*>\s?")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
# Inline Markdown marks are never spoken: links keep their text, emphasis and code their content.
_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),
    (re.compile(r"`([^`]+)`"), r"\1"),
)
_MAX_TITLE = 150


def _inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


def _block(chunk: list[str]) -> list[Block]:
    """Blocks for one run of non-blank lines."""
    if len(chunk) == 2 and _SETEXT.match(chunk[1]):
        return [Block(BlockKind.HEADING, _inline(chunk[0]), 1 if chunk[1][0] == "=" else 2)]
    if heading := _HEADING.match(chunk[0]):
        rest = _block(chunk[1:]) if len(chunk) > 1 else []
        return [Block(BlockKind.HEADING, _inline(heading.group(2)), len(heading.group(1))), *rest]
    if all(_QUOTE.match(line) for line in chunk):
        return [Block(BlockKind.QUOTE, _inline(" ".join(_QUOTE.sub("", x) for x in chunk)))]
    if _LIST_ITEM.match(chunk[0]):
        items: list[list[str]] = []
        for line in chunk:
            if _LIST_ITEM.match(line) or not items:
                items.append([_LIST_ITEM.sub("", line)])
            else:
                items[-1].append(line)
        return [Block(BlockKind.LIST_ITEM, _inline(" ".join(item))) for item in items]
    return [Block(BlockKind.PARAGRAPH, _inline(" ".join(chunk)))]


def article_from_text(text: str, name: str = "") -> Article:
    """An Article from plain text or Markdown; title: the first heading or a short first line."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.rstrip() for line in chunk.split("\n") if line.strip()]
        if lines:
            blocks.extend(b for b in _block(lines) if b.text)
    title = ""
    if (blocks and blocks[0].kind is BlockKind.HEADING and blocks[0].level == 1) or (
        blocks
        and len(blocks[0].text) <= _MAX_TITLE
        and not blocks[0].text.endswith((".", "?", "!", ":"))
    ):
        title, blocks = blocks[0].text, blocks[1:]
    elif name and name != "standard input":
        title = PurePath(name).stem.replace("_", " ").replace("-", " ").strip()
    return Article(title=title, blocks=tuple(blocks))
