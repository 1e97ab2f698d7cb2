"""Fake voices for the server tests where the voice is not the point."""

from __future__ import annotations

import threading
import time

from narrate.model import Clip
from tests.conftest import FakeVoice

RATE = 22050  # the default voice's rate, which the synthesizer reads from its config


class SlowVoice(FakeVoice):
    """The fake voice, taking `seconds` per segment, and able to be held still."""

    def __init__(self, seconds: float = 0.15) -> None:
        super().__init__(sample_rate=RATE)
        self.seconds = seconds
        self.running = threading.Event()
        self.lock = threading.Lock()

    def speak(self, text: str) -> Clip:
        self.running.set()
        time.sleep(self.seconds)
        with self.lock:
            return super().speak(text)


def quick() -> FakeVoice:
    return FakeVoice(sample_rate=RATE)
