"""The feed folder's operations: init, add, sync, list, remove. Plain values in and out.

Each change of the feed goes through narrate.feed.changes. Adding an article is three steps:
plan (against the feed as it is), narrate, finish (commit, then tidy). With a broker,
narrate.feed.fanout takes the same steps for the articles side by side.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from narrate import pipeline
from narrate.errors import FeedError
from narrate.feed import artwork, rss
from narrate.feed.categories import parse_category
from narrate.feed.changes import (
    Outcome,
    Report,
    Status,
    delete,
    discard,
    failed,
    finish,
    plan,
    publish,
    was_removed,
)
from narrate.feed.episode import narrate_episode
from narrate.feed.sitefeed import read_feed
from narrate.feed.state import FEED_NAME, Channel, Episode, State, load, locked
from narrate.files import write_bytes
from narrate.settings import Settings
from narrate.sources.fetch import is_url
from narrate.speech.synthesis import Progress

log = logging.getLogger(__name__)


def init(
    folder: Path,
    title: str,
    base_url: str,
    *,
    description: str = "",
    author: str = "",
    email: str = "",
    language: str = "en",
    category: str = "News",
    image: Path | None = None,
    explicit: bool = False,
    link: str = "",
    keep: int = 0,
) -> State:
    """Start a feed in `folder` (created if needed): state, cover and an empty feed.xml."""
    if not title.strip():
        raise FeedError("the feed needs a title (--title)")
    if not base_url.startswith(("http://", "https://")):
        raise FeedError(
            f"--base-url must be the http(s) URL where {folder} is served, not {base_url!r}"
        )
    base_url = base_url if base_url.endswith("/") else base_url + "/"
    main, sub = parse_category(category)
    picture, suffix = artwork.check_cover(image) if image else (artwork.cover_png(title), ".png")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FeedError(f"cannot create {folder}: {error.strerror or error}") from None
    channel = Channel(
        title=title.strip(), base_url=base_url, description=description, author=author,
        email=email, language=language, category=main, subcategory=sub, explicit=explicit,
        image=f"cover{suffix}", link=link, guid=rss.podcast_guid(rss.feed_url(base_url)),
        keep=keep,
    )  # fmt: skip
    with locked(folder):
        if (folder / FEED_NAME).exists() or (folder / "narrate-feed.json").exists():
            raise FeedError(f"{folder} already holds a feed; edit it with add, sync and remove")
        write_bytes(folder / channel.image, picture)
        state = State(channel)
        publish(folder, state)
    return state


def episodes(folder: Path) -> list[Episode]:
    """The feed's episodes, newest first."""
    return rss.newest_first(load(folder).episodes)


def add(
    folder: Path,
    sources: Sequence[str],
    settings: Settings,
    *,
    keep: int | None = None,
    dates: dict[str, dt.datetime] | None = None,
    skip_retired: bool = False,
    progress: Progress | None = None,
    notify: Callable[[Outcome], None] | None = None,
) -> Report:
    """Narrate each source into the feed: a new episode, an updated one, or nothing if unchanged.

    A source that fails, for whatever reason, is reported in its Outcome and the rest go on:
    one bad item in a site's feed must not stop every later one on every run.
    """
    load(folder)  # not a feed folder: fail before any fetch
    if settings.broker:  # the cluster's workers speak: the articles go side by side
        from narrate.feed.fanout import add_side_by_side

        return add_side_by_side(folder, sources, settings, keep=keep, dates=dates or {},
                                skip_retired=skip_retired, progress=progress,
                                notify=notify)  # fmt: skip
    outcomes, dropped = [], []
    for source in sources:
        try:
            outcome, gone = _add_one(folder, source, settings, keep, (dates or {}).get(source),
                                     skip_retired, progress)  # fmt: skip
        except Exception as error:
            outcome, gone = failed(source, error), []
        log.info("%s: %s %s", source, outcome.status, outcome.error)
        outcomes.append(outcome)
        dropped += gone
        if notify:
            notify(outcome)
    return Report(tuple(outcomes), tuple(dropped))


def sync(
    folder: Path,
    feed: str,
    settings: Settings,
    *,
    limit: int = 10,
    keep: int | None = None,
    progress: Progress | None = None,
    notify: Callable[[Outcome], None] | None = None,
) -> Report:
    """Narrate the first `limit` items of an RSS or Atom feed (URL or file) into the feed."""
    load(folder)
    items = read_feed(feed, settings.fetch)[: max(0, limit)]
    dates = {item.url: item.published for item in items if item.published}
    # The items' addresses come from the feed, not from the user: the address rules hold them.
    settings = replace(settings, fetch=settings.fetch.for_content(feed if is_url(feed) else ""))
    return add(folder, [item.url for item in items], settings, keep=keep, dates=dates,
               skip_retired=True, progress=progress, notify=notify)  # fmt: skip


def remove(folder: Path, guid: str) -> Episode:
    """Take an episode out of the feed and delete its files; sync will not bring it back.

    `guid` may be shortened to any prefix that only one episode has (as `narrate feed list`
    shows them, at least 8 characters).
    """
    with locked(folder):
        state = load(folder)
        episode = _one_episode(state, guid, folder)
        state = replace(
            state,
            episodes=tuple(e for e in state.episodes if e.guid != episode.guid),
            retired=(*state.retired, *episode.urls),
        )
        publish(folder, state)
    delete(folder, episode.files, state)
    return episode


def _one_episode(state: State, guid: str, folder: Path) -> Episode:
    exact = state.by_guid(guid)
    if exact:
        return exact
    found = [e for e in state.episodes if len(guid) >= 8 and e.guid.startswith(guid)]
    if len(found) != 1:
        raise FeedError(f"no episode with GUID {guid} in {folder} (see 'narrate feed list')")
    return found[0]


def _add_one(
    folder: Path,
    source: str,
    settings: Settings,
    keep: int | None,
    fallback: dt.datetime | None,
    skip_retired: bool,
    progress: Progress | None,
) -> tuple[Outcome, list[Episode]]:
    if skip_retired and was_removed(load(folder), source):
        return Outcome(source, Status.SKIPPED, error="removed from this feed before"), []
    script = pipeline.prepare(source, settings)
    planned = plan(folder, source, script, fallback, skip_retired)
    if isinstance(planned, Outcome):
        return planned, []
    try:
        episode = narrate_episode(folder, planned, script, settings, progress)
        return finish(folder, source, episode, keep)
    except BaseException:  # an error or Ctrl-C: no orphaned files, the feed as it was
        discard(folder, planned)
        raise
