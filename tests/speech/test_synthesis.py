"""The segment cache and the worker pool."""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.synchronize
import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

from narrate.model import Clip, Segment, SegmentKind
from narrate.settings import SpeechSettings
from narrate.speech.catalog import packaged_voice
from narrate.speech.piper import Voice
from narrate.speech.segmentcache import SegmentCache, model_hash, segment_key
from narrate.speech.synthesis import Synthesizer
from tests.conftest import FakeVoice

TEXTS = ["The first sentence.", "A second one, longer than the first.", "Third.", "Third."]


def _segments(texts: list[str]) -> list[Segment]:
    return [Segment(SegmentKind.SENTENCE, t, t, 300, n) for n, t in enumerate(texts)]


def _synthesizer(cache: SegmentCache | None, voice: FakeVoice) -> Synthesizer:
    return Synthesizer(packaged_voice(), jobs=1, cache=cache, voice_factory=lambda: voice)


def test_second_run_synthesises_nothing_and_an_edit_only_its_sentence(tmp_path: Path) -> None:
    cache = SegmentCache(tmp_path)
    first = FakeVoice()
    clips = [clip for _, clip in _synthesizer(cache, first).render(_segments(TEXTS))]
    assert first.spoken == TEXTS[:3]  # the repeated sentence is synthesised once
    again = FakeVoice()
    synthesizer = _synthesizer(cache, again)
    assert [clip for _, clip in synthesizer.render(_segments(TEXTS))] == clips
    assert again.spoken == []
    assert synthesizer.stats.hits == 4
    edited = [TEXTS[0], "A second one, now corrected.", *TEXTS[2:]]
    list(synthesizer.render(_segments(edited)))
    assert again.spoken == ["A second one, now corrected."]


def test_speech_settings_are_part_of_the_key() -> None:
    slow = SpeechSettings(rate=0.8)
    assert segment_key("h", SpeechSettings(), "x") != segment_key("h", slow, "x")
    assert segment_key("h", SpeechSettings(), "x") != segment_key(
        "other voice", SpeechSettings(), "x"
    )


def test_damaged_entries_are_misses_and_get_rewritten(tmp_path: Path) -> None:
    cache = SegmentCache(tmp_path)
    list(_synthesizer(cache, FakeVoice()).render(_segments(TEXTS[:1])))
    (entry,) = tmp_path.glob("??/*.pcm")
    entry.write_bytes(entry.read_bytes()[:-7])  # torn write from some other program
    voice = FakeVoice()
    list(_synthesizer(cache, voice).render(_segments(TEXTS[:1])))
    assert voice.spoken == TEXTS[:1]
    assert cache.get(entry.stem) is not None


def test_a_clip_comes_back_from_the_cache_whole_with_its_word_timings(tmp_path: Path) -> None:
    cache = SegmentCache(tmp_path)
    clip = Clip(b"\1\0" * 3000, 22050, energies=(0.5, 0.25), peak_dbtp=-1.5,
                words=((10, 900), (950, 2999)))  # fmt: skip
    cache.put("ab" * 32, clip)
    assert cache.get("ab" * 32) == clip
    cache.put("cd" * 32, Clip(b"\0\0" * 10, 22050))
    assert cache.get("cd" * 32) == Clip(b"\0\0" * 10, 22050)


def test_least_recently_used_entries_are_evicted_first(tmp_path: Path) -> None:
    cache = SegmentCache(tmp_path, max_bytes=10**9)
    voice = FakeVoice()
    list(_synthesizer(cache, voice).render(_segments(["old one.", "newer one."])))
    old, new = (
        segment_key(cache_hash(cache), SpeechSettings(), t) for t in ("old one.", "newer one.")
    )
    entry_size = cache._path(new).stat().st_size
    cache.max_bytes = entry_size + 10
    os.utime(cache._path(old), (1, 1))  # used long ago
    assert cache.evict() == 1
    assert cache.get(old) is None
    assert cache.get(new) is not None


def cache_hash(cache: SegmentCache) -> str:
    return model_hash(packaged_voice(), cache)


def _narrate_into(folder: str, barrier: multiprocessing.synchronize.Barrier) -> None:
    barrier.wait()
    cache = SegmentCache(Path(folder))
    for _ in range(5):
        list(_synthesizer(cache, FakeVoice()).render(_segments(TEXTS)))
        for path, _ in cache.entries():  # force rewrites while the others read
            path.unlink(missing_ok=True)
    list(_synthesizer(cache, FakeVoice()).render(_segments(TEXTS)))


