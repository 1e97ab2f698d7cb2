"""The audio formats narrate writes (kept apart from the audio module, which needs numpy, so the
command line can check --format before anything heavy)."""

from __future__ import annotations

from typing import Final

FORMATS: Final = {
    # format: its default bitrate ("": none); MP3 is made by LAME, the others by ffmpeg
    "mp3": "64k",
    "wav": "",
    "ogg": "48k",
    "m4b": "64k",
}
