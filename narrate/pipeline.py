"""The stages, wired: source -> Page -> Article -> Script -> clips -> Narration -> file.

Each function takes plain values and returns the next one, so the CLI, the feed builder and the
tests can run any part of the pipeline on its own.

The heavy stages (extraction, the text passes, audio with numpy) are imported where they are
used: a narration starts its voice's workers as soon as it has read a new page, and a worker
forked before they load does not carry them.
"""

from __future__ import annotations

import logging
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import BinaryIO

from narrate.audio.formats import FORMATS
from narrate.audio.id3 import write_id3
from narrate.errors import ExtractionError, NarrateError, OutputError, VoiceError
from narrate.extraction import articlecache
from narrate.files import atomic_path
from narrate.model import Article, Narration, Page, Script, VoiceInfo
from narrate.outputs.writers import Finished, write_outputs
from narrate.paths import cache_folders
from narrate.readers import read_article
from narrate.settings import FetchOptions, Outputs, Settings
from narrate.sources.cover import fetch_cover
from narrate.sources.reading import read_source
from narrate.sources.vetting import vet_article
from narrate.speech.catalog import (
    DEFAULT_VOICE,
    find_voice,
    installed_for_language,
)
from narrate.speech.lexicon import Lexicon
from narrate.speech.segmentcache import SegmentCache, narration_key
from narrate.speech.synthesis import Progress, Stats, Synthesizer

log = logging.getLogger(__name__)


def load_article(
    source: str,
    options: FetchOptions | None = None,
    *,
    force: bool = False,
    saved: Path | None = None,
    on_new_page: Callable[[bool], object] | None = None,
) -> Article:
    """Read a URL, file or stdin ("-") and extract the article from it.

    `saved`: a folder of articles already extracted from the same page bytes (see articlecache).
    `on_new_page`: called before extracting a page that is not in that folder, with whether a
    page of the same title is (an updated article: few of its sentences will be new).
    """
    page = read_source(source, options)
    article = articlecache.get(saved, page, force) if saved else None
    if article is None:
        if on_new_page:
            on_new_page(articlecache.familiar(saved, page) if saved else False)
        article = article_from_page(page, force=force)
        if saved:
            articlecache.put(saved, page, force, article)
    return vet_article(article)  # also one saved before the rules changed


def article_from_page(page: Page, *, force: bool = False) -> Article:
    """The article in a page, with only the claims about itself that narrate trusts (see
    sources.vetting) and text that every output format can carry."""
    return vet_article(read_article(page, force=force))


def make_script(article: Article, language: str = "en") -> Script:
    """The script, every segment's text normalised to what a narrator says in `language`."""
    from narrate.text.script import build_script
    from narrate.textnorm import for_language

    return build_script(article, speak=for_language(language), language=language)


def narration_language(settings: Settings, article: Article | None = None) -> str:
    """--language, else the article's (declared, or shown by its words), else the --voice's,
    else English."""
    if known := article_language(settings, article):
        return known
    return find_voice(settings.voice).language if settings.voice else "en"


def article_language(settings: Settings, article: Article | None) -> str:
    """--language, else the language the article declares, else the one its words show; ""."""
    if settings.language or article is None or article.language:
        return settings.language or (article.language if article else "")
    if settings.voice:  # a voice chosen by hand says the language better than a guess
        return ""
    from narrate.textnorm.guess import guess_language

    return guess_language(" ".join(block.text for block in article.blocks[:30]))


def voice_for(settings: Settings, article: Article | None = None) -> VoiceInfo:
    """The voice to narrate with: --voice; else an installed voice of the narration's language.

    When no voice of that language is installed: an error if --language asked for it, else
    one warning naming the voice to download, and the default voice.
    """
    if settings.voice:
        return find_voice(settings.voice)
    language = narration_language(settings, article)
    if info := installed_for_language(language):
        return info
    from narrate.extraction.language import language_name
    from narrate.speech.published import best_for

    try:
        suggestion = f": narrate voices download {best_for(language).key}"
    except VoiceError:
        suggestion = " (Piper publishes none)"
    name = language_name(language.replace("_", "-"))
    message = f"no {name} voice is installed here{suggestion}"
    if settings.language:
        raise VoiceError(message)
    _warn_once(
        f"this article is in {name} ({language}) and {message}; reading with {DEFAULT_VOICE} "
        "meanwhile"
    )
    return find_voice(None)


@cache
def _warn_once(message: str) -> None:
    log.warning("%s", message)


def lexicon_for(settings: Settings) -> Lexicon:
    """The shipped pronunciations, overridden by the user's --lexicon file."""
    words = Lexicon.default()
    return words.merged(Lexicon.load(settings.lexicon)) if settings.lexicon else words


def prepare(
    source: str, settings: Settings, on_new_page: Callable[[bool], object] | None = None
) -> Script:
    """Source to script: everything before the voice (and all that --dry-run needs).

    `on_new_page` is called when the page has not been narrated before (see load_article):
    its sentences will most likely need the voice, which can start loading then.
    """
    lexicon_for(settings)  # a broken --lexicon file fails now, not after the fetch
    saved = cache_folders(settings.cache_dir).articles if settings.cache else None
    article = load_article(
        source, settings.fetch, force=settings.force, saved=saved, on_new_page=on_new_page
    )
    if (language := article_language(settings, article)) != article.language:
        # the outputs (ID3 language, the read-along page's and the EPUB's lang) say it too
        article = replace(article, language=language)
    script = make_script(article, narration_language(settings, article))
    if not script.segments:
        raise ExtractionError(f"{source}: nothing to narrate (no text found)")
    from narrate.extraction import language_warning  # after the workers have started

    voice = voice_for(settings, script.article)  # warns when no voice speaks the language
    if settings.voice and (warning := language_warning(script.article, voice.language)):
        log.warning("%s", warning)
    audit(script, strict=settings.strict)
    return script


