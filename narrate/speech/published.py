"""The voices Piper publishes: its own `voices.json`, shipped with narrate, and their licences.

`data/piper_voices.json` is Piper's catalogue file as it is (key, language, quality, speakers,
and each file's path, size and md5), so a newer one can replace it (`narrate voices refresh`
saves it in the user data folder, which wins). `data/voice_licences.json` adds what Piper's file
lacks: each voice's licence, its dataset and what the licence asks of a user. Finding the voices
installed on this machine is narrate.speech.catalog's job; fetching them, narrate.speech.download's.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

from narrate.errors import VoiceError
from narrate.paths import user_voice_catalog

log = logging.getLogger(__name__)

QUALITIES: Final = ("x_low", "low", "medium", "high")
# Piper trains each quality at one sample rate (its training docs; every voice whose config
# narrate has read agrees), and voices.json does not repeat it
SAMPLE_RATES: Final = {"x_low": 16000, "low": 16000, "medium": 22050, "high": 22050}
CATALOG_FILE: Final = "piper_voices.json"
NONCOMMERCIAL: Final = "noncommercial"
UNVERIFIED: Final = "unverified"


@dataclass(frozen=True)
class VoiceFile:
    path: str
    """Path inside Piper's voice repository, e.g. "de/de_DE/thorsten/medium/...onnx"."""
    size: int
    md5: str


@dataclass(frozen=True)
class PublishedVoice:
    """One voice of the catalogue."""

    key: str
    """`de_DE-thorsten-medium`: the name to download and to use with --voice."""
    language: str
    """Piper's language code, `de_DE`."""
    language_name: str
    quality: str
    speakers: int
    files: tuple[VoiceFile, ...]
    license: str = ""
    """The licence as its MODEL_CARD states it; "" when narrate has not verified it."""
    use: str = UNVERIFIED
    """none, credit, copyleft, unclear, noncommercial, or unverified."""
    dataset: str = ""
    note: str = ""

    @property
    def family(self) -> str:
        return self.language.split("_")[0].lower()

    @property
    def sample_rate(self) -> int:
        return SAMPLE_RATES.get(self.quality, 0)

    @property
    def size(self) -> int:
        return sum(f.size for f in self.files)

    @property
    def commercial_ok(self) -> bool:
        """Whether the licence is known to allow commercial use (a credit line may be due)."""
        return self.use in ("none", "credit", "copyleft")

    @property
    def credit(self) -> str:
        """The credit line the licence asks for, or "" when it asks none."""
        if self.use in ("none", UNVERIFIED) or not self.license:
            return ""
        data = f", trained on {self.dataset}" if self.dataset else ""
        return f"Piper voice {self.key}{data}, {self.license}."

    def file(self, suffix: str) -> VoiceFile:
        for item in self.files:
            if item.path.endswith(suffix):
                return item
        raise VoiceError(f"the catalogue lists no {suffix} file for voice {self.key}")


def user_catalog_path() -> Path:
    """Where `narrate voices refresh` keeps a newer catalogue; it wins over the shipped one."""
    return user_voice_catalog()


def _shipped(name: str) -> Any:
    return json.loads(resources.files("narrate").joinpath("data", name).read_text("utf-8"))


def parse_catalog(data: Any, licences: dict[str, Any] | None = None) -> list[PublishedVoice]:
    """Piper's voices.json (a mapping of key to voice) as PublishedVoice, sorted by key."""
    if not isinstance(data, dict) or not data:
        raise VoiceError("the voice catalogue is not Piper's voices.json (a mapping of voices)")
    licences = licences if licences is not None else _licences()
    voices = []
    for key, entry in sorted(data.items()):
        try:
            files = tuple(
                VoiceFile(path, int(f["size_bytes"]), str(f["md5_digest"]))
                for path, f in entry["files"].items()
            )
            language = entry["language"]
            extra = licences.get(key, {})
            voices.append(
                PublishedVoice(
                    key=key,
                    language=language["code"],
                    language_name=language.get("name_english", ""),
                    quality=entry.get("quality", ""),
                    speakers=int(entry.get("num_speakers", 1)),
                    files=files,
                    license=extra.get("license", ""),
                    use=extra.get("use", UNVERIFIED),
                    dataset=extra.get("dataset", ""),
                    note=extra.get("note", ""),
                )
            )
        except (KeyError, TypeError, ValueError) as error:
            raise VoiceError(f"voice catalogue entry {key!r} is malformed: {error}") from None
    return voices


