"""One episode with the real, pip-installed Piper voice: no fakes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from narrate import feed
from narrate.audio import assembly as audio
from narrate.settings import Settings
from tests.feed.conftest import SLUGS, Site
from tests.feed.helpers import local, parsed

pytestmark = pytest.mark.slow


def test_a_real_narration_becomes_a_valid_episode(tmp_path: Path, site: Site) -> None:
    folder = tmp_path / "pod"
    feed.init(folder, "Courier, narrated", "https://example.org/pod/")
    report = feed.add(folder, [site.url(SLUGS[2])], Settings())
    assert [o.status for o in report.outcomes] == ["added"], report
    entry = parsed(folder).entries[0]
    enclosure = next(link for link in entry.links if link.rel == "enclosure")
    mp3 = local(folder, enclosure.href)
    assert int(enclosure.length) == mp3.stat().st_size
    seconds = audio.duration(mp3)
    assert abs(int(entry.itunes_duration) - seconds) <= 1
    assert 10 < seconds < 60
    pcm = np.frombuffer(audio.decode_pcm(mp3, 22050), dtype=np.int16)
    assert np.abs(pcm).max() > 8000  # real speech, not silence
    assert "reading room" in local(folder, entry.podcast_transcript["url"]).read_text()