def audit(script: Script, strict: bool = False) -> list[str]:
    """Tokens the normaliser left with digits or symbols: a warning, or an error when strict."""
    from narrate.textnorm import unspoken_tokens

    leftovers = [token for s in script.segments for token in unspoken_tokens(s.spoken)]
    if leftovers:
        shown = ", ".join(dict.fromkeys(leftovers[:8]))
        forms = "written form" if len(leftovers) == 1 else "written forms"
        message = f"{len(leftovers)} {forms} may be read oddly: {shown}"
        if strict:
            raise NarrateError(f"{message} (--strict)")
        log.warning("%s", message)
    return leftovers


def synthesizer_for(settings: Settings, info: VoiceInfo) -> Synthesizer:
    folders = cache_folders(settings.cache_dir)
    cache = SegmentCache(folders.segments, settings.cache_size) if settings.cache else None
    if settings.broker:  # a cluster's workers speak instead of this machine
        from narrate.cluster.remote import remote_synthesizer

        return remote_synthesizer(settings, info, cache, lexicon_for(settings))
    return Synthesizer(info, settings.speech, jobs=max(1, settings.jobs), cache=cache,
                       lexicon=lexicon_for(settings))  # fmt: skip


@dataclass(frozen=True)
class Result:
    path: Path
    script: Script
    narration: Narration
    voice: VoiceInfo
    stats: Stats


def narrate_script(
    script: Script,
    path: Path,
    settings: Settings,
    progress: Progress | None = None,
    synthesizer: Synthesizer | None = None,
) -> Result:
    """Speak the script into `path` (and the side files asked for), each written atomically.

    `synthesizer`: one made by synthesizer_for() with these settings, perhaps already started.
    """
    from narrate.audio.assembly import encode, encoder

    for target in (path, *(p for p in vars(settings.outputs).values() if p)):
        check_writable(target)
    synthesizer = synthesizer or synthesizer_for(settings, voice_for(settings, script.article))
    info = synthesizer.info
    cache, key = synthesizer.cache, ""
    if cache:
        pauses = [segment.pause_ms for segment in script.segments]
        key = narration_key(
            synthesizer.keys(script.segments), pauses, settings.fmt, settings.bitrate
        )
    with atomic_path(path) as temporary:
        encoded = cache.get_audio(key, settings.fmt) if cache else None
        if encoded is not None:  # the same narration was encoded before: its clips give the timings
            narration = synthesize(script, synthesizer, progress)
            if synthesizer.stats.synthesised:  # a clip had been evicted: its timing is new
                encode(narration, temporary, settings.fmt, settings.bitrate)
            else:
                temporary.write_bytes(encoded)
        else:
            # Clips go to the encoder as they are joined, while later ones are synthesised.
            rate = synthesizer.sample_rate
            with encoder(temporary, rate, settings.fmt, settings.bitrate) as out:
                narration = synthesize(script, synthesizer, progress, sink=out.write)
            if cache:
                cache.put_audio(key, settings.fmt, temporary)
        if FORMATS[settings.fmt].id3:
            cover = fetch_cover(script.article, settings.fetch) if settings.cover else None
            write_id3(temporary, script, narration, info.name, info.license, cover)
        # The side files before the audio's rename: if one fails, the old audio stays.
        write_sidecars(narration, script, settings.outputs, path, info, audio_file=temporary)
    return Result(path, script, narration, info, synthesizer.stats)


def stream_script(
    script: Script,
    stream: BinaryIO | None,
    settings: Settings,
    progress: Progress | None = None,
    synthesizer: Synthesizer | None = None,
) -> Narration:
    """Speak the script as it is made, into a binary stream (stdout) or to the speakers (None)."""
    from narrate.audio.assembly import Player, Sink, encoder

    synthesizer = synthesizer or synthesizer_for(settings, voice_for(settings, script.article))
    rate = synthesizer.sample_rate
    sink: Sink = encoder(stream, rate, settings.fmt, settings.bitrate) if stream else Player(rate)
    with sink:
        return synthesize(script, synthesizer, progress, sink=sink.write)


def write_sidecars(
    narration: Narration,
    script: Script,
    outputs: Outputs,
    audio_path: Path,
    voice: VoiceInfo,
    audio_file: Path | None = None,
) -> None:
    """Timed text and read-along files, from the same cue times as the audio.

    `audio_file`: where the audio is now, when it is not yet at `audio_path` (the EPUB carries
    a copy of it; the read-along page links to `audio_path`).
    """
    done = Finished(script, narration, audio_path, voice.name, voice.license, audio_file)
    write_outputs(outputs, done)


def synthesize(
    script: Script,
    synthesizer: Synthesizer,
    progress: Progress | None = None,
    sink: Callable[[bytes], object] | None = None,
) -> Narration:
    """Speak every segment (levelled to the loudness target) and join the clips."""
    from narrate.audio.assembly import assemble

    clips = synthesizer.render(script.segments, progress)
    return assemble(clips, synthesizer.sample_rate, sink)


def default_output(article: Article, fmt: str, folder: Path | None = None) -> Path:
    """A file name from the title: ASCII, lowercase, hyphens; never a path trick."""
    ascii_title = unicodedata.normalize("NFKD", article.title).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:80].rstrip("-")
    return (folder or Path.cwd()) / f"{stem or 'narration'}.{fmt}"


def check_writable(path: Path) -> None:
    """Fail before any synthesis when the output cannot be written."""
    folder = path.parent if str(path.parent) else Path.cwd()
    if path.is_dir():
        raise OutputError(f"{path} is a directory; give a file name for the output")
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise OutputError(f"cannot write {path}: permission denied")
