"""Articles already extracted from the same page bytes, kept as JSON.

Extraction itself is quick, but the extractor library takes 0.3 s to import: on a re-narration
of an unchanged page that is a third of the whole run. The key holds the page (text, kind,
address), whether --force was given, and the extraction code itself (its files' sizes and
modification times), so a new version of narrate never reads an old result.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import html
import json
import logging
import re
import zlib
from pathlib import Path
from typing import Any

from narrate.errors import OutputError
from narrate.files import write_text
from narrate.model import Article, Block, BlockKind, Page, PageKind

log = logging.getLogger(__name__)

_EXTRACTION = Path(__file__).parent


def _code_version() -> str:
    stamps = sorted(
        f"{path.name}:{path.stat().st_size}:{path.stat().st_mtime_ns}"
        for path in _EXTRACTION.glob("*.py")
    )
    return hashlib.sha256("|".join(stamps).encode()).hexdigest()


def key(page: Page, force: bool) -> str:
    parts = json.dumps([_code_version(), page.kind, page.url, force, page.text])
    return hashlib.sha256(parts.encode()).hexdigest()


def to_json(article: Article) -> str:
    """The article as JSON (from_json reads it back): also how the cluster passes one on."""
    data = dataclasses.asdict(article)
    for field in ("published", "modified"):
        data[field] = data[field].isoformat() if data[field] else None
    return json.dumps(data, ensure_ascii=False)


def from_json(text: str) -> Article:
    data: dict[str, Any] = json.loads(text)
    data["blocks"] = tuple(
        Block(BlockKind(block["kind"]), block["text"], block["level"]) for block in data["blocks"]
    )
    data["authors"] = tuple(data["authors"])
    for field in ("published", "modified"):
        data[field] = dt.datetime.fromisoformat(data[field]) if data[field] else None
    return Article(**data)


def _checksum(text: str) -> str:
    return f"{zlib.crc32(text.encode('utf-8')):08x}"


def get(folder: Path, page: Page, force: bool) -> Article | None:
    """The article saved for this page, if its checksum holds (the first line of the file is
    the CRC-32 of the rest); a damaged one is removed, to be extracted again."""
    path = folder / f"{key(page, force)}.json"
    try:
        record, _, text = path.read_text(encoding="utf-8").partition("\n")
        if record != _checksum(text):
            raise ValueError("checksum mismatch")
        return from_json(text)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as error:
        log.debug("dropping a damaged saved article %s (%s): it is extracted again", path, error)
        path.unlink(missing_ok=True)
        return None


def put(folder: Path, page: Page, force: bool, article: Article) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        text = to_json(article)
        write_text(folder / f"{key(page, force)}.json", f"{_checksum(text)}\n{text}")
        write_text(_title_marker(folder, page), "")
    except (OSError, OutputError) as error:  # the cache is a speed-up, never a failure
        log.warning("could not save the extracted article: %s", error)


def familiar(folder: Path, page: Page) -> bool:
    """Whether a page with the same title was extracted before: a new version of an article
    narrated already (most of its sentences are then in the sentence cache), as far as one
    can tell before extracting it."""
    return _title_marker(folder, page).is_file()


_TITLE = re.compile(r"<title[^>]*>(?P<title>.*?)</title>", re.IGNORECASE | re.DOTALL)


def _title_marker(folder: Path, page: Page) -> Path:
    if page.kind is PageKind.HTML:
        found = _TITLE.search(page.text, 0, 200_000)
        title = html.unescape(found["title"]) if found else page.name
    else:
        title = next((line for line in page.text.splitlines() if line.strip()), page.name)
    digest = hashlib.sha256(" ".join(title.split()).encode()).hexdigest()[:32]
    return folder / f"{digest}.title"
