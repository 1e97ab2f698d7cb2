"""The speech engine: Piper, behind one small interface.

`Voice.speak(text) -> Clip` is all the rest of narrate needs; a fake with the same method makes
fast tests. The model is loaded once per Voice and kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import platform
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from narrate.errors import VoiceError
from narrate.files import file_identity
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
        self,
        info: VoiceInfo,
        settings: SpeechSettings | None = None,
        threads: int = 0,
        optimized_dir: Path | None = None,
    ) -> None:
        """Load the voice; `threads` caps ONNX Runtime's threads (0: its default, all cores);
        `optimized_dir` keeps an optimised copy of the model that loads four times faster."""
        settings = settings or SpeechSettings()
        if settings.rate <= 0:
            raise VoiceError(f"rate must be above 0, not {settings.rate}")
        self.info = info
        self._piper = _load(info, threads, optimized_dir)
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


def _load(info: VoiceInfo, threads: int, optimized_dir: Path | None) -> Any:
    import json

    from piper import PiperVoice
    from piper.config import PiperConfig

    try:
        config = PiperConfig.from_dict(json.loads(info.config.read_text(encoding="utf-8")))
        session = _session(info.model, threads, optimized_dir)
    except Exception as error:  # onnxruntime and json raise their own types; all mean the same
        raise VoiceError(f"cannot load voice {info.model}: {error}") from None
    return PiperVoice(config=config, session=session)


def _session(model: Path, threads: int, optimized_dir: Path | None) -> Any:
    """An ONNX Runtime session, from a saved optimised copy of the model when there is one.

    Optimising the graph is most of the load time (0.6 s of 0.75 s for a medium voice here);
    the optimised graph is saved once and loads in 0.15 s: it matters for the first sentence
    and for every worker. It is tied to this model file, ONNX Runtime version and CPU type,
    and kept at the "extended" level, which holds no instruction-set-specific layouts.
    """
    import onnxruntime

    def options() -> Any:
        chosen = onnxruntime.SessionOptions()
        if threads:
            chosen.intra_op_num_threads = threads
            chosen.inter_op_num_threads = 1
        # Denormal floats flushed to zero: 1-3.5% less inference time here, nothing audible.
        chosen.add_session_config_entry("session.set_denormal_as_zero", "1")
        if threads > 1:  # idle threads sleep rather than spin: others share these cores
            chosen.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return chosen

    providers = ["CPUExecutionProvider"]
    if optimized_dir is None:
        return onnxruntime.InferenceSession(str(model), options(), providers=providers)
    identity = f"{file_identity(model)}|{onnxruntime.__version__}|{platform.machine()}"
    key = hashlib.sha256(identity.encode()).hexdigest()[:32]
    optimized = optimized_dir / f"{model.stem}-{key}.onnx"
    if optimized.is_file():
        chosen = options()
        chosen.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
        try:
            return onnxruntime.InferenceSession(str(optimized), chosen, providers=providers)
        except Exception as error:  # a damaged copy: fall back to the model itself
            log.warning("ignoring the saved optimised model %s: %s", optimized, error)
    chosen = options()
    # Extended, not all: the last level adds layout changes tied to this CPU's instruction set.
    chosen.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
    chosen.log_severity_level = 3  # errors only: onnxruntime notes every save on stderr
    temporary = optimized.with_name(f".{optimized.name}.{os.getpid()}.part")
    with contextlib.suppress(OSError):
        optimized_dir.mkdir(parents=True, exist_ok=True)
        chosen.optimized_model_filepath = str(temporary)
    session = onnxruntime.InferenceSession(str(model), chosen, providers=providers)
    with contextlib.suppress(OSError):  # another process may have saved it first: fine
        temporary.replace(optimized)
    return session


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
