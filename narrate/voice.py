"""The speech engine: Piper, behind one small interface.

`Voice.speak(text) -> Clip` is all the rest of narrate needs; a fake with the same method makes
fast tests. The model is loaded once per Voice and kept.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Protocol

from narrate.errors import VoiceError
from narrate.model import Clip
from narrate.voices import VoiceInfo

log = logging.getLogger(__name__)

# Piper synthesises one clip per sentence it finds; where it splits a segment of ours,
# this much silence joins the parts.
_INNER_PAUSE_S = 0.15


@dataclass(frozen=True)
class SpeechSettings:
    """How the voice speaks: everything besides the text that changes the audio."""

    speaker: str | None = None
    """Speaker name or number, for voices with several speakers."""
    length_scale: float | None = None
    """Phoneme duration factor: above 1 is slower. None: the voice's own."""
    rate: float = 1.0
    """Speed multiplier applied on top of length_scale: 1.25 is 25% faster."""


class Speaker(Protocol):
    """What the pipeline needs of a voice."""

    @property
    def sample_rate(self) -> int: ...

    def speak(self, text: str) -> Clip: ...


class Voice:
    """A loaded Piper voice."""

    def __init__(
        self, info: VoiceInfo, settings: SpeechSettings | None = None, threads: int = 0
    ) -> None:
        """Load the voice; `threads` caps ONNX Runtime's threads (0: its default, all cores)."""
        settings = settings or SpeechSettings()
        if settings.rate <= 0:
            raise VoiceError(f"rate must be above 0, not {settings.rate}")
        self.info = info
        self._piper = _load(info, threads)
        config = self._piper.config
        self._config = _synthesis_config(
            speaker_id=_speaker_id(settings.speaker, config.speaker_id_map, config.num_speakers),
            length_scale=(settings.length_scale or config.length_scale) / settings.rate,
        )

    @property
    def sample_rate(self) -> int:
        return int(self._piper.config.sample_rate)

    def speak(self, text: str) -> Clip:
        parts = [chunk.audio_int16_bytes for chunk in self._piper.synthesize(text, self._config)]
        gap = b"\0\0" * int(self.sample_rate * _INNER_PAUSE_S)
        return Clip(pcm=gap.join(parts), sample_rate=self.sample_rate)


def _load(info: VoiceInfo, threads: int) -> Any:
    import json

    import onnxruntime
    from piper import PiperVoice
    from piper.config import PiperConfig

    options = onnxruntime.SessionOptions()
    if threads:
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
    try:
        config = PiperConfig.from_dict(json.loads(info.config.read_text(encoding="utf-8")))
        session = onnxruntime.InferenceSession(
            str(info.model), sess_options=options, providers=["CPUExecutionProvider"]
        )
    except Exception as error:  # onnxruntime and json raise their own types; all mean the same
        raise VoiceError(f"cannot load voice {info.model}: {error}") from None
    return PiperVoice(config=config, session=session)


def _synthesis_config(speaker_id: int | None, length_scale: float) -> Any:
    from piper import SynthesisConfig

    return SynthesisConfig(speaker_id=speaker_id, length_scale=length_scale)


def _speaker_id(speaker: str | None, names: dict[str, int], count: int) -> int | None:
    if speaker is None:
        return None
    if speaker in names:
        return names[speaker]
    if speaker.isdigit() and int(speaker) < max(count, 1):
        return int(speaker)
    if names:
        known = ", ".join(names)
    else:
        known = f"0 to {count - 1}" if count > 1 else "none: this voice has one speaker"
    raise VoiceError(f"unknown speaker {speaker!r} for this voice (speakers: {known})")
