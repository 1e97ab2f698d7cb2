"""One narration, made for the server: source -> script -> audio written to a growing file.

The audio is encoded straight into `audio.part` in the narration's folder, flushed segment by
segment, so that /audio can stream it to a listener while later sentences are still being
synthesised (as `narrate URL -o -` streams to stdout). The cues are recorded as the clips are
joined, so the page can highlight the sentence being heard before the narration is done.
Once it is, the finished files are written beside it, each atomically: the audio (MP3 with
its tags and chapters), captions, transcript, chapters, read-along page and EPUB.
"""

from __future__ import annotations

import json
import logging
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from narrate import pipeline
from narrate.audio.assembly import assemble, encoder
from narrate.audio.formats import FORMATS
from narrate.audio.id3 import write_id3
from narrate.files import atomic_path, write_text
from narrate.model import AudioFormat, Clip, Narration, Script, Segment
from narrate.settings import Outputs, Settings
from narrate.speech.synthesis import Synthesizer
from narrate.speech.wordtimes import timed_tokens

log = logging.getLogger(__name__)

PART = "audio.part"
PAGE = "page.json"
SIDE_FILES = {
    "captions.vtt": "text/vtt; charset=utf-8",
    "transcript.json": "application/json",
    "chapters.json": "application/json",
    "readalong.html": "text/html; charset=utf-8",
    "narration.epub": "application/epub+zip",
}
STREAMED = (AudioFormat.MP3, AudioFormat.OGG, AudioFormat.WAV)
"""The formats that can be listened to while they are written (M4B's index comes last)."""


class Cancelled(Exception):
    """The narration was deleted, or the server is stopping (it resumes on the next start)."""


@dataclass
class Live:
    """What a narration in progress has made so far, read by the routes while it grows."""

    script: Script | None = None
    cues: list[dict[str, object]] = field(default_factory=list)
    encoded: threading.Event = field(default_factory=threading.Event)
    """Set once audio.part holds the whole narration (or never will: failed, cancelled)."""


def outputs(folder: Path) -> Outputs:
    return Outputs(
        vtt=folder / "captions.vtt",
        timings=folder / "transcript.json",
        chapters=folder / "chapters.json",
        html=folder / "readalong.html",
        epub=folder / "narration.epub",
    )


def audio_file(folder: Path, fmt: str) -> Path:
    return folder / f"audio.{fmt}"


def cue_record(
    segment: Segment, start: float, end: float, words: Iterable[float]
) -> dict[str, object]:
    """A cue as the page wants it: times, and the written tokens with their start times."""
    spans = tuple((t, t) for t in words)
    tokens = timed_tokens(segment.text, spans) if spans else [(segment.text, None)]
    timed = [[token, None if t is None else round(t, 3)] for token, t in tokens]
    return {"start": round(start, 3), "end": round(end, 3), "tokens": timed}


def page_data(script: Script, cues: list[dict[str, object]], complete: bool) -> dict[str, object]:
    """What the listening page shows: the article's blocks, the spoken segments (each in its
    block, or -1 for the intro) and the cues timed so far, one per segment in order."""
    article = script.article
    return {
        "complete": complete,
        "title": article.title,
        "language": article.language,
        "blocks": [{"kind": str(b.kind), "level": b.level, "text": b.text} for b in article.blocks],
        "segments": [
            {"kind": str(s.kind), "text": s.text, "block": s.block} for s in script.segments
        ],
        "cues": cues,
    }


def narrate_into(
    folder: Path,
    source: str,
    settings: Settings,
    synthesizer: Synthesizer,
    live: Live,
    on_script: Callable[[Script], None],
    progress: Callable[[int, int], None],
) -> tuple[Script, Narration]:
    """Make the narration of `source` in `folder`; `progress` may raise Cancelled."""
    script = pipeline.prepare(source, settings)
    live.script = script
    on_script(script)
    rate = synthesizer.sample_rate
    position = 0
    pending: list[tuple[Segment, Clip]] = []

    def recorded(spoken: Iterable[tuple[Segment, Clip]]) -> Iterator[tuple[Segment, Clip]]:
        for item in spoken:
            pending.append(item)
            yield item

    def sink(pcm: bytes) -> None:
        # assemble() hands over the lead-in, then each clip with its pause, in one piece each
        nonlocal position
        out.write(pcm)
        if pending:
            segment, clip = pending.pop()
            words = ((position + a) / rate for a, _ in clip.words)
            end = (position + clip.samples) / rate
            live.cues.append(cue_record(segment, position / rate, end, words))
        position += len(pcm) // 2

    try:
        with (folder / PART).open("wb") as stream, encoder(stream, rate, settings.fmt,
                                                           settings.bitrate) as out:  # fmt: skip
            narration = assemble(
                recorded(synthesizer.render(script.segments, progress)), rate, sink
            )
    finally:
        live.encoded.set()
    finish(folder, script, narration, settings, synthesizer)
    return script, narration


def finish(
    folder: Path, script: Script, narration: Narration, settings: Settings, synthesizer: Synthesizer
) -> None:
    """The finished files, from the streamed audio: tagged (MP3), then the side files."""
    info = synthesizer.info
    target = audio_file(folder, settings.fmt)
    with atomic_path(target) as temporary:
        shutil.copyfile(folder / PART, temporary)
        if FORMATS[settings.fmt].id3:
            write_id3(temporary, script, narration, info.name, info.license)
    pipeline.write_sidecars(narration, script, outputs(folder), target, info)
    cues = [cue_record(c.segment, c.start, c.end, (w[0] for w in c.words)) for c in narration.cues]
    write_text(folder / PAGE, json.dumps(page_data(script, cues, complete=True)))
    (folder / PART).unlink(missing_ok=True)  # a listener still streaming it keeps reading
