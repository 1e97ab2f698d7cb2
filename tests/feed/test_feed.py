"""Building a feed from a local news site with the fake voice: what podcast apps read, and how
the feed changes (or does not) from run to run."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from pathlib import Path

import pytest

from narrate import feed
from narrate.audio import assembly as audio
from narrate.feed import rss
from narrate.settings import Settings
from tests.conftest import FakeVoice
from tests.feed.conftest import DATES, SLUGS, Site
from tests.feed.helpers import ITUNES, PODCAST, episode_files, guids, items, local, parsed

SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.(mp3|vtt|transcript\.json|chapters\.json)$")


def make_feed(tmp_path: Path, **options: object) -> Path:
    folder = tmp_path / "pod"
    feed.init(folder, "The Coastal Courier, narrated", "https://example.org/pod",
              author="Coastal Courier", category="News/Daily News",
              email="pod@example.org", **options)  # type: ignore[arg-type]  # fmt: skip
    return folder


def test_synced_feed_has_every_tag_apple_and_podcasting_2_want(
    tmp_path: Path, site: Site, fake: FakeVoice, settings: Settings
) -> None:
    folder = make_feed(tmp_path)
    report = feed.sync(folder, f"{site.base}/rss.xml", settings)
    assert [o.status for o in report.outcomes] == ["added"] * 3

    result = parsed(folder)
    channel = result.feed
    assert channel.title == "The Coastal Courier, narrated"
    assert channel.link == "https://example.org/pod/"
    assert channel.subtitle and channel.language == "en"
    assert channel.author == "Coastal Courier"
    assert channel.image.href == "https://example.org/pod/cover.png"
    assert {t.term for t in channel.tags} == {"News", "Daily News"}
    namespace = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")  # Podcasting 2.0
    expected = uuid.uuid5(namespace, "example.org/pod/feed.xml")
    assert channel.podcast_guid == str(expected)
    assert len(result.entries) == 3
    titles = [entry.title for entry in result.entries]
    assert titles[0] == "Odesa port brings two harbour cranes back into service"  # newest first

    for entry, slug in zip(result.entries, SLUGS, strict=True):
        enclosure = next(link for link in entry.links if link.rel == "enclosure")
        mp3 = local(folder, enclosure.href)
        assert enclosure.type == "audio/mpeg"
        assert int(enclosure.length) == mp3.stat().st_size
        assert abs(int(entry.itunes_duration) - audio.duration(mp3)) <= 1
        assert entry.id and not entry.guidislink
        year, month, day, hour, minute, second = entry.published_parsed[:6]
        assert dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.UTC) == DATES[slug]
        assert entry.link == site.url(slug)
        assert f'href="{site.url(slug)}"' in entry.summary
        assert "computer voice" in entry.summary
    assert "Engineers repaired the cranes in six weeks" in result.entries[0].summary


def test_channel_and_items_carry_the_namespaced_tags(
    tmp_path: Path, site: Site, fake: FakeVoice, settings: Settings
) -> None:
    folder = make_feed(tmp_path)
    feed.sync(folder, f"{site.base}/rss.xml", settings)
    import xml.etree.ElementTree as ET

    channel = ET.parse(folder / "feed.xml").getroot().find("channel")
    assert channel is not None
    assert channel.findtext(f"{ITUNES}explicit") == "false"
    assert channel.findtext(f"{ITUNES}owner/{ITUNES}email") == "pod@example.org"
    assert channel.findtext(f"{ITUNES}owner/{ITUNES}name") == "Coastal Courier"
    category = channel.find(f"{ITUNES}category")
    assert category is not None and category.get("text") == "News"
    assert category.find(f"{ITUNES}category").get("text") == "Daily News"  # type: ignore[union-attr]
    for item in items(folder):
        found = item.findall(f"{PODCAST}transcript")
        transcripts = {t.get("type"): t.get("url", "") for t in found}
        assert set(transcripts) == {"text/vtt", "application/json"}
        assert local(folder, transcripts["text/vtt"]).read_text().startswith("WEBVTT")
        segments = json.loads(local(folder, transcripts["application/json"]).read_text())
        assert segments["segments"][0]["body"]
        chapters = item.find(f"{PODCAST}chapters")
        assert chapters is not None and chapters.get("type") == "application/json+chapters"
        assert json.loads(local(folder, chapters.get("url", "")).read_text())["chapters"]
    assert all(SAFE_NAME.match(name) for name in episode_files(folder))


def test_generated_cover_is_a_square_png_apple_accepts(tmp_path: Path) -> None:
    from narrate.feed.artwork import image_size

    folder = make_feed(tmp_path)
    kind, width, height = image_size((folder / "cover.png").read_bytes())
    assert (kind, width, height) == ("png", 1400, 1400)


def test_resync_adds_nothing_and_synthesises_nothing(
    tmp_path: Path, site: Site, fake: FakeVoice, settings: Settings
) -> None:
    folder = make_feed(tmp_path)
    feed.sync(folder, f"{site.base}/rss.xml", settings)
    before, files, spoken = guids(folder), episode_files(folder), len(fake.spoken)
    state = (folder / "narrate-feed.json").read_text()

    report = feed.sync(folder, f"{site.base}/rss.xml", settings)
    assert [o.status for o in report.outcomes] == ["unchanged"] * 3
    assert guids(folder) == before
    assert episode_files(folder) == files
    assert len(fake.spoken) == spoken
    assert (folder / "narrate-feed.json").read_text() == state


def test_the_same_articles_through_atom_are_the_same_episodes(
    tmp_path: Path, site: Site, fake: FakeVoice, settings: Settings
) -> None:
    folder = make_feed(tmp_path)
    feed.sync(folder, f"{site.base}/rss.xml", settings)
    report = feed.sync(folder, f"{site.base}/atom.xml", settings)
    assert [o.status for o in report.outcomes] == ["unchanged"] * 3
    again = feed.add(folder, [site.url(SLUGS[0]) + "?utm_source=feed#top"], settings)
    assert again.outcomes[0].status == "unchanged"  # found by its canonical address
    assert len(guids(folder)) == 3


def test_changed_text_is_renarrated_under_the_same_guid(
    tmp_path: Path, site: Site, fake: FakeVoice, settings: Settings
) -> None:
    folder = make_feed(tmp_path)
    feed.sync(folder, f"{site.base}/rss.xml", settings)
    before = guids(folder)
    old_files = episode_files(folder)
    path = f"/news/{SLUGS[1]}/"
    site.pages[path] = site.pages[path].replace("forty of his neighbours", "fifty-two neighbours")

    report = feed.sync(folder, f"{site.base}/rss.xml", settings)
    assert [o.status for o in report.outcomes] == ["unchanged", "updated", "unchanged"]
    assert guids(folder) == before
    entry = parsed(folder).entries[1]
    enclosure = next(link for link in entry.links if link.rel == "enclosure")
    mp3 = local(folder, enclosure.href)
    assert mp3.name not in old_files  # a new file, so apps download it again
    assert int(enclosure.length) == mp3.stat().st_size
    assert "fifty-two" in (folder / mp3.name.replace(".mp3", ".vtt")).read_text()
    assert len(episode_files(folder)) == len(old_files)  # the old version's files are gone


def test_guid_comes_from_the_canonical_address_not_the_title(
    tmp_path: Path, site: Site, fake: FakeVoice, settings: Settings
) -> None:
    folder = make_feed(tmp_path)
    feed.add(folder, [site.url(SLUGS[2])], settings)
    path = f"/news/{SLUGS[2]}/"
    site.pages[path] = site.pages[path].replace(
        "The city library reopens its reading room", "Library reading room open again"
    )
    feed.add(folder, [site.url(SLUGS[2])], settings)
    expected = str(uuid.uuid5(uuid.NAMESPACE_URL, site.url(SLUGS[2])))
    assert guids(folder) == [expected]
    assert parsed(folder).entries[0].title == "Library reading room open again"


def test_a_failing_page_is_reported_and_the_rest_continue(
    tmp_path: Path, site: Site, fake: FakeVoice, settings: Settings
) -> None:
    folder = make_feed(tmp_path)
    site.broken.add(f"/news/{SLUGS[1]}/")
    report = feed.sync(folder, f"{site.base}/rss.xml", settings)
    assert [o.status for o in report.outcomes] == ["added", "failed", "added"]
    assert "404" in report.failed[0].error
    assert len(parsed(folder).entries) == 2


def test_keep_drops_the_oldest_episodes_and_their_files(
    tmp_path: Path, site: Site, fake: FakeVoice, settings: Settings
) -> None:
    folder = make_feed(tmp_path, keep=2)
    report = feed.sync(folder, f"{site.base}/rss.xml", settings)
    assert [e.title for e in report.dropped] == ["The city library reopens its reading room"]
    assert len(parsed(folder).entries) == 2
    assert len(episode_files(folder)) == 2 * 4
    assert not any(name.startswith("the-city-library") for name in episode_files(folder))
    spoken = len(fake.spoken)
    again = feed.sync(folder, f"{site.base}/rss.xml", settings)
    assert [o.status for o in again.outcomes] == ["unchanged", "unchanged", "skipped"]
    assert len(fake.spoken) == spoken


def test_remove_takes_the_episode_and_its_files_out(
    tmp_path: Path, site: Site, fake: FakeVoice, settings: Settings
) -> None:
    folder = make_feed(tmp_path)
    feed.sync(folder, f"{site.base}/rss.xml", settings)
    gone = feed.episodes(folder)[0]
    assert feed.remove(folder, gone.guid).title == gone.title
    assert gone.guid not in guids(folder)
    assert not any((folder / name).exists() for name in gone.files)
    with pytest.raises(feed.FeedError, match="no episode"):
        feed.remove(folder, gone.guid)


def test_file_names_never_come_from_path_tricks(
    tmp_path: Path, site: Site, fake: FakeVoice, settings: Settings
) -> None:
    folder = make_feed(tmp_path)
    path = f"/news/{SLUGS[0]}/"
    site.pages["/news/evil/"] = (
        site.pages[path]
        .replace(
            "Odesa port brings two harbour cranes back into service",
            "../../etc/passwd &lt;b&gt; ~/x",
        )
        .replace(f"{site.base}/news/harbour-cranes/", f"{site.base}/news/evil/?f=../../etc/passwd")
    )
    report = feed.add(folder, [f"{site.base}/news/evil/?f=..%2F..%2Fpasswd"], settings)
    assert report.outcomes[0].status == "added", report
    assert all(SAFE_NAME.match(name) for name in episode_files(folder))
    assert {p.parent for p in folder.rglob("*")} == {folder}
    assert not (tmp_path / "etc").exists()


def test_interrupted_run_leaves_the_previous_feed_intact(
    tmp_path: Path, site: Site, fake: FakeVoice, settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    folder = make_feed(tmp_path)
    feed.add(folder, [site.url(SLUGS[0])], settings)
    before = {name: (folder / name).read_bytes() for name in ("feed.xml", "narrate-feed.json")}
    files = set(folder.iterdir())

    def crash(state: feed.State, now: object = None) -> bytes:
        assert len(list(folder.glob("*.mp3"))) == 2  # the new episode's audio is written
        raise KeyboardInterrupt

    render = rss.render
    monkeypatch.setattr(rss, "render", crash)
    with pytest.raises(KeyboardInterrupt):
        feed.add(folder, [site.url(SLUGS[1])], settings)
    assert {name: (folder / name).read_bytes() for name in before} == before
    assert set(folder.iterdir()) == files  # no half-written or orphaned file left
    # not monkeypatch.undo(): that would also undo the private user folders of conftest.py
    monkeypatch.setattr(rss, "render", render)
    report = feed.add(folder, [site.url(SLUGS[1])], settings)
    assert report.outcomes[0].status == "added"
    assert len(parsed(folder).entries) == 2


def test_not_a_feed_folder_fails_before_any_fetch(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(feed.FeedError, match="not a narrate feed"):
        feed.add(tmp_path, ["http://127.0.0.1:9/a"], settings)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"category": "Gardening"}, "unknown category"),
        ({"category": "News/Gardening"}, "unknown subcategory"),
        ({"base_url": "example.org/pod"}, "http"),
    ],
)
def test_init_refuses_what_apple_would(
    tmp_path: Path, options: dict[str, str], message: str
) -> None:
    arguments = {"base_url": "https://example.org/pod/", **options}
    with pytest.raises(feed.FeedError, match=message):
        feed.init(tmp_path / "pod", "Title", **arguments)  # type: ignore[arg-type]


def test_init_refuses_a_small_cover_and_a_second_init(tmp_path: Path) -> None:
    from narrate.feed.artwork import cover_png

    small = tmp_path / "small.png"
    small.write_bytes(cover_png("x", side=600))
    with pytest.raises(feed.FeedError, match="600x600"):
        make_feed(tmp_path, image=small)
    big = tmp_path / "big.png"
    big.write_bytes(cover_png("x", side=1500))
    folder = make_feed(tmp_path, image=big)
    assert (folder / "cover.png").read_bytes() == big.read_bytes()
    with pytest.raises(feed.FeedError, match="already"):
        make_feed(tmp_path)


def test_a_failure_after_the_audio_leaves_no_orphaned_files(
    tmp_path: Path, site: Site, fake: FakeVoice, settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from narrate import pipeline
    from narrate.errors import OutputError

    folder = make_feed(tmp_path)
    feed.add(folder, [site.url(SLUGS[0])], settings)
    files = set(folder.iterdir())

    def disk_full(*args: object, audio_file: Path) -> None:
        assert audio_file.stat().st_size > 0  # the new audio is made, not yet in place
        assert len(list(folder.glob("*.mp3"))) == 1
        raise OutputError("cannot write the captions: no space left on device")

    monkeypatch.setattr(pipeline, "write_sidecars", disk_full)
    report = feed.add(folder, [site.url(SLUGS[1])], settings)
    assert report.failed[0].error.endswith("no space left on device")
    assert set(folder.iterdir()) == files
