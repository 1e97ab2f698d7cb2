"""Extraction quality and speed on the dev pages, narrate beside its peers, in one run.

    python benchmarks/bench_extract.py [--sets dev,readability,snippets] [--per-page FILE]

Runs the shared scorers on each dev set, narrate's extract_text beside its peers in the same
run (the machine's load moves the timings, never the ratios between extractors of one run):

- ``dev`` and ``readability``: 4-word shingle precision, recall and F1, median ms a page and
  pages emptied (``extraction/evaluate.py``), with trafilatura (comments off, and
  favor_precision);
- ``snippets``: the share of article snippets found and of clutter snippets kept out
  (``extraction/evaluate_snippets.py``), with trafilatura (comments off).

The eval data lives outside the repository: set NARRATE_EVAL_DIR to the folder holding
``extraction/evaluate.py``, or keep it at ../shared/eval beside the checkout. Without it the
script says so and exits 0. Extra arguments go to the F1 scorer (``--per-page FILE``,
``--dump DIR``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NARRATE = "narrate.extraction:extract_text"
# readability-lxml is left out: its import name, "readability", is also the name of a dev set
# folder beside the scorer, which shadows the package.
F1_PEERS = ("trafilatura_nocomments", "trafilatura_precision")
SNIPPET_PEERS = ("trafilatura_nocomments",)
SETS = ("dev", "readability", "snippets")


def eval_dir() -> Path:
    configured = os.environ.get("NARRATE_EVAL_DIR")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2] / "shared" / "eval"


def command_for(root: Path, name: str, extra: list[str]) -> list[str]:
    """The scorer's command line for one dev set."""
    data = root / name
    if name == "snippets":
        command = [sys.executable, str(root / "evaluate_snippets.py"), "--data", str(data)]
        peers: tuple[str, ...] = SNIPPET_PEERS
        extra = []  # the snippet scorer takes no per-page or dump options
    else:
        command = [sys.executable, str(root / "evaluate.py"), "--data", str(data)]
        command += ["--path", str(REPO)]
        peers = F1_PEERS
    for extractor in (NARRATE, *peers):
        command += ["--extractor", extractor]
    return command + extra


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated dev sets")
    args, extra = parser.parse_known_args(argv)
    root = eval_dir() / "extraction"
    if not (root / "evaluate.py").is_file():
        print(f"no extraction eval data at {root} (set NARRATE_EVAL_DIR); nothing to measure")
        return 0
    status = 0
    for name in args.sets.split(","):
        if not (root / name).is_dir():
            print(f"no dev set {name!r} at {root}; skipped")
            continue
        command = command_for(root, name, extra)
        print(" ".join(command), flush=True)
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        status |= subprocess.run(command, cwd=REPO, env=env, check=False).returncode
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
