"""The `narrate` command: a thin shell over narrate.pipeline. typer and rich live here only.

Errors from the library arrive as NarrateError and leave as one line on stderr with a non-zero
exit status; --debug shows the traceback instead.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from narrate import __version__
from narrate.errors import NarrateError
from narrate.fetch import FetchOptions

EXIT_ERROR = 1
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130

narrate_app = typer.Typer(add_completion=False, rich_markup_mode="rich")
tools_app = typer.Typer(
    add_completion=False,
    rich_markup_mode="rich",
    no_args_is_help=True,
    help="narrate's other commands.",
)
SUBCOMMANDS = {"voices", "normalize"}


def _say(message: str, quiet: bool = False) -> None:
    if not quiet:
        typer.echo(message, err=True)


@contextmanager
def _errors(debug: bool) -> Iterator[None]:
    """Turn failures into one line on stderr and an exit status."""
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="narrate: %(levelname)s: %(message)s",
    )
    try:
        yield
    except NarrateError as error:
        if debug:
            raise
        _say(f"narrate: error: {error}")
        raise typer.Exit(EXIT_ERROR) from None
    except KeyboardInterrupt:
        _say("narrate: interrupted")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as error:
        if debug:
            raise
        _say(
            f"narrate: internal error: {error.__class__.__name__}: {error} "
            "(run again with --debug for the details, and please report it)"
        )
        raise typer.Exit(EXIT_INTERNAL) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"narrate {__version__}")
        raise typer.Exit()


@narrate_app.command(
    epilog="Other commands: [bold]narrate voices[/] lists the voices; "
    "[bold]narrate normalize TEXT[/] shows how text is spoken.",
)
def narrate(
    source: Annotated[
        str,
        typer.Argument(
            help="Article URL (http/https), HTML or text file, or - for standard input.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Audio file to write. Default: a name made from the title, in the current folder.",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run", help="Print the spoken script, one segment a line, and synthesise nothing."
        ),
    ] = False,
    voice: Annotated[
        str | None,
        typer.Option(
            help="Voice name (see 'narrate voices') or path to a Piper .onnx model.",
            show_default="en_US-joe-medium",
        ),
    ] = None,
    speaker: Annotated[
        str | None, typer.Option(help="Speaker name or number, for voices with several.")
    ] = None,
    rate: Annotated[
        float, typer.Option(help="Speaking speed: 1.2 is 20% faster.", min=0.25, max=4.0)
    ] = 1.0,
    length_scale: Annotated[
        float | None,
        typer.Option(
            help="Piper's length scale (overrides the voice's own; above 1 is slower).",
            min=0.1,
            max=5.0,
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="mp3, wav, ogg (Opus) or m4b.")] = "mp3",
    bitrate: Annotated[
        str, typer.Option(help="Audio bitrate, e.g. 64k (mp3 default) or 96k.", show_default=False)
    ] = "",
    lexicon: Annotated[
        Path | None,
        typer.Option(help="Extra pronunciations: a TSV of word<TAB>respelling or [[ phonemes ]]."),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Narrate even a page that does not "
            "look like an article (a home page, a paywall teaser).",
        ),
    ] = False,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a web page.")] = 20.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or messages.")] = False,
    debug: Annotated[bool, typer.Option(help="Show tracebacks and debug logs.")] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Narrate a news article into an MP3, offline, with a Piper voice.

    Fetches the page, extracts the article (no menus, captions or related links), turns
    numbers, dates and abbreviations into words, and reads it aloud.
    """
    from narrate import pipeline
    from narrate.audio import FORMATS
    from narrate.textnorm import Lexicon
    from narrate.voice import SpeechSettings, Voice
    from narrate.voices import find_voice

    with _errors(debug):
        if fmt not in FORMATS:
            raise NarrateError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
        words = Lexicon.default()
        if lexicon:
            words = words.merged(Lexicon.load(lexicon))
        info = find_voice(voice)
        article = pipeline.load_article(source, FetchOptions(timeout=timeout), force=force)
        script = pipeline.make_script(article, words)
        if not script.segments:
            raise NarrateError(f"{source}: nothing to narrate (no text found)")
        if dry_run:
            for segment in script.segments:
                typer.echo(segment.spoken)
            return
        path = output or pipeline.default_output(article, fmt)
        pipeline.check_writable(path)
        speech = SpeechSettings(speaker=speaker, length_scale=length_scale, rate=rate)
        engine = Voice(info, speech)
        with _progress(len(script.segments), quiet) as progress:
            narration = pipeline.synthesize(script, engine, progress)
        pipeline.write_audio(narration, script, path, info, fmt, bitrate)
        minutes, seconds = divmod(round(narration.seconds), 60)
        _say(f"Wrote {path} ({minutes}:{seconds:02d}, {len(script.segments)} segments)", quiet)


@contextmanager
def _progress(total: int, quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on a terminal; nothing when quiet or when stderr is not a terminal."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "Narrating", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True
    ) as bar:
        task = bar.add_task("narrate", total=total)
        yield lambda done, _total: bar.update(task, completed=done)


@tools_app.command("voices")
def voices_command(debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False) -> None:
    """List the voices available here (pip-installed, ./voices, the user data folder)."""
    from narrate.voices import list_voices, voice_dirs

    with _errors(debug):
        for info in list_voices():
            typer.echo(
                f"{info.name}\t{info.language}\t{info.quality}\t{info.sample_rate} Hz\t"
                f"{info.license or '?'}\t{info.origin}"
            )
        _say("Searched: pip package, " + ", ".join(str(d) for d in voice_dirs()))


@tools_app.command("normalize")
def normalize_command(
    text: Annotated[str, typer.Argument(help="Text to normalise, or - for standard input.")],
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Print TEXT as narrate would speak it."""
    from narrate.textnorm import normalize

    with _errors(debug):
        source = sys.stdin.read() if text == "-" else text
        for paragraph in source.split("\n\n"):
            typer.echo(normalize(paragraph))


def main(argv: list[str] | None = None) -> None:
    """Entry point: `narrate SOURCE ...`, or one of the subcommands."""
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in SUBCOMMANDS:
        tools_app(args=args, prog_name="narrate")
    else:
        narrate_app(args=args, prog_name="narrate")
