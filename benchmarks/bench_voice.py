"""Inference time of the voice model as shipped against narrate's optimised copy, side by side.

    python benchmarks/bench_voice.py [PAGE.html] [--rounds 3] [--threads 1]

Both sessions get the same phoneme ids (the page's sentences, through Piper's own phonemizer)
with the noise turned off, in alternation, on the given number of threads (1, as narrate's
workers run). Prints the CPU time per second of speech of each and the median of the per-round
ratios, and the largest difference between their samples (the copy's 1-D convolutions run as
2-D ones, see narrate/speech/voicegraph.py: only float rounding should differ).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("page", nargs="?", type=Path, default=REPO / "samples" / "article.html")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()

    import onnxruntime
    from piper import PiperVoice, SynthesisConfig

    from narrate import pipeline
    from narrate.speech.catalog import find_voice
    from narrate.speech.piper import Voice

    info = find_voice(None)
    script = pipeline.make_script(pipeline.load_article(str(args.page)))
    with tempfile.TemporaryDirectory() as folder:
        optimised = Voice(info, threads=args.threads, optimized_dir=Path(folder))._piper
    options = onnxruntime.SessionOptions()  # as piper loads it, but for the thread count
    options.intra_op_num_threads = args.threads
    session = onnxruntime.InferenceSession(str(info.model), options, ["CPUExecutionProvider"])
    shipped = PiperVoice(config=optimised.config, session=session)
    ids = [
        shipped.phonemes_to_ids(phonemes)
        for segment in script.segments
        for phonemes in shipped.phonemize(segment.spoken)
    ]
    quiet = SynthesisConfig(noise_scale=0.0, noise_w_scale=0.0)
    seconds: dict[str, list[float]] = {"shipped": [], "optimised": []}
    audio: dict[str, list[np.ndarray]] = {}
    for _ in range(args.rounds):
        for name, voice in (("shipped", shipped), ("optimised", optimised)):
            started = time.process_time()
            audio[name] = [np.asarray(voice.phoneme_ids_to_audio(i, quiet)) for i in ids]
            seconds[name].append(time.process_time() - started)
    speech = sum(len(clip) for clip in audio["shipped"]) / shipped.config.sample_rate
    difference = max(
        float(np.abs(a - b).max())
        for a, b in zip(audio["shipped"], audio["optimised"], strict=True)
    )
    ratios = [o / s for o, s in zip(seconds["optimised"], seconds["shipped"], strict=True)]
    print(f"{args.page.name}: {speech:.0f} s of speech, {len(ids)} sentences, "
          f"{args.threads} thread(s), {args.rounds} rounds")  # fmt: skip
    for name, runs in seconds.items():
        cpu = statistics.median(runs)
        print(f"{name:10s} {cpu:6.2f} s CPU  {1000 * cpu / speech:5.1f} ms per second of speech")
    print(f"optimised / shipped: {statistics.median(ratios):.3f} (median of per-round ratios)")
    print(f"largest sample difference: {difference:.2e} of full scale")


if __name__ == "__main__":
    main()
