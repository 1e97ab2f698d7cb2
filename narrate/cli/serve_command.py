"""`narrate serve`: the listening page and the HTTP API. A thin shell over narrate.server.

Registered in narrate.cli.commands (SUBCOMMANDS); uvicorn is imported when the server starts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from narrate.cli.console import errors, say
from narrate.errors import NarrateError


def serve_command(
    host: Annotated[
        str, typer.Option(help="Address to listen on; any but loopback needs an API key.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8765,
    api_key: Annotated[
        str, typer.Option(envvar="NARRATE_API_KEY", help="Key clients must give (Bearer).")
    ] = "",
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private",
            envvar="NARRATE_ALLOW_PRIVATE",
            help="Let clients ask for URLs on loopback, private and link-local addresses.",
        ),
    ] = False,
    voice: Annotated[str | None, typer.Option(help="Default voice (see 'narrate voices').")] = None,
    workers: Annotated[
        int, typer.Option(help="Narrations made at once, taking turns at the voices.", min=1)
    ] = 6,
    voices: Annotated[
        int | None,
        typer.Option(help="Copies of the voice speaking at once; default: the cores.", min=1),
    ] = None,
    max_queue: Annotated[int, typer.Option(help="Narrations that may wait.", min=0)] = 16,
    feed: Annotated[
        list[Path] | None,
        typer.Option(help="A podcast feed folder to serve under /feeds/NAME/ (repeatable)."),
    ] = None,
    data_dir: Annotated[
        Path | None, typer.Option(help="Jobs and narrations; default: the user data folder.")
    ] = None,
    broker: Annotated[
        str,
        typer.Option(envvar="NARRATE_BROKER", show_default=False,
                     help="A cluster's Redis URL: its workers speak the sentences."),
    ] = "",
    store: Annotated[
        str,
        typer.Option(envvar="NARRATE_STORE", show_default=False,
                     help="The cluster's shared store: s3://bucket/prefix or file:///folder."),
    ] = "",
    debug: Annotated[bool, typer.Option(help="Show tracebacks and debug logs.")] = False,
) -> None:  # fmt: skip
    """Serve the listening page and the API (http://127.0.0.1:8765/ by default)."""
    with errors(debug):
        import uvicorn

        from narrate.paths import cache_folders
        from narrate.server import ServerConfig, create_app
        from narrate.server.config import is_loopback
        from narrate.settings import FetchOptions, Settings, default_jobs

        if not is_loopback(host) and not api_key:
            raise NarrateError(
                f"--host {host} opens the server to other machines: give an API key with "
                "--api-key or NARRATE_API_KEY"
            )
        for folder in feed or []:
            if not (folder / "feed.xml").is_file():
                raise NarrateError(f"{folder} is not a feed folder (no feed.xml)")
        settings = Settings(voice=voice, fetch=FetchOptions(cache_dir=cache_folders().pages),
                            broker=broker, store=store)  # fmt: skip
        config = ServerConfig(settings=settings, host=host, api_key=api_key,
                              allow_private=allow_private, data_dir=data_dir, workers=workers,
                              voices=voices or default_jobs(),
                              max_queue=max_queue, feeds=tuple(feed or ()))  # fmt: skip
        say(f"narrate: listening on http://{host}:{port}/ (Ctrl-C stops)")
        uvicorn.run(create_app(config), host=host, port=port,
                    log_level="debug" if debug else "warning")  # fmt: skip


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
