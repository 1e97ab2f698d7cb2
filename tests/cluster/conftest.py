"""A real cluster for the session: Redis and an S3-compatible server (moto) on 127.0.0.1, and
two `narrate worker`s, each started here and stopped by its process id.

The workers speak with a copy of the default voice whose noise is off, so that a sentence gives
the same samples on every machine and every run, and outputs can be compared byte for byte.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("celery", reason="the cluster extra is not installed: pip install '.[cluster]'")
pytest.importorskip("s3fs", reason="the cluster extra is not installed: pip install '.[cluster]'")

REDIS = shutil.which("redis-server")
BUCKET = "narrate-test"
WORKERS = ("w1", "w2")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited at start with status {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"{what} did not open port {port}")


def stop_process(process: subprocess.Popen[Any], group: bool = False) -> None:
    """Stop a process we started, by its id (and its children, by its process group)."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM) if group else process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL) if group else process.kill()
        process.wait(5)


def start_redis(folder: Path, port: int, *options: str) -> subprocess.Popen[bytes]:
    """A redis-server on 127.0.0.1:`port` keeping its files in `folder`, once it listens."""
    if REDIS is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    command = [REDIS, "--bind", "127.0.0.1", "--port", str(port), "--save", "",
               "--appendonly", "no", "--dir", str(folder), *options]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_port(port, process, "redis-server")
    return process


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    process = start_redis(tmp_path_factory.mktemp("redis"), port)
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop_process(process)


@pytest.fixture(scope="session")
def s3_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """moto's S3 server on 127.0.0.1, and the AWS_* variables that point clients at it."""
    port = free_port()
    server = Path(sys.executable).with_name("moto_server")
    process = subprocess.Popen(
        [str(server), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}",
    }
    try:
        wait_for_port(port, process, "moto_server")
        with pytest.MonkeyPatch.context() as patch:
            for name, value in env.items():
                patch.setenv(name, value)
            import fsspec

            fsspec.filesystem("s3", skip_instance_cache=True).mkdir(BUCKET)
            yield env
    finally:
        stop_process(process)


@pytest.fixture
def store_url(s3_env: dict[str, str], request: pytest.FixtureRequest) -> str:
    """A prefix of its own in the bucket for each test: nothing carries over between tests."""
    return f"s3://{BUCKET}/{request.node.name}-{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="session")
def quiet_voice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default voice with its noise off: the same samples for the same text, every time."""
    from narrate.speech.catalog import packaged_voice

    info = packaged_voice()
    folder = tmp_path_factory.mktemp("voice")
    model = folder / "en_US-quiet-medium.onnx"
    model.symlink_to(info.model)
    config = json.loads(info.config.read_text(encoding="utf-8"))
    config["inference"].update(noise_scale=0.0, noise_w=0.0)
    Path(f"{model}.json").write_text(json.dumps(config), encoding="utf-8")
    return model


@dataclass
class Cluster:
    """The session's broker, workers and their environment."""

    broker: str
    voice: Path
    env: dict[str, str]
    cache_home: Path
    """The workers' XDG_CACHE_HOME: where their optimised voice model is kept."""
    logs: Path
    workers: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    starts: dict[str, int] = field(default_factory=dict)
    options: tuple[str, ...] = ()
    """More options for `narrate worker`."""

    def start(self, name: str) -> None:
        self.starts[name] = self.starts.get(name, 0) + 1
        with (self.logs / f"{name}.log").open("ab") as log:  # the worker keeps its own copy
            self.workers[name] = subprocess.Popen(
                [sys.executable, "-m", "narrate", "worker", "--broker", self.broker,
                 "--concurrency", "1", "--name", f"{name}@test", "--voice", str(self.voice),
                 *self.options],
                env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip

    def wait_ready(self, count: int = len(WORKERS), timeout: float = 90) -> None:
        """Until `count` workers answer a ping with their voices loaded."""
        app = self.app()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for name, process in self.workers.items():
                if process.poll() is not None:
                    log = (self.logs / f"{name}.log").read_text(errors="replace")[-2000:]
                    raise RuntimeError(f"worker {name} exited:\n{log}")
            if len(app.control.ping(timeout=0.5)) >= count and self._voices_loaded():
                return
        raise RuntimeError(f"fewer than {count} workers answered in {timeout} s")

    def _voices_loaded(self) -> bool:
        """Whether every worker's process has loaded its voice, as the worker logs it."""
        from narrate.cluster.tasks import VOICE_LOADED

        return all(
            (self.logs / f"{name}.log").read_text(errors="replace").count(VOICE_LOADED) >= starts
            for name, starts in self.starts.items()
        )

    def kill(self, name: str) -> None:
        """SIGKILL a whole worker: its main process and its pool, as when a machine dies."""
        os.killpg(self.workers[name].pid, signal.SIGKILL)
        self.workers[name].wait(5)

    def pool_pids(self, name: str) -> list[int]:
        """The worker's pool processes (the children of its main process)."""
        pid = self.workers[name].pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return [int(child) for child in children]

    def app(self) -> Any:
        from narrate.cluster.celeryapp import make_app

        return make_app(self.broker)

    def stop(self) -> None:
        for process in self.workers.values():
            stop_process(process, group=True)


@pytest.fixture(scope="session")
def cluster(
    redis_url: str,
    s3_env: dict[str, str],
    quiet_voice: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Cluster]:
    cache_home = tmp_path_factory.mktemp("worker-cache")
    _optimise_voice(quiet_voice, cache_home / "narrate" / "models")
    env = {**os.environ, **s3_env, "XDG_CACHE_HOME": str(cache_home), "NARRATE_STORE": ""}
    env.pop("NARRATE_BROKER", None)
    running = Cluster(redis_url, quiet_voice, env, cache_home, tmp_path_factory.mktemp("logs"))
    try:
        for name in WORKERS:
            running.start(name)
        running.wait_ready()
        yield running
    finally:
        running.stop()


def _optimise_voice(model: Path, folder: Path) -> None:
    """Save the optimised copy of the voice before the workers start. Otherwise one worker
    makes it while the others speak with the model as it is, which differs in the last bits."""
    from narrate.speech.catalog import find_voice
    from narrate.speech.piper import Voice

    Voice(find_voice(str(model)), optimized_dir=folder)
