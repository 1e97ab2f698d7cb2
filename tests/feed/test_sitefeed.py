"""Reading sites' feeds: RSS 2.0, RSS 1.0 and Atom, and nothing unsafe or oversized."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from narrate.errors import FetchError, SourceError
from narrate.feed import sitefeed as sources
from narrate.feed.sitefeed import Item, parse_feed, read_feed
from tests.feed.conftest import DATES, SLUGS, Site

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<rss version="2.0"><channel><title>&d;</title>
<item><title>&d;</title><link>https://example.org/a</link></item></channel></rss>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title>
<item><title>&secret;</title><link>https://example.org/a</link></item></channel></rss>"""

RSS1 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
 <channel rdf:about="https://example.org/"><title>Old school</title></channel>
 <item rdf:about="https://example.org/one"><title>One</title><link>https://example.org/one</link>
  <dc:date>2024-03-01T12:00:00Z</dc:date></item>
</rdf:RDF>"""


def test_rss_items_in_order_with_their_dates(site: Site) -> None:
    items = read_feed(f"{site.base}/rss.xml")
    assert [item.url for item in items] == [site.url(slug) for slug in SLUGS]
    assert [item.published for item in items] == [DATES[slug] for slug in SLUGS]


def test_atom_links_are_resolved_against_the_feed(site: Site) -> None:
    items = read_feed(f"{site.base}/atom.xml")
    assert [item.url for item in items] == [site.url(slug) for slug in SLUGS]
    assert items[0].published == DATES[SLUGS[0]]


def test_rss_1_and_a_local_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.rdf"
    path.write_bytes(RSS1)
    assert read_feed(str(path)) == [
        Item("https://example.org/one", "One", dt.datetime(2024, 3, 1, 12, tzinfo=dt.UTC))
    ]


@pytest.mark.parametrize("document", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["laughs", "xxe"])
def test_documents_declaring_entities_are_refused(document: bytes) -> None:
    with pytest.raises(SourceError, match="entit"):  # our check, or libxml2's own guard
        parse_feed(document)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (b"<html><body>Hello</body></html>", "not an RSS or Atom feed"),
        (b"<rss><channel><item>", "not well-formed"),
        (b"", "not well-formed"),
    ],
)
def test_what_is_not_a_feed_says_so(document: bytes, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        parse_feed(document)


def test_links_that_are_not_web_pages_are_left_out() -> None:
    document = b"""<rss version="2.0"><channel><title>x</title>
      <item><link>javascript:alert(1)</link></item>
      <item><link>file:///etc/passwd</link></item>
      <item><title>no link</title></item>
      <item><guid isPermaLink="false">tag:1</guid></item>
      <item><guid>https://example.org/by-guid</guid></item></channel></rss>"""
    assert [item.url for item in parse_feed(document)] == ["https://example.org/by-guid"]


def test_an_oversized_feed_is_refused_while_reading(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_FEED_BYTES", 300)
    with pytest.raises(FetchError, match="too large"):
        read_feed(f"{site.base}/rss.xml")


def test_a_missing_feed_is_a_fetch_error(site: Site) -> None:
    with pytest.raises(FetchError, match="404"):
        read_feed(f"{site.base}/no-such-feed.xml")
