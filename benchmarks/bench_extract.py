"""Extraction quality and speed on the dev pages, narrate beside its peers, in one run.

    python benchmarks/bench_extract.py [--per-page FILE] [--dump DIR]

Runs the shared scorer (4-word shingle precision, recall and F1; median ms a page) on the dev
split with narrate's extract_text, trafilatura (comments off, and favor_precision) and
readability-lxml. The eval data lives outside the repository: set NARRATE_EVAL_DIR to the folder
holding ``extraction/evaluate.py``, or keep it at ../shared/eval beside the checkout. Without it
the script says so and exits 0.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PEERS = ("trafilatura_nocomments", "trafilatura_precision", "readability-lxml")


def eval_dir() -> Path:
    configured = os.environ.get("NARRATE_EVAL_DIR")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2] / "shared" / "eval"


def main(argv: list[str]) -> int:
    root = eval_dir() / "extraction"
    scorer, data = root / "evaluate.py", root / "dev"
    if not scorer.is_file() or not data.is_dir():
        print(f"no extraction eval data at {root} (set NARRATE_EVAL_DIR); nothing to measure")
        return 0
    command = [sys.executable, str(scorer), "--data", str(data), "--path", str(REPO)]
    for extractor in ("narrate.extraction:extract_text", *PEERS):
        command += ["--extractor", extractor]
    command += argv
    print(" ".join(command), flush=True)
    return subprocess.run(command, cwd=REPO, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
