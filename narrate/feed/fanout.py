"""Articles side by side on a cluster, the feed still written by this process alone.

With a broker the workers speak, and this process only reads the articles, joins their clips
and encodes them. The sources are read and planned one by one, in order, in the calling thread;
each planned article then goes to a thread of its own, which sends all its missing sentences to
the workers at once and encodes its episode as the clips come back. The workers so have every
article's sentences queued and never wait between articles: two workers may speak two articles
at the same time, and one article's sentences still spread over all of them.

Planning (reading the state, fixing the episode's GUID, file names and date) and committing
(state and feed.xml, the same read-modify-write under the folder's flock as for one article at
a time) take turns under one lock of this run. Each episode is planned against the feed as
committed so far and its file names are fixed then, so the order in which the articles finish
changes nothing. An article whose episode is already being narrated in this run (two items of
the feed for one article) waits for it and is planned again, as it would be one after the
other. A failure in one article is its own outcome; the others go on. Ctrl-C stops every thread
through its progress callback (at its next sentence, or within seconds while it waits for one)
and discards what it had not committed: the feed stays as committed so far.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from dataclasses import dataclass, field, replace
from pathlib import Path

from narrate import pipeline
from narrate.feed.changes import (
    Outcome,
    Report,
    Status,
    discard,
    failed,
    finish,
    plan,
    was_removed,
)
from narrate.feed.episode import narrate_episode
from narrate.feed.state import Episode, load
from narrate.model import Script
from narrate.settings import Settings
from narrate.speech.synthesis import Progress, Stats, Synthesizer

log = logging.getLogger(__name__)

MAX_IN_FLIGHT = 16
"""Articles narrated at once: each holds a thread, its script and an encoder in this process."""

Added = tuple[Outcome, list[Episode]]


class _Stopped(Exception):
    """Raised in an article's thread, from its progress callback, once the run is stopped."""


def add_side_by_side(
    folder: Path,
    sources: Sequence[str],
    settings: Settings,
    *,
    keep: int | None,
    dates: dict[str, dt.datetime],
    skip_retired: bool,
    progress: Progress | None,
    notify: Callable[[Outcome], None] | None,
) -> Report:
    """What operations.add does, with the articles narrated at the same time (see above)."""
    run = _Run(folder, settings, keep, progress, notify)
    pool = ThreadPoolExecutor(max(1, min(MAX_IN_FLIGHT, len(sources))), "narrate-article")
    try:
        started = [run.start(pool, n, source, dates.get(source), skip_retired)
                   for n, source in enumerate(sources)]  # fmt: skip
        added = [item.result() if isinstance(item, Future) else item for item in started]
    except BaseException:  # Ctrl-C: each thread stops at its next progress call
        run.stopped.set()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return Report(tuple(o for o, _ in added), tuple(e for _, gone in added for e in gone))


@dataclass
class _Run:
    folder: Path
    settings: Settings
    keep: int | None
    progress: Progress | None
    notify: Callable[[Outcome], None] | None
    lock: threading.Lock = field(default_factory=threading.Lock)
    """Held to plan, to commit and to report: one at a time."""
    stopped: threading.Event = field(default_factory=threading.Event)
    in_flight: dict[str, Future[Added]] = field(default_factory=dict)
    """The articles being narrated, by their episode's GUID."""
    voices: dict[Path, Synthesizer] = field(default_factory=dict)
    """One synthesizer made (and its broker and store checked) per voice model."""
    counts: dict[int, tuple[int, int]] = field(default_factory=dict)
    """Segments done and in all, per article, for the one progress bar."""
    counting: threading.Lock = field(default_factory=threading.Lock)

    def start(
        self,
        pool: ThreadPoolExecutor,
        index: int,
        source: str,
        fallback: dt.datetime | None,
        skip_retired: bool,
    ) -> Future[Added] | Added:
        """Read and plan one source here; hand its narration to a thread of the pool."""
        try:
            if skip_retired and was_removed(load(self.folder), source):
                gone = Outcome(source, Status.SKIPPED, error="removed from this feed before")
                return self._report(gone), []
            script = pipeline.prepare(source, self.settings)
            while True:
                with self.lock:
                    planned = plan(self.folder, source, script, fallback, skip_retired)
                    if isinstance(planned, Outcome):
                        return self._reported(planned), []
                    busy = self.in_flight.get(planned.guid)
                    if busy is None:  # only now the cluster: nothing to narrate needs none
                        synthesizer = self._synthesizer(script)
                        job = pool.submit(self._narrate, index, source, planned, script,
                                          synthesizer)  # fmt: skip
                        self.in_flight[planned.guid] = job
                        return job
                wait_for([busy])  # the same article, on its way: plan it again once it is in
        except Exception as error:
            return self._report(failed(source, error)), []

    def _synthesizer(self, script: Script) -> Synthesizer:
        """The cluster's synthesizer for the article's voice, with counts of its own."""
        info = pipeline.voice_for(self.settings, script.article)
        made = self.voices.get(info.model)
        if made is None:
            made = self.voices[info.model] = pipeline.synthesizer_for(self.settings, info)
        return replace(made, stats=Stats())

    def _narrate(
        self, index: int, source: str, draft: Episode, script: Script, synthesizer: Synthesizer
    ) -> Added:
        """In a thread of its own: narrate the episode, then commit it under the run's lock."""
        try:
            episode = narrate_episode(self.folder, draft, script, self.settings,
                                      self._progress(index), synthesizer)  # fmt: skip
            with self.lock:
                if self.stopped.is_set():
                    raise _Stopped
                outcome, dropped = finish(self.folder, source, episode, self.keep)
                return self._reported(outcome), dropped
        except BaseException as error:
            discard(self.folder, draft)  # unless committed: no orphaned files
            if isinstance(error, _Stopped) or not isinstance(error, Exception):
                raise
            return self._report(failed(source, error)), []
        finally:
            with self.lock:
                del self.in_flight[draft.guid]

    def _progress(self, index: int) -> Progress:
        def report(done: int, total: int) -> None:
            if self.stopped.is_set():
                raise _Stopped
            if self.progress is not None:
                with self.counting:
                    self.counts[index] = (done, total)
                    counts = self.counts.values()
                    self.progress(sum(d for d, _ in counts), sum(t for _, t in counts))

        return report

    def _report(self, outcome: Outcome) -> Outcome:
        with self.lock:
            return self._reported(outcome)

    def _reported(self, outcome: Outcome) -> Outcome:
        """Log and pass on an outcome (call under the lock: one report at a time)."""
        log.info("%s: %s %s", outcome.source, outcome.status, outcome.error)
        if self.notify:
            self.notify(outcome)
        return outcome
