"""What the commands share on the terminal: messages, logging, errors as one line, progress.

typer and rich are imported by the cli package only. Errors from the library arrive as
NarrateError and leave as one line on stderr with a non-zero exit status; --debug shows the
traceback instead.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import typer

from narrate.cli import signals
from narrate.errors import NarrateError

EXIT_ERROR = 1
EXIT_INTERNAL = 3


def say(message: str, quiet: bool = False) -> None:
    if not quiet:
        typer.echo(message, err=True)


def setup_logging(debug: bool) -> None:
    """narrate's own warnings on stderr; other libraries' only with --debug."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("narrate: %(levelname)s: %(message)s"))
    owner = logging.getLogger() if debug else logging.getLogger("narrate")
    owner.handlers[:] = [handler]
    owner.setLevel(logging.DEBUG if debug else logging.WARNING)


@contextmanager
def errors(debug: bool) -> Iterator[None]:
    """Turn failures into one line on stderr and an exit status."""
    setup_logging(debug)
    try:
        yield
    except NarrateError as error:
        if debug:
            raise
        say(f"narrate: error: {error}")
        raise typer.Exit(EXIT_ERROR) from None
    except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM/SIGHUP (see signals)
        say(f"narrate: interrupted{f' ({stop})' if str(stop) else ''}")
        raise typer.Exit(signals.exit_status(stop)) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as error:
        if debug:
            raise
        say(
            f"narrate: internal error: {error.__class__.__name__}: {error} "
            "(run again with --debug for the details, and please report it)"
        )
        raise typer.Exit(EXIT_INTERNAL) from None


@contextmanager
def progress_bar(total: int | None, quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on a terminal; nothing when quiet or when stderr is not a terminal.

    With no total, the bar takes the total from each call (it restarts for each article).
    """
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "Narrating", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True
    ) as bar:
        task = bar.add_task("narrate", total=total)
        yield lambda done, of: bar.update(task, completed=done, total=of)
