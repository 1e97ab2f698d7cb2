"""The broker's side of reliability, each test with a Redis and workers of its own: a task
that outlives the visibility timeout runs once; a broker restarted mid-job loses nothing."""

from __future__ import annotations

import contextlib
import gc
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from narrate import pipeline
from narrate.cluster import throughput
from narrate.cluster.celeryapp import BATCH, INTERACTIVE, SPEAK_TASK
from narrate.cluster.remote import RemoteSynthesizer
from narrate.cluster.status import UNACKED
from narrate.speech.catalog import find_voice
from tests.cluster.articles import write_article
from tests.cluster.conftest import Cluster, free_port, start_redis, stop_process
from tests.cluster.test_failures import busy_process
from tests.cluster.test_remote import cluster_settings, narrate

pytestmark = pytest.mark.slow


@dataclass
class Broker:
    """A redis-server of the test's own, which it may stop and start again on the same port."""

    folder: Path
    port: int
    options: tuple[str, ...] = ()
    process: Any = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = start_redis(self.folder, self.port, *self.options)

    def stop(self) -> None:
        stop_process(self.process)


@contextlib.contextmanager
def own_cluster(
    cluster: Cluster, folder: Path, workers: int, *options: str
) -> Iterator[tuple[Broker, Cluster]]:
    """A broker and `workers` workers (with `options`) apart from the session's cluster."""
    broker = Broker(folder, free_port())
    broker.start()
    logs = folder / "logs"
    logs.mkdir()
    own = Cluster(broker.url, cluster.voice, cluster.env, cluster.cache_home, logs,
                  options=options)  # fmt: skip
    try:
        for n in range(workers):
            own.start(f"own{n}")
        own.wait_ready(workers)
        yield broker, own
    finally:
        own.stop()
        broker.stop()


def long_text(sentences: int) -> str:
    tag = uuid.uuid4().hex[:6]
    return " ".join(f"Item {n + 1} of the report {tag} was read aloud to the whole committee."
                    for n in range(sentences))  # fmt: skip


def test_a_task_longer_than_the_visibility_timeout_runs_once(
    cluster: Cluster, store_url: str, tmp_path: Path
) -> None:
    # visibility 1 s, looked for every second: without the worker marking the work it holds,
    # the sentence would be handed out again after a second or two, and run a second time
    with own_cluster(cluster, tmp_path, 1, "--visibility-timeout", "1") as (_, own):
        settings = replace(cluster_settings(own, store_url), broker=own.broker)
        synthesizer = pipeline.synthesizer_for(settings, find_voice(settings.voice))
        assert isinstance(synthesizer, RemoteSynthesizer)
        text = long_text(20)
        key = synthesizer.keys([], [text])[0]
        app = own.app()
        outcome = app.send_task(SPEAK_TASK, synthesizer.arguments(key, text)).get(timeout=180)
        time.sleep(3)  # a second delivery would be running or done by now: the worker is idle

        assert outcome["finished"] - outcome["started"] > 4  # well past the timeout
        assert sum(throughput.recent(app, "sentences", 5)) == 1  # one run: a fresh Redis
        with app.connection_for_write() as connection:
            client = connection.default_channel.client
            assert (client.llen(INTERACTIVE), client.llen(BATCH), client.hlen(UNACKED)) == (0, 0, 0)


def test_the_broker_restarted_mid_job_loses_nothing(
    cluster: Cluster, store_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Redis stopped and started again (without its files: every queued task gone) while an
    article is being spoken: the narration still completes, every sentence in it."""
    source = write_article(tmp_path, "Kendal", 14)
    with own_cluster(cluster, tmp_path, 2) as (broker, own):
        settings = replace(cluster_settings(own, store_url), broker=own.broker)
        with ThreadPoolExecutor(1) as runner:
            job = runner.submit(narrate, source, tmp_path / "out.mp3", settings)
            busy_process(own.app(), "own0@test")
            broker.stop()
            time.sleep(1)
            broker.start()
            result = job.result(timeout=180)
        # The tasks sent before the restart were never answered: their results, held in this
        # process's Celery app, are let go now, while their Redis answers. Collected later,
        # after it is stopped, they raise in __del__ inside whichever test runs then.
        del job
        gc.collect()
    assert len(result.narration.cues) == len(result.script.segments) == 15
    assert (tmp_path / "out.mp3").read_bytes()[:3] == b"ID3"
    assert f"the broker {broker.url} restarted: asking again for " in caplog.text


def test_a_broker_gone_for_good_mid_job_is_one_line(
    cluster: Cluster, store_url: str, tmp_path: Path
) -> None:
    source = write_article(tmp_path, "Ludlow", 14)
    with own_cluster(cluster, tmp_path, 1) as (broker, own):
        client = {**own.env, "XDG_CACHE_HOME": str(tmp_path / "client-cache")}
        out = tmp_path / "out.mp3"
        command = [sys.executable, "-m", "narrate", str(source), "-o", str(out), "--voice",
                   str(own.voice), "--broker", own.broker, "--store", store_url]  # fmt: skip
        narration = subprocess.Popen(command, env=client, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)  # fmt: skip
        try:
            busy_process(own.app(), "own0@test")
            broker.stop()
            _, errors = narration.communicate(timeout=120)  # no hang
        finally:
            stop_process(narration)
    assert narration.returncode == 1
    assert errors.startswith(f"narrate: error: lost the broker {broker.url}"), errors
    assert errors.count("\n") == 1, errors  # one line, no traceback
    assert not (tmp_path / "out.mp3").exists()
