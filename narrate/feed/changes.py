"""One change of a feed folder at a time: an episode planned against the feed as it is,
committed (state and feed.xml, under the folder's lock), its leftovers deleted, or its files
discarded after a failure; and what happened to each source.

Every change of the state and feed.xml is a read-modify-write under the folder's lock, both
files written to temporary names and renamed, feed.xml first: whatever happens, feed.xml is a
whole feed whose enclosures are whole files. Files an old version or a dropped episode leaves
behind are deleted only after the new state is in place.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from narrate.errors import NarrateError
from narrate.feed import rss
from narrate.feed.episode import addresses, is_current, normal_url, plan_episode, text_hash
from narrate.feed.state import FEED_NAME, Episode, State, load, locked, save
from narrate.files import write_bytes
from narrate.model import Script
from narrate.sources.fetch import is_url

log = logging.getLogger(__name__)


class Status(StrEnum):
    """What happened to one source."""

    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True)
class Outcome:
    source: str
    status: Status
    episode: Episode | None = None
    error: str = ""


@dataclass(frozen=True)
class Report:
    outcomes: tuple[Outcome, ...]
    dropped: tuple[Episode, ...] = ()
    """Episodes removed because the feed grew past `keep`."""

    @property
    def failed(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.status is Status.FAILED)


def failed(source: str, error: Exception) -> Outcome:
    """The outcome of a source that failed, for whatever reason: one bad item in a site's feed
    must not stop the others."""
    if isinstance(error, NarrateError):
        return Outcome(source, Status.FAILED, error=_one_line(str(error)))
    log.debug("%s failed", source, exc_info=True)  # a fault of narrate's on this item
    reason = _one_line(f"unexpected {type(error).__name__}: {error}")[:300]
    return Outcome(source, Status.FAILED, error=reason)


def _one_line(message: str) -> str:
    """A failure as one line of a report (a parser's message may hold several)."""
    return " ".join(message.split())


def was_removed(state: State, source: str) -> bool:
    """The source's address was removed from the feed (or dropped by `keep`) before."""
    return is_url(source) and normal_url(source) in state.retired


def plan(
    folder: Path,
    source: str,
    script: Script,
    fallback: dt.datetime | None,
    skip_retired: bool,
) -> Outcome | Episode:
    """The episode the script will be, planned against the feed as it is now; or the outcome
    when there is nothing to narrate (removed before, or narrated from this very text)."""
    state = load(folder)
    urls = addresses(source, script.article)
    earlier = state.find(urls)
    if skip_retired and set(urls) & set(state.retired):
        return Outcome(source, Status.SKIPPED, error="removed from this feed before")
    if is_current(folder, earlier, text_hash(script)):
        return Outcome(source, Status.UNCHANGED, earlier)
    return plan_episode(source, script, state, fallback)


def finish(
    folder: Path, source: str, episode: Episode, keep: int | None
) -> tuple[Outcome, list[Episode]]:
    """Commit a narrated episode, then delete the files it and `keep` made unused."""
    previous, dropped, state = _commit(folder, episode, keep)
    if previous and previous.version != episode.version:
        delete(folder, previous.files, state)
    for gone in dropped:
        delete(folder, gone.files, state)
    status = Status.UPDATED if previous else Status.ADDED
    if any(gone.guid == episode.guid for gone in dropped):
        status = Status.SKIPPED  # older than every episode the feed keeps
    return Outcome(source, status, episode), dropped


def _commit(
    folder: Path, episode: Episode, keep: int | None
) -> tuple[Episode | None, list[Episode], State]:
    """Put the episode into the state and feed.xml, under the lock; drop what `keep` says."""
    with locked(folder):
        state = load(folder)
        previous = state.by_guid(episode.guid)
        if previous:
            urls = tuple(dict.fromkeys((*previous.urls, *episode.urls)))
            episode = replace(episode, urls=urls)
        others = [e for e in state.episodes if e.guid != episode.guid]
        channel = state.channel if keep is None else replace(state.channel, keep=keep)
        ordered = rss.newest_first((*others, episode))
        limit = channel.keep or len(ordered)
        kept, dropped = ordered[:limit], ordered[limit:]
        retired = tuple(url for gone in dropped for url in gone.urls)
        state = State(channel, tuple(kept), (*state.retired, *retired))
        publish(folder, state)
    return previous, dropped, state


def publish(folder: Path, state: State) -> None:
    """feed.xml, then the state: each whole, checked, each renamed into place (call under the
    lock)."""
    document = rss.render(state)
    rss.check_well_formed(document)
    write_bytes(folder / FEED_NAME, document)
    save(folder, state)


def delete(folder: Path, names: Sequence[str], state: State) -> None:
    """Delete files no episode of `state` still uses."""
    used = {name for e in state.episodes for name in e.files}
    for name in names:
        if name not in used:
            try:
                (folder / name).unlink(missing_ok=True)
            except OSError as error:  # a read-only folder: the error that led here matters more
                log.debug("cannot delete %s: %s", folder / name, error)


def discard(folder: Path, episode: Episode) -> None:
    """After a failed commit: delete the new files unless another run has published them."""
    try:
        state = load(folder)
    except NarrateError:
        return
    delete(folder, episode.files, state)
