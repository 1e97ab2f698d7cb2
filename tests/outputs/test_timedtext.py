"""Timed text written beside the audio, checked against the audio it describes."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from narrate.audio import assembly as audio
from narrate.cli import commands as cli
from narrate.model import Cue, Segment, SegmentKind
from narrate.outputs import timedtext as timings
from tests.conftest import FakeVoice, speak_with
from tests.test_cli import SAMPLE

VTT_TIME = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d\d\d) --> (\d\d):(\d\d):(\d\d)\.(\d\d\d)$")


def parse_vtt(text: str) -> list[tuple[float, float, str]]:
    assert text.startswith("WEBVTT\n")
    cues = []
    for block in text.strip().split("\n\n")[1:]:
        number, times, *lines = block.split("\n")
        match = VTT_TIME.match(times)
        assert number.isdigit() and match, block
        h1, m1, s1, ms1, h2, m2, s2, ms2 = map(int, match.groups())
        cues.append(
            (
                h1 * 3600 + m1 * 60 + s1 + ms1 / 1000,
                h2 * 3600 + m2 * 60 + s2 + ms2 / 1000,
                "\n".join(lines),
            )
        )
    return cues


def test_formats_escape_and_clock() -> None:
    segment = Segment(SegmentKind.SENTENCE, "Profit <b>rose</b> --> 5% & more", "x", 0)
    cue = Cue(3725.0045, 3726.5, segment)
    assert timings.vtt([cue]).splitlines()[3:5] == [
        "01:02:05.004 --> 01:02:06.500",
        "Profit &lt;b&gt;rose&lt;/b&gt; -&gt; 5% &amp; more",
    ]
    assert timings.srt([cue]).splitlines()[1] == "01:02:05,004 --> 01:02:06,500"


def test_vtt_gives_each_word_after_the_first_its_time() -> None:
    segment = Segment(SegmentKind.SENTENCE, "Trams — run <late> again", "x", 0)
    words = ((1.0, 1.4), (1.5, 1.9), (1.5, 1.5), (2.5, 2.9))  # "<late>": said with "run"
    cue = Cue(1.0, 3.0, segment, words)
    assert timings.vtt([cue]).splitlines()[4] == (
        "Trams — <00:00:01.500>run &lt;late&gt; <00:00:02.500>again"
    )
    assert timings.srt([cue]).splitlines()[2] == "Trams — run ‹late› again"  # no markup in SRT


@pytest.fixture
def narrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, FakeVoice]:
    voice = FakeVoice(sample_rate=22050, ms_per_char=5)
    speak_with(monkeypatch, voice)
    args = [str(SAMPLE), "-o", str(tmp_path / "a.mp3"), "-q", "-j", "1"]
    for kind in ("vtt", "srt", "timings", "chapters", "html"):
        args += [f"--{kind}", str(tmp_path / f"a.{kind}")]
    result = CliRunner().invoke(cli.narrate_app, args)
    assert result.exit_code == 0, result.output
    return tmp_path, voice


def test_cues_are_ordered_apart_and_inside_the_audio(narrated: tuple[Path, FakeVoice]) -> None:
    folder, voice = narrated
    length = audio.duration(folder / "a.mp3")
    cues = parse_vtt((folder / "a.vtt").read_text(encoding="utf-8"))
    assert len(cues) == len(voice.spoken)
    assert all(0 <= start < end <= length for start, end, _ in cues)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(cues))
    assert cues[0][2].startswith("Lviv opens")  # written text, as readers expect
    transcript = json.loads((folder / "a.timings").read_text(encoding="utf-8"))
    assert [s["startTime"] for s in transcript["segments"]] == [round(c[0], 3) for c in cues]
    chapters = json.loads((folder / "a.chapters").read_text(encoding="utf-8"))["chapters"]
    assert [c["title"] for c in chapters] == [
        "Introduction",
        "Lviv opens a solar-powered tram depot as winter nears",
        "A plan that grew out of the blackouts",
        "What comes next",
    ]
    assert chapters[-1]["endTime"] == pytest.approx(length, abs=0.1)
    srt = (folder / "a.srt").read_text(encoding="utf-8")
    assert srt.count(" --> ") == len(cues)
    page = (folder / "a.html").read_text(encoding="utf-8")
    assert 'src="a.mp3"' in page
    assert page.count("data-start=") == len(cues)


def test_second_run_comes_from_the_cache(narrated: tuple[Path, FakeVoice]) -> None:
    folder, voice = narrated
    first = len(voice.spoken)
    result = CliRunner().invoke(
        cli.narrate_app, [str(SAMPLE), "-o", str(folder / "b.mp3"), "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    assert len(voice.spoken) == first  # nothing new synthesised
    assert f"{first} from the cache" in result.stderr
    info = CliRunner().invoke(cli.subcommand_app("cache"), ["cache", "info"])
    assert f"{first} sentences" in info.stdout
    cleared = CliRunner().invoke(cli.subcommand_app("cache"), ["cache", "clear"])
    assert cleared.exit_code == 0 and "Removed" in cleared.stdout
    assert (
        "0 sentences" in CliRunner().invoke(cli.subcommand_app("cache"), ["cache", "info"]).stdout
    )


def test_a_repeated_narration_reuses_the_encoded_audio(narrated: tuple[Path, FakeVoice]) -> None:
    folder, _ = narrated
    from narrate.speech.segmentcache import SegmentCache

    (saved,) = (SegmentCache().folder / "audio").glob("*.mp3")
    saved.write_bytes(saved.read_bytes())  # refresh: it is what a repeat should copy
    result = CliRunner().invoke(
        cli.narrate_app, [str(SAMPLE), "-o", str(folder / "c.mp3"), "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    from mutagen.id3 import ID3

    again = folder / "c.mp3"
    assert str(ID3(again)["TIT2"]).startswith("Lviv opens")  # tagged like the first
    first_audio = (folder / "a.mp3").read_bytes()
    # the audio frames after the tags are the same bytes: nothing was encoded again
    assert again.read_bytes()[-100_000:] == first_audio[-100_000:]
    # one sentence evicted from the cache: synthesised again, and the audio encoded anew
    entries = sorted(SegmentCache().folder.glob("??/*.pcm"))
    entries[3].unlink()
    result = CliRunner().invoke(
        cli.narrate_app, [str(SAMPLE), "-o", str(folder / "d.mp3"), "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    assert audio.duration(folder / "d.mp3") == pytest.approx(audio.duration(again), abs=0.1)


def test_subrip_text_carries_no_markup() -> None:
    segment = Segment(SegmentKind.SENTENCE, "Use <b>bold</b> {\\an8} and x -> y.", "x", 0)
    text = timings.srt([Cue(0.0, 1.0, segment)])
    assert "<" not in text and "{" not in text and "‹b›bold‹/b›" in text
    assert "-->" in text.splitlines()[1]  # the timing line keeps its arrow
