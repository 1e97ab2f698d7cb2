"""The narrations being made: a bounded queue, worker threads, and the voices they speak with.

Each worker thread narrates one job at a time. The voices are shared (SharedVoice): a few stay
loaded in this process between narrations and are lent one segment at a time, so that a
listener's narration starts on a warm voice, and many narrations go forward together on as many
voices as there are cores; the segment cache is shared by all. A full queue refuses new work
(the API answers 503 with Retry-After) rather than dropping any. Stopping the server interrupts
the narrations in progress at their next segment and leaves them queued, to be resumed on the
next start.
"""

from __future__ import annotations

import logging
import queue
import shutil
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from narrate import pipeline
from narrate.errors import NarrateError
from narrate.model import AudioFormat, Clip, Script, VoiceInfo
from narrate.paths import cache_folders
from narrate.server.guard import check_public
from narrate.server.job import Cancelled, Live, narrate_into
from narrate.server.store import Job, Status, Store
from narrate.settings import Outputs, Settings
from narrate.speech.catalog import find_voice
from narrate.speech.engines import Speaker, engine_for
from narrate.speech.synthesis import Synthesizer

log = logging.getLogger(__name__)
_T = TypeVar("_T")


class QueueFull(NarrateError):
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"the queue is full: try again in {retry_after} s")
        self.retry_after = retry_after


class SharedVoice:
    """Up to `count` copies of one voice, loaded when first needed and lent for one segment at
    a time: every narration in progress moves forward by turns (each listener hears its first
    sentence soon, however many narrations there are), and memory holds `count` voices."""

    def __init__(self, info: VoiceInfo, settings: Settings, count: int) -> None:
        self.info, self.settings, self.count = info, settings, count
        self._idle: queue.Queue[Speaker] = queue.Queue()
        self._loaded = 0
        self._lock = threading.Lock()

    @property
    def sample_rate(self) -> int:
        return self.info.sample_rate or self._borrowed(lambda voice: voice.sample_rate)

    def speak(self, text: str) -> Clip:
        return self._borrowed(lambda voice: voice.speak(text))

    def _borrowed(self, use: Callable[[Speaker], _T]) -> _T:
        with self._lock:
            load = self._idle.empty() and self._loaded < self.count
            self._loaded += load
        voice = self._load() if load else self._idle.get()
        try:
            return use(voice)
        finally:
            self._idle.put(voice)

    def _load(self) -> Speaker:
        threads = 1 if self.count > 1 else 0  # several voices: one core each
        models = cache_folders(self.settings.cache_dir).models if self.settings.cache else None
        try:
            return engine_for(self.info).open(self.info, self.settings.speech, threads, models)
        except BaseException:
            with self._lock:
                self._loaded -= 1
            raise


class Voices:
    """The voices in memory, shared by all narrations and speech requests: `count` of each
    voice and speed in use, for the few most recently used."""

    KINDS = 4

    def __init__(self, settings: Settings, count: int) -> None:
        self.settings = settings
        self.count = max(1, count)
        self._shared: OrderedDict[tuple[str, float], SharedVoice] = OrderedDict()
        self._lock = threading.Lock()

    def settings_for(self, voice: str, rate: float, fmt: AudioFormat) -> Settings:
        base = self.settings
        return replace(base, voice=voice or base.voice, speech=replace(base.speech, rate=rate),
                       fmt=fmt, jobs=1, cover=False, outputs=Outputs())  # fmt: skip

    def synthesizer(self, settings: Settings) -> Synthesizer:
        """A synthesizer (the cache, the lexicon) that speaks with the shared voices."""
        info = find_voice(settings.voice)
        key = (str(info.model), settings.speech.rate)
        with self._lock:
            shared = self._shared.pop(key, None) or SharedVoice(info, settings, self.count)
            self._shared[key] = shared
            while len(self._shared) > self.KINDS:  # those still speaking keep theirs alive
                self._shared.popitem(last=False)
        synthesizer = pipeline.synthesizer_for(settings, info)
        synthesizer.voice_factory = lambda: shared
        return synthesizer


