"""`narrate feed ...`: keep a podcast feed in a folder. A thin shell over narrate.feed.

Registered in narrate.cli.commands as the `feed` subcommand; errors leave as one line through
narrate.cli.console, and a run where some articles failed ends with a non-zero exit status.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from narrate.cli.console import errors, progress_bar, say

if TYPE_CHECKING:
    from narrate.feed import Outcome, Report
    from narrate.settings import Settings

EXIT_SOME_FAILED = 1

feed_app = typer.Typer(
    add_completion=False,
    rich_markup_mode="rich",
    no_args_is_help=True,
    help="Keep a podcast feed (feed.xml, episodes, transcripts) in a folder a web server serves.",
)

Folder = Annotated[Path, typer.Argument(help="The feed folder.", show_default=False)]
Debug = Annotated[bool, typer.Option(help="Show tracebacks and debug logs.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No messages but errors.")]
Keep = Annotated[
    int | None,
    typer.Option(help="Keep at most N episodes; the oldest go, files too (remembered).", min=1),
]
Voice = Annotated[
    str | None,
    typer.Option(help="Voice name (see 'narrate voices') or path to a Piper .onnx model."),
]
Rate = Annotated[float, typer.Option(help="Speaking speed: 1.2 is 20% faster.", min=0.25, max=4)]
Jobs = Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes.", min=1)]
Timeout = Annotated[
    float, typer.Option(help="Seconds a web page may take in all (connect, download, retries).")
]
AllowPrivate = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        envvar="NARRATE_ALLOW_PRIVATE",
        help="Let addresses from fetched content (feed items, redirects, images) reach this "
        "machine or the local network.",
    ),
]
Force = Annotated[
    bool, typer.Option("--force", help="Narrate pages that do not look like articles.")
]
Broker = Annotated[
    str,
    typer.Option(envvar="NARRATE_BROKER", show_default=False,
                 help="A cluster's Redis URL: its workers speak the sentences."),
]  # fmt: skip
Store = Annotated[
    str,
    typer.Option(envvar="NARRATE_STORE", show_default=False,
                 help="The cluster's shared store: s3://bucket/prefix or file:///folder."),
]  # fmt: skip


def _settings(voice: str | None, rate: float, jobs: int | None, timeout: float,
              force: bool, allow_private: bool = False) -> Settings:  # fmt: skip
    from narrate.paths import cache_folders
    from narrate.settings import FetchOptions, Settings, SpeechSettings, default_jobs
    from narrate.sources.fetch import check_timeout

    pages = cache_folders().pages
    return Settings(voice=voice, speech=SpeechSettings(rate=rate), force=force,
                    fetch=FetchOptions(timeout=check_timeout(timeout), cache_dir=pages,
                                       allow_private=allow_private),
                    jobs=jobs or default_jobs())  # fmt: skip


def _printer(quiet: bool) -> Callable[[Outcome], None]:
    from narrate.feed import Status

    def show(outcome: Outcome) -> None:
        if outcome.status is Status.FAILED:
            typer.echo(f"failed: {outcome.source}: {outcome.error}", err=True)
            return
        title = outcome.episode.title if outcome.episode else outcome.error
        say(f"{outcome.status}: {title} ({outcome.source})", quiet)

    return show


def _finish(report: Report, quiet: bool) -> None:
    for gone in report.dropped:
        say(f"dropped (over --keep): {gone.title}", quiet)
    counts: dict[str, int] = {}
    for outcome in report.outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    say(", ".join(f"{n} {status}" for status, n in counts.items()) or "nothing to do", quiet)
    if report.failed:
        raise typer.Exit(EXIT_SOME_FAILED)


@feed_app.command("init")
def init_command(
    folder: Folder,
    title: Annotated[str, typer.Option(help="The podcast's title.", show_default=False)],
    base_url: Annotated[
        str, typer.Option(help="The URL where FOLDER is served, e.g. https://example.org/pod/.")
    ],
    description: Annotated[str, typer.Option(help="What the podcast is.")] = "",
    author: Annotated[str, typer.Option(help="itunes:author; default: the title.")] = "",
    email: Annotated[
        str, typer.Option(help="The owner's e-mail (itunes:owner), for Apple's ownership check.")
    ] = "",
    image: Annotated[
        Path | None,
        typer.Option(help="Cover: a square JPEG or PNG, 1400-3000 px. Default: a plain one."),
    ] = None,
    language: Annotated[str, typer.Option(help="Language of the episodes.")] = "en",
    category: Annotated[
        str, typer.Option(help="An Apple Podcasts category, optionally with a subcategory.")
    ] = "News",
    link: Annotated[str, typer.Option(help="The website the podcast belongs to.")] = "",
    explicit: Annotated[
        bool, typer.Option("--explicit", help="Mark the podcast explicit.")
    ] = False,
    keep: Keep = None,
    debug: Debug = False,
) -> None:
    """Start a feed in FOLDER: feed.xml, a cover and the state narrate keeps there."""
    from narrate import feed

    with errors(debug):
        state = feed.init(folder, title, base_url, description=description, author=author,
                          email=email, language=language, category=category, image=image,
                          explicit=explicit, link=link, keep=keep or 0)  # fmt: skip
        typer.echo(f"{state.channel.base_url}feed.xml")


@feed_app.command("add")
def add_command(
    folder: Folder,
    sources: Annotated[list[str], typer.Argument(help="Article URLs or files.", metavar="URL...")],
    keep: Keep = None,
    voice: Voice = None,
    rate: Rate = 1.0,
    jobs: Jobs = None,
    timeout: Timeout = 20.0,
    allow_private: AllowPrivate = False,
    force: Force = False,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Narrate each article into FOLDER and add its episode (or update it if the text changed)."""
    from narrate import feed

    with errors(debug):
        settings = _settings(voice, rate, jobs, timeout, force, allow_private)
        with progress_bar(None, quiet) as progress:
            report = feed.add(folder, sources, settings, keep=keep, progress=progress,
                              notify=_printer(quiet))  # fmt: skip
    _finish(report, quiet)


