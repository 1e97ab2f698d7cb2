"""Articles a minute on this machine: one process alone, then the cluster with 1 and 2 workers,
narrating articles one after another and syncing a feed of them (the articles side by side),
and what each task costs the cluster, side by side in one run.

    python benchmarks/bench_cluster.py [--articles N] [--sentences N]

Needs the cluster extra and Debian's redis-server. Starts Redis on 127.0.0.1 and the workers
(one process each, one inference thread), keeps the store in a temporary folder (file://), and
stops all of them by process id; the feed's pages are served on 127.0.0.1. Every configuration
narrates its own new articles (generated here, all different), so nothing comes from a cache.
Figures go to stdout.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

_processes: dict[str, subprocess.Popen[bytes]] = {}
"""The workers started, by name."""

TOPICS = ("harbour", "school", "library", "bridge", "market", "station", "museum", "park")


def article_lines(tag: str, a: int, sentences: int) -> list[str]:
    """The sentences of article `a`, none shared with another article."""
    return [
        f"In {tag} district {a}, the {TOPICS[n % len(TOPICS)]} committee met for session "
        f"{n + 1} and agreed on plan {a * 100 + n} after a long debate about the costs."
        for n in range(sentences)
    ]


def write_articles(folder: Path, tag: str, count: int, sentences: int) -> list[Path]:
    """`count` articles of `sentences` sentences each, none sharing a sentence with another."""
    paths = []
    for a in range(count):
        lines = article_lines(tag, a, sentences)
        body = "\n\n".join(" ".join(lines[i : i + 3]) for i in range(0, len(lines), 3))
        path = folder / f"{tag}-{a}.md"
        path.write_text(f"# News from {tag} district {a}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def write_site(folder: Path, base: str, tag: str, count: int, sentences: int) -> None:
    """A news site's pages of `count` new articles and its RSS feed (feed.xml), under `folder`
    as `base` serves it."""
    folder.mkdir()
    items = []
    for a in range(count):
        lines = article_lines(tag, a, sentences)
        body = "".join(f"<p>{' '.join(lines[i : i + 3])}</p>" for i in range(0, len(lines), 3))
        title = f"News from {tag} district {a}"
        (folder / f"{tag}-{a}.html").write_text(
            f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
            f"</head><body><article><h1>{title}</h1>{body}</article></body></html>",
            encoding="utf-8",
        )
        url = f"{base}{tag}-{a}.html"
        items.append(f"<item><title>{title}</title><link>{url}</link><guid>{url}</guid>"
                     f"<pubDate>{20 - a:02d} Nov 2026 06:00:00 +0000</pubDate></item>")  # fmt: skip
    (folder / "feed.xml").write_text(
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>{tag}</title><link>{base}"
        f"</link>{''.join(items)}</channel></rss>",
        encoding="utf-8",
    )


@contextlib.contextmanager
def web_server(folder: Path) -> Iterator[str]:
    """`folder` served on 127.0.0.1, in a thread; yields its base URL."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=folder))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        thread.join()


def sync_feed(root: Path, tag: str, count: int, sentences: int, broker: str = "",
              store: str = "", one_by_one: bool = False) -> float:  # fmt: skip
    """Seconds for `narrate feed sync` of a site's `count` new articles into a new feed: with a
    broker, the articles side by side on the workers; without, one after another here.

    `one_by_one`: the same, with the feed's items given to the feed one at a time (with a
    broker: what sync did before its articles went side by side)."""
    from narrate import feed
    from narrate.feed.sitefeed import read_feed
    from narrate.settings import FetchOptions, Settings

    site, folder = root / f"site-{tag}", root / f"pod-{tag}"
    with web_server(root) as base:
        write_site(site, f"{base}site-{tag}/", tag, count, sentences)
        feed.init(folder, f"News of {tag}", "https://example.org/pod/")
        settings = Settings(cover=False, force=True, cache_dir=root / f"cache-{tag}",
                            broker=broker, store=store,
                            fetch=FetchOptions(allow_private=True))  # fmt: skip
        started = time.perf_counter()
        address = f"{base}site-{tag}/feed.xml"
        if one_by_one:
            items = read_feed(address, settings.fetch)
            outcomes = [o for i in items for o in feed.add(folder, [i.url], settings).outcomes]
        else:
            outcomes = list(feed.sync(folder, address, settings, limit=count).outcomes)
        seconds = time.perf_counter() - started
    if len(outcomes) != count or any(o.status != "added" for o in outcomes):
        raise SystemExit(f"feed sync failed: {outcomes}")
    return seconds


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def redis() -> Iterator[str]:
    server = shutil.which("redis-server")
    if server is None:
        raise SystemExit("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    process = subprocess.Popen([server, "--bind", "127.0.0.1", "--port", str(port), "--save",
                                "", "--appendonly", "no"], stdout=subprocess.DEVNULL)  # fmt: skip
    try:
        for _ in range(200):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port)):
                break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(10)


