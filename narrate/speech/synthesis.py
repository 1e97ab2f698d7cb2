"""Segments to clips, as fast as the machine allows: the cache first, then worker processes.

Nearly all the time is ONNX inference. Segments that are not in the cache go to `jobs` worker
processes, each with its own copy of the voice and one inference thread: they keep the cores as
busy as one process with as many threads (1.87 against 1.82 cores here, on two) and do not
fight over them when the machine is loaded. Clips come back in script order as soon as each is
ready, so the caller can stream them on.

A caller that expects to need the voice (a page not seen before) can start() the workers early,
while it extracts and normalises the text: the first then loads the voice, and uses every core
for as long as it is the only one with work (one edited sentence).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from narrate.model import Clip, Segment, VoiceInfo
from narrate.paths import CacheFolders
from narrate.settings import SpeechSettings, default_jobs
from narrate.speech.engines import Speaker, engine_for
from narrate.speech.lexicon import Lexicon
from narrate.speech.segmentcache import SegmentCache, model_hash, segment_key
from narrate.speech.wordtimes import written

Progress = Callable[[int, int], None]
"""Called as progress(done, total) after each segment is ready (a cluster's synthesizer also
calls it again with the same figures every few seconds while it waits: an exception raised
there stops the narration)."""


@dataclass
class _Worker:
    """What a worker process keeps: its voice, and what it needs to load it again."""

    load: Callable[[int], Speaker]
    more: Any
    threads: int
    voice: Speaker


_worker: _Worker | None = None


def _start_worker(
    info: VoiceInfo,
    speech: SpeechSettings,
    optimized_dir: Path | None,
    first: Any,
    more: Any,
    cores: int,
) -> None:
    """Load the voice: the first worker at once, the others only once there is work for more
    than one (`more` is set), so that an early start that turns out to need one sentence (an
    edited article) does not have every worker fighting over the cores to load a voice.

    While the first works alone it uses every core (one sentence comes sooner); once the others
    start it drops to one thread like them, since a two-thread worker beside one-thread ones
    made the whole slower (benchmarks/MEASURED.md).
    """
    global _worker
    _exit_with_parent()
    alone = first.acquire(block=False) and not more.is_set()
    if not alone:
        more.wait()

    def load(threads: int) -> Speaker:
        return engine_for(info).open(info, speech, threads, optimized_dir)

    threads = cores if alone else 1
    _worker = _Worker(load, more, threads, load(threads))


def _exit_with_parent() -> None:
    """Make this worker end with its parent, whatever ends the parent (even SIGKILL, which
    leaves it no chance to stop its workers): orphaned workers would hold 300-400 MB each, and
    the caller's stdout open (`narrate ... | tail` would wait for them).

    A forked worker also inherits the parent's handlers of SIGTERM and SIGHUP, which would
    turn the parent's terminate() into an exception here: they go back to the default.
    """
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:  # a dead parent's children are adopted by another
            time.sleep(0.25)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _started() -> None:
    """A task that does nothing: submitting it makes the pool start its workers."""


def _speak_in_worker(text: str) -> Clip:
    worker = _worker
    assert worker is not None, "worker started without its voice"
    if worker.threads > 1 and worker.more.is_set():  # no longer alone
        del worker.voice  # one voice in memory at a time
        worker.threads, worker.voice = 1, worker.load(1)
    return speak_levelled(worker.voice, text)


def speak_levelled(voice: Speaker, text: str) -> Clip:
    """Synthesise and level one segment (in whichever process does the synthesis)."""
    from narrate.audio import loudness  # numpy: not needed before the voice

    return loudness.level(voice.speak(text))


@dataclass
class Stats:
    hits: int = 0
    synthesised: int = 0
    seconds_of_speech: float = 0.0


@dataclass
class Synthesizer:
    """Turns segments into clips through the cache and a pool of voices.

    `voice_factory`, when given, replaces the voice's engine, in this process.
    """

    info: VoiceInfo
    speech: SpeechSettings = field(default_factory=SpeechSettings)
    jobs: int = field(default_factory=default_jobs)
    cache: SegmentCache | None = None
    voice_factory: Callable[[], Speaker] | None = None
    lexicon: Lexicon | None = None
    """Pronunciations applied to the spoken text just before the voice (not shown in scripts)."""
    stats: Stats = field(default_factory=Stats)
    _voice: Speaker | None = None
    _workers: ProcessPoolExecutor | None = None
    """Worker processes started early by start(), loading the voice while the script is made."""
    _more: Any = None
    """Set to let all of those workers load the voice, not only the first."""

    def __enter__(self) -> Synthesizer:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def start(self, few: bool = False) -> None:
        """Start the worker processes now, when the caller expects to need the voice (a page
        it has not seen), so that they load it while the script is being made.

        `few`: only a few sentences are expected to be new (an updated article). Then only the
        first worker loads the voice, with every core, until more turn out to be needed;
        otherwise all load it at once, with one thread each.
        """
        if self._workers is None and not self._in_process:
            self._workers, self._more = self._process_pool(self.jobs)
            if not few and self.jobs > 1:
                self._more.set()
            self._workers.submit(_started)  # with fork, the first task starts every worker

    def close(self) -> None:
        """Stop workers started and not used, without waiting for them to load the voice."""
        if self._workers is not None:
            workers, self._workers = self._workers, None
            _stop(workers)

    @property
    def sample_rate(self) -> int:
        return self.info.sample_rate or self._local().sample_rate

    def _models(self) -> Path | None:
        """Where optimised voice models are kept: beside the sentence cache, when it is on."""
        return CacheFolders.around(self.cache.folder).models if self.cache else None

    @property
    def _in_process(self) -> bool:
        """Whether the voice speaks in this process, with no workers (a fake, a light engine)."""
        return self.voice_factory is not None or engine_for(self.info).in_process

    def _local(self) -> Speaker:
        if self._voice is None:
            factory = self.voice_factory or (
                lambda: engine_for(self.info).open(self.info, self.speech, 0, self._models())
            )
            self._voice = factory()
        return self._voice

    def said(self, segments: Sequence[Segment]) -> list[str]:
        """What the voice is given for each segment: the spoken text with the lexicon applied."""
        return [self.lexicon.apply(s.spoken) if self.lexicon else s.spoken for s in segments]

    def keys(self, segments: Sequence[Segment], said: list[str] | None = None) -> list[str]:
        """The cache key of each segment: what the voice is given and how it speaks."""
        voice_hash = model_hash(self.info, self.cache) if self.cache else ""
        return [segment_key(voice_hash, self.speech, t) for t in said or self.said(segments)]

    def render(
        self, segments: Sequence[Segment], progress: Progress | None = None
    ) -> Iterator[tuple[Segment, Clip]]:
        """Clips for the segments, in order, each as soon as it and those before it are ready."""
        said = self.said(segments)
        keys = self.keys(segments, said)
        texts = dict(zip(keys, said, strict=True))
        # Only look now: clips are read as they are joined, after the missing ones are queued.
        stored = {key for key in texts if self.cache and self.cache.has(key)}
        missing = [key for key in texts if key not in stored]
        self.stats.hits += len(segments) - len(missing)
        pool, speak = self._pool(len(missing))
        try:
            # Everything is queued at once, in script order: clips then arrive about in the
            # order they are joined, so the encoder works alongside the voices. (Longest first
            # balances the workers better but leaves most of the encoding until the end, which
            # measured slower.) Only the last few go longest first, so that no worker is left
            # alone with a long one at the end.
            tail = max(0, len(missing) - 2 * self.jobs)
            missing[tail:] = sorted(missing[tail:], key=lambda k: -len(texts[k]))
            pending = {key: pool.submit(speak, texts[key]) for key in missing}

            def clip_for(key: str) -> Clip:
                clip = self.cache.get(key) if key in stored and self.cache else None
                if clip is None:
                    if key not in pending:  # stored, but damaged or evicted since: speak it
                        self.stats.hits -= 1
                        pending[key] = pool.submit(speak, texts[key])
                    clip = pending[key].result()
                    self.stats.synthesised += 1
                    self.stats.seconds_of_speech += clip.seconds
                    if self.cache:
                        self.cache.put(key, clip)
                return clip

            yield from in_script_order(segments, keys, texts, clip_for, progress)
        finally:  # on an error or an abandoned generator, also drop the queued work
            _stop(pool)
        if self.cache:
            self.cache.evict()

    def _pool(self, count: int) -> tuple[Executor, Callable[[str], Clip]]:
        """Where the missing segments are synthesised, and the function that does it.

        Workers started early by start(), if any. Otherwise, for several segments: `jobs`
        worker processes, each with its own voice; for one, or one job: a background thread in
        this process (ONNX Runtime and numpy release the GIL), so cached clips before it can
        flow on to the encoder while the voice loads.
        """
        if self._workers is not None:
            if count:  # started early: the first has been loading the voice all along
                workers, self._workers = self._workers, None
                if count > 1 and self.jobs > 1:  # with one job, the one worker stays alone
                    self._more.set()
                return workers, _speak_in_worker
            self.close()
        if not self._in_process and self.jobs > 1 and count > 1:
            pool, more = self._process_pool(min(self.jobs, count))
            more.set()
            return pool, _speak_in_worker
        return ThreadPoolExecutor(1), lambda text: speak_levelled(self._local(), text)

    def _process_pool(self, workers: int) -> tuple[ProcessPoolExecutor, Any]:
        """A pool whose first worker loads the voice at once, and the others when the event
        returned with it is set."""
        context = multiprocessing.get_context("fork" if _forkable() else "spawn")
        first, more = context.Semaphore(1), context.Event()
        arguments = (self.info, self.speech, self._models(), first, more, default_jobs())
        return ProcessPoolExecutor(workers, context, _start_worker, arguments), more


def in_script_order(
    segments: Sequence[Segment],
    keys: list[str],
    said: dict[str, str],
    clip_for: Callable[[str], Clip],
    progress: Progress | None = None,
) -> Iterator[tuple[Segment, Clip]]:
    """Each segment with its clip, in order: `clip_for` is asked once per key (a sentence said
    twice is spoken once), `said` maps each key to what the voice was given."""
    found: dict[str, Clip] = {}
    for done, (segment, key) in enumerate(zip(segments, keys, strict=True), 1):
        clip = found.get(key)
        if clip is None:
            clip = found[key] = clip_for(key)
        if progress:
            progress(done, len(segments))
        # The clip's words are those the voice was given; the segment shows others.
        yield segment, replace(clip, words=written(segment.text, said[key], clip.words))


def _stop(pool: Executor) -> None:
    """Drop queued work and stop. Worker processes are terminated: they may be loading a voice,
    or waiting for leave to load it, and all the results wanted from them are in; a thread
    finishes its segment."""
    # Python 3.14 has terminate_workers(); until then, the pool's own table of processes
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)


def _forkable() -> bool:
    """fork is fast, and safe while this process has not started onnxruntime's threads."""
    return "fork" in multiprocessing.get_all_start_methods() and "onnxruntime" not in sys.modules
