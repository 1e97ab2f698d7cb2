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
  20 s. A task must finish well within the visibility timeout, or it is handed out twice:
  every task here is one sentence or one short step, and all are idempotent.
- Prefetch 1 and fair scheduling: a worker process takes one message at a time, so a slow
  sentence does not hold others back and a killed process holds at most one.
"""

from __future__ import annotations

from typing import Any, Final

from narrate.errors import ClusterError

INTERACTIVE: Final = "narrate.interactive"
"""The queue of sentences someone is waiting for (narrate URL --broker)."""
BATCH: Final = "narrate.batch"
"""The queue of fire-and-forget work (narrate submit, feeds)."""
QUEUES: Final = (INTERACTIVE, BATCH)

VISIBILITY_TIMEOUT_S: Final = 15
RESTORE_INTERVAL_S: Final = 5

SPEAK_TASK: Final = "narrate.speak"
ARTICLE_TASK: Final = "narrate.article"
ASSEMBLE_TASK: Final = "narrate.assemble"


def settings(broker: str) -> dict[str, Any]:
    """The Celery configuration for a broker URL (redis://, rediss:// or redis+socket://)."""
    transport = {
        "visibility_timeout": VISIBILITY_TIMEOUT_S,
        "unacked_restore_interval": RESTORE_INTERVAL_S,
        "unacked_restore_throttle": 1,
        # a restorer killed mid-scan must not block the others for kombu's default 5 minutes
        "unacked_mutex_expire": 2 * VISIBILITY_TIMEOUT_S,
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


def make_app(broker: str) -> Any:
    """A Celery app talking to `broker`; the tasks are registered when a worker imports them."""
    try:
        from celery import Celery
    except ImportError:
        raise ClusterError("the cluster needs its extra: pip install 'narrate[cluster]'") from None
    if not broker.startswith(("redis://", "rediss://", "redis+socket://", "unix://")):
        raise ClusterError(f"broker {broker!r}: give a Redis URL, such as redis://host:6379/0")
    app = Celery("narrate", set_as_current=False)
    app.conf.update(settings(broker))
    return app


def check_broker(app: Any) -> None:
    """Fail now, with one line, when the broker cannot be reached."""
    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=2, interval_start=0.2, interval_step=0.5)
    except Exception as error:  # kombu and redis raise their own types; all mean the same
        raise ClusterError(
            f"cannot reach the broker {app.conf.broker_url}: {_first_line(error)}"
        ) from None


def _first_line(error: BaseException) -> str:
    return (str(error).strip() or error.__class__.__name__).splitlines()[0]
