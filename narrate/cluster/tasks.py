"""What a worker does: speak one sentence into the store; narrate one submitted article.

Every task is idempotent (its output is a content-addressed object written put-if-absent) and
short (one sentence, or one step of an article), so a redelivered message, after a worker died
or its visibility timeout passed, costs at most one sentence's work again and never a second
object.

Each worker process loads a voice once and keeps it across tasks: at its start for the voice
the worker was started with, at the first task for any other.
"""

from __future__ import annotations

import contextlib
import json
import logging
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from narrate.cluster import throughput
from narrate.cluster.celeryapp import (
    ARTICLE_TASK,
    ASSEMBLE_TASK,
    BATCH,
    SPEAK_TASK,
    VISIBILITY_TIMEOUT_S,
    hold_work,
    make_app,
)
from narrate.cluster.objectstore import Store
from narrate.cluster.remote import RemoteSynthesizer, segment_object
from narrate.errors import ClusterError, NarrateError
from narrate.paths import cache_folders
from narrate.settings import FetchOptions, Settings, SpeechSettings
from narrate.speech.catalog import find_voice
from narrate.speech.engines import Speaker, engine_for
from narrate.speech.segmentcache import SegmentCache, clip_bytes, model_hash, narration_key
from narrate.speech.synthesis import speak_levelled

log = logging.getLogger(__name__)

ASSEMBLE_POLL_S = 2.0
"""How often an article's assembly looks whether all its sentences are in the store."""
ASSEMBLE_TRIES = 300
"""Ten minutes of looking, then the job fails."""

_voices: dict[tuple[str | None, SpeechSettings], Speaker] = {}
_stores: dict[str, Store] = {}


def voice_for(voice: str | None, speech: SpeechSettings) -> Speaker:
    """This process's voice: loaded once, with one inference thread (one process per core)."""
    held = _voices.get((voice, speech))
    if held is None:
        info = find_voice(voice)
        held = engine_for(info).open(info, speech, 1, cache_folders().models)
        _voices[voice, speech] = held
    return held


def _store(url: str) -> Store:
    if url not in _stores:
        _stores[url] = Store(url)
    return _stores[url]


def speak(key: str, text: str, voice: str | None, speech: dict[str, Any], voice_hash: str,
          store_url: str) -> dict[str, Any]:  # fmt: skip
    """Synthesise and level one sentence into the store, unless it is there already."""
    store = _store(store_url)
    target = segment_object(key)
    if store.has(target):
        return {"key": key, "synthesised": False}
    settings = SpeechSettings(**speech)
    info = find_voice(voice)
    if model_hash(info, SegmentCache(cache_folders().segments)) != voice_hash:
        raise ClusterError(f"this worker's voice {info.name} is not the client's (model differs)")
    clip = speak_levelled(voice_for(voice, settings), text)
    written = store.put_if_absent(target, clip_bytes(clip))
    return {"key": key, "synthesised": written, "seconds": clip.seconds}


def narrate_article(source: str, options: dict[str, Any], store_url: str, job: str) -> str:
    """Read and extract a submitted article, queue its missing sentences, then its assembly."""
    from narrate import pipeline
    from narrate.extraction.articlecache import to_json

    store = _store(store_url)
    with _recorded_failure(store, job, source):
        settings = _settings(options)
        script = pipeline.prepare(source, settings)
        synthesizer = _synthesizer(settings, store_url, queue=BATCH)
        said = synthesizer.said(script.segments)
        keys = synthesizer.keys(script.segments, said)
        for key, text in dict(zip(keys, said, strict=True)).items():
            if not store.has(segment_object(key)):
                _app.send_task(SPEAK_TASK, synthesizer.arguments(key, text), queue=BATCH)
        _app.send_task(ASSEMBLE_TASK, [source, to_json(script.article), options, store_url, job],
                       queue=BATCH, countdown=ASSEMBLE_POLL_S)  # fmt: skip
    return job


