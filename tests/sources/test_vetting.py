"""What narrate believes of a page's claims about itself, and XML-safe text."""

from __future__ import annotations

import pytest

from narrate.model import Article, Block, BlockKind
from narrate.sources.vetting import registrable_domain, trusted_canonical, vet_article, xml_safe


@pytest.mark.parametrize(
    ("host", "domain"),
    [
        ("www.example.com", "example.com"),
        ("news.example.co.uk", "example.co.uk"),
        ("abc.net.au", "abc.net.au"),
        ("a.b.c.example.de", "example.de"),
        ("localhost", "localhost"),
        ("127.0.0.1", "127.0.0.1"),
        ("EXAMPLE.org.", "example.org"),
    ],
)
def test_registrable_domain(host: str, domain: str) -> None:
    assert registrable_domain(host) == domain


@pytest.mark.parametrize(
    ("canonical", "fetched", "kept"),
    [
        ("https://www.example.com/a", "https://amp.example.com/a", True),  # same site
        ("https://example.com/a", "http://mirror.example.net/a", False),  # another site
        ("https://bbc.co.uk/a", "https://evil.co.uk/a", False),  # co.uk is not one site
        ("javascript:alert(1)", "https://example.com/a", False),
        ("javascript:alert(1)", "", False),  # not even from a saved page
        ("http://example.com:99999/a", "http://example.com/a", False),
        ("https://example.com/a", "", True),  # a saved page the user gave
    ],
)
def test_a_canonical_url_is_trusted_on_its_own_site_only(
    canonical: str, fetched: str, kept: bool
) -> None:
    assert trusted_canonical(canonical, fetched) == (canonical if kept else "")


def test_xml_forbidden_characters_and_lone_surrogates_go() -> None:
    assert xml_safe("a\x01b\x0bc\ud800d\ufffee\x85f\tg\nh") == "abcdef\tg\nh"
    assert xml_safe("émoji 🎙 ok") == "émoji 🎙 ok"


def test_an_article_is_vetted_in_every_field() -> None:
    article = Article(
        title="Head\x01line\udfff", blocks=(Block(BlockKind.PARAGRAPH, "Text\x02."),),
        authors=("A\x03",), description="D\x04", site_name="S\x05",
        canonical_url="https://other.example/a", image_url=" javascript:alert(1)",
        url="https://news.example/a",
    )  # fmt: skip
    vetted = vet_article(article)
    assert (vetted.title, vetted.blocks[0].text, vetted.authors) == ("Headline", "Text.", ("A",))
    assert (vetted.description, vetted.site_name) == ("D", "S")
    assert vetted.canonical_url == "" and vetted.image_url == ""
    assert vet_article(Article(title="t", blocks=(), image_url="/img/a.jpg")).image_url == (
        "/img/a.jpg"
    )


def test_a_date_that_cannot_be_placed_in_utc_is_unknown() -> None:
    import datetime as dt

    early = dt.datetime.fromisoformat("0001-01-01T00:00:00+14:00")
    fine = dt.datetime.fromisoformat("2024-03-04T08:30:00+02:00")
    vetted = vet_article(Article(title="t", blocks=(), published=early, modified=fine))
    assert vetted.published is None and vetted.modified == fine