class Runner:
    def __init__(
        self, store: Store, folder: Path, voices: Voices, workers: int, max_queue: int,
        allow_private: bool = False,
    ) -> None:  # fmt: skip
        self.store = store
        self.folder = folder
        self.voices = voices
        self.workers = max(1, workers)
        self.max_queue = max_queue
        self.allow_private = allow_private
        self.live: dict[str, Live] = {}
        self._queue: deque[str] = deque()
        self._wake = threading.Condition()
        self._cancelled: set[str] = set()
        self._stopping = False
        self._threads: list[threading.Thread] = []

    def folder_of(self, job_id: str) -> Path:
        return self.folder / "narrations" / job_id

    def start(self) -> None:
        """Start the workers, with the narrations an earlier run left unfinished first."""
        with self._wake:
            for job in self.store.unfinished():
                self.store.update(job.id, status=Status.QUEUED)
                self.live[job.id] = Live()
                self._queue.append(job.id)
        for number in range(self.workers):
            thread = threading.Thread(target=self._work, name=f"narrate-worker-{number}")
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        with self._wake:
            self._stopping = True
            self._wake.notify_all()
        for thread in self._threads:
            thread.join()

    def retry_after(self) -> int:
        """A guess at when a place in the queue frees: a narration takes some seconds."""
        return 5 * (1 + len(self._queue) // self.workers)

    def submit(self, job: Job) -> None:
        with self._wake:
            if len(self._queue) >= self.max_queue:
                raise QueueFull(self.retry_after())
            self.live[job.id] = Live()
            self._queue.append(job.id)
            self._wake.notify()

    def cancel(self, job_id: str) -> None:
        """Forget a narration: taken off the queue, or stopped at its next segment."""
        with self._wake:
            if job_id in self._queue:
                self._queue.remove(job_id)
            self._cancelled.add(job_id)
        live = self.live.pop(job_id, None)
        if live:
            live.encoded.set()

    def _next(self) -> str | None:
        with self._wake:
            while not self._queue and not self._stopping:
                self._wake.wait()
            return None if self._stopping else self._queue.popleft()

    def _work(self) -> None:
        while (job_id := self._next()) is not None:
            job = self.store.get(job_id)
            if job is None or job_id in self._cancelled:
                continue
            try:
                self._run(job)
            except Exception:  # a worker never dies with a job: the job fails instead
                log.exception("narration %s failed", job_id)
                self.store.update(job_id, status=Status.FAILED, error="internal error")

    def _run(self, job: Job) -> None:
        folder = self.folder_of(job.id)
        folder.mkdir(parents=True, exist_ok=True)
        live = self.live.setdefault(job.id, Live())
        self.store.update(job.id, status=Status.RUNNING, done=0, error="")
        settings = self.voices.settings_for(job.voice, job.rate, AudioFormat(job.fmt))

        def progress(done: int, total: int) -> None:
            if self._stopping or job.id in self._cancelled:
                raise Cancelled
            self.store.update(job.id, done=done, total=total)

        try:
            source = job.source if job.kind == "url" else str(folder / job.source)
            if job.kind == "url":
                check_public(job.source, self.allow_private)
            synthesizer = self.voices.synthesizer(settings)
            _, narration = narrate_into(folder, source, settings, synthesizer, live,
                                        lambda s: self._describe(job, s), progress)  # fmt: skip
            voice_name = synthesizer.info.name
        except Cancelled:
            self._cancelled_run(job.id, folder)
            return
        except NarrateError as error:
            live.encoded.set()
            self.store.update(job.id, status=Status.FAILED, error=str(error))
            return
        duration = len(narration.pcm) / 2 / narration.sample_rate
        self.store.update(job.id, status=Status.DONE, duration=round(duration, 3),
                          voice_name=voice_name, finished=time.time())  # fmt: skip
        self.live.pop(job.id, None)

    def _cancelled_run(self, job_id: str, folder: Path) -> None:
        if job_id in self._cancelled:  # deleted: its files go with it
            shutil.rmtree(folder, ignore_errors=True)
        else:  # the server is stopping: narrated again on the next start
            self.store.update(job_id, status=Status.QUEUED)

    def _describe(self, job: Job, script: Script) -> None:
        article = script.article
        self.store.update(
            job.id,
            total=len(script.segments),
            title=article.title,
            site=article.site_name,
            byline=", ".join(article.authors),
            published=article.published.date().isoformat() if article.published else "",
            url=article.canonical_url or article.url or (job.source if job.kind == "url" else ""),
            language=article.language,
        )
