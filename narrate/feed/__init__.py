"""Podcast feeds: a folder with feed.xml, episodes and their sidecars, served by any static host.

narrate.feed.init(folder, title, base_url, ...)   start a feed
narrate.feed.add(folder, sources, settings)       narrate articles into it
narrate.feed.sync(folder, feed_url, settings)     narrate the new items of a site's feed
narrate.feed.episodes(folder)                     what it holds, newest first
narrate.feed.remove(folder, guid)                 take an episode out, files too
"""

from __future__ import annotations

from narrate.errors import FeedError
from narrate.feed.changes import Outcome, Report, Status
from narrate.feed.operations import add, episodes, init, remove, sync
from narrate.feed.state import Channel, Episode, State

__all__ = [
    "Channel", "Episode", "FeedError", "Outcome", "Report", "State", "Status", "add", "episodes",
    "init", "remove", "sync",
]  # fmt: skip
