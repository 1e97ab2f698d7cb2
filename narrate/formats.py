"""The audio formats narrate writes, and how ffmpeg makes each (kept apart from the audio
module, which needs numpy, so the command line can check --format before anything heavy)."""

from __future__ import annotations

from typing import Final

FORMATS: Final = {
    # format: (ffmpeg muxer, codec arguments, default bitrate)
    # MP3 is made by LAME in-process (audio.Mp3Encoder), at -q 5: in LAME's words "good speed,
    # reasonable quality", 30% faster than its default -q 3; speech at 64 kbit/s mono leaves
    # little to gain. The ffmpeg arguments are what the same encoding would be in ffmpeg.
    "mp3": ("mp3", ["-c:a", "libmp3lame", "-compression_level", "5"], "64k"),
    "wav": ("wav", ["-c:a", "pcm_s16le"], ""),
    "ogg": ("ogg", ["-c:a", "libopus", "-application", "voip"], "48k"),
    "m4b": ("ipod", ["-c:a", "aac"], "64k"),
}
