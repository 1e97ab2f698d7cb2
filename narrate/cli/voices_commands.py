"""`narrate voices ...`: the voices installed here, Piper's whole catalogue, and downloads.

A thin shell over narrate.speech.catalog (voices on this machine), narrate.speech.published
(the catalogue shipped with narrate) and narrate.speech.download. Registered by
narrate.cli.commands as the `voices` subcommand (see `register`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from narrate.cli.console import errors, say
from narrate.errors import NarrateError

if TYPE_CHECKING:
    from narrate.speech.download import Progress
    from narrate.speech.published import PublishedVoice

voices_app = typer.Typer(
    add_completion=False,
    rich_markup_mode="rich",
    help="The voices installed here; --all lists every Piper voice, 'download' fetches one.",
)

Debug = Annotated[bool, typer.Option(help="Show tracebacks and debug logs.")]
Language = Annotated[
    str | None, typer.Option(help="Only voices of this language: de, de_DE, es-MX...")
]
NONCOMMERCIAL_NOTE = "NON-COMMERCIAL: personal use only (not for a podcast with ads, say)"


def _licence(voice: PublishedVoice) -> str:
    if voice.use == "unverified":
        return "licence not verified (read its MODEL_CARD)"
    flag = {"noncommercial": "  [NON-COMMERCIAL]", "unclear": "  [licence unclear]"}
    return voice.license + flag.get(voice.use, "")


@voices_app.callback(invoke_without_command=True)
def voices_command(
    ctx: typer.Context,
    every: Annotated[
        bool, typer.Option("--all", help="Every voice Piper publishes (offline: the catalogue).")
    ] = False,
    language: Language = None,
    quality: Annotated[
        str | None, typer.Option(help="Only voices of this quality: x_low, low, medium, high.")
    ] = None,
    debug: Debug = False,
) -> None:
    """List the voices installed here (pip-installed, ./voices, the user data folder)."""
    if ctx.invoked_subcommand:
        return
    from narrate.speech.catalog import list_voices, voice_dirs
    from narrate.speech.published import published_voices, select

    with errors(debug):
        if every:
            installed = {info.name for info in list_voices()}
            voices = select(published_voices(), language, quality)
            for v in voices:
                mark = "installed" if v.key in installed else ""
                typer.echo(f"{v.key}\t{v.language}\t{v.quality}\t{v.sample_rate} Hz\t"
                           f"{v.speakers} speaker{'s' if v.speakers > 1 else ''}\t"
                           f"{v.size / 1e6:.0f} MB\t{_licence(v)}\t{mark}".rstrip())  # fmt: skip
            say(f"{len(voices)} voices; 'narrate voices download NAME' fetches one")
            return
        select([], language, quality)  # checks --quality
        wanted = (language or "").replace("-", "_").lower()
        for info in list_voices():
            code = info.language.replace("-", "_").lower()
            if wanted and wanted not in (code, code.split("_")[0]):
                continue
            if quality and info.quality != quality:
                continue
            flag = "  [NON-COMMERCIAL]" if info.noncommercial else ""
            typer.echo(
                f"{info.name}\t{info.language}\t{info.quality}\t{info.sample_rate} Hz\t"
                f"{info.license or '?'}{flag}\t{info.origin}"
            )
        say("Searched: pip package, " + ", ".join(str(d) for d in voice_dirs()))


@voices_app.command("download")
def download_command(
    names: Annotated[
        list[str] | None, typer.Argument(help="Voice names, as 'narrate voices --all' lists them.")
    ] = None,
    language: Annotated[
        str | None, typer.Option(help="Download the suggested voice for this language instead.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    debug: Debug = False,
) -> None:
    """Download voices into the user data folder: checked against the catalogue, resumable."""
    from narrate.speech.download import download_dir, download_voice
    from narrate.speech.published import best_for, published_voice

    with errors(debug):
        if not names and not language:
            raise NarrateError("name a voice to download, or give --language (e.g. --language de)")
        voices = [published_voice(name) for name in names or []]
        if language:
            voices.append(best_for(language))
        for voice in voices:
            with _bar(voice.key, quiet) as progress:
                model = download_voice(voice, download_dir(), progress)
            say(f"Downloaded {voice.key} to {model.parent} ({_licence(voice)})", quiet)
            if voice.credit:
                say(f"Credit line its licence asks for: {voice.credit}", quiet)
            if voice.use == "noncommercial":
                say(f"{voice.key}: {NONCOMMERCIAL_NOTE}")


@voices_app.command("refresh")
def refresh_command(
    url: Annotated[
        str | None,
        typer.Option(
            help="Where Piper's voices.json is.", show_default="$NARRATE_VOICES_URL or Piper's"
        ),
    ] = None,
    debug: Debug = False,
) -> None:
    """Fetch Piper's newest voice catalogue (voices.json) into the user data folder."""
    from narrate.speech.download import refresh_catalog
    from narrate.speech.published import published_voices

    with errors(debug):
        path = refresh_catalog(url)
        count = len(published_voices())
        say(f"Saved {count} voice{'s' if count != 1 else ''} to {path}")


@contextmanager
def _bar(name: str, quiet: bool) -> Iterator[Progress | None]:
    """A rich progress bar in bytes on a terminal; nothing when quiet or not a terminal."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    columns = (BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn())
    with Progress(name, *columns, transient=True) as bar:
        task = bar.add_task(name, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def register(app: typer.Typer) -> None:
    app.add_typer(voices_app, name="voices")
