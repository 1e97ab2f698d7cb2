"""The one exception tree of narrate.

Every failure a user can cause or meet is one of these, with a message that says what failed
and what to do next. Only the CLI catches them, and prints the message on one line.

    NarrateError
    ├── SourceError          the input cannot be read (missing file, bad scheme, binary data)
    │   └── FetchError       an http(s) fetch failed (status, timeout, size, content type)
    ├── ExtractionError      the page holds no article to narrate
    ├── VoiceError           the voice cannot be found, loaded or run
    ├── AudioError           the audio cannot be assembled or encoded
    ├── OutputError          an output file cannot be written
    ├── FeedError            a podcast feed folder is missing, not a feed, or unreadable
    └── ClusterError         the cluster's broker or store cannot be reached, or a job failed
"""

from __future__ import annotations


class NarrateError(Exception):
    """Base of every error narrate raises on purpose."""


class SourceError(NarrateError):
    """The source (URL, file, stdin) cannot be read as a page or text."""


class FetchError(SourceError):
    """Fetching a URL failed."""


class ExtractionError(NarrateError):
    """The page holds no article body worth narrating."""


class VoiceError(NarrateError):
    """The voice cannot be found, loaded or used."""


class AudioError(NarrateError):
    """Assembling or encoding audio failed."""


class OutputError(NarrateError):
    """An output file cannot be written."""


class FeedError(NarrateError):
    """The feed folder is missing, not a feed, or its state cannot be read."""


class ClusterError(NarrateError):
    """The broker or the shared store cannot be reached, or the cluster could not do a job."""
