"""The application: the routes, the limits around them, and the store and runner they share.

Built by create_app(config); `narrate serve` runs it with uvicorn, the tests too.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import AsyncIterator
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from narrate import __version__
from narrate.errors import NarrateError
from narrate.server import api, pages, speech_api
from narrate.server.config import ServerConfig
from narrate.server.guard import Guard
from narrate.server.runner import Runner, Voices
from narrate.server.store import Store
from narrate.speech.catalog import list_voices


def create_app(config: ServerConfig) -> FastAPI:
    """The server's ASGI app; its lifespan starts and stops the narration workers."""

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        folder = config.folder
        store = Store(folder / "jobs.sqlite")
        voices = Voices(config.settings, config.voices)
        runner = Runner(store, folder, voices, config.workers, config.max_queue,
                        config.allow_private)  # fmt: skip
        app.state.config = config
        app.state.store, app.state.voices, app.state.runner = store, voices, runner
        app.state.voice_names = [voice.name for voice in list_voices()]
        app.state.speech_slots = threading.BoundedSemaphore(max(1, config.workers))
        app.state.feeds = {Path(f).name: Path(f) for f in config.feeds}
        runner.start()
        try:
            yield
        finally:
            runner.stop()
            store.close()

    app = FastAPI(
        title="narrate",
        version=__version__,
        summary="Narrated articles: the listening page and its API.",
        docs_url=None,  # Swagger UI loads from a CDN; /openapi.json describes the API offline
        redoc_url=None,
        lifespan=lifespan,
    )
    app.include_router(api.router)
    app.include_router(speech_api.router)
    app.include_router(pages.router)

    @app.exception_handler(NarrateError)
    async def refused(_: Request, error: NarrateError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, 400)

    app.add_middleware(Guard, config=config)
    return app
