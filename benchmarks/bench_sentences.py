"""Score narrate's sentence splitter on the shared segmentation cases and time it.

    python benchmarks/bench_sentences.py [--cases FILE] [--errors N] [--only PREFIX]

The cases and the scorer live outside the repository, in ``shared/eval/seg`` next to it (or in
the directory named by NARRATE_EVAL_DIR). Without them the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
EVAL_DIR = Path(os.environ.get("NARRATE_EVAL_DIR", REPO.parent / "shared" / "eval"))


def _load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("seg_evaluate", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=EVAL_DIR / "seg" / "dev.jsonl")
    parser.add_argument("--errors", type=int, default=0, help="print the first N misses")
    parser.add_argument("--only", default=None, help="keep cases whose source starts so")
    parser.add_argument("--chars", type=int, default=1_000_000, help="characters to time")
    args = parser.parse_args()

    scorer_path = args.cases.parent / "evaluate.py"
    if not args.cases.is_file() or not scorer_path.is_file():
        print(f"no evaluation data at {args.cases.parent}; nothing to benchmark")
        return 0
    sys.path.insert(0, str(REPO))
    from narrate.text.sentences import split_sentences

    scorer = _load_scorer(scorer_path)
    with args.cases.open(encoding="utf-8") as f:
        cases = [json.loads(line) for line in f if line.strip()]
    if args.only:
        cases = [c for c in cases if c.get("source", "").startswith(args.only)]
    res = scorer.evaluate(cases, split_sentences, args.chars, args.errors)

    print(f"narrate.text.sentences.split_sentences on {args.cases}: {res['cases']} cases")
    print(f"  exact match  {res['exact']:.3f} ({res['exact_n']}/{res['cases']})")
    print(f"  boundary P {res['precision']:.3f}  R {res['recall']:.3f}  F1 {res['f1']:.3f}")
    print(f"  throughput   {res['chars_per_sec']:,.0f} chars/s")
    if res["crashes"]:
        print(f"  crashes      {res['crashes']}")
    for source, score in res["by_source"].items():
        print(f"    {source:32s} exact {score['exact']:.3f}  n={score['n']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
