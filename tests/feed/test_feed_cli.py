"""`narrate feed ...` through the command runner, with the fake voice."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from narrate.cli.feed_commands import feed_app
from tests.conftest import FakeVoice
from tests.feed.conftest import SLUGS, Site
from tests.feed.helpers import guids, parsed

runner = CliRunner()


def init(folder: Path) -> None:
    result = runner.invoke(feed_app, ["init", str(folder), "--title", "Courier, narrated",
                                      "--base-url", "https://example.org/pod",
                                      "--category", "news > politics"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "https://example.org/pod/feed.xml"


def test_init_add_list_remove(tmp_path: Path, site: Site, fake: FakeVoice) -> None:
    folder = tmp_path / "pod"
    init(folder)
    result = runner.invoke(feed_app, ["add", str(folder), site.url(SLUGS[0]), site.url(SLUGS[1]),
                                      "-j", "1"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output.count("added: ") == 2
    listed = runner.invoke(feed_app, ["list", str(folder)])
    assert listed.exit_code == 0, listed.output
    lines = listed.stdout.splitlines()
    assert [line.split("\t")[0] for line in lines] == guids(folder)
    assert lines[0].split("\t")[1:] == ["2024-03-04", "0:08", parsed(folder).entries[0].title]
    removed = runner.invoke(feed_app, ["remove", str(folder), guids(folder)[0][:8]])
    assert removed.exit_code == 0, removed.output
    assert removed.stdout.startswith("removed: Odesa port")
    assert len(guids(folder)) == 1


def test_sync_with_a_failing_page_exits_non_zero(
    tmp_path: Path, site: Site, fake: FakeVoice
) -> None:
    folder = tmp_path / "pod"
    init(folder)
    site.broken.add(f"/news/{SLUGS[2]}/")
    result = runner.invoke(feed_app, ["sync", str(folder), f"{site.base}/rss.xml", "-j", "1",
                                      "--limit", "3"])  # fmt: skip
    assert result.exit_code == 1
    assert f"failed: {site.url(SLUGS[2])}: " in result.output
    assert "2 added, 1 failed" in result.output
    assert len(guids(folder)) == 2
    again = runner.invoke(feed_app, ["sync", str(folder), f"{site.base}/rss.xml", "-q", "-j", "1",
                                     "--limit", "2"])  # fmt: skip
    assert again.exit_code == 0, again.output
    assert again.output == ""


def test_errors_are_one_line(tmp_path: Path) -> None:
    result = runner.invoke(feed_app, ["add", str(tmp_path), "https://example.org/a"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"narrate: error: {tmp_path} is not a narrate feed (no narrate-feed.json): "
        "start one with 'narrate feed init'"
    ]
    bad = runner.invoke(feed_app, ["init", str(tmp_path / "pod"), "--title", "T", "--base-url",
                                   "https://example.org/", "--category", "Gardening"])  # fmt: skip
    assert bad.exit_code == 1
    assert bad.output.startswith("narrate: error: unknown category 'Gardening'")
