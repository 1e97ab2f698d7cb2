"""ID3v2.3 tags and chapters, read back with mutagen."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import numpy as np
import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from narrate.audio.assembly import assemble, encode
from narrate.audio.id3 import write_id3
from narrate.model import Article, AudioFormat, Block, BlockKind, Clip, Script, Segment, SegmentKind
from narrate.outputs.chapters import chapters

RATE = 16000


def _script_and_narration(with_heading: bool = True):  # type: ignore[no-untyped-def]
    article = Article(
        title="Trams return",
        authors=("Olena Marchuk",),
        site_name="The Ledger",
        language="en",
        published=dt.datetime(2025, 1, 10),
        canonical_url="https://ledger.example/trams",
        blocks=(Block(BlockKind.PARAGRAPH, "One."), Block(BlockKind.HEADING, "Next", 2)),
    )
    segments = [
        Segment(SegmentKind.INTRO, "Trams return", "Trams return.", 500),
        Segment(SegmentKind.SENTENCE, "One.", "One.", 400, 0),
    ]
    if with_heading:
        segments += [
            Segment(SegmentKind.HEADING, "Next", "Next.", 500, 1),
            Segment(SegmentKind.SENTENCE, "Two.", "Two.", 400, 2),
        ]
    clip = Clip(np.full(RATE, 2000, dtype=np.int16).tobytes(), RATE)
    script = Script(article, tuple(segments))
    return script, assemble([(s, clip) for s in segments], RATE)


def test_chapters_cover_the_audio_without_gaps() -> None:
    script, narration = _script_and_narration()
    marks = chapters(script, narration)
    assert [m.title for m in marks] == ["Introduction", "Trams return", "Next"]
    assert marks[0].start == 0.0
    assert marks[-1].end == narration.seconds
    assert all(a.end == b.start for a, b in itertools.pairwise(marks))
    script, narration = _script_and_narration(with_heading=False)
    assert [m.title for m in chapters(script, narration)] == ["Introduction", "Trams return"]


def test_id3v23_tags_read_back(tmp_path: Path) -> None:
    script, narration = _script_and_narration()
    path = tmp_path / "a.mp3"
    encode(narration, path, AudioFormat.MP3)
    write_id3(path, script, narration, "en_US-joe-medium", "CC0")
    tags = ID3(path)
    assert tags.version[:2] == (2, 3)
    assert str(tags["TIT2"]) == "Trams return"
    assert str(tags["TPE1"]) == "Olena Marchuk"
    assert str(tags["TALB"]) == "The Ledger"
    assert str(tags["TLAN"]) == "eng"
    assert str(tags["TDRC"]).startswith("2025")
    assert tags["WOAS"].url == "https://ledger.example/trams"
    comment = str(tags.getall("COMM")[0])
    assert "not a person" in comment
    assert "en_US-joe-medium" in comment
    assert "CC0" in comment
    assert str(tags.getall("USLT")[0]).splitlines() == ["Trams return", "One.", "Next", "Two."]
    chaps = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    assert [str(c.sub_frames["TIT2"]) for c in chaps] == ["Introduction", "Trams return", "Next"]
    assert tags.getall("CTOC")[0].child_element_ids == [c.element_id for c in chaps]
    # the MP3 frame grid (1152 samples) and the encoder delay add up to ~0.1 s at the end
    info = MP3(path).info
    assert info is not None
    assert info.length == pytest.approx(narration.seconds, abs=0.15)
