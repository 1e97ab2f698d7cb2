"""EPUB 3 with Media Overlays: the article as one XHTML document, the audio, and a SMIL file
that says which stretch of the audio reads which sentence, for reading systems and DAISY-style
players that highlight as they read.

The clip times come from the same cues as every other timed output, so they are exact. Each
clip runs from its sentence's start to the next sentence's start (the last one to the end of the
audio): players play only what the clips cover, and the pauses belong in what they play.
"""

from __future__ import annotations

import datetime as dt
import uuid
import zipfile
from pathlib import Path

from narrate.errors import OutputError
from narrate.files import atomic_path
from narrate.model import Article, Cue, Narration, Script, SegmentKind
from narrate.outputs.disclosure import disclosure
from narrate.outputs.readalong import (
    body_markup,
    intro_markup,
    language,
    layout,
    source_markup,
    text,
)

ACTIVE_CLASS = "-epub-media-overlay-active"
AUDIO_TYPES = {
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".m4b": "audio/mp4",
    ".mp4": "audio/mp4",
    ".ogg": "audio/ogg; codecs=opus",
    ".opus": "audio/ogg; codecs=opus",
    ".wav": "audio/wav",
}
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the same bytes for the same input

_CONTAINER = """\
<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
"""

_CSS = f"""\
body {{ font-family: serif; line-height: 1.5; margin: 1em; }}
h1 {{ line-height: 1.2; }}
.meta {{ margin: 0.2em 0; }}
blockquote {{ margin: 1em 0; padding-left: 1em; border-left: 0.25em solid #999999; }}
.{ACTIVE_CLASS} {{ background-color: #ffe58a; color: #1b1b1b; }}
"""


def clock(seconds: float) -> str:
    """A SMIL full clock value, to the millisecond: 0:01:02.345."""
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    return f"{hours}:{minutes:02d}:{millis // 1000:02d}.{millis % 1000:03d}"


def clips(narration: Narration) -> list[tuple[int, float, float]]:
    """(cue number, clip begin, clip end) for every cue; the clips tile the audio without gaps."""
    starts = [cue.start for cue in narration.cues]
    ends = [*starts[1:], max(narration.seconds, starts[-1])] if starts else []
    return [(n, begin, end) for n, (begin, end) in enumerate(zip(starts, ends, strict=True), 1)]


def _sentence(number: int, cue: Cue) -> str:
    return f'<span id="s{number}">{text(cue.segment.text)}</span>'


def _content(script: Script, narration: Narration, voice_name: str, voice_license: str) -> str:
    article = script.article
    parts = layout(script, narration)
    lang = text(language(article))
    body = "\n".join(body_markup(parts.groups, _sentence))
    return f"""\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" \
lang="{lang}" xml:lang="{lang}">
<head>
<meta charset="utf-8"/>
<title>{text(article.title or "Untitled article")}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
<article id="article" epub:type="bodymatter">
<header>
{intro_markup(article, parts.intro, _sentence)}
{source_markup(article)}
</header>
{body}
</article>
<footer><p>{text(disclosure(voice_name, voice_license))}</p></footer>
</body>
</html>
"""


def _nav(script: Script, narration: Narration) -> str:
    article = script.article
    title = text(article.title or "Untitled article")
    items = [f'<li><a href="text.xhtml">{title}</a></li>']
    items += [
        f'<li><a href="text.xhtml#s{number}">{text(cue.segment.text)}</a></li>'
        for number, cue in enumerate(narration.cues, 1)
        if cue.segment.kind is SegmentKind.HEADING
    ]
    lang = text(language(article))
    return f"""\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" \
lang="{lang}" xml:lang="{lang}">
<head><meta charset="utf-8"/><title>Contents</title></head>
<body>
<nav epub:type="toc" id="toc"><h1>Contents</h1>
<ol>
{chr(10).join(items)}
</ol>
</nav>
</body>
</html>
"""


def _smil(narration: Narration, audio_name: str) -> str:
    pars = "\n".join(
        f'<par id="p{n}"><text src="text.xhtml#s{n}"/>'
        f'<audio src="{audio_name}" clipBegin="{clock(begin)}" clipEnd="{clock(end)}"/></par>'
        for n, begin, end in clips(narration)
    )
    return f"""\
<?xml version="1.0" encoding="UTF-8"?>
<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">
<body>
<seq id="seq1" epub:textref="text.xhtml#article" epub:type="bodymatter">
{pars}
</seq>
</body>
</smil>
"""


