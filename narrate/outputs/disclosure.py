"""The AI-narration notice that goes wherever the audio goes: ID3 tags, feed items, the
read-along page, the EPUB."""

from __future__ import annotations


def disclosure(voice_name: str, voice_license: str) -> str:
    """The AI-narration notice carried by every output."""
    licence = f", licence {voice_license}" if voice_license else ""
    return (
        f"This audio was narrated by a computer voice (AI text-to-speech), not a person: "
        f"narrate with the Piper voice {voice_name}{licence}."
    )
