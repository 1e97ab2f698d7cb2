"""/api/narrations: ask for a narration, follow it, listen to it, fetch its files, delete it.

A narration is a job: POST answers 202 at once with its id, and the audio can be listened to
from then on: /audio streams the file as it grows, and once the narration is done serves it
whole with HTTP Range (seeking, podcast apps). Asking again for the same article with the same
voice, speed and format gives the same narration (single-flight); the segment cache makes
even a new narration of a slightly changed article cheap.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import re
import shutil
from collections.abc import AsyncIterator
from pathlib import Path, PurePath
from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from narrate.audio.formats import FORMATS
from narrate.errors import FetchError
from narrate.model import AudioFormat
from narrate.server.guard import SESSION_COOKIE, check_public, session_token
from narrate.server.job import PAGE, PART, SIDE_FILES, STREAMED, Live, audio_file, page_data
from narrate.server.runner import QueueFull, Runner
from narrate.server.store import Job, Status, Store

router = APIRouter(prefix="/api")
_CHUNK = 64 * 1024
_POLL_S = 0.05


class NarrationRequest(BaseModel):
    """One of url, html or text; the rest as on the command line."""

    url: str | None = Field(None, description="An http(s) address of an article.")
    html: str | None = Field(None, description="The HTML of a page (a dropped file).")
    text: str | None = Field(None, description="Plain text or Markdown.")
    name: str = Field("", max_length=200, description="The file name html or text came from.")
    voice: str = Field("", description="A voice name from /api/config; empty: the default.")
    rate: float = Field(1.0, ge=0.25, le=4.0, description="Speaking speed: 1.2 is 20% faster.")
    format: Literal["mp3", "ogg", "wav"] = "mp3"


class Position(BaseModel):
    seconds: float = Field(ge=0, le=86400)


class SessionRequest(BaseModel):
    key: str = Field(max_length=1000)


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _runner(request: Request) -> Runner:
    runner: Runner = request.app.state.runner
    return runner


def _job(request: Request, job_id: str) -> Job:
    job = _store(request).get(job_id) if job_id.isalnum() else None
    if job is None:
        raise HTTPException(404, f"no narration {job_id}")
    return job


def file_name(given: str, kind: str) -> str:
    """A safe name for pasted or dropped content, from the client's file name: its stem is the
    title of a text without one, and its suffix says how to read it."""
    stem = re.sub(r"[^\w-]+", " ", PurePath(given).stem).strip()[:80].replace(" ", "-")
    return f"{stem or 'pasted'}.{'html' if kind == 'html' else 'txt'}"


def describe(job: Job) -> dict[str, Any]:
    base = f"/api/narrations/{job.id}"
    links = {"self": base, "audio": f"{base}/audio", "text": f"{base}/text"}
    if job.status is Status.DONE:
        links |= {name.split(".")[0]: f"{base}/{name}" for name in SIDE_FILES}
        links["epub"] = links.pop("narration")
    return {
        "id": job.id, "status": str(job.status), "error": job.error,
        "progress": {"done": job.done, "total": job.total},
        "title": job.title, "site": job.site, "byline": job.byline, "published": job.published,
        "url": job.url, "language": job.language, "duration": job.duration,
        "voice": job.voice_name or job.voice, "format": job.fmt, "created": job.created,
        "finished": job.finished, "position": job.position, "links": links,
    }  # fmt: skip


@router.get("/config")
def config(request: Request) -> dict[str, Any]:
    """What the page needs to know: whether to ask for a key, the voices, the formats."""
    return {
        "auth_required": bool(request.app.state.config.api_key),
        "voices": request.app.state.voice_names,
        "formats": [str(f) for f in STREAMED],
    }


@router.post("/session")
def session(body: SessionRequest, request: Request) -> Response:
    """Trade the API key for a cookie, so that the page's audio element is let in too."""
    key = request.app.state.config.api_key
    if not key or not hmac.compare_digest(body.key.encode(), key.encode()):
        raise HTTPException(401, "wrong API key")
    response = Response(status_code=204)
    response.set_cookie(SESSION_COOKIE, session_token(key), httponly=True, samesite="strict")
    return response


