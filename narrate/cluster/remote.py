"""A Synthesizer whose voices are the cluster's workers.

The script is made here as always; the sentences that neither the local cache nor the store
holds go to the workers as one task each, all queued at once in script order. Each worker puts
its clip in the store, and the clips are read back in order, each as soon as it and those
before it are there: the first audio comes after about one sentence, as on one machine.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from narrate.cluster import throughput
from narrate.cluster.celeryapp import INTERACTIVE, SPEAK_TASK, broker_run, check_broker
from narrate.cluster.objectstore import Store
from narrate.errors import ClusterError, NarrateError
from narrate.model import Clip, Segment, VoiceInfo
from narrate.paths import cache_folders
from narrate.settings import Settings
from narrate.speech.lexicon import Lexicon
from narrate.speech.segmentcache import SegmentCache, clip_from_bytes, model_hash, segment_key
from narrate.speech.synthesis import Progress, Synthesizer, in_script_order

log = logging.getLogger(__name__)

DEFAULT_WAIT_S = 300.0
"""How long the workers may finish nothing while a sentence is waited for (redeliveries after
a lost machine included)."""
WAIT_STEP_S = 5.0
"""How often a wait for a sentence looks at the store and the broker (see _collect)."""
BROKER_PAUSE_S = 1.0
"""How long to wait before asking again when the broker did not answer."""


def segment_object(key: str) -> str:
    """Where a sentence's clip lives in the store."""
    return f"segments/{key[:2]}/{key}.clip"


@dataclass
class RemoteSynthesizer(Synthesizer):
    """Synthesizer's interface, with the missing sentences spoken by `narrate worker`s."""

    app: Any = None
    """The Celery app (narrate.cluster.celeryapp.make_app)."""
    store: Store | None = None
    voice: str | None = None
    """The voice as the user named it: each worker finds it the same way."""
    queue: str = INTERACTIVE
    wait_s: float = DEFAULT_WAIT_S
    _hash: str = ""
    _broker_run: str = ""
    """The broker's run id when the tasks waited for were sent."""

    def start(self, few: bool = False) -> None:
        """Nothing to start here: the workers hold their voices already."""

    def keys(self, segments: Sequence[Segment], said: list[str] | None = None) -> list[str]:
        """As on one machine, but always with the voice model's hash: the store is shared."""
        voice_hash = self._voice_hash()
        return [segment_key(voice_hash, self.speech, t) for t in said or self.said(segments)]

    def _voice_hash(self) -> str:
        if not self._hash:
            cache = self.cache or SegmentCache(cache_folders().segments)  # where hashes are kept
            self._hash = model_hash(self.info, cache)
        return self._hash

    def render(
        self, segments: Sequence[Segment], progress: Progress | None = None
    ) -> Iterator[tuple[Segment, Clip]]:
        store = self._store()
        said = self.said(segments)
        keys = self.keys(segments, said)
        texts = dict(zip(keys, said, strict=True))
        local = {key for key in texts if self.cache and self.cache.has(key)}
        missing = _absent(store, [key for key in texts if key not in local])
        self.stats.hits += len(segments) - len(missing)
        if missing:
            self._check_workers()
            self._broker_run = broker_run(self.app)
        pending = {key: self._send(key, texts[key]) for key in missing}
        ready = [0]  # segments handed out so far

        def counted(done: int, total: int) -> None:
            ready[0] = done
            if progress:
                progress(done, total)

        def waiting() -> None:  # the same figures again, so that a caller may stop a wait
            if progress:
                progress(ready[0], len(segments))

        def clip_for(key: str) -> Clip:
            clip = self.cache.get(key) if self.cache and key in local else None
            if clip is None:
                if key in pending:
                    self._collect(key, pending, texts, store, waiting)
                clip = self._fetch(store, key, texts[key])
                if self.cache:
                    self.cache.put(key, clip)
            return clip

        try:
            yield from in_script_order(segments, keys, texts, clip_for, counted)
        finally:
            _abandon(pending.values())  # left only when the narration stopped early
        if self.cache:
            self.cache.evict()

    def _store(self) -> Store:
        if self.store is None:
            raise ClusterError("a cluster narration needs a store: give --store or NARRATE_STORE")
        return self.store

    def _check_workers(self) -> None:
        """One clear line when the broker is down or no worker listens, not a long wait."""
        check_broker(self.app)
        if not self.app.control.ping(timeout=3.0, limit=1):
            raise ClusterError(
                f"no worker answers on {self.app.conf.broker_url}: start some with "
                "'narrate worker --broker URL'"
            )

    def arguments(self, key: str, text: str) -> list[Any]:
        """The speak task's arguments for one sentence (see narrate.cluster.tasks.speak)."""
        speech = dataclasses.asdict(self.speech)
        return [key, text, self.voice, speech, self._voice_hash(), self._store().url]

    def _send(self, key: str, text: str) -> Any:
        try:
            return self.app.send_task(SPEAK_TASK, self.arguments(key, text), queue=self.queue)
        except Exception as error:  # kombu's connection errors have no common base
            broker = self.app.conf.broker_url
            raise ClusterError(f"cannot queue work on {broker}: {error}") from None

    def _collect(self, key: str, pending: dict[str, Any], texts: dict[str, str], store: Store,
                 waiting: Callable[[], None] | None = None) -> None:  # fmt: skip
        """Wait for the task of `key`, then forget it; call `waiting` at every step.

        Every few seconds without an answer, look at the store and the broker. A clip in the
        store is done, even if its answer was lost. A broker restarted meanwhile (its run id
        changes) may have lost every queued task (a Redis that keeps no files): then each
        pending sentence the store does not hold is asked for again. The tasks are
        idempotent, so a broker that kept its queue only runs a few quick "found" tasks more.
        A broker that stays away ends the wait with one clear line, and so do workers that
        finish nothing for `wait_s` (while they work, a long queue ahead is waited for)."""
        deadline, done = time.monotonic() + self.wait_s, _done_lately(self.app)
        while not self._wait(pending[key], min(WAIT_STEP_S, self.wait_s)):
            if waiting:
                waiting()
            if store.has(segment_object(key)):
                self.stats.synthesised += 1  # most likely for us; its answer went astray
                break
            if (now := _done_lately(self.app)) != done:
                deadline, done = time.monotonic() + self.wait_s, now
            elif time.monotonic() > deadline:
                raise ClusterError(
                    f"the workers finished no sentence in {self.wait_s:.0f} s: "
                    "see 'narrate cluster status'"
                )
            if (run := broker_run(self.app)) != self._broker_run:
                self._broker_run = run
                lost = [other for other in pending if not store.has(segment_object(other))]
                log.warning("the broker %s restarted: asking again for %d sentences",
                            self.app.conf.broker_url, len(lost))  # fmt: skip
                pending.update((other, self._send(other, texts[other])) for other in lost)
        del pending[key]

    def _wait(self, result: Any, timeout: float) -> bool:
        """Wait up to `timeout` s for a worker to have stored a sentence: whether it has. Count
        it if the worker had to synthesise it."""
        try:
            outcome = result.get(timeout=timeout, propagate=True)
        except NarrateError:
            raise
        except Exception as error:  # celery re-raises the worker's error, or its own timeout
            if isinstance(error, self._connection_errors()):
                log.debug("no answer from the broker: %s", error)  # _collect looks at it
                time.sleep(BROKER_PAUSE_S)
                return False
            name = error.__class__.__name__
            if name == "TimeoutError":  # celery's own, for result.get
                return False
            broker_run(self.app)  # celery gives up on a broker that stays away: say that
            reason = " ".join(str(error).split())
            raise ClusterError(f"a worker failed on a sentence: {name}: {reason}") from None
        done = "spoken" if outcome.get("synthesised") else "found"
        log.debug("sentence %.12s %s by %s", outcome.get("key"), done, outcome.get("worker"))
        if outcome.get("synthesised"):
            self.stats.synthesised += 1
            self.stats.seconds_of_speech += float(outcome.get("seconds", 0.0))
        else:  # another job stored it in the meantime
            self.stats.hits += 1
        return True

    def _connection_errors(self) -> tuple[type[BaseException], ...]:
        """What the broker's client raises when the broker goes away (kombu also lists KeyError
        for Redis, which a worker's own error could be)."""
        listed = self.app.connection_for_read().connection_errors
        return tuple(kind for kind in listed if kind is not KeyError)

    def _fetch(self, store: Store, key: str, text: str) -> Clip:
        """The sentence's clip from the store; spoken again if it is missing or damaged there."""
        for _ in range(2):
            data = store.get(segment_object(key))
            clip = clip_from_bytes(data) if data is not None else None
            if clip is not None:
                return clip
            log.warning("sentence %s missing or damaged in the store: asking again", key[:12])
            if data is not None:  # put-if-absent would keep the damaged one
                store.remove(segment_object(key))
            self._check_workers()
            self._broker_run = broker_run(self.app)
            self._collect(key, {key: self._send(key, text)}, {key: text}, store)
        raise ClusterError(f"sentence {key[:12]} never reached the store {store.url}")


