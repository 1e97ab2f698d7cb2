#!/usr/bin/env python3
"""Score the German, Spanish and French normalisers on their dev sets, and time them.

    python benchmarks/bench_languages.py [--failures 5]

For each language, runs the shared scorer (exact and phoneme match with that language's
espeak-ng voice, median time per call) on ../shared/eval/tn/LANG/dev.tsv (or NARRATE_EVAL_DIR),
first for the voice alone (identity: what Piper reads without narrate) and then for narrate.
Without the data, times normalize() on a few built-in sentences per language.
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
sys.path.insert(0, str(ROOT))

from narrate.textnorm import for_language  # noqa: E402

SAMPLES = {
    "de": ("Am 3. Mai kostete es 1,5 Mio. € (ca. 20 % mehr) ab 10:30 Uhr.",
           "Ein Satz ohne Zahlen, wie die meisten."),
    "es": ("El 1 de enero costaba 1,50 € (un 20 % más) a las 9:30.",
           "Una frase sin números, como la mayoría."),
    "fr": ("Le 1er mars, 18 % des 2 500 élèves ont payé 5,50 € à 14h30.",
           "Une phrase sans chiffres, comme la plupart."),
}  # fmt: skip


def eval_dir() -> Path:
    """Where the shared evaluation sets live (as in bench_normalize.py)."""
    override = os.environ.get("NARRATE_EVAL_DIR")
    return Path(override) if override else ROOT.parent / "shared" / "eval"


# the scorer calls these as path.py:function
def de(text: str) -> str:
    return for_language("de")(text)


def es(text: str) -> str:
    return for_language("es")(text)


def fr(text: str) -> str:
    return for_language("fr")(text)


def time_samples(rounds: int = 2000) -> None:
    for language, samples in SAMPLES.items():
        normalize = for_language(language)
        times = []
        for _ in range(rounds):
            for text in samples:
                start = time.perf_counter_ns()
                normalize(text)
                times.append((time.perf_counter_ns() - start) / 1000)
        print(f"{language}: median {statistics.median(times):.1f} us per sentence "
              f"({len(times)} calls on {len(samples)} built-in sentences)")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", type=int, default=0, help="phoneme failures to show")
    args = parser.parse_args()
    time_samples()
    scorer = eval_dir() / "tn" / "evaluate.py"
    for language in SAMPLES:
        cases = eval_dir() / "tn" / language / "dev.tsv"
        if not scorer.is_file() or not cases.is_file():
            print(f"no evaluation set at {cases}: scores skipped (set NARRATE_EVAL_DIR)")
            continue
        for normalizer in ("identity", f"{Path(__file__).resolve()}:{language}"):
            command = [sys.executable, str(scorer), "--cases", str(cases), "--normalizer",
                       normalizer, "--espeak-voice", language, "--failures",
                       str(args.failures if normalizer != "identity" else 0)]  # fmt: skip
            run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
            if run.returncode:
                print(run.stderr)
                return run.returncode
            who = "voice alone" if normalizer == "identity" else "narrate"
            for line in run.stdout.splitlines():
                if line.startswith(("OVERALL", "time per call", "FAIL", "   ")):
                    print(f"{language} {who}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
