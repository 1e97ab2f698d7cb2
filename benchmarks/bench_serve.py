"""`narrate serve` under 20 concurrent listeners of 5 articles, from a local test site.

    python benchmarks/bench_serve.py [--listeners 20] [--articles 5] [--workers 2]

Starts a local site on 127.0.0.1 with articles written here, and `narrate serve` as its own
process with empty caches (the first narrations on a machine: the voice loads, the optimised
model is made). Two waves, one at a cold server and one at the same server warm, each with new
articles. Every listener asks for one article (POST /api/narrations; listeners of the
same article share one narration) and streams its audio at once. Prints how many got all their
audio, the time from the request to the first audio byte and to the last (p50, p95), and the
server's peak memory (VmHWM: workers are threads in that process, with the voices in it).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LEAD_IN_BYTES = 8000 * 0.3 + 2 * 209  # 300 ms of silence at 64 kbit/s, and frame rounding
PLACES = ("Northport", "Elmsworth", "Caddon Bay", "Rivermoor", "Ashgrove", "Tollbridge")
SENTENCES = (
    "The council of {p} met on Tuesday evening to discuss the new harbour plan.",
    "More than two hundred residents of {p} came to the meeting, which ran late.",
    "The plan would move the fish market of {p} to the old railway yard by the river.",
    "Traders in {p} said the move would cost them customers during the first winter.",
    "The mayor of {p} replied that the present market floods twice a year.",
    "Engineers told the meeting that the new site in {p} sits three metres higher.",
    "A vote on the plan for {p} is expected before the end of the month.",
    "If it passes, building work in {p} would start in the spring and take a year.",
    "The bus company said it would add a stop in {p} beside the new market.",
    "Residents of {p} who cannot attend may send their comments by letter.",
)


def article(place: str) -> str:
    paragraphs = [
        " ".join(s.format(p=place) for s in SENTENCES[i : i + 2]) for i in range(0, 10, 2)
    ]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    title = html.escape(f"{place} argues over moving its fish market")
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        "<meta property='og:site_name' content='The Bench Gazette'></head><body><main><article>"
        f"<h1>{title}</h1><p>By Sam Reed</p>{body}</article></main></body></html>"
    )


def local_site(pages: dict[str, str]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            page = pages.get(self.path)
            body = (page or "not found").encode()
            self.send_response(200 if page else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def listen(base: str, url: str, results: list[dict[str, float]], start: threading.Event) -> None:
    start.wait()
    began = time.perf_counter()
    body = json.dumps({"url": url}).encode()
    headers = {"Content-Type": "application/json"}
    request = urllib.request.Request(f"{base}/api/narrations", data=body, headers=headers)
    with urllib.request.urlopen(request, timeout=600) as answer:
        job = json.load(answer)
    first = speech = 0.0
    received = 0
    with urllib.request.urlopen(f"{base}{job['links']['audio']}", timeout=600) as audio:
        while chunk := audio.read1(4096):
            now = time.perf_counter() - began
            first = first or now
            received += len(chunk)
            if not speech and received > LEAD_IN_BYTES:
                speech = now
    last = time.perf_counter() - began
    results.append({"first": first, "speech": speech, "last": last, "bytes": received,
                    "job": int(job["id"], 16)})  # fmt: skip


def wave(
    base: str, site: str, articles: range, listeners: int
) -> tuple[list[dict[str, float]], float]:
    """All listeners at once; each result, and the seconds until the last had all its audio."""
    results: list[dict[str, float]] = []
    go = threading.Event()
    urls = [f"{site}/news/{articles[n % len(articles)]}" for n in range(listeners)]
    threads = [threading.Thread(target=listen, args=(base, url, results, go)) for url in urls]
    for thread in threads:
        thread.start()
    started = time.perf_counter()
    go.set()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - started


def report(name: str, results: list[dict[str, float]], wall: float, listeners: int) -> None:
    def line(what: str, key: str) -> str:
        values = [r[key] for r in results]
        p50, p95 = statistics.median(values), percentile(values, 95)
        return f"  {what:<17} p50 {p50:6.2f} s   p95 {p95:6.2f} s"

    full = sum(1 for r in results if r["bytes"] > LEAD_IN_BYTES)
    print(f"{name}: {len({r['job'] for r in results})} narrations; {full}/{listeners} listeners "
          f"got their audio; all done in {wall:.1f} s")  # fmt: skip
    print(line("first audio byte", "first"))
    print(line("first speech", "speech"))
    print(line("whole audio", "last"))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--listeners", type=int, default=20)
    parser.add_argument("--articles", type=int, default=5)
    parser.add_argument("--workers", type=int, default=6)
    args = parser.parse_args()
    pages = {
        f"/news/{n}": article(f"{PLACES[n % len(PLACES)]} {n}") for n in range(2 * args.articles)
    }
    site = local_site(pages)
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(os.environ, XDG_CACHE_HOME=f"{scratch}/cache", XDG_DATA_HOME=f"{scratch}/data")
        port = free_port()
        command = [sys.executable, "-m", "narrate", "serve", "--port", str(port), "--allow-private",
                   "--workers", str(args.workers), "--max-queue", str(args.listeners)]  # fmt: skip
        server = subprocess.Popen(command, env=env, cwd=REPO, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    urllib.request.urlopen(f"{base}/api/config", timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            site_base = f"http://127.0.0.1:{site.server_address[1]}"
            rounds = [wave(base, site_base, range(args.articles), args.listeners),
                      wave(base, site_base, range(args.articles, 2 * args.articles),
                           args.listeners)]  # fmt: skip
            peak = peak_rss_mb(server.pid)
        finally:
            server.terminate()
            server.wait()
            site.shutdown()
    print(f"listeners {args.listeners}, articles {args.articles}, workers {args.workers}, "
          f"cores {len(os.sched_getaffinity(0))}, load {os.getloadavg()[0]:.1f}")  # fmt: skip
    report("cold server (voices load, model optimised)", *rounds[0], args.listeners)
    report("warm server, new articles", *rounds[1], args.listeners)
    print(f"server peak memory (VmHWM): {peak:.0f} MB")


if __name__ == "__main__":
    main()