def _modified(article: Article) -> str:
    when = article.modified or article.published or dt.datetime.now(dt.UTC)
    if when.tzinfo:
        when = when.astimezone(dt.UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _package(
    script: Script, narration: Narration, audio_name: str, audio_type: str, voice_name: str
) -> str:
    article = script.article
    lang = text(language(article))
    identity = uuid.uuid5(uuid.NAMESPACE_URL, article.source_url or article.title)
    spans = clips(narration)
    total = clock(sum(round((end - begin) * 1000) for _, begin, end in spans) / 1000)
    meta = [
        f'<dc:identifier id="uid">urn:uuid:{identity}</dc:identifier>',
        f"<dc:title>{text(article.title or 'Untitled article')}</dc:title>",
        f"<dc:language>{lang}</dc:language>",
        *(f"<dc:creator>{text(name)}</dc:creator>" for name in article.authors),
        f'<meta property="dcterms:modified">{_modified(article)}</meta>',
        f'<meta property="media:duration" refines="#overlay">{total}</meta>',
        f'<meta property="media:duration">{total}</meta>',
        f'<meta property="media:active-class">{ACTIVE_CLASS}</meta>',
        f'<meta property="media:narrator">{text(voice_name)} (computer voice)</meta>',
        '<meta property="schema:accessMode">textual</meta>',
        '<meta property="schema:accessMode">auditory</meta>',
        '<meta property="schema:accessModeSufficient">textual</meta>',
        '<meta property="schema:accessModeSufficient">auditory</meta>',
        '<meta property="schema:accessibilityFeature">synchronizedAudioText</meta>',
        '<meta property="schema:accessibilityFeature">tableOfContents</meta>',
        '<meta property="schema:accessibilityHazard">none</meta>',
    ]
    if article.published:
        meta.append(f"<dc:date>{article.published:%Y-%m-%d}</dc:date>")
    if article.site_name:
        meta.append(f"<dc:publisher>{text(article.site_name)}</dc:publisher>")
    if article.source_url:
        meta.append(f"<dc:source>{text(article.source_url)}</dc:source>")
    if article.description:
        meta.append(f"<dc:description>{text(article.description)}</dc:description>")
    return f"""\
<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" \
xml:lang="{lang}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
{chr(10).join(meta)}
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="text" href="text.xhtml" media-type="application/xhtml+xml" media-overlay="overlay"/>
<item id="overlay" href="text.smil" media-type="application/smil+xml"/>
<item id="audio" href="{audio_name}" media-type="{audio_type}"/>
<item id="css" href="style.css" media-type="text/css"/>
</manifest>
<spine>
<itemref idref="text"/>
</spine>
</package>
"""


def write_epub(
    path: Path,
    script: Script,
    narration: Narration,
    audio_path: Path,
    voice_name: str,
    voice_license: str = "",
) -> None:
    """Write an EPUB 3 with a Media Overlay for `script`, carrying a copy of `audio_path`."""
    suffix = audio_path.suffix.lower()
    if suffix not in AUDIO_TYPES:
        raise OutputError(
            f"cannot put {audio_path.name} in an EPUB: use one of {', '.join(AUDIO_TYPES)}"
        )
    if not narration.cues:
        raise OutputError(f"cannot write {path}: the narration has no timed text to overlay")
    if not audio_path.is_file():
        raise OutputError(f"cannot write {path}: the audio {audio_path} does not exist")
    audio_name = "audio" + suffix
    entries = {
        "META-INF/container.xml": _CONTAINER,
        "EPUB/package.opf": _package(
            script, narration, audio_name, AUDIO_TYPES[suffix], voice_name
        ),
        "EPUB/nav.xhtml": _nav(script, narration),
        "EPUB/text.xhtml": _content(script, narration, voice_name, voice_license),
        "EPUB/text.smil": _smil(narration, audio_name),
        "EPUB/style.css": _CSS,
    }
    with atomic_path(path) as temporary, zipfile.ZipFile(temporary, "w") as archive:
        # The mimetype comes first and uncompressed, so that it can be read at a fixed offset.
        archive.writestr(zipfile.ZipInfo("mimetype", _FIXED_TIME), "application/epub+zip")
        for name, content in entries.items():
            info = zipfile.ZipInfo(name, _FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content.encode("utf-8"))
        info = zipfile.ZipInfo(f"EPUB/{audio_name}", _FIXED_TIME)
        info.compress_type = zipfile.ZIP_STORED  # already compressed
        info.file_size = audio_path.stat().st_size  # lets zipfile choose ZIP64 when it must
        with audio_path.open("rb") as source, archive.open(info, "w") as target:
            while chunk := source.read(1 << 20):
                target.write(chunk)
