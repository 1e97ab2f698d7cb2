"""Small metadata helpers, table-tested."""

from __future__ import annotations

import datetime as dt

import pytest

from narrate.extraction.metadata import normalize_language, strip_site_suffix
from narrate.extraction.pubdates import parse_date


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
        # written as pages write them, in JSON-LD and <meta>
        ("19 Nov 2019 07:09 GMT", dt.datetime(2019, 11, 19, 7, 9, tzinfo=dt.UTC)),
        ("Tue, 19 Nov 2019 07:09:00 +0000", dt.datetime(2019, 11, 19, 7, 9, tzinfo=dt.UTC)),
        ("November 19, 2019", dt.datetime(2019, 11, 19)),
        ("Nov. 19, 2019 at 7:09", dt.datetime(2019, 11, 19, 7, 9)),
        ("19th November 2019", dt.datetime(2019, 11, 19)),
        ("2019/11/19", dt.datetime(2019, 11, 19)),
        # dates that cannot be real are no date
        ("0001-01-01T00:00:00", None),
        ("1970-01-01T00:00:00Z", None),
        ("1900-01-01", None),
        ("3 March 2999", None),
        ("31 February 2020", None),
    ],
)
def test_parse_date(raw: str, expected: dt.datetime | None) -> None:
    assert parse_date(raw) == expected
