"""Chapters from a narration's cues: the introduction, the text before the first heading, then
one per heading (for ID3 CHAP frames and the Podcasting 2.0 chapters file)."""

from __future__ import annotations

from narrate.model import Chapter, Narration, Script, SegmentKind


def chapters(script: Script, narration: Narration) -> list[Chapter]:
    """An intro chapter, a chapter for the text before the first heading, then one per heading."""
    body = [cue for cue in narration.cues if cue.segment.kind is not SegmentKind.INTRO]
    marks = [("Introduction", 0.0)] if len(body) < len(narration.cues) else []
    headings = [
        (cue.segment.text, cue.start) for cue in body if cue.segment.kind is SegmentKind.HEADING
    ]
    if body and (not headings or headings[0][1] > body[0].start):
        marks.append((script.article.title or "Article", body[0].start if marks else 0.0))
    marks += headings
    ends = [start for _, start in marks[1:]] + [narration.seconds]
    return [Chapter(title, start, end) for (title, start), end in zip(marks, ends, strict=True)]
