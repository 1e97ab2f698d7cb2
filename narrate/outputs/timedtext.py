"""Timed text from a narration's cues: WebVTT, SubRip, Podcasting 2.0 JSON transcript and
chapters. The times are exact: they come from sample counts, not from alignment."""

from __future__ import annotations

import json
from collections.abc import Iterable

from narrate.model import Cue, Narration, Script
from narrate.outputs.chapters import chapters
from narrate.speech.wordtimes import timed_tokens


def _clock(seconds: float, separator: str) -> str:
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def _text(cue: Cue) -> str:
    # A blank line ends a cue in both formats, and "-->" would start a timing line in WebVTT.
    return " ".join(cue.segment.text.split()).replace("-->", "->")


def _srt_text(cue: Cue) -> str:
    """SubRip has no escapes, and players read <b>, <i>, <font> and {\\an8} in it as styling:
    the angle and curly brackets of the text become their look-alikes."""
    return _text(cue).translate(_SRT_MARKUP)


_SRT_MARKUP = str.maketrans({"<": "‹", ">": "›", "{": "(", "}": ")"})


def vtt(cues: Iterable[Cue]) -> str:
    """WebVTT: one cue a segment, the written text (what a reader expects to see), with the
    time of each word after the first as a timestamp tag before it where the voice gives word
    timings ("Trams <00:00:01.240>are running": players that follow them can highlight it)."""
    blocks = ["WEBVTT"]
    for number, cue in enumerate(cues, 1):
        text = _timed_text(cue)
        blocks.append(f"{number}\n{_clock(cue.start, '.')} --> {_clock(cue.end, '.')}\n{text}")
    return "\n\n".join(blocks) + "\n"


def _timed_text(cue: Cue) -> str:
    last = round(cue.start * 1000)  # tags must rise strictly inside the cue, to the millisecond
    shown: list[str] = []
    for token, start in timed_tokens(_text(cue), cue.words):
        escaped = token.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if start is not None and shown and last < round(start * 1000) < round(cue.end * 1000):
            last = round(start * 1000)
            escaped = f"<{_clock(start, '.')}>{escaped}"
        shown.append(escaped)
    return " ".join(shown)


def srt(cues: Iterable[Cue]) -> str:
    blocks = [
        f"{number}\n{_clock(cue.start, ',')} --> {_clock(cue.end, ',')}\n{_srt_text(cue)}"
        for number, cue in enumerate(cues, 1)
    ]
    return "\n\n".join(blocks) + "\n"


def transcript_json(narration: Narration, speaker: str = "Narrator") -> str:
    """The Podcasting 2.0 JSON transcript format (podcast:transcript type application/json)."""
    segments = [
        {"speaker": speaker, "startTime": round(c.start, 3), "endTime": round(c.end, 3),
         "body": c.segment.text}
        for c in narration.cues
    ]  # fmt: skip
    return json.dumps({"version": "1.0.0", "segments": segments}, ensure_ascii=False, indent=1)


def chapters_json(script: Script, narration: Narration) -> str:
    """The Podcasting 2.0 JSON chapters format (podcast:chapters)."""
    marks = [
        {"startTime": round(m.start, 3), "endTime": round(m.end, 3), "title": m.title}
        for m in chapters(script, narration)
    ]
    return json.dumps({"version": "1.2.0", "chapters": marks}, ensure_ascii=False, indent=1)
