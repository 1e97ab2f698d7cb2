"""One article into one episode: its files in the feed folder and its record for the state.

Runs outside the folder's lock (narrating is slow). Every file name carries the episode's stem
(fixed at its first narration) and a hash of the spoken text, so a re-narration writes new files
beside the old ones and the feed switches to them in one step.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import uuid
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from narrate import pipeline
from narrate.feed.state import Episode, State
from narrate.model import Article, AudioFormat, Script
from narrate.settings import Outputs, Settings
from narrate.sources.fetch import is_url
from narrate.sources.vetting import trusted_canonical, web_address
from narrate.speech.synthesis import Progress, Synthesizer

log = logging.getLogger(__name__)

_DESCRIPTION_CHARS = 400
_STEM_CHARS = 48


def normal_url(url: str) -> str:
    """One spelling per address: scheme and host in lower case, no fragment, no default port."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:  # out of range: not an address anything could be fetched from
        port = None
    if port and (parts.scheme.lower(), port) not in {("http", 80), ("https", 443)}:
        host = f"{host}:{port}"
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", parts.query, ""))


def addresses(source: str, article: Article) -> tuple[str, ...]:
    """Every address the article goes by, canonical first: how its episode is found again."""
    given = source if is_url(source) else Path(source).resolve().as_uri()
    canonical = trusted_canonical(article.canonical_url, article.url)
    found = [normal_url(u) for u in (canonical, article.url, given) if u]
    return tuple(dict.fromkeys(found))


def episode_guid(canonical: str) -> str:
    """A GUID made from the canonical address only: the same article always gets the same one."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, canonical))


def text_hash(script: Script) -> str:
    spoken = "\n".join(segment.spoken for segment in script.segments)
    return hashlib.sha256(spoken.encode("utf-8")).hexdigest()


def stem_for(article: Article, guid: str) -> str:
    """A file name stem from the title (ASCII letters, digits, hyphens) and the GUID."""
    title = pipeline.default_output(article, "mp3", Path()).stem
    if len(title) > _STEM_CHARS:
        title = title[: _STEM_CHARS + 1].rsplit("-", 1)[0] or title[:_STEM_CHARS]
    return f"{title}-{guid[:8]}"


def is_current(folder: Path, episode: Episode | None, digest: str) -> bool:
    """The episode was narrated from this very text and its files are all there."""
    return (
        episode is not None
        and episode.text_hash == digest
        and all((folder / name).is_file() for name in episode.files)
    )


def published(article: Article, fallback: dt.datetime | None, earlier: Episode | None) -> str:
    when = article.published or fallback
    if when is None and earlier:
        return earlier.published
    if when is None:
        return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return (when if when.tzinfo else when.replace(tzinfo=dt.UTC)).isoformat()


def describe(article: Article) -> str:
    """The standfirst, or the opening of the text when the page has none."""
    if article.description:
        return article.description
    text = article.blocks[0].text if article.blocks else ""
    if len(text) <= _DESCRIPTION_CHARS:
        return text
    return text[:_DESCRIPTION_CHARS].rsplit(" ", 1)[0] + "…"


def plan_episode(
    source: str, script: Script, state: State, fallback_date: dt.datetime | None = None
) -> Episode:
    """The episode `script` will be, before narration: GUID, file names, text; no audio yet."""
    article = script.article
    urls = addresses(source, article)
    earlier = state.find(urls)
    guid = earlier.guid if earlier else episode_guid(urls[0])
    digest = text_hash(script)
    link = web_address(article.source_url) or (source if is_url(source) else "")
    return Episode(
        guid=guid, urls=urls, title=article.title or "Untitled article",
        description=describe(article), link=link,
        published=published(article, fallback_date, earlier),
        stem=earlier.stem if earlier else stem_for(article, guid), version=digest[:10],
        text_hash=digest, length=0, duration=0.0, image_url=article.image_url,
        language=article.language,
    )  # fmt: skip


def narrate_episode(
    folder: Path,
    draft: Episode,
    script: Script,
    settings: Settings,
    progress: Progress | None = None,
    synthesizer: Synthesizer | None = None,
) -> Episode:
    """Write the MP3 and sidecars of `draft` into `folder`; the episode with its length and
    duration filled in. `synthesizer`: as for pipeline.narrate_script."""
    outputs = Outputs(vtt=folder / draft.vtt, timings=folder / draft.transcript,
                      chapters=folder / draft.chapters)  # fmt: skip
    result = pipeline.narrate_script(
        script,
        folder / draft.audio,
        replace(settings, fmt=AudioFormat.MP3, outputs=outputs),
        progress,
        synthesizer,
    )
    if result.voice.noncommercial:
        log.warning(
            "voice %s is licensed for non-commercial use only (%s): a published feed may not "
            "be allowed to use it",
            result.voice.name,
            result.voice.license,
        )
    return replace(
        draft,
        length=(folder / draft.audio).stat().st_size,
        duration=round(result.narration.seconds, 3),
        voice=result.voice.name,
        voice_license=result.voice.license,
    )
