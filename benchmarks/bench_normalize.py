#!/usr/bin/env python3
"""Score narrate.normalize on the text-normalisation dev set, and time it.

    python benchmarks/bench_normalize.py [--classes cardinal,money] [--failures 5]

Runs the shared scorer (exact and phoneme match per class, median time per call) when the
evaluation data is present: ../shared/eval next to the repository, or the directory named by
NARRATE_EVAL_DIR; then, without --classes, scores the news classes pooled (issue 3's goal:
phoneme match >= 0.95). Without the data, times normalize() on a few built-in sentences.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = (
    "Dr. Smith lives on St. James St. and paid $1.5bn on Jan. 10, 2025.",
    "Between 600,000-800,000 people fled; temperatures fell to -7°C at 5:30 a.m.",
    "The U.S. and NATO sent 155mm shells; a 330 kV line and 9 GW of capacity were lost.",
    "A plain sentence without anything to rewrite, as most sentences are.",
)
NEWS_CLASSES = (
    "cardinal,ordinal,decimal,money,measure,date,time,range,fraction,roman,telephone,"
    "electronic,whitelist,address"
)


def eval_dir() -> Path:
    """Where the shared evaluation sets live."""
    override = os.environ.get("NARRATE_EVAL_DIR")
    return Path(override) if override else ROOT.parent / "shared" / "eval"


def time_samples(rounds: int = 2000) -> None:
    sys.path.insert(0, str(ROOT))
    from narrate.textnorm import normalize

    times = []
    for _ in range(rounds):
        for text in SAMPLES:
            start = time.perf_counter_ns()
            normalize(text)
            times.append((time.perf_counter_ns() - start) / 1000)
    print(
        f"normalize: median {statistics.median(times):.1f} us per sentence "
        f"({len(times)} calls on {len(SAMPLES)} built-in sentences)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classes", default="", help="comma-separated classes to score")
    parser.add_argument("--failures", type=int, default=0, help="phoneme failures to show")
    args = parser.parse_args()

    scorer = eval_dir() / "tn" / "evaluate.py"
    cases = eval_dir() / "tn" / "dev.tsv"
    time_samples()
    if not scorer.is_file() or not cases.is_file():
        print(f"no evaluation set at {scorer.parent}: scores skipped (set NARRATE_EVAL_DIR)")
        return 0
    command = [
        sys.executable,
        str(scorer),
        "--cases",
        str(cases),
        "--normalizer",
        "narrate.textnorm:normalize",
        "--failures",
        str(args.failures),
    ]
    if args.classes:
        return subprocess.run([*command, "--classes", args.classes], cwd=ROOT).returncode
    if code := subprocess.run(command, cwd=ROOT, check=False).returncode:
        return code
    print("\nnews classes pooled:")
    news = subprocess.run(
        [*command, "--classes", NEWS_CLASSES], cwd=ROOT, capture_output=True, text=True
    )
    print(*(line for line in news.stdout.splitlines() if line.startswith("OVERALL")))
    return news.returncode


if __name__ == "__main__":
    sys.exit(main())
