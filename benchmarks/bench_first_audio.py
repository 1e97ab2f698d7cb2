"""How soon a listener hears something: `narrate PAGE -o -` timed from the start of the command.

    python benchmarks/bench_first_audio.py [PAGE] [--rounds 5]

Prints the median time to the first byte of MP3 on stdout, and to the first byte past the
silent lead-in (the first speech: 64 kbit/s CBR is 8,000 bytes a second):
  first  a brand-new cache folder: the first narration on a machine, which also makes the
         optimised copy of the voice model (about 2 s of work in each worker, once)
  cold   the sentence, page and article caches emptied, the voice model's copy kept
  warm   all kept
Goal (issue 8): first audio byte within 1.0 s, median.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LEAD_IN_BYTES = 8000 * 0.3 + 2 * 209  # 300 ms of silence at 64 kbit/s, and frame rounding


def first_bytes(page: Path, env: dict[str, str]) -> tuple[float, float, float]:
    """Seconds to the first byte, to the first speech, and to the end of the stream."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "narrate", str(page), "-o", "-", "-q"],
                               stdout=subprocess.PIPE, env=env)  # fmt: skip
    assert process.stdout is not None
    first = speech = 0.0
    received = 0
    while chunk := process.stdout.read1(4096):
        now = time.perf_counter() - started
        first = first or now
        received += len(chunk)
        if not speech and received > LEAD_IN_BYTES:
            speech = now
    process.wait()
    if process.returncode:
        sys.exit(f"narrate failed with status {process.returncode}")
    return first, speech, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("page", nargs="?", type=Path, default=REPO / "samples" / "article.html")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        results: dict[str, list[tuple[float, float, float]]] = {"first": [], "cold": [],
                                                                 "warm": []}  # fmt: skip
        for round_number in range(args.rounds):
            cache = Path(scratch) / f"cache{round_number}"
            env = dict(os.environ, XDG_CACHE_HOME=str(cache))
            results["first"].append(first_bytes(args.page, env))
            for folder in ("segments", "pages", "articles"):
                shutil.rmtree(cache / "narrate" / folder, ignore_errors=True)
            results["cold"].append(first_bytes(args.page, env))
            results["warm"].append(first_bytes(args.page, env))
    print(f"page: {args.page.name}, {args.rounds} rounds, {os.cpu_count()} cores")
    for name, runs in results.items():
        first, speech, total = (statistics.median(values) for values in zip(*runs, strict=True))
        print(f"{name:5s}: first byte {first:.2f} s, first speech {speech:.2f} s, "
              f"whole narration {total:.2f} s (medians)")  # fmt: skip


if __name__ == "__main__":
    main()