@feed_app.command("sync")
def sync_command(
    folder: Folder,
    source: Annotated[str, typer.Argument(help="A site's RSS or Atom feed (URL or file).")],
    limit: Annotated[int, typer.Option(help="Look at the first N items only.", min=1)] = 10,
    keep: Keep = None,
    voice: Voice = None,
    rate: Rate = 1.0,
    jobs: Jobs = None,
    timeout: Timeout = 20.0,
    allow_private: AllowPrivate = False,
    force: Force = False,
    broker: Broker = "",
    store: Store = "",
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Narrate the new or changed items of a site's feed into FOLDER; safe to run again."""
    from narrate import feed

    with errors(debug):
        settings = replace(_settings(voice, rate, jobs, timeout, force, allow_private),
                           broker=broker, store=store)  # fmt: skip
        with progress_bar(None, quiet) as progress:
            report = feed.sync(folder, source, settings, limit=limit, keep=keep,
                               progress=progress, notify=_printer(quiet))  # fmt: skip
    _finish(report, quiet)


@feed_app.command("list")
def list_command(folder: Folder, debug: Debug = False) -> None:
    """The episodes, newest first: GUID, date, duration, title."""
    from narrate import feed

    with errors(debug):
        for episode in feed.episodes(folder):
            minutes, seconds = divmod(round(episode.duration), 60)
            typer.echo(f"{episode.guid}\t{episode.published[:10]}\t{minutes}:{seconds:02d}\t"
                       f"{episode.title}")  # fmt: skip


@feed_app.command("remove")
def remove_command(
    folder: Folder,
    guid: Annotated[str, typer.Argument(help="The episode's GUID (see 'narrate feed list').")],
    debug: Debug = False,
) -> None:
    """Take an episode out of the feed and delete its files."""
    from narrate import feed

    with errors(debug):
        episode = feed.remove(folder, guid)
        typer.echo(f"removed: {episode.title}")


def register(app: typer.Typer) -> None:
    app.add_typer(feed_app, name="feed", help="Podcast feeds: narrated articles in a folder.")