def remote_synthesizer(
    settings: Settings, info: VoiceInfo, cache: SegmentCache | None, lexicon: Lexicon
) -> RemoteSynthesizer:
    """The synthesizer for settings with a broker, after checking the broker and the store."""
    from narrate.cluster.celeryapp import make_app

    if not settings.store:
        raise ClusterError("a cluster narration needs a store: give --store or NARRATE_STORE")
    app, store = make_app(settings.broker), Store(settings.store)
    check_broker(app)
    store.check()
    return RemoteSynthesizer(info, settings.speech, jobs=1, cache=cache, lexicon=lexicon,
                             app=app, store=store, voice=settings.voice)  # fmt: skip


def _abandon(results: Iterable[Any]) -> None:
    """Let go of task results nobody will read without a word to the result store, which may
    be the broker that was lost: a Celery result collected later would try to reconnect from
    its __del__ and print a traceback when it cannot."""
    for result in results:
        result.backend = None


def _done_lately(app: Any) -> int:
    """Sentences the whole cluster finished in the last two minutes: a change means it works."""
    try:
        return sum(throughput.recent(app, "sentences", 2))
    except Exception:  # the broker away: broker_run says so
        return -1


def _absent(store: Store, keys: list[str]) -> list[str]:
    """The keys (in order, once each) with no clip in the store, asked in parallel."""
    unique = list(dict.fromkeys(keys))
    if not unique:
        return []
    with ThreadPoolExecutor(min(8, len(unique))) as looking:
        there = list(looking.map(lambda key: store.has(segment_object(key)), unique))
    return [key for key, stored in zip(unique, there, strict=True) if not stored]
