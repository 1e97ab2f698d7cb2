"""Reading a built feed back: with feedparser (what podcast apps use) and with ElementTree for
the namespaced attributes feedparser does not keep."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import feedparser

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
PODCAST = "{https://podcastindex.org/namespace/1.0}"


def parsed(folder: Path) -> Any:
    result = feedparser.parse((folder / "feed.xml").read_bytes())
    assert result.bozo == 0, result.get("bozo_exception")
    return result


def items(folder: Path) -> list[ET.Element]:
    return ET.parse(folder / "feed.xml").getroot().findall("channel/item")


def guids(folder: Path) -> list[str]:
    return [item.findtext("guid", "") for item in items(folder)]


def local(folder: Path, url: str) -> Path:
    """The file in `folder` that a feed URL points at."""
    return folder / url.rsplit("/", 1)[1]


def episode_files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.suffix in {".mp3", ".vtt", ".json"}} - {
        "narrate-feed.json"
    }
