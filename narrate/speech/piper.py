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
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from narrate.errors import VoiceError
from narrate.files import file_identity
from narrate.model import Clip
from narrate.speech import wordtimes
from narrate.speech.catalog import VoiceInfo

log = logging.getLogger(__name__)

# ONNX Runtime ships telemetry (events for Microsoft's collector, and a device id it writes
# under the user cache folder). It reads this switch when it is first imported, so it is set
# here, in the one module that loads ONNX Runtime, before any import of it; worker processes
# inherit it. _open also turns the events off through the API, for a host program that
# imported ONNX Runtime before narrate.
os.environ["ORT_DISABLE_TELEMETRY"] = "1"

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


def _load(info: VoiceInfo, threads: int, optimized_dir: Path | None) -> Any:
    import json

    from piper import PiperVoice
    from piper.config import PiperConfig

    try:
        config = PiperConfig.from_dict(json.loads(info.config.read_text(encoding="utf-8")))
        session = _session(info.model, threads, optimized_dir, config)
    except Exception as error:  # onnxruntime and json raise their own types; all mean the same
        raise VoiceError(f"cannot load voice {info.model}: {error}") from None
    return PiperVoice(config=config, session=session)


def _session(model: Path, threads: int, optimized_dir: Path | None, config: Any) -> Any:
    """An ONNX Runtime session, from a saved optimised copy of the model when there is one.

    The copy is rewritten by voicegraph (2-D convolutions: a tenth less inference time; the
    phoneme durations as an output: word timings) and optimised at ONNX Runtime's last level,
    whose layouts suit this CPU's instruction sets: it is kept per model file, ONNX Runtime
    version and CPU. Optimising is also most of the load time (0.6 s of 0.75 s for a medium
    voice here); the copy loads in 0.13 s, which counts for the first sentence and for every
    worker. Making it takes about 2 s, once.
    """
    import onnxruntime

    levels = onnxruntime.GraphOptimizationLevel
    if optimized_dir is None:
        return _open(model, _options(threads, levels.ORT_ENABLE_ALL))
    identity = f"{file_identity(model)}|{onnxruntime.__version__}|{_cpu()}|voicegraph 1"
    key = hashlib.sha256(identity.encode()).hexdigest()[:32]
    optimized = optimized_dir / f"{model.stem}-{key}.onnx"
    if optimized.is_file() and _intact(optimized):
        try:
            return _open(optimized, _options(threads, levels.ORT_DISABLE_ALL))
        except Exception as error:  # a damaged copy: make it again
            log.warning("ignoring the saved optimised model %s: %s", optimized, error)
    options = _options(threads, levels.ORT_ENABLE_ALL)
    claim = optimized.with_name(f".{optimized.name}.making")
    if not _claim(claim):  # another process is making the copy: use the model meanwhile
        return _open(model, options)
    try:
        return _save_copy(model, optimized, options, config)
    except Exception as error:  # a full or read-only cache: narrate with the model as it is
        log.warning("could not save an optimised copy of the voice (%s); using the model", error)
        return _open(model, _options(threads, levels.ORT_ENABLE_ALL))
    finally:
        with contextlib.suppress(OSError):
            claim.unlink()


def remove_optimized_copies(folder: Path) -> int:
    """Delete every saved optimised model in `folder` (and its checksum); how many went."""
    removed = 0
    for path in folder.glob("*.onnx*"):
        with contextlib.suppress(OSError):
            path.unlink()
            removed += path.suffix == ".onnx"
    return removed


def _checksum_path(optimized: Path) -> Path:
    return optimized.with_name(optimized.name + ".crc32")


def _crc32(path: Path) -> str:
    """CRC-32 of a file, read a MiB at a time: catches damage at a quarter of SHA-256's cost
    (0.03 s for a 60 MB model here), which every worker pays at every load."""
    import zlib

    crc = 0
    with path.open("rb") as data:
        while chunk := data.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
    return f"{crc:08x} {path.stat().st_size}"


def _intact(optimized: Path) -> bool:
    """Whether the saved copy is the one narrate wrote: same size and checksum as recorded
    beside it. A damaged copy (or one without a record) is removed, to be made again: damage
    that keeps the file a valid model would otherwise change the speech silently."""
    try:
        if _checksum_path(optimized).read_text(encoding="ascii").strip() == _crc32(optimized):
            return True
    except OSError:
        pass
    log.debug("the saved optimised model %s is damaged or unchecked: making it again", optimized)
    for path in (optimized, _checksum_path(optimized)):
        with contextlib.suppress(OSError):
            path.unlink()
    return False


def _options(threads: int, level: Any) -> Any:
    import onnxruntime

    chosen = onnxruntime.SessionOptions()
    chosen.graph_optimization_level = level
    if threads:
        chosen.intra_op_num_threads = threads
        chosen.inter_op_num_threads = 1
    # Denormal floats flushed to zero: 1-3.5% less inference time here, nothing audible.
    chosen.add_session_config_entry("session.set_denormal_as_zero", "1")
    if threads > 1:  # idle threads sleep rather than spin: others share these cores
        chosen.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return chosen


