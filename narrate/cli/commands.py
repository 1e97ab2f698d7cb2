"""The `narrate` command: a thin shell over narrate.pipeline. typer and rich live here only.

Errors from the library arrive as NarrateError and leave as one line on stderr with a non-zero
exit status; --debug shows the traceback instead.
"""

from __future__ import annotations

import gc
import importlib
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated

import typer

from narrate.cli import signals
from narrate.cli.console import errors, progress_bar, say
from narrate.errors import NarrateError
from narrate.settings import FetchOptions
from narrate.sources.fetch import check_timeout

narrate_app = typer.Typer(add_completion=False, rich_markup_mode="rich")
# The subcommands, each in a module of its own that is imported only when its name is given (the
# plain command starts faster without them): name -> module, whose register(app) adds it.
SUBCOMMANDS = {
    "voices": "narrate.cli.voices_commands",
    "normalize": "narrate.cli.tools",
    "cache": "narrate.cli.tools",
    "feed": "narrate.cli.feed_commands",
    "audit": "narrate.cli.audit_command",
    "serve": "narrate.cli.serve_command",
    "worker": "narrate.cli.cluster_commands",
    "submit": "narrate.cli.cluster_commands",
    "cluster": "narrate.cli.cluster_commands",
}
DEFAULT_CACHE_MB = 500


def _version(value: bool) -> None:
    if value:
        from narrate import __version__

        typer.echo(f"narrate {__version__}")
        raise typer.Exit()


