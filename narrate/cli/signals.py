"""SIGTERM and SIGHUP (what timeout, systemd, Docker and cron send; a closed terminal) stop
narrate as Ctrl-C does: the exception unwinds through every `finally`, so temporary files go,
worker processes are stopped and a feed is left as it was; the exit status is 128 + the signal.
"""

from __future__ import annotations

import signal
from types import FrameType

EXIT_INTERRUPTED = 128 + signal.SIGINT
_HANDLED = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Stopped(KeyboardInterrupt):
    """A signal asked narrate to stop: handled wherever Ctrl-C is."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _stop(signum: int, _frame: FrameType | None) -> None:
    # Once is enough: a second signal during the clean-up must not cut it short.
    for handled in _HANDLED:
        signal.signal(handled, signal.SIG_IGN)
    raise Stopped(signum)


def install() -> None:
    """Handle SIGTERM and SIGHUP like SIGINT in this process (call from the main thread)."""
    for handled in _HANDLED:
        signal.signal(handled, _stop)


def exit_status(interrupt: KeyboardInterrupt) -> int:
    """128 + the signal that stopped narrate (130 for Ctrl-C)."""
    return 128 + interrupt.signum if isinstance(interrupt, Stopped) else EXIT_INTERRUPTED
