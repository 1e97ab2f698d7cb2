"""Jobs and the library of narrations, in one SQLite file in the server's data folder.

A row is a narration: how it was asked for (the single-flight key), where it is (status,
progress), what it is (title, site, byline, date, duration, voice) and where its listener left
it. Rows survive restarts: those left queued or running are narrated again on the next start
(the sentence cache makes that cheap). One connection, shared by the event loop and the
worker threads under a lock: the writes are few and small.
"""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from dataclasses import asdict, dataclass, fields
from enum import StrEnum
from pathlib import Path
from typing import Any


class Status(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True)
class Job:
    id: str
    key: str
    """What makes two requests the same narration (source, voice, rate, format)."""
    kind: str
    """url, html or text."""
    source: str
    """The URL, or for pasted or dropped content the name of its file in the job's folder."""
    voice: str
    rate: float
    fmt: str
    status: Status = Status.QUEUED
    done: int = 0
    total: int = 0
    title: str = ""
    site: str = ""
    byline: str = ""
    published: str = ""
    url: str = ""
    language: str = ""
    duration: float = 0.0
    voice_name: str = ""
    error: str = ""
    created: float = 0.0
    finished: float = 0.0
    position: float = 0.0
    """Seconds into the audio where the listener left it."""


_COLUMNS = [f.name for f in fields(Job)]
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS narrations ({", ".join(_COLUMNS)}, PRIMARY KEY (id));
CREATE INDEX IF NOT EXISTS narrations_key ON narrations (key);
"""


class Store:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _rows(self, query: str, *args: Any) -> list[Job]:
        with self._lock:
            rows = self._db.execute(query, args).fetchall()
        return [Job(**{**dict(row), "status": Status(row["status"])}) for row in rows]

    def add(self, key: str, kind: str, source: str, voice: str, rate: float, fmt: str) -> Job:
        job = Job(uuid.uuid4().hex[:16], key, kind, source, voice, rate, fmt, created=time.time())
        values = asdict(job)
        with self._lock:
            self._db.execute(
                f"INSERT INTO narrations VALUES ({', '.join('?' * len(_COLUMNS))})",
                [values[c] for c in _COLUMNS],
            )
        return job

    def get(self, job_id: str) -> Job | None:
        found = self._rows("SELECT * FROM narrations WHERE id = ?", job_id)
        return found[0] if found else None

    def by_key(self, key: str) -> Job | None:
        """The narration asked for in the same way, unless it failed (then it may be retried)."""
        found = self._rows(
            "SELECT * FROM narrations WHERE key = ? AND status != ? ORDER BY created DESC",
            key,
            Status.FAILED,
        )
        return found[0] if found else None

    def all(self) -> list[Job]:
        return self._rows("SELECT * FROM narrations ORDER BY created DESC")

    def unfinished(self) -> list[Job]:
        return self._rows(
            "SELECT * FROM narrations WHERE status IN (?, ?) ORDER BY created",
            Status.QUEUED,
            Status.RUNNING,
        )

    def update(self, job_id: str, **values: Any) -> None:
        unknown = set(values) - set(_COLUMNS)
        if unknown:
            raise ValueError(f"no such columns: {', '.join(sorted(unknown))}")
        assignments = ", ".join(f"{name} = ?" for name in values)
        with self._lock:
            self._db.execute(
                f"UPDATE narrations SET {assignments} WHERE id = ?", [*values.values(), job_id]
            )

    def delete(self, job_id: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM narrations WHERE id = ?", (job_id,))