@lru_cache(maxsize=4)
def _load(path: Path | None, mtime: float) -> tuple[PublishedVoice, ...]:
    if path is None:
        return tuple(parse_catalog(_shipped(CATALOG_FILE)))
    try:
        return tuple(parse_catalog(json.loads(path.read_text(encoding="utf-8"))))
    except (OSError, ValueError) as error:
        raise VoiceError(f"cannot read the voice catalogue {path}: {error}") from None


def published_voices() -> list[PublishedVoice]:
    """Every voice in the catalogue: the refreshed copy if there is one, else the shipped one."""
    path = user_catalog_path()
    if path.is_file():
        return list(_load(path, path.stat().st_mtime))
    return list(_load(None, 0.0))


def select(
    voices: list[PublishedVoice], language: str | None = None, quality: str | None = None
) -> list[PublishedVoice]:
    """Voices of a language ("de", "de_DE" or "de-DE") and/or a quality."""
    if quality and quality not in QUALITIES:
        raise VoiceError(f"unknown quality {quality!r}: choose one of {', '.join(QUALITIES)}")
    wanted = (language or "").replace("-", "_").lower()
    return [
        v
        for v in voices
        if (not wanted or v.language.lower() == wanted or v.family == wanted)
        and (not quality or v.quality == quality)
    ]


@lru_cache(maxsize=1)
def _licences() -> dict[str, Any]:
    return dict(_shipped("voice_licences.json")["voices"])


def licence_of(key: str) -> PublishedVoice | None:
    """A voice's licence, dataset and credit line, from the small licence file alone (finding
    an installed voice needs no more); None when narrate has not verified its licence."""
    extra = _licences().get(key)
    if extra is None:
        return None
    return PublishedVoice(
        key=key, language=key.split("-")[0], language_name="", quality="", speakers=1, files=(),
        license=extra.get("license", ""), use=extra.get("use", UNVERIFIED),
        dataset=extra.get("dataset", ""), note=extra.get("note", ""),
    )  # fmt: skip


def lookup(key: str) -> PublishedVoice | None:
    """The catalogue entry of a voice by name (an installed voice's licence and credit line)."""
    return next((voice for voice in published_voices() if voice.key == key), None)


def published_voice(key: str) -> PublishedVoice:
    if voice := lookup(key):
        return voice
    raise VoiceError(f"no voice named {key!r} in the catalogue; see 'narrate voices --all'")


def best_for(language: str) -> PublishedVoice:
    """The voice to suggest for a language: usable commercially first, then quality, speakers.

    Among voices of the language's region (de_DE for "de-DE"), or of the family for "de".
    """
    voices = select(published_voices(), language.split("-")[0].split("_")[0])
    if not voices:
        raise VoiceError(f"Piper publishes no voice for language {language!r}")
    region = language.replace("-", "_").lower()
    rank = {q: i for i, q in enumerate(QUALITIES)}
    # medium is Piper's usual size/quality balance; high is larger and slower to synthesise
    prefer = {"medium": 3, "high": 2, "low": 1, "x_low": 0}
    return max(
        voices,
        key=lambda v: (v.language.lower() == region, v.commercial_ok, v.use != UNVERIFIED,
                       v.speakers == 1, prefer.get(v.quality, rank.get(v.quality, 0))),
    )  # fmt: skip
