#!/usr/bin/env python3
"""The listener check over the extraction dev sets: flags per 1,000 spoken words.

    python benchmarks/bench_audit.py [--sets dev,readability,snippets] [--shown 15]
                                     [--flags FILE]

Each English page of each set is extracted, split and normalised as for a narration, and its
spoken script goes through narrate.speech.audit (the voice's own phonemizer): words it would
spell letter by letter, capitals it would read as a word, symbols it would name, digits, web
addresses, very long segments. Prints each set's rate and most frequent items, then the total.
Pages are English when they say so, or, when they declare no language, when a twentieth of
their words are common English function words. The eval data lives outside the repository:
set NARRATE_EVAL_DIR, or keep it at ../shared/eval beside the checkout.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from narrate.errors import NarrateError  # noqa: E402
from narrate.extraction import extract_article  # noqa: E402
from narrate.model import Article  # noqa: E402
from narrate.speech.audit import AuditReport, Listener, audit_spoken, format_report  # noqa: E402
from narrate.text.script import build_script  # noqa: E402
from narrate.textnorm import normalize  # noqa: E402

_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "is",
        "that",
        "for",
        "it",
        "was",
        "on",
        "with",
        "as",
        "by",
        "at",
        "from",
    ]
)


def eval_dir() -> Path:
    configured = os.environ.get("NARRATE_EVAL_DIR")
    return Path(configured) if configured else ROOT.parent / "shared" / "eval"


def english(article: Article, declared: str) -> bool:
    language = (article.language or declared).lower()
    if language:
        return language.startswith("en")
    words = article.text.lower().split()
    return bool(words) and sum(w in _FUNCTION_WORDS for w in words) >= len(words) / 20


def audit_set(
    folder: Path, listener: Listener, flagged: list[str] | None = None
) -> tuple[AuditReport, int, int]:
    """The set's report, how many pages were audited, and how many were skipped; with a
    flagged list, each flag is added to it with its segment, written and spoken."""
    total, audited, skipped = AuditReport(0), 0, 0
    for page in sorted(folder.glob("*.html.gz")):
        meta_path = page.with_name(page.name.removesuffix(".html.gz") + ".json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        html = gzip.decompress(page.read_bytes()).decode("utf-8", "replace")
        try:
            article = extract_article(html, meta.get("url"))
        except NarrateError:
            skipped += 1
            continue
        if not english(article, str(meta.get("lang") or "")):
            skipped += 1
            continue
        script = build_script(article, speak=normalize)
        report = audit_spoken((s.spoken for s in script.segments), listener)
        if flagged is not None:
            for flag in report.flags:
                segment = script.segments[flag.segment]
                flagged.append(
                    f"{folder.name}/{page.name}\t{flag.kind}\t{flag.item}\t"
                    f"{segment.text!r}\t{segment.spoken!r}"
                )
        total = total.merged(report)
        audited += 1
    return total, audited, skipped


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default="dev,readability,snippets")
    parser.add_argument("--shown", type=int, default=15, help="items shown for each kind")
    parser.add_argument(
        "--flags", type=Path, help="also write every flag, with its segment written and spoken, "
        "to this file (tab-separated), to read the slips in context"
    )  # fmt: skip
    args = parser.parse_args(argv)
    root = eval_dir() / "extraction"
    if not root.is_dir():
        print(f"no extraction eval data at {root} (set NARRATE_EVAL_DIR); nothing to measure")
        return 0
    listener = Listener()
    grand = AuditReport(0)
    flagged: list[str] | None = [] if args.flags else None
    for name in args.sets.split(","):
        start = time.perf_counter()
        report, audited, skipped = audit_set(root / name, listener, flagged)
        seconds = time.perf_counter() - start
        print(format_report(report, f"{name} ({audited} English pages, {skipped} skipped, "
                                    f"{seconds:.0f} s)", args.shown))  # fmt: skip
        grand = grand.merged(report)
    print(format_report(grand, "all sets", args.shown))
    if args.flags and flagged is not None:
        args.flags.write_text("".join(line + "\n" for line in flagged), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
