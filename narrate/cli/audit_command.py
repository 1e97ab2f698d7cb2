"""`narrate audit PAGE...`: what a listener would stumble on, page by page, with no audio made.

Each page is read and turned into its spoken script as for a narration; the voice's own
phonemizer then flags words it would spell, symbols it would name, digits, web addresses and
very long segments (narrate.speech.audit). One report a page, then the total.
"""

from __future__ import annotations

from typing import Annotated

import typer

from narrate.cli.console import EXIT_ERROR, errors, say
from narrate.errors import NarrateError


def audit_command(
    pages: Annotated[
        list[str],
        typer.Argument(
            help="Article URLs, HTML or text files, or - for standard input.",
            show_default=False,
            metavar="PAGE...",
        ),
    ],
    voice: Annotated[
        str | None, typer.Option(help="The voice whose phonemizer listens (default: joe).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Audit pages that do not look like articles.")
    ] = False,
    shown: Annotated[int, typer.Option(help="Items shown for each kind of flag.", min=0)] = 12,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks and debug logs.")] = False,
) -> None:
    """Flag what the voice would say oddly in the spoken script of each PAGE (per 1,000 words)."""
    from narrate import pipeline
    from narrate.settings import Settings
    from narrate.speech.audit import AuditReport, Listener, audit_spoken, format_report
    from narrate.speech.catalog import find_voice

    failed = 0
    with errors(debug):
        settings = Settings(voice=voice, force=force, cover=False)
        listener = Listener.for_voice(find_voice(voice))
        total = AuditReport(0)
        for page in pages:
            try:
                script = pipeline.prepare(page, settings)
            except NarrateError as error:  # one bad page does not hide the others' reports
                if debug:
                    raise
                say(f"narrate: error: {error}")
                failed += 1
                continue
            report = audit_spoken((s.spoken for s in script.segments), listener)
            typer.echo(format_report(report, page, shown))
            total = total.merged(report)
        if len(pages) > 1:
            typer.echo(format_report(total, "all pages", shown))
    if failed:
        raise typer.Exit(EXIT_ERROR)


def register(app: typer.Typer) -> None:
    app.command("audit")(audit_command)
