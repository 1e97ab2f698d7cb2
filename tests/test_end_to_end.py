"""The whole pipeline with the real, pip-installed Piper voice: no fakes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from mutagen.id3 import ID3
from pytest_httpserver import HTTPServer

from narrate import pipeline
from narrate.audio import assembly as audio
from narrate.outputs import timedtext as timings
from narrate.speech import wordtimes
from narrate.speech.catalog import packaged_voice
from narrate.speech.piper import Voice
from narrate.speech.synthesis import Synthesizer
from tests.audio.test_loudness import ffmpeg_ebur128
from tests.test_cli import SAMPLE, invoke

pytestmark = pytest.mark.slow


def test_sample_article_becomes_a_tagged_mp3_as_long_as_its_speech(tmp_path: Path) -> None:
    out = tmp_path / "article.mp3"
    result = invoke(str(SAMPLE), "-o", str(out), timeout=600)
    assert result.returncode == 0, result.stderr
    assert "Wrote" in result.stderr
    tags = ID3(out)
    assert tags.version[:2] == (2, 3)
    assert str(tags["TIT2"]) == "Lviv opens a solar-powered tram depot as winter nears"
    assert str(tags["TPE1"]) == "Olena Marchuk"
    assert str(tags["TALB"]) == "The Carpathian Ledger"
    assert "computer voice" in str(tags.getall("COMM")[0])
    words = len(str(tags.getall("USLT")[0]).split())
    seconds = audio.duration(out)
    # a narrator reads news at 140-200 words a minute, pauses included
    assert words / 200 * 60 < seconds < words / 140 * 60, (words, seconds)
    pcm = np.frombuffer(audio.decode_pcm(out, 22050), dtype=np.int16)
    assert np.abs(pcm).max() > 8000  # real speech, not silence
    integrated, peak = ffmpeg_ebur128(out)  # measured by ffmpeg, not by us
    assert integrated == pytest.approx(-19.0, abs=0.6)
    assert peak <= -1.0
    assert "LUFS" in str(tags["TXXX:LOUDNESS"])


def test_cue_and_word_times_match_the_encoded_audio(tmp_path: Path, timed_voice: Voice) -> None:
    article = pipeline.load_article(str(SAMPLE))
    script = pipeline.make_script(article)
    first = script.segments[:6]
    synthesizer = Synthesizer(packaged_voice(), jobs=1, voice_factory=lambda: timed_voice)
    narration = pipeline.synthesize(type(script)(article, first), synthesizer)
    assert [cue.segment for cue in narration.cues] == list(first)
    assert all(a.end < b.start for a, b in zip(narration.cues, narration.cues[1:], strict=False))
    out = tmp_path / "part.mp3"
    audio.encode(narration, out)
    assert audio.duration(out) == pytest.approx(narration.seconds, abs=0.08)
    pcm = np.frombuffer(audio.decode_pcm(out, 22050), dtype=np.int16).astype(float)
    for cue in narration.cues:  # speech inside every cue, near-silence in the pause after it
        inside = pcm[int(cue.start * 22050) : int(cue.end * 22050)]
        assert np.abs(inside).max() > 3000
        assert len(cue.words) == len(wordtimes.words(cue.segment.text))  # the written words
        assert all(cue.start <= start <= end <= cue.end for start, end in cue.words)
        spoken = [pcm[int(a * 22050) : int(b * 22050)] for a, b in cue.words if b - a > 0.05]
        assert all(np.abs(word).max() > 1000 for word in spoken)
    vtt = timings.vtt(narration.cues)
    assert vtt.count("<00:") > sum(len(cue.words) for cue in narration.cues) * 0.8
    gap = pcm[int((narration.cues[0].end + 0.05) * 22050) : int(narration.cues[1].start * 22050)]
    assert np.abs(gap).max() < 600


def test_a_url_and_a_text_file_narrate_with_the_real_voice(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/news/trams").respond_with_data(
        SAMPLE.read_bytes(), content_type="text/html; charset=utf-8"
    )
    notes = tmp_path / "notes.md"
    notes.write_text("# Short note\n\nThe meeting is at 5 p.m. on Jan. 10.\n", encoding="utf-8")
    for source, out in ((httpserver.url_for("/news/trams"), "url.mp3"), (str(notes), "notes.ogg")):
        args = [source, "-o", str(tmp_path / out), "-q", "--no-cover"]  # its image is not local
        if out.endswith(".ogg"):
            args += ["--format", "ogg"]
        result = invoke(*args, timeout=600)
        assert result.returncode == 0, result.stderr
        assert audio.duration(tmp_path / out) > 2.0


def test_a_web_article_gets_its_lead_image_as_cover_art(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    page = SAMPLE.read_text(encoding="utf-8").replace(
        "https://ledger.example/images/depot-roof.jpg", "/images/roof.png"
    )
    httpserver.expect_request("/news/depot").respond_with_data(page, content_type="text/html")
    httpserver.expect_request("/images/roof.png").respond_with_data(png, content_type="image/png")
    out = tmp_path / "a.mp3"
    result = invoke(httpserver.url_for("/news/depot"), "-o", str(out), "-q", timeout=600)
    assert result.returncode == 0, result.stderr
    (picture,) = ID3(out).getall("APIC")
    assert (picture.mime, picture.data, picture.type) == ("image/png", png, 3)
