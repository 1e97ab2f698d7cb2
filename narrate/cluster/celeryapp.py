"""The Celery application and the settings that make the cluster lose nothing.

Celery sits behind this module and narrate.cluster.tasks only. The broker is Redis (it also
keeps the small task results); the audio never goes through it, only through the store.

Reliability, setting by setting:

- `task_acks_late`: a task's message is acknowledged when the task has finished, not when a
  worker takes it, so work in flight on a machine that dies is still in the broker.
- `task_reject_on_worker_lost`: a worker process killed mid-task (out of memory, SIGKILL) hands
  its message back at once instead of reporting a failure: without it the sentence is lost.
- Redis keeps unacknowledged messages aside and hands them out again once they are older than
  the visibility timeout. kombu looks for such messages every `unacked_restore_interval`
  seconds but only scans on every `unacked_restore_throttle`-th look (10 and 10 by default: a
  lost machine's work came back after 92 s). With 15 s, 5 s and 1 it comes back within about
  20 s.
- A task longer than the visibility timeout would be handed out a second time while it runs.
  So each worker, while it lives, marks the messages it holds as just taken, every third of
  the timeout (hold_work): however long a task runs, nobody else gets it; once the worker is
  gone the marks stop and its work comes back after the timeout. (Tasks are idempotent all
  the same: a message restored by hand, or by a worker without the mark, costs work, never a
  second object.)
- Prefetch 1 and fair scheduling: a worker process takes one message at a time, so a slow
  sentence does not hold others back and a killed process holds at most one.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Final

from narrate.errors import ClusterError

log = logging.getLogger(__name__)

INTERACTIVE: Final = "narrate.interactive"
"""The queue of sentences someone is waiting for (narrate URL --broker)."""
BATCH: Final = "narrate.batch"
"""The queue of fire-and-forget work (narrate submit, feeds)."""
QUEUES: Final = (INTERACTIVE, BATCH)

VISIBILITY_TIMEOUT_S: Final = 15
"""Seconds after which the work of a worker that vanished is handed to another."""
RESTORE_INTERVAL_S: Final = VISIBILITY_TIMEOUT_S // 3

SPEAK_TASK: Final = "narrate.speak"
ARTICLE_TASK: Final = "narrate.article"
ASSEMBLE_TASK: Final = "narrate.assemble"


def settings(broker: str, visibility_s: int = VISIBILITY_TIMEOUT_S) -> dict[str, Any]:
    """The Celery configuration for a broker URL (redis://, rediss:// or redis+socket://)."""
    transport = {
        "visibility_timeout": visibility_s,
        "unacked_restore_interval": max(1, visibility_s // 3),
        "unacked_restore_throttle": 1,
        # a restorer killed mid-scan must not block the others for kombu's default 5 minutes
        "unacked_mutex_expire": 2 * visibility_s,
        "socket_connect_timeout": 3,
        # a worker takes from its queues in the order given: sentences someone waits for first
        "queue_order_strategy": "priority",
    }
    return {
        "broker_url": broker,
        "result_backend": broker,
        "broker_transport_options": transport,
        "result_backend_transport_options": {"socket_connect_timeout": 3},
        "broker_connection_retry_on_startup": True,
        "task_serializer": "json",
        "result_serializer": "json",
        "accept_content": ["json"],
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "task_default_queue": BATCH,
        "task_routes": {SPEAK_TASK: {"queue": INTERACTIVE}},
        "worker_prefetch_multiplier": 1,
        "result_expires": 3600,
        "task_send_sent_event": False,
    }


def make_app(broker: str, visibility_s: int = VISIBILITY_TIMEOUT_S) -> Any:
    """A Celery app talking to `broker`; the tasks are registered when a worker imports them."""
    try:
        from celery import Celery
    except ImportError:
        raise ClusterError("the cluster needs its extra: pip install 'narrate[cluster]'") from None
    if not broker.startswith(("redis://", "rediss://", "redis+socket://", "unix://")):
        raise ClusterError(f"broker {broker!r}: give a Redis URL, such as redis://host:6379/0")
    app = Celery("narrate", set_as_current=False)
    app.conf.update(settings(broker, visibility_s))
    return app


def hold_work(app: Any) -> None:
    """Add the worker step that keeps the messages this worker holds from being handed out
    again while it lives (see the module's docstring)."""
    from celery import bootsteps

    period = app.conf.broker_transport_options["visibility_timeout"] / 3

    class HoldWork(bootsteps.StartStopStep):  # type: ignore[misc]  # celery has no types
        requires = ("celery.worker.components:Timer",)

        def start(self, worker: Any) -> None:
            self.marking = worker.timer.call_repeatedly(period, mark_held, (app,), priority=10)

        def stop(self, worker: Any) -> None:
            if getattr(self, "marking", None) is not None:
                self.marking.cancel()

    app.steps["worker"].add(HoldWork)


def mark_held(app: Any) -> None:
    """Mark every message this worker holds as taken now, in kombu's index of unacknowledged
    messages (scored by when each was taken; only those already there: an acknowledged one
    must not come back)."""
    from celery.worker import state

    tags = [request.message.delivery_tag for request in list(state.reserved_requests)]
    if not tags:
        return
    try:
        with app.pool.acquire(block=True, timeout=2) as connection:
            channel = connection.default_channel
            channel.client.zadd(channel.unacked_index_key, dict.fromkeys(tags, time.time()),
                                xx=True)  # fmt: skip
    except Exception as error:  # the broker away: its own errors say so; try again next time
        log.warning("could not mark the work this worker holds: %s", _first_line(error))


def check_broker(app: Any) -> None:
    """Fail now, with one line, when the broker cannot be reached."""
    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=2, interval_start=0.2, interval_step=0.5)
    except Exception as error:  # kombu and redis raise their own types; all mean the same
        raise ClusterError(
            f"cannot reach the broker {app.conf.broker_url}: {_first_line(error)}"
        ) from None


def broker_run(app: Any) -> str:
    """The broker's run id, which Redis makes anew at each start; one clear line when the
    broker stays away (a few seconds of waiting first: a restart is not an error)."""
    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=4, interval_start=0.5, interval_step=1)
            return str(connection.default_channel.client.info("server")["run_id"])
    except Exception as error:  # kombu and redis raise their own types; all mean the same
        raise ClusterError(f"lost the broker {app.conf.broker_url}: {_first_line(error)}") from None


def _first_line(error: BaseException) -> str:
    return (str(error).strip() or error.__class__.__name__).splitlines()[0]
