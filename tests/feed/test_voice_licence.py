"""A feed names its voice's licence in every item, and warns when the licence is non-commercial."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from narrate import feed
from narrate.settings import Settings
from narrate.speech.catalog import packaged_voice
from tests.conftest import FakeVoice
from tests.feed.conftest import Site
from tests.feed.helpers import parsed


def test_a_non_commercial_voice_is_named_and_warned_about(
    tmp_path: Path,
    site: Site,
    fake: FakeVoice,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    voices = tmp_path / "voices"
    voices.mkdir()
    joe = packaged_voice()  # under the name of a voice whose licence forbids commercial use
    (voices / "en_US-lessac-medium.onnx").symlink_to(joe.model)
    (voices / "en_US-lessac-medium.onnx.json").write_bytes(joe.config.read_bytes())
    monkeypatch.setenv("NARRATE_VOICES", str(voices))
    folder = tmp_path / "pod"
    feed.init(folder, "Courier, narrated", "https://example.org/pod")
    with caplog.at_level(logging.WARNING, logger="narrate"):
        feed.add(folder, [site.url("harbour-cranes")],
                 Settings(jobs=1, voice="en_US-lessac-medium"))  # fmt: skip
    warnings = [r.getMessage() for r in caplog.records if "non-commercial" in r.getMessage()]
    assert warnings and "en_US-lessac-medium" in warnings[0]
    summary = parsed(folder).entries[0].summary
    assert "en_US-lessac-medium" in summary and "blizzard" in summary.lower()
