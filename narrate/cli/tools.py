"""narrate's other commands: normalize, cache (voices: narrate.cli.voices_commands)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from narrate.cli.console import errors
from narrate.errors import NarrateError


def normalize_command(
    text: Annotated[str, typer.Argument(help="Text to normalise, or - for standard input.")],
    language: Annotated[str, typer.Option(help="The text's language: en, de, es, fr, uk.")] = "en",
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Print TEXT as narrate would speak it."""
    from narrate.textnorm import normalize

    with errors(debug):
        source = sys.stdin.read() if text == "-" else text
        for paragraph in source.split("\n\n"):
            typer.echo(normalize(paragraph, language))


def cache_command(
    action: Annotated[
        str, typer.Argument(help="info: where the cache is and its size; clear: empty it.")
    ],
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Show or clear the cache of synthesised sentences."""
    from narrate.paths import cache_folders
    from narrate.sources.httpcache import HttpCache
    from narrate.speech.modelstore import remove_optimized_copies
    from narrate.speech.segmentcache import SegmentCache

    with errors(debug):
        folders = cache_folders()
        cache = SegmentCache(folders.segments)
        if action == "info":
            stats = cache.stats()
            typer.echo(f"{stats.folder}\n{stats.sentences} sentences, {stats.narrations} "
                       f"narrations, {stats.bytes / 2**20:.1f} MB")  # fmt: skip
        elif action == "clear":
            typer.echo(f"Removed {cache.clear()} sentences and narrations from {cache.folder}")
            pages = HttpCache(folders.pages)
            typer.echo(f"Removed {pages.clear()} saved pages from {pages.folder}")
            folder = folders.articles
            articles = list(folder.glob("*.json"))
            for saved in [*articles, *folder.glob("*.title")]:
                saved.unlink(missing_ok=True)
            typer.echo(f"Removed {len(articles)} extracted articles")
            copies = remove_optimized_copies(folders.models)
            typer.echo(f"Removed {copies} optimised voice models (made again when needed)")
        else:
            raise NarrateError(f"unknown cache action {action!r}: use info or clear")


def register(app: typer.Typer) -> None:
    app.command("normalize")(normalize_command)
    app.command("cache")(cache_command)
