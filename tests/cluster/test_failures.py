"""Workers die mid-job (SIGKILL): the narration still completes, every sentence spoken and
stored exactly once."""

from __future__ import annotations

import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from narrate import pipeline
from narrate.cluster.celeryapp import RESTORE_INTERVAL_S, VISIBILITY_TIMEOUT_S
from narrate.cluster.objectstore import Store
from narrate.cluster.remote import segment_object
from narrate.settings import Settings
from tests.cluster.articles import write_article
from tests.cluster.conftest import Cluster
from tests.cluster.test_remote import cluster_settings, narrate

pytestmark = pytest.mark.slow


def busy_process(app: Any, worker: str, timeout: float = 60) -> int:
    """The process id of `worker`'s pool process, once it is running a task."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        active = app.control.inspect(destination=[worker], timeout=0.5).active() or {}
        for task in active.get(worker, []):
            return int(task["worker_pid"])
    raise AssertionError(f"{worker} never took a task")


def assert_each_sentence_once(result: pipeline.Result, settings: Settings, store: str) -> None:
    """Every sentence reached the store, once, and none was spoken again after it was there.

    A sentence whose task came back saying "already stored" was spoken twice, unless it was
    the killed process's: that one may have stored its clip in the few milliseconds before it
    would have reported, and then its redelivered task finds the clip. So one, at most."""
    keys = set(pipeline.synthesizer_for(settings, result.voice).keys(result.script.segments))
    assert Store(store).keys("segments/") == sorted(segment_object(key) for key in keys)
    assert len(keys) - 1 <= result.stats.synthesised <= len(keys)
    assert len(result.narration.cues) == len(result.script.segments)


def test_a_worker_process_killed_mid_sentence_loses_nothing(
    cluster: Cluster, store_url: str, tmp_path: Path
) -> None:
    source = write_article(tmp_path, "Crawley", 20)
    settings = cluster_settings(cluster, store_url)
    with ThreadPoolExecutor(1) as runner:
        job = runner.submit(narrate, source, tmp_path / "out.mp3", settings)
        victim = busy_process(cluster.app(), "w1@test")
        os.kill(victim, signal.SIGKILL)  # as the kernel's OOM killer would
        result = job.result(timeout=120)

    assert victim not in cluster.pool_pids("w1")  # it died, and the worker replaced it
    assert_each_sentence_once(result, settings, store_url)
    assert len(result.script.segments) == 21


def test_a_whole_worker_killed_mid_job_has_its_work_redone(
    cluster: Cluster, store_url: str, tmp_path: Path
) -> None:
    source = write_article(tmp_path, "Dorking", 16)
    settings = cluster_settings(cluster, store_url)
    try:
        with ThreadPoolExecutor(1) as runner:
            job = runner.submit(narrate, source, tmp_path / "out.mp3", settings)
            busy_process(cluster.app(), "w2@test")
            killed = time.monotonic()
            cluster.kill("w2")  # main process and pool: the machine is gone
            result = job.result(timeout=120)
        waited = time.monotonic() - killed
    finally:
        cluster.start("w2")
        cluster.wait_ready()

    # the lost sentence comes back after the visibility timeout, at the next restore
    assert waited < VISIBILITY_TIMEOUT_S + RESTORE_INTERVAL_S + 15
    assert_each_sentence_once(result, settings, store_url)
    assert len(result.script.segments) == 17
