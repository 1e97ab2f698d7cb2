"""Voice engines: what speaks a voice, by the engine its catalogue entry names.

Each engine is a module with `open_voice(info, speech, threads, optimized_dir) -> Speaker`,
imported only when a voice of its kind is first spoken. Adding an engine is one module and one
line in ENGINES. Tests register a fake the same way (an in-process engine).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from narrate.model import Clip, VoiceInfo
from narrate.settings import SpeechSettings


class Speaker(Protocol):
    """What the pipeline needs of a voice."""

    @property
    def sample_rate(self) -> int: ...

    def speak(self, text: str) -> Clip: ...


VoiceOpener = Callable[[VoiceInfo, SpeechSettings, int, Path | None], Speaker]
"""(voice, how it speaks, threads (0: the engine's choice), folder for optimised models)."""


@dataclass(frozen=True)
class Engine:
    opener: str | VoiceOpener
    """The module that opens its voices (imported when first needed), or the function itself."""
    in_process: bool = False
    """Speak in this process rather than in worker processes (a fake, or a very light engine)."""

    def open(
        self,
        info: VoiceInfo,
        speech: SpeechSettings,
        threads: int = 0,
        optimized_dir: Path | None = None,
    ) -> Speaker:
        opener = self.opener
        if isinstance(opener, str):
            opener = importlib.import_module(opener).open_voice
        return opener(info, speech, threads, optimized_dir)


ENGINES: dict[str, Engine] = {
    "piper": Engine("narrate.speech.piper"),
}


def engine_for(info: VoiceInfo) -> Engine:
    return ENGINES[info.engine]
