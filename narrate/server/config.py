"""The server's settings, built once by `narrate serve` (or a test) and handed to create_app."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from narrate.settings import Settings, default_jobs

DEFAULT_HOST: Final = "127.0.0.1"
DEFAULT_PORT: Final = 8765


def default_data_dir() -> Path:
    """Where jobs and narrations are kept: the user data folder (survives restarts)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("narrate")) / "server"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ServerConfig:
    settings: Settings = field(default_factory=Settings)
    """How narrations are made (voice, cache, fetch options); the client may pick voice and rate."""
    host: str = DEFAULT_HOST
    """The address served on; any but loopback needs an API key."""
    api_key: str = ""
    """Required from clients (Authorization: Bearer, or the page's session cookie) when set."""
    allow_private: bool = False
    """Let clients ask for URLs on loopback, private and link-local addresses."""
    data_dir: Path | None = None
    """Jobs database and narrations; None: the user data folder."""
    workers: int = 6
    """Narrations made at once; they take turns at the voices."""
    voices: int = field(default_factory=default_jobs)
    """Copies of a voice kept in memory and speaking at once (one core each): the cores."""
    max_queue: int = 16
    """Narrations waiting for a worker; one more is refused with 503 and Retry-After."""
    max_body: int = 2 * 1024 * 1024
    """Largest request body in bytes (pasted HTML, text); larger ones get 413."""
    max_speech_chars: int = 4096
    """Longest input of /v1/audio/speech, as OpenAI's."""
    rate_per_minute: int = 60
    """Requests that start work (new narrations, speech) per client address and minute."""
    feeds: tuple[Path, ...] = ()
    """Podcast feed folders served under /feeds/NAME/."""

    @property
    def folder(self) -> Path:
        return self.data_dir or default_data_dir()
