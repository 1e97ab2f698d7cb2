"""ID3v2.3 tags for the MP3: mutagen lives here, and only here.

Version 2.3, not 2.4, because Windows and many podcast apps still read only 2.3.
"""

from __future__ import annotations

from pathlib import Path

from narrate.errors import OutputError
from narrate.model import Cover, Narration, Script
from narrate.outputs.chapters import chapters
from narrate.outputs.disclosure import disclosure

# ISO 639-1 -> ISO 639-2/B, as TLAN wants three letters; the languages Piper voices speak.
_LANGUAGES = {
    "ar": "ara", "ca": "cat", "cs": "cze", "cy": "wel", "da": "dan", "de": "ger", "el": "gre",
    "en": "eng", "es": "spa", "fa": "per", "fi": "fin", "fr": "fre", "hu": "hun", "is": "ice",
    "it": "ita", "ka": "geo", "kk": "kaz", "lb": "ltz", "ne": "nep", "nl": "dut", "no": "nor",
    "pl": "pol", "pt": "por", "ro": "rum", "ru": "rus", "sk": "slo", "sl": "slv", "sr": "srp",
    "sv": "swe", "sw": "swa", "tr": "tur", "uk": "ukr", "vi": "vie", "zh": "chi",
}  # fmt: skip


def write_id3(
    path: Path,
    script: Script,
    narration: Narration,
    voice_name: str,
    voice_license: str = "",
    cover: Cover | None = None,
) -> None:
    """Write title, people, dates, source, disclosure, transcript and chapters as ID3v2.3."""
    from mutagen import id3

    article = script.article

    tags = id3.ID3()
    tags.add(id3.TIT2(encoding=1, text=article.title or "Untitled article"))
    if article.authors:
        tags.add(id3.TPE1(encoding=1, text="; ".join(article.authors)))
    if article.site_name:
        tags.add(id3.TALB(encoding=1, text=article.site_name))
        tags.add(id3.TPUB(encoding=1, text=article.site_name))
    if article.published:
        tags.add(id3.TDRC(encoding=1, text=article.published.strftime("%Y-%m-%d")))
    if language := _LANGUAGES.get(article.language.split("-")[0].lower()):
        tags.add(id3.TLAN(encoding=1, text=language))
    if article.source_url:
        tags.add(id3.WOAS(url=article.source_url))
    tags.add(id3.COMM(encoding=1, lang="eng", desc="", text=disclosure(voice_name, voice_license)))
    if cover:
        tags.add(id3.APIC(encoding=1, mime=cover.mime, type=id3.PictureType.COVER_FRONT,
                          desc="Cover", data=cover.data))  # fmt: skip
    if narration.loudness:
        tags.add(id3.TXXX(encoding=1, desc="LOUDNESS", text=narration.loudness.describe()))
    transcript = "\n".join(cue.segment.text for cue in narration.cues)
    tags.add(id3.USLT(encoding=1, lang=language or "eng", desc="", text=transcript))
    marks = chapters(script, narration)
    ids = [f"chp{number}" for number in range(len(marks))]
    tags.add(
        id3.CTOC(
            element_id="toc",
            flags=id3.CTOCFlags.TOP_LEVEL | id3.CTOCFlags.ORDERED,
            child_element_ids=ids,
            sub_frames=[id3.TIT2(encoding=1, text="Chapters")],
        )
    )
    for element_id, mark in zip(ids, marks, strict=True):
        tags.add(
            id3.CHAP(
                element_id=element_id,
                start_time=round(mark.start * 1000),
                end_time=round(mark.end * 1000),
                sub_frames=[id3.TIT2(encoding=1, text=mark.title)],
            )
        )
    try:
        tags.save(path, v2_version=3)
    except OSError as error:
        raise OutputError(f"cannot write tags to {path}: {error}") from None