def test_two_processes_share_one_cache_without_damage(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(4)
    workers = [
        context.Process(target=_narrate_into, args=(str(tmp_path), barrier)) for _ in range(4)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    cache = SegmentCache(tmp_path)
    entries = cache.entries()
    assert len(entries) == 3
    for path, _ in entries:
        assert cache.get(path.stem) is not None
    assert not list(tmp_path.glob("??/.*.part"))  # no temporary files left behind
    voice = FakeVoice()
    list(_synthesizer(cache, voice).render(_segments(TEXTS)))
    assert voice.spoken == []


@pytest.mark.slow
def test_worker_processes_return_clips_in_script_order(real_voice: Voice) -> None:
    texts = [
        "One.",
        "This sentence is clearly a good deal longer than the one before it.",
        "Two.",
        "And here is another rather long sentence to keep the second worker busy.",
    ]
    synthesizer = Synthesizer(packaged_voice(), jobs=2)
    clips = [clip for _, clip in synthesizer.render(_segments(texts))]
    assert synthesizer.stats.synthesised == 4
    short, long_ = [clips[0], clips[2]], [clips[1], clips[3]]
    assert max(c.seconds for c in short) * 2 < min(c.seconds for c in long_)
    assert all(c.sample_rate == 22050 for c in clips)


def test_an_entry_damaged_after_the_lookup_is_synthesised_all_the_same(tmp_path: Path) -> None:
    class Vanishing(SegmentCache):  # another process evicts every entry as it is read
        def get(self, key: str) -> None:
            return None

    list(_synthesizer(SegmentCache(tmp_path), FakeVoice()).render(_segments(TEXTS[:2])))
    voice = FakeVoice()
    synthesizer = _synthesizer(Vanishing(tmp_path), voice)
    clips = [clip for _, clip in synthesizer.render(_segments(TEXTS[:2]))]
    assert voice.spoken == TEXTS[:2] and len(clips) == 2
    assert (synthesizer.stats.hits, synthesizer.stats.synthesised) == (0, 2)


@pytest.mark.slow
def test_an_early_start_speaks_the_one_missing_sentence_in_its_first_worker(
    tmp_path: Path,
) -> None:
    cache = SegmentCache(tmp_path)
    list(_synthesizer(cache, FakeVoice()).render(_segments(TEXTS[:1])))
    with Synthesizer(packaged_voice(), jobs=2, cache=cache) as synthesizer:
        synthesizer.start(few=True)  # an updated article
        workers = list(synthesizer._workers._processes.values())  # type: ignore[union-attr]
        clips = [clip for _, clip in synthesizer.render(_segments(TEXTS[:2]))]
    assert (synthesizer.stats.hits, synthesizer.stats.synthesised) == (1, 1)
    assert 1.0 < clips[1].seconds < 5.0
    assert synthesizer._voice is None  # spoken by a worker, not in this process
    assert not any(worker.is_alive() for worker in workers)


@pytest.mark.slow
def test_workers_started_early_and_not_needed_are_stopped(tmp_path: Path) -> None:
    cache = SegmentCache(tmp_path)
    list(_synthesizer(cache, FakeVoice()).render(_segments(TEXTS)))
    with Synthesizer(packaged_voice(), jobs=2, cache=cache) as synthesizer:
        synthesizer.start()
        workers = list(synthesizer._workers._processes.values())  # type: ignore[union-attr]
        list(synthesizer.render(_segments(TEXTS)))
        assert synthesizer.stats.synthesised == 0
        assert not any(worker.is_alive() for worker in workers)
    with Synthesizer(packaged_voice(), jobs=2, cache=cache) as unused:
        unused.start()
        workers = list(unused._workers._processes.values())  # type: ignore[union-attr]
    assert not any(worker.is_alive() for worker in workers)


@pytest.mark.slow
def test_the_optimised_model_is_saved_once_stale_copies_go_and_a_damaged_one_is_ignored(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from narrate.speech.piper import Voice

    stale = tmp_path / f"{packaged_voice().model.stem}-{'0' * 32}.onnx"  # an older version's
    stale.write_bytes(b"a copy made by another onnxruntime")
    other_voice = tmp_path / f"en_GB-other-medium-{'0' * 32}.onnx"
    other_voice.write_bytes(b"another voice's copy")
    first = Voice(packaged_voice(), optimized_dir=tmp_path)
    assert not stale.exists() and other_voice.exists()
    other_voice.unlink()
    (saved,) = tmp_path.glob("*.onnx")
    assert not list(tmp_path.glob(".*.part"))
    if platform.machine().lower() in ("x86_64", "amd64"):  # where the rewrite is made
        assert not _flat_convolutions(saved)  # the rewritten graph (voicegraph) passed
    again = Voice(packaged_voice(), optimized_dir=tmp_path)  # from the saved copy
    for voice in (first, again):
        clip = voice.speak("Trams are running again.")
        assert 0.8 < clip.seconds < 3.0
    saved.write_bytes(b"not a model")
    caplog.set_level(logging.DEBUG, logger="narrate.speech.modelstore")
    fallback = Voice(packaged_voice(), optimized_dir=tmp_path)
    assert "is damaged or unchecked: making it again" in caplog.text
    assert fallback.speak("Still speaking.").seconds > 0.5


@pytest.mark.slow
def test_a_rewrite_that_does_not_speak_as_the_model_does_is_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import onnx
    from onnx import numpy_helper

    from narrate.speech import voicegraph
    from narrate.speech.piper import Voice

    rewrite = voicegraph.rewrite

    def wrong(model: Path, conv2d: bool = True) -> bytes:  # right, but one weight doubled
        graph = onnx.load_from_string(rewrite(model, conv2d))
        tall = next(t for t in graph.graph.initializer if t.name.startswith("narrate.2d/"))
        tall.CopyFrom(numpy_helper.from_array(numpy_helper.to_array(tall) * 2, tall.name))
        return bytes(graph.SerializeToString())

    monkeypatch.setattr(voicegraph, "rewrite", wrong)
    voice = Voice(packaged_voice(), optimized_dir=tmp_path)
    (saved,) = tmp_path.glob("*.onnx")
    assert _flat_convolutions(saved)  # the model's own graph, optimised
    clip = voice.speak("Trams are running again.")
    assert 0.8 < clip.seconds < 3.0
    assert clip.words == ()  # nor the phoneme durations it would have given


@pytest.mark.slow
def test_while_another_process_makes_the_copy_the_model_itself_is_used(tmp_path: Path) -> None:
    from narrate.speech.piper import Voice

    Voice(packaged_voice(), optimized_dir=tmp_path)
    (saved,) = tmp_path.glob("*.onnx")
    saved.unlink()
    claim = tmp_path / f".{saved.name}.making"
    claim.touch()  # another process is making it
    voice = Voice(packaged_voice(), optimized_dir=tmp_path)
    assert not saved.exists() and claim.exists()
    assert 0.8 < voice.speak("Trams are running again.").seconds < 3.0
    os.utime(claim, (0, 0))  # a claim left long ago by a process that died
    Voice(packaged_voice(), optimized_dir=tmp_path)
    assert saved.exists() and not claim.exists()
    saved.unlink()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    claim.write_text(gone.stdout.strip())  # a worker stopped while making the copy
    part = tmp_path / f".{saved.name}.{gone.stdout.strip()}.part"
    part.write_bytes(b"half a model")
    Voice(packaged_voice(), optimized_dir=tmp_path)
    assert saved.exists() and not claim.exists() and not part.exists()


def _flat_convolutions(model: Path) -> int:
    """How many convolutions of the model take 1-D weights."""
    import onnx

    graph = onnx.load(str(model)).graph
    ranks = {tensor.name: len(tensor.dims) for tensor in graph.initializer}
    return sum(1 for n in graph.node if n.op_type == "Conv" and ranks.get(n.input[1]) == 3)


def test_a_model_hash_that_cannot_be_remembered_is_still_returned(tmp_path: Path) -> None:
    from narrate.files import file_identity

    cache = SegmentCache(tmp_path / "segments")
    first = model_hash(packaged_voice(), cache)
    import hashlib

    memo_name = hashlib.sha256(file_identity(packaged_voice().model).encode()).hexdigest()[:32]
    memo = tmp_path / "models" / f"{memo_name}.sha256"
    memo.unlink()
    memo.mkdir()  # the memo cannot be read nor replaced: the hash is computed anyway
    assert model_hash(packaged_voice(), cache) == first


@pytest.mark.slow
def test_with_one_job_the_early_worker_keeps_every_core(tmp_path: Path) -> None:
    """One job: no other worker will come, so the first is never told to drop to one thread."""
    with Synthesizer(packaged_voice(), jobs=1, cache=SegmentCache(tmp_path)) as synthesizer:
        synthesizer.start()
        more = synthesizer._more
        clips = [clip for _, clip in synthesizer.render(_segments(TEXTS[:2]))]
    assert len(clips) == 2 and synthesizer.stats.synthesised == 2
    assert not more.is_set()


@pytest.mark.slow
def test_with_the_noise_off_a_text_gives_the_same_audio_every_time(timed_voice: Voice) -> None:
    text = "The depot opened on Monday, a week early."
    assert timed_voice.speak(text).pcm == timed_voice.speak(text).pcm
    quiet, usual = SpeechSettings(noise=False), SpeechSettings()
    assert segment_key("v", quiet, text) != segment_key("v", usual, text)
