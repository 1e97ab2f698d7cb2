"""Hostile site feeds: items that point inside the network, items that break a stage, and text
that would break feed.xml. Each item succeeds or fails on its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from narrate.cli.feed_commands import feed_app
from tests.conftest import FakeVoice
from tests.feed.conftest import SLUGS, Site
from tests.feed.helpers import guids, parsed

runner = CliRunner()


def _rss(urls: list[str]) -> str:
    items = "".join(f"<item><title>t</title><link>{url}</link></item>" for url in urls)
    channel = f"<channel><title>c</title>{items}</channel>"
    return f"<?xml version='1.0'?><rss version='2.0'>{channel}</rss>"


def _other_host(url: str) -> str:
    """The same server under its other name: this machine, but another origin and site."""
    if "//127.0.0.1:" in url:
        return url.replace("//127.0.0.1:", "//localhost:")
    return url.replace("//localhost:", "//127.0.0.1:")


def _init(folder: Path) -> None:
    result = runner.invoke(feed_app, ["init", str(folder), "--title", "Courier",
                                      "--base-url", "https://example.org/pod"])  # fmt: skip
    assert result.exit_code == 0, result.output


def _sync(folder: Path, feed_url: str, *extra: str) -> tuple[int, str]:
    result = runner.invoke(feed_app, ["sync", str(folder), feed_url, "-j", "1", *extra])
    return result.exit_code, result.output


def test_an_item_on_another_internal_origin_is_refused(
    tmp_path: Path, site: Site, fake: FakeVoice
) -> None:
    """The feed is at 127.0.0.1; an item at localhost (the same machine, another origin), or the
    other way round, is what a planted item pointing at an internal page looks like."""
    inside = _other_host(site.url(SLUGS[0]))
    site.pages["/planted.xml"] = _rss([inside, site.url(SLUGS[1])])
    folder = tmp_path / "pod"
    _init(folder)
    status, output = _sync(folder, f"{site.base}/planted.xml")
    assert status == 1
    assert f"failed: {inside}: refused to connect to " in output
    assert "added: " in output  # the item on the feed's own origin went on
    assert len(guids(folder)) == 1
    status, output = _sync(folder, f"{site.base}/planted.xml", "--allow-private")
    assert status == 0, output
    assert len(guids(folder)) == 2
    allowed = runner.invoke(feed_app, ["sync", str(folder), f"{site.base}/planted.xml", "-j", "1"],
                            env={"NARRATE_ALLOW_PRIVATE": "1"})  # fmt: skip
    assert allowed.exit_code == 0, allowed.output  # fetched again, and found unchanged
    assert f"unchanged: Odesa port brings two harbour cranes back into service ({inside})" in (
        allowed.output
    )


def _variant(site: Site, path: str, **changes: str) -> str:
    """The harbour-cranes page served at `path` (its own canonical URL), with changes."""
    html = site.pages[f"/news/{SLUGS[0]}/"].replace(site.url(SLUGS[0]), site.base + path)
    headline = "Odesa port brings two harbour cranes back into service"
    if "headline" in changes:
        html = html.replace(f'"headline": "{headline}"', f'"headline": {changes["headline"]}')
        html = html.replace(f"<h1>{headline}</h1>", "").replace(f"<title>{headline}", "<title>")
    if "body" in changes:
        html = html.replace("<p>Two cranes", f"<p>{changes['body']}</p><p>Two cranes")
    if "head" in changes:
        html = html.replace("</head>", changes["head"] + "</head>")
    if "canonical" in changes:
        html = html.replace(f'href="{site.base}{path}"', f'href="{changes["canonical"]}"', 1)
    if "date" in changes:
        html = html.replace("2024-03-04T08:30:00+02:00", changes["date"])
    site.pages[path] = html
    return site.base + path


def test_each_item_succeeds_or_fails_on_its_own(
    tmp_path: Path, site: Site, fake: FakeVoice
) -> None:
    """Every trigger of issue 18 in one site feed: one line per item, no internal error, and the
    items whose faults were narrate's own are narrated."""
    must_work = [
        site.url(SLUGS[1]),
        _variant(site, "/nachrichten/Straße-Brücke/"),
        _variant(site, "/port/", canonical="http://127.0.0.1:99999/x"),
        _variant(site, "/surrogate/", headline='"Cranes \\ud800 back in service"'),
        _variant(site, "/control/", headline='"Cranes \\u0001 back in service"'),
        _variant(site, "/script/", canonical="javascript:alert(1)"),
    ]
    for charset in ("rot13", "base64", "hex", "zlib", "idna"):
        url = _variant(site, f"/charset-{charset}/")
        site.replies[f"/charset-{charset}/"] = (200, f"text/html; charset={charset}", {})
        must_work.append(url)
    may_fail = [
        _variant(site, "/busy/"),
        _variant(
            site,
            "/deep/",
            head='<script type="application/ld+json">'
            + "[" * 100_000
            + "]" * 100_000
            + "</script>",
        ),
        _variant(site, "/mail/", body="Write to news@².de about it."),
        _variant(site, "/digits/", body="It is " + "7" * 5000 + " long."),
        _variant(site, "/year-one/", date="0001-01-01T00:00:00+14:00"),
    ]
    site.replies["/busy/"] = (503, "text/html", {"Retry-After": "garbage"})
    site.pages["/hostile.xml"] = _rss(must_work + may_fail)
    folder = tmp_path / "pod"
    _init(folder)
    status, output = _sync(folder, f"{site.base}/hostile.xml", "--limit", "50", "--timeout", "2")
    assert "internal error" not in output
    lines = [line for line in output.splitlines() if line.startswith(("added:", "failed:"))]
    assert len(lines) == len(must_work) + len(may_fail), output
    for url in must_work:
        assert any(line.startswith("added:") and line.endswith(f"({url})") for line in lines), (
            url, output,
        )  # fmt: skip
    assert status == (1 if any(line.startswith("failed:") for line in lines) else 0)
    assert f"failed: {site.base}/busy/: {site.base}/busy/: HTTP 503" in output
    result = parsed(folder)  # well-formed, readable by podcast apps
    assert len(result.entries) == len(guids(folder)) >= len(must_work)
    text = (folder / "feed.xml").read_text("utf-8") + (folder / "narrate-feed.json").read_text()
    assert "javascript:" not in text
    assert "\x01" not in text
    assert "Cranes  back in service" in text


