"""`narrate serve`: the listening page and the HTTP API, on Starlette/FastAPI and uvicorn.

app         the application: routes wired to the store and the runner, its lifespan
api         /api/narrations: jobs, their audio (streamed, then with Range) and side files
speech_api  /v1/audio/speech, compatible with OpenAI's speech API
pages       the listening page, its assets, and podcast feed folders
runner      the bounded queue and the threads that narrate jobs, one resident voice each
job         one narration: source -> script -> audio file growing as it is spoken
store       jobs and the library in SQLite, in the user data folder
guard       limits: API key, request size, rate, host names; addresses a client may ask for
config      the server's settings
"""

from narrate.server.app import create_app
from narrate.server.config import ServerConfig

__all__ = ["ServerConfig", "create_app"]
