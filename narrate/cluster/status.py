"""What `narrate cluster status` shows: the workers, the queues, and recent throughput."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from narrate.cluster import throughput
from narrate.cluster.celeryapp import QUEUES, check_broker

UNACKED = "unacked"
"""kombu's Redis hash of messages taken by a worker and not yet acknowledged."""


@dataclass(frozen=True)
class WorkerInfo:
    name: str
    processes: int
    busy: int
    """Tasks running now."""
    done: int
    """Tasks finished since the worker started."""


@dataclass(frozen=True)
class Status:
    broker: str
    workers: list[WorkerInfo]
    queued: dict[str, int]
    """Messages waiting in each queue."""
    in_flight: int
    """Messages taken by workers and not yet acknowledged (running, or held by a lost one)."""
    sentences_per_minute: list[int] = field(default_factory=list)
    articles_per_minute: list[int] = field(default_factory=list)


def gather(app: Any, minutes: int = 10, timeout: float = 1.0) -> Status:
    """Ask the broker and every worker that answers within `timeout` seconds."""
    check_broker(app)
    inspect = app.control.inspect(timeout=timeout)
    stats = inspect.stats() or {}
    active = inspect.active() or {}
    workers = [
        WorkerInfo(name, int(info.get("pool", {}).get("max-concurrency", 0)),
                   len(active.get(name, [])), sum(info.get("total", {}).values()))
        for name, info in sorted(stats.items())
    ]  # fmt: skip
    with app.connection_for_write() as connection:
        client = connection.default_channel.client
        queued = {queue: int(client.llen(queue)) for queue in QUEUES}
        in_flight = int(client.hlen(UNACKED))
    return Status(
        broker=app.conf.broker_url,
        workers=workers,
        queued=queued,
        in_flight=in_flight,
        sentences_per_minute=throughput.recent(app, "sentences", minutes),
        articles_per_minute=throughput.recent(app, "articles", minutes),
    )
