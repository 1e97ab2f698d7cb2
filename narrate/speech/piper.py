"""The speech engine: Piper, behind one small interface.

`Voice.speak(text) -> Clip` is all the rest of narrate needs; a fake with the same method makes
fast tests. The model is loaded once per Voice and kept.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from narrate.errors import VoiceError
from narrate.model import Clip, VoiceInfo
from narrate.settings import SpeechSettings
from narrate.speech import modelstore, wordtimes

log = logging.getLogger(__name__)

# Piper synthesises one clip per sentence it finds; where it splits a segment of ours,
# this much silence joins the parts.
_INNER_PAUSE_S = 0.15


class Voice:
    """A loaded Piper voice."""

    def __init__(
        self,
        info: VoiceInfo,
        settings: SpeechSettings | None = None,
        threads: int = 0,
        optimized_dir: Path | None = None,
    ) -> None:
        """Load the voice; `threads` caps ONNX Runtime's threads (0: its default, all cores);
        `optimized_dir` keeps an optimised copy of the model that loads five times faster
        and speaks a tenth faster."""
        settings = settings or SpeechSettings()
        if settings.rate <= 0:
            raise VoiceError(f"rate must be above 0, not {settings.rate}")
        self.info = info
        self._piper = _load(info, threads, optimized_dir)
        self._lengths: dict[str, int] = {}
        config = self._piper.config
        self._config = _synthesis_config(
            speaker_id=_speaker_id(settings.speaker, config.speaker_id_map, config.num_speakers),
            length_scale=(settings.length_scale or config.length_scale) / settings.rate,
            noise=settings.noise,
        )

    @property
    def sample_rate(self) -> int:
        return int(self._piper.config.sample_rate)

    def speak(self, text: str) -> Clip:
        gap = int(self.sample_rate * _INNER_PAUSE_S)
        parts: list[bytes] = []
        spoken: list[tuple[str, int, int]] = []
        position, timed = 0, True
        for chunk in self._piper.synthesize(text, self._config, include_alignments=True):
            position += gap if parts else 0
            if chunk.phoneme_alignments is None:  # a model without the durations output
                timed = False
            else:
                pairs = [(a.phoneme, a.num_samples) for a in chunk.phoneme_alignments]
                spoken.extend(wordtimes.phoneme_words(pairs, position))
            parts.append(chunk.audio_int16_bytes)
            position += len(parts[-1]) // 2
        pcm = (b"\0\0" * gap).join(parts)
        words = wordtimes.spans(wordtimes.words(text), spoken, self._phonemes) if timed else ()
        return Clip(pcm=pcm, sample_rate=self.sample_rate, words=words)

    def _phonemes(self, word: str) -> int:
        """How many phonemes a word has, said alone (stress marks aside)."""
        if word not in self._lengths:  # most words of an article come again
            said = "".join("".join(sentence) for sentence in self._piper.phonemize(word))
            self._lengths[word] = len(said.translate(wordtimes.NO_STRESS).replace(" ", ""))
        return self._lengths[word]


def open_voice(
    info: VoiceInfo, speech: SpeechSettings, threads: int, optimized_dir: Path | None
) -> Voice:
    """The engine's entry point (see narrate.speech.engines)."""
    return Voice(info, speech, threads=threads, optimized_dir=optimized_dir)


def _load(info: VoiceInfo, threads: int, optimized_dir: Path | None) -> Any:
    import json

    from piper import PiperVoice
    from piper.config import PiperConfig

    try:
        config = PiperConfig.from_dict(json.loads(info.config.read_text(encoding="utf-8")))
        session = modelstore.session(
            info.model, threads, optimized_dir, lambda copy: _speaks_alike(config, copy, info.model)
        )
    except Exception as error:  # onnxruntime and json raise their own types; all mean the same
        raise VoiceError(f"cannot load voice {info.model}: {error}") from None
    return PiperVoice(config=config, session=session)


def _speaks_alike(config: Any, session: Any, model: Path) -> bool:
    """Whether a rewritten model gives the model's own audio for a test sentence, noise off
    (within 0.001 of full scale: the rewrite should differ only by float rounding)."""
    import numpy as np
    from piper import PiperVoice, SynthesisConfig

    # unoptimised: loads in about half the time, and the test sentence is short
    original = modelstore.open_unoptimized(model)
    voices = [PiperVoice(config=config, session=s) for s in (original, session)]
    phonemes = voices[0].phonemize("Testing, one two three.")[0]
    quiet = SynthesisConfig(noise_scale=0.0, noise_w_scale=0.0)
    expected, got = (
        np.asarray(v.phoneme_ids_to_audio(v.phonemes_to_ids(phonemes), quiet)) for v in voices
    )
    return bool(expected.shape == got.shape and np.abs(expected - got).max() < 1e-3)


def _synthesis_config(speaker_id: int | None, length_scale: float, noise: bool) -> Any:
    from piper import SynthesisConfig

    config = SynthesisConfig(speaker_id=speaker_id, length_scale=length_scale)
    if not noise:
        config.noise_scale = config.noise_w_scale = 0.0
    return config


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