def _open(model: Path | bytes, options: Any) -> Any:
    import onnxruntime

    onnxruntime.disable_telemetry_events()
    source = str(model) if isinstance(model, Path) else model
    return onnxruntime.InferenceSession(source, options, providers=["CPUExecutionProvider"])


def _claim(path: Path) -> bool:
    """Whether this process is to make the copy: one worker makes it (2 s) while the others
    load the model (0.75 s) and start speaking, instead of all of them making it at once.

    The claim holds its maker's process id. A worker is stopped as soon as the narration needs
    it no more, perhaps while making the copy: a claim whose process is gone, or over a minute
    old, is taken over, and the parts it left are removed."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(2):
        try:
            claimed = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            if _maker_alive(path):
                return False
            with contextlib.suppress(OSError):
                path.unlink()
                for part in path.parent.glob(path.name.removesuffix(".making") + ".*.part"):
                    part.unlink()
            continue
        except OSError:  # a folder it cannot write to: the copy is made, and not saved
            return True
        with os.fdopen(claimed, "w", encoding="ascii") as mark:
            mark.write(str(os.getpid()))
        return True
    return False


def _maker_alive(claim: Path) -> bool:
    """Whether the process that made the claim may still be making the copy."""
    try:
        if time.time() - claim.stat().st_mtime > 60:
            return False
        maker = int(claim.read_text(encoding="ascii") or 0)
    except (OSError, ValueError):
        return False
    if not maker or os.name != "posix":  # just made, not yet written; or no kill(pid, 0)
        return True
    try:
        os.kill(maker, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:  # it exists, as another user's
        return True
    return True


def _save_copy(model: Path, optimized: Path, options: Any, config: Any) -> Any:
    """Optimise the model rewritten by voicegraph, or as it is when the rewrite does not speak
    as it does, and save the result as `optimized` (atomically; not at all if it cannot)."""
    temporary = optimized.with_name(f".{optimized.name}.{os.getpid()}.part")
    options.log_severity_level = 3  # errors only: onnxruntime notes every save on stderr
    with contextlib.suppress(OSError):
        optimized.parent.mkdir(parents=True, exist_ok=True)
        options.optimized_model_filepath = str(temporary)
    try:
        try:
            from narrate.speech.voicegraph import rewrite

            session = _open(rewrite(model, conv2d=_blocked_convolutions()), options)
            if not _speaks_alike(config, session, model):
                raise ValueError("it does not speak as the model does")
        except Exception as error:  # any voice the rewrite does not suit keeps its own graph
            log.info("not rewriting %s: %s", model.name, error)
            session = _open(model, options)
        with contextlib.suppress(OSError):  # another process may have saved it first: fine
            # The checksum first: a copy in place is never without its record.
            _checksum_path(optimized).write_text(_crc32(temporary), encoding="ascii")
            temporary.replace(optimized)
        _remove_stale_copies(optimized, model)
    finally:
        with contextlib.suppress(OSError):  # left by a failure
            temporary.unlink(missing_ok=True)
    return session


_MACHINE = platform.machine()


def _blocked_convolutions() -> bool:
    """Whether ONNX Runtime surely has its blocked (NCHWc) convolution kernels here, which the
    2-D rewrite is for: every x86-64 build has them. Only some ARM builds do, and the rewrite is
    not measured there, so other machines keep the model's own graph."""
    return _MACHINE.lower() in ("x86_64", "amd64")


def _remove_stale_copies(kept: Path, model: Path) -> None:
    """Copies of the model made for another ONNX Runtime, CPU or rewrite: 60 MB each."""
    stale = re.compile(re.escape(model.stem) + r"-[0-9a-f]{32}\.onnx(\.crc32)?")
    for copy in kept.parent.iterdir():
        if copy not in (kept, _checksum_path(kept)) and stale.fullmatch(copy.name):
            with contextlib.suppress(OSError):  # in use, on Windows
                copy.unlink()


def _speaks_alike(config: Any, session: Any, model: Path) -> bool:
    """Whether a rewritten model gives the model's own audio for a test sentence, noise off
    (within 0.001 of full scale: the rewrite should differ only by float rounding)."""
    import numpy as np
    import onnxruntime
    from piper import PiperVoice, SynthesisConfig

    # unoptimised: loads in 0.23 s instead of 0.53 s, and the test sentence is short
    original = _open(model, _options(0, onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL))
    voices = [PiperVoice(config=config, session=s) for s in (original, session)]
    phonemes = voices[0].phonemize("Testing, one two three.")[0]
    quiet = SynthesisConfig(noise_scale=0.0, noise_w_scale=0.0)
    expected, got = (
        np.asarray(v.phoneme_ids_to_audio(v.phonemes_to_ids(phonemes), quiet)) for v in voices
    )
    return bool(expected.shape == got.shape and np.abs(expected - got).max() < 1e-3)


def _cpu() -> str:
    """The machine and its instruction sets, which the optimised layouts are chosen for."""
    flags = platform.processor()
    with contextlib.suppress(OSError), Path("/proc/cpuinfo").open(encoding="utf-8") as info:
        flags = next((line for line in info if line.startswith(("flags", "Features"))), flags)
    return f"{platform.machine()}|{hashlib.sha256(flags.encode()).hexdigest()[:16]}"


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