def assemble(task: Any, source: str, article: str, options: dict[str, Any], store_url: str,
             job: str) -> dict[str, Any]:  # fmt: skip
    """Once every sentence is in the store, encode the narration and put it there too, under
    its content key (the same article submitted twice is encoded once)."""
    from narrate import pipeline
    from narrate.extraction.articlecache import from_json

    store = _store(store_url)
    with _recorded_failure(store, job, source):
        settings = _settings(options)
        script = pipeline.make_script(from_json(article))
        synthesizer = _synthesizer(settings, store_url, queue=BATCH)
        keys = synthesizer.keys(script.segments)
        if not all(store.has(segment_object(key)) for key in dict.fromkeys(keys)):
            if task.request.retries >= ASSEMBLE_TRIES:
                raise ClusterError(f"the sentences of {source} never all reached the store")
            # a new short task rather than a long wait, which would outlive the visibility timeout
            raise task.retry(countdown=ASSEMBLE_POLL_S, max_retries=None)
        pauses = [segment.pause_ms for segment in script.segments]
        audio = f"narrations/{narration_key(keys, pauses, settings.fmt, '')}.{settings.fmt}"
        with tempfile.TemporaryDirectory(prefix="narrate-") as folder:
            path = Path(folder) / f"narration.{settings.fmt}"
            result = pipeline.narrate_script(script, path, settings, synthesizer=synthesizer)
            store.put_if_absent(audio, path.read_bytes())
        manifest = {"source": source, "title": script.article.title, "audio": audio,
                    "seconds": round(result.narration.seconds, 3),
                    "segments": len(script.segments)}  # fmt: skip
        store.put(f"jobs/{job}.json", json.dumps(manifest, ensure_ascii=False).encode())
    throughput.record(_app, "articles")
    return manifest


@contextlib.contextmanager
def _recorded_failure(store: Store, job: str, source: str) -> Iterator[None]:
    """A job that fails for good (a page with no article, a voice not on this worker) says why
    in the store, where its submitter looks for the result."""
    try:
        yield
    except NarrateError as error:
        record = {"source": source, "error": str(error)}
        with contextlib.suppress(NarrateError):
            store.put(f"jobs/{job}.json", json.dumps(record, ensure_ascii=False).encode())
        raise


def _settings(options: dict[str, Any]) -> Settings:
    """Settings for work done on a worker: no local sentence cache (the store is the cache).

    A submitted URL is fetched on the submitter's behalf, from inside the cluster's network:
    it may reach a loopback or private address only when the submitter allowed it."""
    speech = SpeechSettings(**options.get("speech", {}))
    fetch = FetchOptions(trust_url=False, allow_private=bool(options.get("allow_private")))
    return Settings(voice=options.get("voice"), speech=speech, fmt=options.get("fmt", "mp3"),
                    force=bool(options.get("force")), cover=False, jobs=1, cache=False,
                    fetch=fetch)  # fmt: skip


def _synthesizer(settings: Settings, store_url: str, queue: str) -> RemoteSynthesizer:
    info = find_voice(settings.voice)
    return RemoteSynthesizer(info, settings.speech, jobs=1, app=_app, store=_store(store_url),
                             voice=settings.voice, queue=queue)  # fmt: skip


_app: Any = None


def register(app: Any) -> Any:
    """Put narrate's tasks on a Celery app (the worker's, or a test's)."""
    global _app
    _app = app
    app.task(name=SPEAK_TASK, bind=True)(_counted(speak))
    app.task(name=ARTICLE_TASK)(narrate_article)
    app.task(name=ASSEMBLE_TASK, bind=True)(assemble)
    return app


def _counted(function: Any) -> Any:
    """The task, counted, its result saying which worker did it and when (the client logs it,
    and the tests see from it which work ran side by side)."""

    def run(task: Any, *arguments: Any) -> Any:
        started = time.time()
        outcome = function(*arguments)
        throughput.record(_app, "sentences")
        done = {"worker": task.request.hostname, "started": started, "finished": time.time()}
        return {**outcome, **done}

    run.__name__, run.__doc__ = function.__name__, function.__doc__
    return run


def worker_app(broker: str, visibility_s: int = VISIBILITY_TIMEOUT_S) -> Any:
    app = register(make_app(broker, visibility_s))
    hold_work(app)
    return app


def preload(voice: str | None) -> None:
    """Load the worker's voice in this process before its first task."""
    voice_for(voice, SpeechSettings())
    log.info("%s %s", VOICE_LOADED, voice or "the default voice")


VOICE_LOADED = "voice loaded in this process:"