@contextlib.contextmanager
def workers(
    broker: str, count: int, env: dict[str, str], logs: Path, tag: str = ""
) -> Iterator[float]:
    """`count` workers of one process each; yields the seconds they took to be ready."""
    from narrate.cluster.celeryapp import make_app

    started = time.perf_counter()
    processes = []
    tag = tag or str(count)
    for n in range(count):
        with (logs / f"worker-{tag}-{n}.log").open("ab") as log:
            processes.append(subprocess.Popen(
                [sys.executable, "-m", "narrate", "worker", "--broker", broker, "-c", "1",
                 "--name", f"bench{n}@{tag}"],
                env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            ))  # fmt: skip
            _processes[f"bench{n}@{tag}"] = processes[-1]
    try:
        app = make_app(broker)
        while len(app.control.ping(timeout=0.3)) < count or not all(
            "voice loaded" in (logs / f"worker-{tag}-{n}.log").read_text() for n in range(count)
        ):
            time.sleep(0.1)
        yield time.perf_counter() - started
    finally:
        for process in processes:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            process.wait(30)


def narrate_all(paths: list[Path], out: Path, broker: str = "", store: str = "") -> float:
    """Seconds to narrate the articles one after another, as `narrate FILE -o OUT` would."""
    from narrate import pipeline
    from narrate.settings import Settings

    settings = Settings(cover=False, cache_dir=out / "cache", broker=broker, store=store)
    started = time.perf_counter()
    for path in paths:
        script = pipeline.prepare(str(path), settings)
        pipeline.narrate_script(script, out / f"{path.stem}.mp3", settings)
    return time.perf_counter() - started


def task_overhead(broker: str, store: str, paths: list[Path], out: Path) -> float:
    """Milliseconds a task costs when its sentence is already stored: queue, worker, store
    check, result; all the sentences of the articles sent at once, then gathered."""
    from narrate import pipeline
    from narrate.cluster.remote import RemoteSynthesizer
    from narrate.settings import Settings
    from narrate.speech.catalog import find_voice

    settings = Settings(cover=False, cache=False, broker=broker, store=store)
    synthesizer = pipeline.synthesizer_for(settings, find_voice(None))
    if not isinstance(synthesizer, RemoteSynthesizer):
        raise SystemExit("a broker was given, yet the synthesizer is not the cluster's")
    jobs = []
    for path in paths:
        segments = pipeline.prepare(str(path), settings).segments
        said = synthesizer.said(segments)
        jobs += list(zip(synthesizer.keys(segments, said), said, strict=True))
    started = time.perf_counter()
    results = [synthesizer.app.send_task("narrate.speak", synthesizer.arguments(*job))
               for job in jobs]  # fmt: skip
    for result in results:
        result.get(timeout=60)
    return (time.perf_counter() - started) * 1000 / len(jobs)


def first_audio(broker: str, store: str, path: Path) -> float:
    """Seconds from asking for a new article's clips to the first one (what -o - waits)."""
    from narrate import pipeline
    from narrate.settings import Settings
    from narrate.speech.catalog import find_voice

    settings = Settings(cover=False, cache=False, broker=broker, store=store)
    script = pipeline.prepare(str(path), settings)
    synthesizer = pipeline.synthesizer_for(settings, find_voice(None))
    started = time.perf_counter()
    clips = synthesizer.render(script.segments)
    next(clips)
    waited = time.perf_counter() - started
    for _ in clips:  # the rest, so that no work is left queued
        pass
    return waited


