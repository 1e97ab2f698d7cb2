"""Tables, read the way a listener can follow them: row by row, never cell by cell.

A listener cannot look back up a column, so a grid read cell by cell ("Team, W, L, Rovers, 6,
5, United, 4, 7") is noise, and its header row read as a line of its own means nothing. The
policy:

- a table of one column, or whose cells are prose and that has no header row, is text: each
  cell a paragraph;
- a table with a header row reads each row as one line, every value with its column's name
  ("Team Rovers, W 6, L 5"): the header is heard where it means something;
- a table with a header row and prose cells (a list of films, each with its year and a
  synopsis) reads each row as one line, its short cells naming the prose: "Night Train,
  1964: A guard wakes ..."; column names before a paragraph would only be in the way;
- a table without one reads each row as one line, its first cell naming the rest ("Opening
  hours: 9 to 5"; "Rovers: home, Tuesday, 7 pm").

Market widgets (tickers, stock quotes) are page furniture and never reach this module.
"""

from __future__ import annotations

from narrate.extraction.dom import word_count

_PROSE_CELL_WORDS = 25


def lines(rows: list[list[str]], header: bool) -> list[str] | None:
    """The lines to read for a table of cell texts, or None when the table is text (one
    column, or prose cells) and its cells are read as paragraphs."""
    rows = [row for row in rows if any(cell for cell in row)]
    width = max((len(row) for row in rows), default=0)
    cells = [cell for row in rows for cell in row if cell]
    if width <= 1:
        return None
    if any(word_count(cell) > _PROSE_CELL_WORDS for cell in cells):
        if not header or len(rows) < 2:
            return None
        return [line for row in rows[1:] if (line := _prose_row(row))]
    if header and len(rows) > 1:
        names = rows[0]
        return [line for row in rows[1:] if (line := _labelled(names, row))]
    return [line for row in rows if (line := _pair(row) if width == 2 else _row(row))]


def _labelled(names: list[str], row: list[str]) -> str:
    parts = []
    for index, cell in enumerate(row):
        name = names[index] if index < len(names) else ""
        if cell:
            parts.append(f"{name} {cell}" if name and name != cell else cell)
    return ", ".join(parts)


def _prose_row(row: list[str]) -> str:
    """Short cells, then the prose they name: "Night Train, 1964: A guard wakes ..."."""
    cells = [cell for cell in row if cell]
    short = 0
    while short < len(cells) and word_count(cells[short]) <= _PROSE_CELL_WORDS:
        short += 1
    names = ", ".join(cell.rstrip(":") for cell in cells[:short])
    prose = " ".join(cells[short:])
    return f"{names}: {prose}" if names and prose else names or prose


def _pair(row: list[str]) -> str:
    label, value = [*row, "", ""][:2]
    if label and value:
        return f"{label.rstrip(':')}: {value}"
    return label or value


def _row(row: list[str]) -> str:
    cells = [cell for cell in row if cell]
    if len(cells) < 2:
        return cells[0] if cells else ""
    return f"{cells[0].rstrip(':')}: {', '.join(cells[1:])}"
