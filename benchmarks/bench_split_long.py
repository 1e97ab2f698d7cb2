#!/usr/bin/env python3
"""Time split_long and the whole text path on long unbroken words and long run-on sentences.

    python benchmarks/bench_split_long.py [--sizes 200000,400000,800000]

Prints seconds for each size: growing the input twofold should about double the time
(the check that a hostile page of one huge word cannot stall a narration).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from collections.abc import Callable

from narrate.text.clauses import split_long
from narrate.text.sentences import split_sentences

INPUTS: dict[str, Callable[[int], str]] = {
    "one word": lambda n: "x" * n,
    "words": lambda n: ("word " * (n // 5)).strip(),
    "commas": lambda n: "a, " * (n // 3),
}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="200000,400000,800000")
    sizes = [int(s) for s in parser.parse_args(argv).sizes.split(",")]
    for name, make in INPUTS.items():
        times = []
        for size in sizes:
            text = make(size)
            start = time.perf_counter()
            for sentence in split_sentences(text):
                split_long(sentence)
            times.append(time.perf_counter() - start)
        print(
            f"{name:10}",
            "  ".join(f"{s // 1000} kB {t:.2f} s" for s, t in zip(sizes, times, strict=True)),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
