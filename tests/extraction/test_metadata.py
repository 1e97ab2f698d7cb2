"""Small metadata helpers, table-tested."""

from __future__ import annotations

import datetime as dt

import pytest

from narrate.extraction.metadata import normalize_language, parse_date, strip_site_suffix


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Storm hits coast | Daily Planet", "Daily Planet", "Storm hits coast"),
        ("Storm hits coast - Daily Planet", "", "Storm hits coast"),
        ("Daily Planet | Storm hits the coast again", "Daily Planet", "Storm hits the coast again"),
        ("Storm hits coast — World — Daily Planet", "Daily Planet", "Storm hits coast — World"),
        ("Spider-Man actor joins new play", "", "Spider-Man actor joins new play"),
        ("Storm hits coast", "Daily Planet", "Storm hits coast"),
    ],
)
def test_strip_site_suffix(title: str, site: str, expected: str) -> None:
    assert strip_site_suffix(title, site) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("en_us", "en-US"), ("EN", "en"), ("de-DE", "de-DE"), ("zh-hant", "zh-Hant"), ("x", "")],
)
def test_normalize_language(raw: str, expected: str) -> None:
    assert normalize_language(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-03-14T06:30:00Z", dt.datetime(2024, 3, 14, 6, 30, tzinfo=dt.UTC)),
        ("2024-03-14", dt.datetime(2024, 3, 14)),
        ("published 2024-03-14 08:00", dt.datetime(2024, 3, 14, 8, 0)),
        ("March 14", None),
        ("", None),
    ],
)
def test_parse_date(raw: str, expected: dt.datetime | None) -> None:
    assert parse_date(raw) == expected
