"""What pip installs is the whole package: every module and data file of the source tree is in
the installed distribution (a file missing from the package data would pass every other test,
which run from the source tree)."""

from __future__ import annotations

import json
import sysconfig
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _installed() -> metadata.Distribution:
    # Looked up in site-packages only: a build leaves narrate.egg-info in the source tree too.
    found = list(metadata.distributions(name="narrate", path=[sysconfig.get_paths()["purelib"]]))
    if not found:
        pytest.skip("narrate is not installed")
    dist = found[0]
    direct = dist.read_text("direct_url.json")
    if direct and json.loads(direct).get("dir_info", {}).get("editable"):
        pytest.skip("an editable install: the source tree is what is installed")
    return dist


def test_the_installed_distribution_holds_every_file_of_the_package() -> None:
    dist = _installed()
    installed = {str(path) for path in dist.files or () if str(path).startswith("narrate/")}
    source = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "narrate").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert source - installed == set()


def test_the_installed_version_is_the_project_version() -> None:
    dist = _installed()
    declared = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{dist.version}"' in declared
