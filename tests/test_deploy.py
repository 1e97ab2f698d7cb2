"""The Compose file in deploy/: no Docker here, so it is checked as far as it can be without one.

It must be a valid Compose file (the Compose Specification's own schema, as check-jsonschema
ships it), hold what the README promises (Redis, an S3-compatible store, two workers, the
server), publish nothing beyond 127.0.0.1, and give narrate only commands and variables that
narrate really takes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "deploy" / "compose.yaml"
NARRATE_IMAGE = "narrate-cluster"


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    return loaded


def narrate_services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        name: service
        for name, service in compose["services"].items()
        if service.get("image") == NARRATE_IMAGE
    }


def test_the_compose_file_is_valid_by_the_compose_specification() -> None:
    checker = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    assert checker, "check-jsonschema comes with the test extra"
    run = subprocess.run(
        [checker, "--builtin-schema", "vendor.compose-spec", str(COMPOSE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_it_holds_a_broker_a_store_two_workers_and_the_server(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert services["redis"]["image"].startswith("redis:")
    assert services["minio"]["image"].startswith("minio/minio")
    ours = narrate_services(compose)
    assert ours["worker"]["command"] == ["worker"]
    assert ours["worker"]["deploy"]["replicas"] >= 2
    assert ours["server"]["command"][0] == "serve"
    for service in ours.values():
        environment = service["environment"]
        assert environment["NARRATE_BROKER"] == "redis://redis:6379/0"
        assert environment["NARRATE_STORE"].startswith("s3://")
        assert environment["AWS_ENDPOINT_URL"] == "http://minio:9000"


def test_nothing_is_published_beyond_loopback(compose: dict[str, Any]) -> None:
    published = [port for s in compose["services"].values() for port in s.get("ports", [])]
    assert published
    assert all(str(port).startswith("127.0.0.1:") for port in published)


def test_the_server_beyond_loopback_has_an_api_key(compose: dict[str, Any]) -> None:
    server = narrate_services(compose)["server"]
    assert server["command"][server["command"].index("--host") + 1] == "0.0.0.0"
    assert server["environment"]["NARRATE_API_KEY"]


@pytest.mark.parametrize("service", ["worker", "server"])
def test_each_command_is_one_narrate_takes(compose: dict[str, Any], service: str) -> None:
    """Unknown subcommands and options fail while the arguments are parsed, before --help."""
    command = narrate_services(compose)[service]["command"]
    run = subprocess.run(
        [sys.executable, "-m", "narrate", *command, "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "Usage:" in run.stdout


def test_the_variables_given_are_the_ones_narrate_reads(compose: dict[str, Any]) -> None:
    sources = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "narrate").rglob("*.py"))
    for service in narrate_services(compose).values():
        for name in service["environment"]:
            if name.startswith("NARRATE_"):
                assert f'"{name}"' in sources, f"narrate reads no {name}"


def test_the_image_installs_the_cluster_extra() -> None:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    assert "cluster" in extras
    assert "'/src[cluster]'" in (ROOT / "deploy" / "Dockerfile").read_text(encoding="utf-8")
