"""/v1/audio/speech with the real `openai` client and the real voice."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from narrate.audio.assembly import duration
from tests.server.conftest import Running

pytestmark = pytest.mark.slow
openai = pytest.importorskip("openai")

Serve = Callable[..., Running]
TEXT = "The ferry leaves at 9:30 pm. Tickets cost $4.50 on board."


def test_the_openai_client_gets_speech_in_each_format(serve: Serve, tmp_path: Path) -> None:
    running = serve(api_key="local-key")
    client = openai.OpenAI(base_url=f"{running.base}/v1", api_key="local-key", max_retries=0)
    mp3 = client.audio.speech.create(model="tts-1", voice="alloy", input=TEXT)
    path = tmp_path / "speech.mp3"
    path.write_bytes(mp3.content)
    assert mp3.response.headers["content-type"] == "audio/mpeg"
    seconds = duration(path)
    assert 3 < seconds < 12  # two sentences with the numbers said in words, not symbols

    with client.audio.speech.with_streaming_response.create(
        model="tts-1", voice="alloy", input=TEXT, response_format="wav", speed=1.5
    ) as streamed:
        wav = b"".join(streamed.iter_bytes())
    assert wav[:4] == b"RIFF" and wav[8:12] == b"WAVE"
    faster = tmp_path / "speech.wav"
    faster.write_bytes(wav)
    assert duration(faster) < seconds * 0.85

    pcm = client.audio.speech.create(model="tts-1", voice="nova", input=TEXT, response_format="pcm")
    assert len(pcm.content) / 2 / 24000 == pytest.approx(seconds, abs=0.35)  # 24 kHz, as OpenAI's
    opus = client.audio.speech.create(
        model="tts-1", voice="echo", input=TEXT, response_format="opus"
    )
    assert opus.content[:4] == b"OggS"


def test_speech_refuses_what_openai_refuses(serve: Serve) -> None:
    running = serve()
    client = openai.OpenAI(base_url=f"{running.base}/v1", api_key="unused", max_retries=0)
    with pytest.raises(openai.BadRequestError):
        client.audio.speech.create(model="tts-1", voice="alloy", input="x" * 5000)
    answer = httpx.post(f"{running.base}/v1/audio/speech",
                        json={"input": "Hello.", "response_format": "flac"})  # fmt: skip
    assert answer.status_code == 422