def test_a_page_elsewhere_cannot_take_over_an_episode(
    tmp_path: Path, site: Site, fake: FakeVoice
) -> None:
    """A page on another site (localhost against 127.0.0.1) declares an existing episode's
    address as its canonical URL: it becomes an episode of its own."""
    folder = tmp_path / "pod"
    _init(folder)
    result = runner.invoke(feed_app, ["add", str(folder), site.url(SLUGS[0]), "-j", "1"])
    assert result.exit_code == 0, result.output
    original = guids(folder)
    html = site.pages[f"/news/{SLUGS[1]}/"].replace(site.url(SLUGS[1]), site.url(SLUGS[0]))
    site.pages["/elsewhere/"] = html
    elsewhere = _other_host(f"{site.base}/elsewhere/")
    result = runner.invoke(feed_app, ["add", str(folder), elsewhere, "-j", "1"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("added: ")
    assert len(guids(folder)) == 2 and original[0] in guids(folder)


def test_a_feed_xml_that_would_not_parse_never_replaces_the_old_one(tmp_path: Path) -> None:
    from narrate.errors import FeedError
    from narrate.feed import rss

    with pytest.raises(FeedError, match="would not be well-formed"):
        rss.check_well_formed(b"<rss><channel>\x01</channel></rss>")
    rss.check_well_formed(b"<rss/>")


def test_a_failure_of_several_lines_is_reported_on_one(
    tmp_path: Path, site: Site, fake: FakeVoice, monkeypatch: pytest.MonkeyPatch
) -> None:
    from narrate import pipeline

    prepare = pipeline.prepare

    def breaks_on_the_first(source: str, *args: object, **kwargs: object) -> object:
        if source == site.url(SLUGS[0]):
            raise ValueError("first line\nsecond line\n\tthird")
        return prepare(source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "prepare", breaks_on_the_first)
    folder = tmp_path / "pod"
    _init(folder)
    status, output = _sync(folder, f"{site.base}/rss.xml")
    assert status == 1
    lines = output.splitlines()
    assert f"failed: {site.url(SLUGS[0])}: unexpected ValueError: first line second line third" in (
        lines
    )
    assert sum(line.startswith("added: ") for line in lines) == 2
