"""Work done per minute, counted in Redis, for `narrate cluster status`.

A counter per kind of work and per minute, kept two hours: cheap enough to bump after every
task (one round trip), and enough to tell what the cluster did lately.
"""

from __future__ import annotations

import logging
import time
from typing import Any

log = logging.getLogger(__name__)

_KEEP_S = 2 * 3600


def _key(kind: str, minute: int) -> str:
    return f"narrate:done:{kind}:{minute}"


def record(app: Any, kind: str, count: int = 1) -> None:
    """Count `count` pieces of work of `kind` ("sentences", "articles") done now."""
    key = _key(kind, int(time.time() // 60))
    try:
        client = app.backend.client
        client.pipeline().incrby(key, count).expire(key, _KEEP_S).execute()
    except Exception as error:  # statistics must never fail a task
        log.debug("could not count %s: %s", kind, error)


def recent(app: Any, kind: str, minutes: int = 10) -> list[int]:
    """How many of `kind` were done in each of the last `minutes` minutes, oldest first (the
    last is the current minute, so far)."""
    now = int(time.time() // 60)
    keys = [_key(kind, minute) for minute in range(now - minutes + 1, now + 1)]
    values = app.backend.client.mget(keys)
    return [int(value or 0) for value in values]