def recovery(broker: str, store: str, env: dict[str, str], root: Path, sentences: int) -> None:
    """Seconds from SIGKILL of a busy whole worker to the end of its article, with the other
    worker picking up the lost sentence once its visibility timeout has passed."""
    from concurrent.futures import ThreadPoolExecutor

    from narrate.cluster.celeryapp import make_app

    app = make_app(broker)
    out = root / "recovery"
    out.mkdir()
    with workers(broker, 2, env, root, tag="recovery"), ThreadPoolExecutor(1) as runner:
        paths = write_articles(root, "recovery", 1, sentences)
        job = runner.submit(narrate_all, paths, out, broker, store)
        while not (app.control.inspect(destination=["bench1@recovery"], timeout=0.3).active()
                   or {}).get("bench1@recovery"):  # fmt: skip
            time.sleep(0.05)
        killed = time.perf_counter()
        os.killpg(_processes["bench1@recovery"].pid, signal.SIGKILL)
        job.result(timeout=300)
        waited = time.perf_counter() - killed
        print(f"a whole worker killed mid-article: its article done {waited:.1f} s later "
              "(visibility timeout 15 s, restore every 5 s)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3)
    parser.add_argument("--sentences", type=int, default=18)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="narrate-bench-") as folder, redis() as broker:
        root = Path(folder)
        (root / "store").mkdir()
        store = (root / "store").as_uri()
        env = {**os.environ, "XDG_CACHE_HOME": str(root / "worker-cache")}
        os.environ["XDG_CACHE_HOME"] = str(root / "client-cache")
        from narrate.speech.catalog import find_voice
        from narrate.speech.piper import Voice

        for cache in ("worker-cache", "client-cache"):  # the optimised model, made once
            Voice(find_voice(None), optimized_dir=root / cache / "narrate" / "models")
        n, size = options.articles, options.sentences
        print(f"{n} articles of {size} sentences each (about {size * 17} words), machine "
              f"{os.cpu_count()} cores; the store is a local folder")  # fmt: skip
        (root / "local").mkdir()
        seconds = narrate_all(write_articles(root, "local", n, size), root / "local")
        print(f"one process, {os.cpu_count()} voice processes:  {n * 60 / seconds:5.1f} "
              f"articles a minute ({seconds:.1f} s)")  # fmt: skip
        seconds = sync_feed(root, "feedlocal", n, size)
        print(f"  feed sync of {n} articles, one machine: {n * 60 / seconds:5.1f} "
              f"articles a minute ({seconds:.1f} s)")  # fmt: skip
        for count in (1, 2):
            with workers(broker, count, env, root) as ready:
                out = root / f"cluster-{count}"
                out.mkdir()
                paths = write_articles(root, f"cluster{count}", n, size)
                seconds = narrate_all(paths, out, broker, store)
                label = f"{count} worker{'s' if count > 1 else ' '}"
                print(f"cluster, {label} (ready in {ready:.1f} s): "
                      f"{n * 60 / seconds:5.1f} articles a minute ({seconds:.1f} s)")  # fmt: skip
                seconds = sync_feed(root, f"feed{count}", n, size, broker, store)
                print(f"  feed sync of {n} articles, side by side: {n * 60 / seconds:5.1f} "
                      f"articles a minute ({seconds:.1f} s)")  # fmt: skip
                if count == 2:
                    seconds = sync_feed(root, "feedseq", n, size, broker, store, one_by_one=True)
                    print(f"  the same, one article after another: {n * 60 / seconds:5.1f} "
                          f"articles a minute ({seconds:.1f} s)")  # fmt: skip
                if count == 2:
                    overhead = task_overhead(broker, store, paths, out)
                    print(f"per-task overhead, sentence already stored: {overhead:.1f} ms")
                    fresh = write_articles(root, "first", 1, size)[0]
                    print(f"first clip of a new article: {first_audio(broker, store, fresh):.2f} s")
        recovery(broker, store, env, root, size)


if __name__ == "__main__":
    main()
