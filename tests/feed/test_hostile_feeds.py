"""Hostile site feeds: items that point inside the network, items that break a stage, and text
that would break feed.xml. Each item succeeds or fails on its own."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from narrate.cli.feed_commands import feed_app
from tests.conftest import FakeVoice
from tests.feed.conftest import SLUGS, Site
from tests.feed.helpers import guids

runner = CliRunner()


def _rss(urls: list[str]) -> str:
    items = "".join(f"<item><title>t</title><link>{url}</link></item>" for url in urls)
    channel = f"<channel><title>c</title>{items}</channel>"
    return f"<?xml version='1.0'?><rss version='2.0'>{channel}</rss>"


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
    """The feed is at 127.0.0.1; an item at localhost (the same machine, another origin) is what
    a planted item pointing at an internal page looks like."""
    inside = site.url(SLUGS[0]).replace("127.0.0.1", "localhost")
    site.pages["/planted.xml"] = _rss([inside, site.url(SLUGS[1])])
    folder = tmp_path / "pod"
    _init(folder)
    status, output = _sync(folder, f"{site.base}/planted.xml")
    assert status == 1
    assert f"failed: {inside}: refused to connect to localhost" in output
    assert "added: " in output  # the item on the feed's own origin went on
    assert len(guids(folder)) == 1
    status, output = _sync(folder, f"{site.base}/planted.xml", "--allow-private")
    assert status == 0, output
    assert len(guids(folder)) == 2
