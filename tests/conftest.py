"""Shared fixtures: a fake voice for fast tests, the real voice for end-to-end ones, and user
folders pointed at temporary directories so no test touches the real cache or data."""

from __future__ import annotations

import math
import os
import socket
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import settings

from narrate.model import Clip

if TYPE_CHECKING:
    from narrate.speech.piper import Voice

# In CI the property tests run a fixed set of examples, so a run cannot fail by luck; locally
# they keep exploring new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

FIXTURES = Path(__file__).parent / "fixtures"
CHROMIUM = Path("/usr/bin/chromium")
# Headless and quiet: without the background-networking flags Chromium keeps trying hosts that
# this closed network refuses.
CHROMIUM_ARGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)  # fmt: skip


@contextmanager
def chromium(*extra_args: str) -> Iterator[Any]:
    """Debian's Chromium through Playwright; the test is skipped where either is missing."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, *extra_args]
        )
        yield browser
        browser.close()


class FakeVoice:
    """Speaks a quiet tone of exactly `ms_per_char` milliseconds per character of text."""

    def __init__(self, sample_rate: int = 16000, ms_per_char: int = 10) -> None:
        self.sample_rate = sample_rate
        self.ms_per_char = ms_per_char
        self.spoken: list[str] = []

    def samples_for(self, text: str) -> int:
        return self.sample_rate * self.ms_per_char * len(text) // 1000

    def speak(self, text: str) -> Clip:
        self.spoken.append(text)
        n = self.samples_for(text)
        tone = (int(8000 * math.sin(2 * math.pi * 220 * i / self.sample_rate)) for i in range(n))
        return Clip(pcm=struct.pack(f"<{n}h", *tone), sample_rate=self.sample_rate)


def speak_with(monkeypatch: pytest.MonkeyPatch, voice: FakeVoice) -> FakeVoice:
    """Make every narration in this process speak with `voice`: it is registered as the Piper
    engine, an in-process one (worker processes would have their own copy of the fake)."""
    from narrate.speech import engines

    fake = engines.Engine(lambda *_: voice, in_process=True)
    monkeypatch.setitem(engines.ENGINES, "piper", fake)
    return voice


@pytest.fixture
def fake_voice() -> FakeVoice:
    return FakeVoice()


@pytest.fixture(scope="session")
def real_voice() -> Voice:
    """The pip-installed default Piper voice, loaded once for the whole run."""
    from narrate.speech.catalog import packaged_voice
    from narrate.speech.piper import Voice

    return Voice(packaged_voice())


@pytest.fixture(scope="session")
def timed_voice(tmp_path_factory: pytest.TempPathFactory) -> Voice:
    """The default voice from the optimised copy narrate makes (it gives word timings), with
    its noise off: the tests that use it compare times and levels, which the noise moves."""
    from narrate.settings import SpeechSettings
    from narrate.speech.catalog import packaged_voice
    from narrate.speech.piper import Voice

    quiet = SpeechSettings(noise=False)
    return Voice(packaged_voice(), quiet, optimized_dir=tmp_path_factory.mktemp("models"))


_LOOPBACK = ("127.", "::1", "localhost")


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never need the internet: a lookup of any host but this machine fails loudly."""
    lookup = socket.getaddrinfo

    def guarded(host: object, *args: object, **kwargs: object) -> object:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if host is not None and not name.startswith(_LOOPBACK):
            raise AssertionError(f"a test tried to reach {name}: tests stay on 127.0.0.1")
        return lookup(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", guarded)


@pytest.fixture(autouse=True)
def _private_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    for variable in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    monkeypatch.delenv("NARRATE_VOICES", raising=False)
