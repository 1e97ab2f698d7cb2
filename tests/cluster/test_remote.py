"""Narrating through the cluster: the same output as on one machine, and nothing done twice."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from narrate import pipeline
from narrate.cluster import throughput
from narrate.cluster.objectstore import Store
from narrate.cluster.remote import RemoteSynthesizer, segment_object
from narrate.settings import Outputs, Settings
from narrate.speech.catalog import find_voice
from narrate.speech.segmentcache import clip_from_bytes
from tests.cluster.articles import write_article
from tests.cluster.conftest import Cluster

pytestmark = pytest.mark.slow


def cluster_settings(cluster: Cluster, store: str) -> Settings:
    """A client with a fresh sentence cache of its own, and the cluster's voice."""
    fresh = cluster.cache_home / "client" / uuid.uuid4().hex[:8]
    return Settings(voice=str(cluster.voice), cover=False, cache_dir=fresh, broker=cluster.broker,
                    store=store)  # fmt: skip


def narrate(source: Path, out: Path, settings: Settings) -> pipeline.Result:
    return pipeline.narrate_script(pipeline.prepare(str(source), settings), out, settings)


def narrate_here(cluster: Cluster, source: Path, out: Path) -> list[dict[str, object]]:
    """Narrate on this machine alone, as a user does (two voice processes), with the workers'
    optimised voice model; the cues of its JSON transcript.

    In a process of its own: the voice processes it forks would take this process's broker
    connections with them."""
    transcript = out.with_suffix(".json")
    subprocess.run(
        [sys.executable, "-m", "narrate", str(source), "-o", str(out), "--voice",
         str(cluster.voice), "-j", "2", "--timings", str(transcript), "-q"],
        env={**cluster.env, "XDG_CACHE_HOME": str(cluster.cache_home)}, check=True,
    )  # fmt: skip
    segments: list[dict[str, object]] = json.loads(transcript.read_text())["segments"]
    return segments


def test_cluster_output_is_the_local_output(
    cluster: Cluster, store_url: str, tmp_path: Path
) -> None:
    source = write_article(tmp_path, "Ashford", 9)
    local = narrate_here(cluster, source, tmp_path / "local.mp3")
    settings = replace(cluster_settings(cluster, store_url),
                       outputs=Outputs(timings=tmp_path / "cluster.json"))  # fmt: skip
    remote = narrate(source, tmp_path / "cluster.mp3", settings)

    assert remote.stats.synthesised == len(remote.script.segments) == 10  # title and 9
    # the same segments, in the same order, at the same times
    assert json.loads((tmp_path / "cluster.json").read_text())["segments"] == local
    # noise off: the same samples, and LAME encodes the same samples to the same bytes
    assert (tmp_path / "cluster.mp3").read_bytes() == (tmp_path / "local.mp3").read_bytes()


def test_a_second_run_synthesises_nothing(cluster: Cluster, store_url: str, tmp_path: Path) -> None:
    source = write_article(tmp_path, "Bexley", 6)
    first = narrate(source, tmp_path / "first.mp3", cluster_settings(cluster, store_url))
    assert first.stats.synthesised == 7
    spoken = sum(throughput.recent(cluster.app(), "sentences", 2))

    # another machine: its own (empty) sentence cache, the same store
    again = narrate(source, tmp_path / "again.mp3", cluster_settings(cluster, store_url))

    assert again.stats.synthesised == 0
    assert again.stats.hits == 7
    assert sum(throughput.recent(cluster.app(), "sentences", 2)) == spoken  # no task ran
    assert (tmp_path / "again.mp3").read_bytes() == (tmp_path / "first.mp3").read_bytes()


def test_two_workers_racing_on_one_sentence_leave_one_object(
    cluster: Cluster, store_url: str, tmp_path: Path
) -> None:
    settings = cluster_settings(cluster, store_url)
    synthesizer = pipeline.synthesizer_for(settings, find_voice(settings.voice))
    assert isinstance(synthesizer, RemoteSynthesizer)
    text = "Both workers were given this sentence at the same moment."
    key = synthesizer.keys([], [text])[0]
    app = cluster.app()
    # the same task twice, to two idle workers: both may synthesise, one object stays
    sent = [app.send_task("narrate.speak", synthesizer.arguments(key, text)) for _ in range(2)]
    outcomes = [result.get(timeout=60) for result in sent]

    assert sum(outcome["synthesised"] for outcome in outcomes) == 1
    assert Store(store_url).keys("segments/") == [segment_object(key)]


def test_without_a_broker_nothing_of_the_cluster_is_loaded() -> None:
    code = (
        "import sys\n"
        "from narrate import pipeline\n"
        "from narrate.settings import Settings\n"
        "from narrate.speech.catalog import packaged_voice\n"
        "synthesizer = pipeline.synthesizer_for(Settings(), packaged_voice())\n"
        "print(type(synthesizer).__name__, 'celery' in sys.modules, 'fsspec' in sys.modules)\n"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True)  # fmt: skip
    assert shown.stdout.split() == ["Synthesizer", "False", "False"]


def test_a_damaged_clip_in_the_store_is_made_again(
    cluster: Cluster, store_url: str, tmp_path: Path
) -> None:
    source = write_article(tmp_path, "Cobham", 3)
    settings = cluster_settings(cluster, store_url)
    first = narrate(source, tmp_path / "first.mp3", settings)
    store = Store(store_url)
    damaged = store.keys("segments/")[0]
    store.remove(damaged)
    assert store.put_if_absent(damaged, b"NRC4 not a clip at all")

    again = narrate(source, tmp_path / "again.mp3", cluster_settings(cluster, store_url))

    assert again.stats.synthesised == 1  # that sentence, and only it
    assert (tmp_path / "again.mp3").read_bytes() == (tmp_path / "first.mp3").read_bytes()
    repaired = store.get(damaged)
    assert repaired is not None and clip_from_bytes(repaired) is not None
    assert first.stats.synthesised == 4