@narrate_app.command(
    epilog="Other commands: [bold]narrate voices[/] lists the voices; "
    "[bold]narrate normalize TEXT[/] shows how text is spoken; "
    "[bold]narrate cache info|clear[/] manages the sentence cache; "
    "[bold]narrate feed --help[/] makes podcast feeds.",
)
def narrate(
    source: Annotated[
        str,
        typer.Argument(
            help="Article URL (http/https), HTML or text file, or - for standard input.",
            show_default=False,
            metavar="SOURCE",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Audio file to write, or - for standard output (streamed as it is made). "
            "Default: a name made from the title, in the current folder.",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run",
            help="Print the spoken script, one segment a line, and synthesise nothing.",
            rich_help_panel="Input",
        ),
    ] = False,
    audit: Annotated[
        bool,
        typer.Option(
            "--audit",
            help="With --dry-run: also flag, on stderr, what the voice would say oddly.",
            rich_help_panel="Input",
        ),
    ] = False,
    play: Annotated[
        bool,
        typer.Option(
            "--play",
            help="Speak through the sound device as the narration is made.",
            rich_help_panel="Output",
        ),
    ] = False,
    voice: Annotated[
        str | None,
        typer.Option(
            help="Voice name (see 'narrate voices') or path to a Piper .onnx model.",
            show_default="an installed voice of the article's language, else en_US-joe-medium",
            rich_help_panel="Voice",
        ),
    ] = None,
    language: Annotated[
        str | None,
        typer.Option(
            help="The article's language (de, es, fr...), when the page does not say or says "
            "wrong: its text rules, and its voice unless --voice is given.",
            show_default="the page's",
            rich_help_panel="Voice",
        ),
    ] = None,
    speaker: Annotated[
        str | None,
        typer.Option(
            help="Speaker name or number, for voices with several.", rich_help_panel="Voice"
        ),
    ] = None,
    rate: Annotated[
        float,
        typer.Option(
            help="Speaking speed: 1.2 is 20% faster.", min=0.25, max=4.0, rich_help_panel="Voice"
        ),
    ] = 1.0,
    length_scale: Annotated[
        float | None,
        typer.Option(
            help="Piper's length scale (overrides the voice's own; above 1 is slower).",
            min=0.1,
            max=5.0,
            rich_help_panel="Voice",
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", help="mp3, wav, ogg (Opus) or m4b.", rich_help_panel="Output")
    ] = "mp3",
    bitrate: Annotated[
        str,
        typer.Option(
            help="Audio bitrate, e.g. 64k (mp3 default) or 96k.",
            show_default=False,
            rich_help_panel="Output",
        ),
    ] = "",
    lexicon: Annotated[
        Path | None,
        typer.Option(
            help="Extra pronunciations: a TSV of word<TAB>respelling or [[ phonemes ]], or a "
            "W3C PLS lexicon.",
            rich_help_panel="Voice",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Narrate even a page that does not "
            "look like an article (a home page, a paywall teaser).",
            rich_help_panel="Input",
        ),
    ] = False,
    cover: Annotated[
        bool,
        typer.Option(
            "--cover/--no-cover",
            help="Put the article's lead image in the MP3 as cover art (web pages only).",
            rich_help_panel="Output",
        ),
    ] = True,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Stop when some written form (a symbol, a code) cannot be put in words.",
            rich_help_panel="Input",
        ),
    ] = False,
    timeout: Annotated[
        float,
        typer.Option(
            help="Seconds a web page may take in all (connect, download, retries).",
            rich_help_panel="Input",
        ),
    ] = 20.0,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private",
            envvar="NARRATE_ALLOW_PRIVATE",
            help="Let addresses found in fetched content (redirects, images) reach this "
            "machine or the local network.",
            rich_help_panel="Input",
        ),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            help="Worker processes for synthesis.",
            show_default="all cores",
            min=1,
            rich_help_panel="Speed",
        ),
    ] = None,
    cache: Annotated[
        bool,
        typer.Option(
            "--cache/--no-cache",
            help="Reuse sentences synthesised before (see 'narrate cache info').",
            rich_help_panel="Speed",
        ),
    ] = True,
    cache_size: Annotated[
        int,
        typer.Option(
            help="Largest size of the sentence cache, in MB.", min=1, rich_help_panel="Speed"
        ),
    ] = DEFAULT_CACHE_MB,
    vtt: Annotated[
        Path | None,
        typer.Option(help="Also write WebVTT captions here.", rich_help_panel="Text and timings"),
    ] = None,
    srt: Annotated[
        Path | None,
        typer.Option(help="Also write SubRip captions here.", rich_help_panel="Text and timings"),
    ] = None,
    timings: Annotated[
        Path | None,
        typer.Option(
            help="Also write a JSON transcript with times (Podcasting 2.0) here.",
            rich_help_panel="Text and timings",
        ),
    ] = None,
    chapters: Annotated[
        Path | None,
        typer.Option(
            help="Also write JSON chapters (Podcasting 2.0) here.",
            rich_help_panel="Text and timings",
        ),
    ] = None,
    html: Annotated[
        Path | None,
        typer.Option(
            help="Also write a read-along page here: the text, highlighted as it is "
            "spoken, with the audio (works offline, next to the audio file).",
            rich_help_panel="Text and timings",
        ),
    ] = None,
    epub: Annotated[
        Path | None,
        typer.Option(
            help="Also write an EPUB 3 with Media Overlays (text synchronised with the audio) "
            "here.",
            rich_help_panel="Text and timings",
        ),
    ] = None,
    broker: Annotated[
        str,
        typer.Option(
            envvar="NARRATE_BROKER",
            help="A cluster's Redis URL: its workers ('narrate worker') speak the sentences.",
            show_default=False,
            rich_help_panel="Cluster",
        ),
    ] = "",
    store: Annotated[
        str,
        typer.Option(
            envvar="NARRATE_STORE",
            help="The cluster's shared store: s3://bucket/prefix or file:///shared/folder.",
            show_default=False,
            rich_help_panel="Cluster",
        ),
    ] = "",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or messages.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks and debug logs.")] = False,
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
    from narrate.audio.formats import audio_format
    from narrate.files import free_name
    from narrate.paths import cache_folders
    from narrate.settings import Outputs, Settings, SpeechSettings, default_jobs

    with errors(debug):
        try:
            audio = audio_format(fmt)
        except ValueError as error:
            raise NarrateError(str(error)) from None
        pages = cache_folders().pages if cache else None
        settings = Settings(
            voice=voice, fmt=audio, bitrate=bitrate, lexicon=lexicon, force=force, strict=strict,
            cover=cover, language=language,
            speech=SpeechSettings(speaker=speaker, length_scale=length_scale, rate=rate),
            fetch=FetchOptions(timeout=check_timeout(timeout), cache_dir=pages,
                               allow_private=allow_private),
            jobs=jobs or default_jobs(),
            cache=cache, cache_size=cache_size * 1024 * 1024,
            outputs=Outputs(vtt=vtt, srt=srt, timings=timings, chapters=chapters, html=html,
                            epub=epub),
            broker=broker, store=store,
        )  # fmt: skip
        if dry_run:
            script = pipeline.prepare(source, settings)
            for segment in script.segments:
                typer.echo(segment.spoken)
            if audit:
                from narrate.speech.audit import audit_script

                say(audit_script(script, pipeline.voice_for(settings, script.article), source))
            return
        if audit:
            raise NarrateError("--audit goes with --dry-run (or use: narrate audit PAGE...)")
        if (play or output == Path("-")) and (html or epub):
            raise NarrateError("--html and --epub need an audio file: give -o FILE")
        info = pipeline.voice_for(settings)
        # A page not seen before starts the voice's workers, which load it during extraction.
        with ExitStack() as stack:
            synthesizer = stack.enter_context(pipeline.synthesizer_for(settings, info))
            script = pipeline.prepare(source, settings, on_new_page=synthesizer.start)
            if (chosen := pipeline.voice_for(settings, script.article)).model != info.model:
                synthesizer.close()  # the article's language wants another voice
                info = chosen
                synthesizer = stack.enter_context(pipeline.synthesizer_for(settings, info))
            if play or output == Path("-"):
                with progress_bar(len(script.segments), quiet) as progress:
                    stream = None if play else sys.stdout.buffer
                    narration = pipeline.stream_script(
                        script, stream, settings, progress, synthesizer
                    )
                pipeline.write_sidecars(narration, script, settings.outputs, Path("-"), info)
                return
            # A name narrate chooses never replaces a file that is there already.
            path = output or free_name(pipeline.default_output(script.article, audio))
            with progress_bar(len(script.segments), quiet) as progress:
                result = pipeline.narrate_script(script, path, settings, progress, synthesizer)
        minutes, seconds = divmod(round(result.narration.seconds), 60)
        reused = f", {result.stats.hits} from the cache" if result.stats.hits else ""
        say(
            f"Wrote {path} ({minutes}:{seconds:02d}, {len(script.segments)} segments{reused})",
            quiet,
        )


def subcommand_app(name: str) -> typer.Typer:
    """The typer app of the subcommand NAME (one of SUBCOMMANDS)."""
    app = typer.Typer(add_completion=False, rich_markup_mode="rich", no_args_is_help=True)
    # A callback keeps typer from treating a lone registered command as the whole program.
    app.callback(help="narrate's other commands.")(lambda: None)
    importlib.import_module(SUBCOMMANDS[name]).register(app)
    return app


def main(argv: list[str] | None = None) -> None:
    """Entry point: `narrate SOURCE ...`, or one of the subcommands."""
    args = sys.argv[1:] if argv is None else argv
    signals.install()
    try:
        if args and args[0] in SUBCOMMANDS:
            subcommand_app(args[0])(args=args, prog_name="narrate")
        else:
            narrate_app(args=args, prog_name="narrate")
    finally:
        # The process ends next. Its objects go with it: spare the interpreter a last full
        # collection of them, a measurable part of an unchanged re-narration.
        gc.freeze()