@router.post("/narrations", status_code=202)
async def create(body: NarrationRequest, request: Request) -> JSONResponse:
    """Start a narration (202), or give the one already asked for in the same way."""
    given = [(kind, value) for kind, value in body if kind in ("url", "html", "text") and value]
    if len(given) != 1:
        raise HTTPException(422, "give exactly one of url, html or text")
    kind, content = given[0]
    if body.voice and body.voice not in request.app.state.voice_names:
        raise HTTPException(422, f"no voice {body.voice!r}: see /api/config")
    if kind == "url":
        try:
            await run_in_threadpool(check_public, content, request.app.state.config.allow_private)
        except FetchError as error:
            raise HTTPException(400, str(error)) from None
    what = content if kind == "url" else hashlib.sha256(content.encode()).hexdigest()
    key = hashlib.sha256(json.dumps([kind, what, body.voice, body.rate, body.format]).encode())
    store, runner = _store(request), _runner(request)
    job = store.by_key(key.hexdigest())
    if job is not None:
        return JSONResponse(describe(job), 200 if job.status is Status.DONE else 202)
    source = content if kind == "url" else file_name(body.name, kind)
    job = store.add(key.hexdigest(), kind, source, body.voice, body.rate, body.format)
    if kind != "url":
        folder = runner.folder_of(job.id)
        folder.mkdir(parents=True)
        (folder / source).write_text(content, encoding="utf-8")
    try:
        runner.submit(job)
    except QueueFull as full:
        store.delete(job.id)
        shutil.rmtree(runner.folder_of(job.id), ignore_errors=True)
        raise HTTPException(503, str(full), {"Retry-After": str(full.retry_after)}) from None
    return JSONResponse(describe(job), 202, {"Location": f"/api/narrations/{job.id}"})


@router.get("/narrations")
def library(request: Request) -> list[dict[str, Any]]:
    """Every narration, newest first."""
    return [describe(job) for job in _store(request).all()]


@router.get("/narrations/{job_id}")
def status(job_id: str, request: Request) -> dict[str, Any]:
    return describe(_job(request, job_id))


@router.delete("/narrations/{job_id}", status_code=204)
def delete(job_id: str, request: Request) -> Response:
    _job(request, job_id)
    runner = _runner(request)
    runner.cancel(job_id)
    _store(request).delete(job_id)
    shutil.rmtree(runner.folder_of(job_id), ignore_errors=True)
    return Response(status_code=204)


@router.put("/narrations/{job_id}/position", status_code=204)
def keep_position(job_id: str, body: Position, request: Request) -> Response:
    """Where the listener left the narration, to start there next time."""
    _job(request, job_id)
    _store(request).update(job_id, position=body.seconds)
    return Response(status_code=204)


@router.get("/narrations/{job_id}/text")
def text(job_id: str, request: Request) -> Response:
    """The article and the cues timed so far, for the page (complete once the job is done)."""
    job = _job(request, job_id)
    folder = _runner(request).folder_of(job_id)
    if job.status is Status.DONE and (folder / PAGE).is_file():
        return FileResponse(folder / PAGE, media_type="application/json")
    live = _runner(request).live.get(job_id)
    if live is None or live.script is None:
        return JSONResponse({"complete": False, "segments": None})
    return JSONResponse(page_data(live.script, list(live.cues), complete=False))


@router.get("/narrations/{job_id}/audio")
@router.get("/narrations/{job_id}/audio.{fmt}", include_in_schema=False)
async def audio(job_id: str, request: Request, fmt: str = "") -> Response:
    """The audio: streamed while it is being made, then the whole file with Range."""
    job = _job(request, job_id)
    folder = _runner(request).folder_of(job_id)
    media_type = FORMATS[AudioFormat(job.fmt)].mime
    if job.status is Status.DONE:
        name = f"{job.title or 'narration'}.{job.fmt}"
        return FileResponse(audio_file(folder, job.fmt), media_type=media_type,
                            filename=name, content_disposition_type="inline")  # fmt: skip
    live = _runner(request).live.get(job_id)
    if job.status is Status.FAILED or live is None:
        raise HTTPException(409, job.error or "the narration is not being made")
    headers = {"Cache-Control": "no-store"}
    return StreamingResponse(_grown(folder / PART, live), media_type=media_type, headers=headers)


async def _grown(path: Path, live: Live) -> AsyncIterator[bytes]:
    """A file's bytes as it grows, until the writer says it is whole."""
    while not path.exists():
        if live.encoded.is_set():
            return
        await asyncio.sleep(_POLL_S)
    with path.open("rb") as stream:
        while True:
            whole = live.encoded.is_set()  # read before the last read, so nothing is missed
            chunk = stream.read(_CHUNK)
            if chunk:
                yield chunk
            elif whole:
                return
            else:
                await asyncio.sleep(_POLL_S)


@router.get("/narrations/{job_id}/{name}")
def side_file(job_id: str, name: str, request: Request) -> Response:
    """captions.vtt, transcript.json, chapters.json, readalong.html, narration.epub."""
    job = _job(request, job_id)
    if name not in SIDE_FILES:
        raise HTTPException(404, f"no file {name}: there are {', '.join(SIDE_FILES)}")
    if job.status is not Status.DONE:
        raise HTTPException(409, f"the narration is {job.status}: its files come when it is done")
    path = _runner(request).folder_of(job_id) / name
    disposition = "attachment" if name.endswith(".epub") else "inline"
    return FileResponse(path, media_type=SIDE_FILES[name], filename=name,
                        content_disposition_type=disposition)  # fmt: skip
