"""The registry of files written beside the audio matches the settings that ask for them."""

from __future__ import annotations

from dataclasses import fields

from narrate.outputs.writers import WRITERS
from narrate.settings import Outputs


def test_every_output_setting_has_a_writer_and_every_writer_a_setting() -> None:
    assert sorted(f.name for f in fields(Outputs)) == sorted(WRITERS)
