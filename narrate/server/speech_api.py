"""POST /v1/audio/speech, the shape of OpenAI's speech API, so that programs and chat
front-ends written for it speak through narrate: plain text in, audio streamed out as it is
made, through narrate's normaliser and a local voice.

`model` is accepted and ignored (there is one engine); `voice` names a narrate voice, and
OpenAI's voice names (alloy, echo, ...) get the default voice; `speed` is narrate's rate.
Formats: mp3, wav, opus (in Ogg) and pcm (16-bit mono at 24 kHz, as OpenAI sends it).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import AsyncIterator
from typing import Any, BinaryIO, Literal

import numpy as np
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from narrate import pipeline
from narrate.audio.assembly import assemble, encoder
from narrate.errors import NarrateError
from narrate.model import AudioFormat, Script
from narrate.server.runner import Voices
from narrate.sources.plaintext import article_from_text

log = logging.getLogger(__name__)
router = APIRouter(prefix="/v1")

PCM_RATE = 24000
# OpenAI's names: narrate's format (None: raw PCM) and the content type
_FORMATS = {
    "mp3": (AudioFormat.MP3, "audio/mpeg"),
    "wav": (AudioFormat.WAV, "audio/wav"),
    "opus": (AudioFormat.OGG, "audio/ogg"),
    "pcm": (None, "audio/pcm"),
}
_WAIT_FOR_VOICE_S = 10.0


class SpeechRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    model: str = "tts-1"
    input: str = Field(min_length=1)
    voice: str = "alloy"
    response_format: Literal["mp3", "wav", "opus", "pcm"] = "mp3"
    speed: float = Field(1.0, ge=0.25, le=4.0)


class _Resampled:
    """A sink that writes 16-bit mono PCM resampled to PCM_RATE (linear: speech, not music)."""

    def __init__(self, out: BinaryIO, rate: int) -> None:
        self.out, self.rate = out, rate

    def write(self, pcm: bytes) -> None:
        samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float32)
        count = len(samples) * PCM_RATE // self.rate
        wanted = np.arange(count, dtype=np.float32) * (self.rate / PCM_RATE)
        resampled = np.interp(wanted, np.arange(len(samples)), samples)
        self.out.write(resampled.astype(np.int16).tobytes())
        self.out.flush()

    def __enter__(self) -> _Resampled:
        return self

    def __exit__(self, *_: object) -> None:
        return None


@router.post("/audio/speech", response_class=StreamingResponse)
async def speech(body: SpeechRequest, request: Request) -> StreamingResponse:
    """Speak `input`; the audio is streamed as the sentences are made."""
    state = request.app.state
    if len(body.input) > state.config.max_speech_chars:
        raise HTTPException(400, f"input is longer than {state.config.max_speech_chars} characters")
    script = pipeline.make_script(article_from_text(body.input))
    if not script.segments:
        raise HTTPException(400, "input has nothing to say")
    fmt, media_type = _FORMATS[body.response_format]
    voice = body.voice if body.voice in state.voice_names else ""
    voices: Voices = state.voices
    settings = voices.settings_for(voice, body.speed, fmt or AudioFormat.MP3)
    slots: threading.BoundedSemaphore = state.speech_slots
    if not await run_in_threadpool(slots.acquire, True, _WAIT_FOR_VOICE_S):
        raise HTTPException(503, "every voice is busy: try again shortly", {"Retry-After": "2"})
    read_end, write_end = os.pipe()
    worker = threading.Thread(target=_speak, args=(script, settings, voices, fmt, write_end, slots),
                              name="narrate-speech", daemon=True)  # fmt: skip
    worker.start()
    return StreamingResponse(_pipe_reader(read_end), media_type=media_type)


def _speak(script: Script, settings: Any, voices: Voices, fmt: AudioFormat | None, fd: int,
           slots: threading.BoundedSemaphore) -> None:  # fmt: skip
    """Synthesise into the pipe; closing it ends the response (early, on an error)."""
    out = os.fdopen(fd, "wb")
    try:
        synthesizer = voices.synthesizer(settings)
        rate = synthesizer.sample_rate
        sink = encoder(out, rate, fmt) if fmt else _Resampled(out, rate)
        with sink:
            assemble(synthesizer.render(script.segments), rate, sink.write)
    except NarrateError as error:  # the client went away, most often
        log.info("speech stopped: %s", error)
    except Exception:  # the response has started: all that is left is to end it short
        log.exception("speech failed")
    finally:
        slots.release()
        with contextlib.suppress(BrokenPipeError):
            out.close()


async def _pipe_reader(fd: int) -> AsyncIterator[bytes]:
    try:
        while chunk := await run_in_threadpool(os.read, fd, 65536):
            yield chunk
    finally:
        os.close(fd)
