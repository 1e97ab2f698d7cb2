"""The server under test: the real app on uvicorn, on 127.0.0.1 and a free port, in a thread of
the test process (so that the fake voice, where used, reaches its workers), and a small news
site on pytest-httpserver for it to fetch from."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import uvicorn
from pytest_httpserver import HTTPServer

from narrate.server import ServerConfig, create_app
from tests.server.site import ARTICLES, page


@dataclass
class Running:
    base: str
    server: uvicorn.Server
    thread: threading.Thread

    def client(self, **kwargs: object) -> httpx.Client:
        return httpx.Client(base_url=self.base, timeout=60, **kwargs)  # type: ignore[arg-type]

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=60)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(config: ServerConfig) -> Running:
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(config), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the server did not start")
        time.sleep(0.02)
    return Running(f"http://127.0.0.1:{port}", server, thread)


@pytest.fixture
def serve(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., Running]]:
    """Start servers with the given ServerConfig fields; all are stopped after the test."""
    started: list[Running] = []

    def run(**fields: object) -> Running:
        fields.setdefault("data_dir", tmp_path_factory.mktemp("server"))
        running = start(ServerConfig(**fields))  # type: ignore[arg-type]
        started.append(running)
        return running

    yield run
    for running in started:
        running.stop()


@pytest.fixture
def site(httpserver: HTTPServer) -> HTTPServer:
    """The articles of tests.server.site at /news/SLUG."""
    for slug in ARTICLES:
        httpserver.expect_request(f"/news/{slug}").respond_with_data(
            page(slug), content_type="text/html; charset=utf-8"
        )
    return httpserver


def wait_done(client: httpx.Client, job_id: str, timeout: float = 120) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status: dict[str, Any] = client.get(f"/api/narrations/{job_id}").json()
        if status["status"] in ("done", "failed"):
            return status
        time.sleep(0.05)
    raise AssertionError(f"narration {job_id} not done after {timeout} s")
