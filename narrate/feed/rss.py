"""feed.xml: RSS 2.0 with the iTunes and Podcasting 2.0 namespaces, rendered from the state.

The feed is a pure function of the state, so any run can rewrite it whole.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import uuid
import xml.etree.ElementTree as ET
from urllib.parse import quote

import narrate
from narrate.errors import FeedError
from narrate.feed.state import FEED_NAME, Channel, Episode, State
from narrate.outputs.disclosure import disclosure
from narrate.sources.vetting import xml_safe

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ATOM = "http://www.w3.org/2005/Atom"
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
"""The Podcasting 2.0 namespace for podcast:guid (a UUIDv5 of the feed URL)."""

for _prefix, _uri in (("itunes", ITUNES), ("podcast", PODCAST), ("atom", ATOM)):
    ET.register_namespace(_prefix, _uri)


def feed_url(base_url: str) -> str:
    return base_url + FEED_NAME


def podcast_guid(url: str) -> str:
    """podcast:guid: UUIDv5 of the feed URL without its scheme and trailing slashes."""
    bare = url.split("://", 1)[-1].rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, bare))


def file_url(channel: Channel, name: str) -> str:
    return channel.base_url + quote(name)


def rfc2822(iso: str) -> str:
    when = dt.datetime.fromisoformat(iso)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return email.utils.format_datetime(when)


def newest_first(episodes: tuple[Episode, ...]) -> list[Episode]:
    return sorted(episodes, key=lambda e: (_instant(e.published), e.guid), reverse=True)


def _instant(iso: str) -> dt.datetime:
    when = dt.datetime.fromisoformat(iso)
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def render(state: State, now: dt.datetime | None = None) -> bytes:
    """The whole feed.xml, UTF-8 with an XML declaration."""
    rss = ET.Element("rss", {"version": "2.0"})
    _channel(ET.SubElement(rss, "channel"), state, now or dt.datetime.now(dt.UTC))
    ET.indent(rss, space=" ")
    document: bytes = ET.tostring(rss, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def _add(parent: ET.Element, tag: str, content: str = "", **attributes: str) -> ET.Element:
    """A child element; its text and attributes without characters XML forbids."""
    safe = {name: xml_safe(value) for name, value in attributes.items()}
    element = ET.SubElement(parent, tag, safe)
    if content:
        element.text = xml_safe(content)
    return element


def check_well_formed(document: bytes) -> None:
    """FeedError unless `document` parses as XML: a broken feed.xml never replaces a good one."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        etree.fromstring(document, parser)
    except etree.XMLSyntaxError as error:
        message = f"the new {FEED_NAME} would not be well-formed ({error}); kept the old one"
        raise FeedError(message) from None


def _channel(element: ET.Element, state: State, now: dt.datetime) -> None:
    channel = state.channel
    link = channel.link or channel.base_url
    description = channel.description or f"{channel.title}: articles narrated by a computer voice."
    _add(element, "title", channel.title)
    _add(element, "link", link)
    _add(element, "description", description)
    _add(element, "language", channel.language or "en")
    _add(element, "generator", f"narrate {narrate.__version__}")
    _add(element, "lastBuildDate", email.utils.format_datetime(now))
    _add(element, f"{{{ATOM}}}link", href=feed_url(channel.base_url), rel="self",
         type="application/rss+xml")  # fmt: skip
    _add(element, f"{{{ITUNES}}}author", channel.author or channel.title)
    if channel.email:
        owner = _add(element, f"{{{ITUNES}}}owner")
        _add(owner, f"{{{ITUNES}}}name", channel.author or channel.title)
        _add(owner, f"{{{ITUNES}}}email", channel.email)
    _add(element, f"{{{ITUNES}}}summary", description)
    _add(element, f"{{{ITUNES}}}type", "episodic")
    if channel.image:
        cover = file_url(channel, channel.image)
        _add(element, f"{{{ITUNES}}}image", href=cover)
        image = _add(element, "image")
        _add(image, "url", cover)
        _add(image, "title", channel.title)
        _add(image, "link", link)
    category = _add(element, f"{{{ITUNES}}}category", text=channel.category)
    if channel.subcategory:
        _add(category, f"{{{ITUNES}}}category", text=channel.subcategory)
    _add(element, f"{{{ITUNES}}}explicit", "true" if channel.explicit else "false")
    _add(element, f"{{{PODCAST}}}guid", channel.guid)
    _add(element, f"{{{PODCAST}}}medium", "podcast")
    for episode in newest_first(state.episodes):
        _item(ET.SubElement(element, "item"), channel, episode)


def show_notes(episode: Episode) -> str:
    """The item description as HTML: the standfirst, the source, the AI-narration disclosure."""
    parts = []
    if episode.description:
        parts.append(f"<p>{html.escape(episode.description)}</p>")
    if episode.link:
        url = html.escape(episode.link)
        parts.append(f'<p>Source: <a href="{url}">{url}</a></p>')
    parts.append(f"<p>{html.escape(disclosure(episode.voice, episode.voice_license))}</p>")
    return "\n".join(parts)


def _item(element: ET.Element, channel: Channel, episode: Episode) -> None:
    _add(element, "title", episode.title)
    _add(element, "link", episode.link or channel.base_url)
    _add(element, "description", show_notes(episode))
    _add(element, "guid", episode.guid, isPermaLink="false")
    _add(element, "pubDate", rfc2822(episode.published))
    _add(element, "enclosure", url=file_url(channel, episode.audio), length=str(episode.length),
         type="audio/mpeg")  # fmt: skip
    _add(element, f"{{{ITUNES}}}title", episode.title)
    _add(element, f"{{{ITUNES}}}duration", str(max(1, round(episode.duration))))
    _add(element, f"{{{ITUNES}}}episodeType", "full")
    _add(element, f"{{{ITUNES}}}explicit", "true" if channel.explicit else "false")
    language = {"language": episode.language} if episode.language else {}
    _add(element, f"{{{PODCAST}}}transcript", url=file_url(channel, episode.vtt),
         type="text/vtt", **language)  # fmt: skip
    _add(element, f"{{{PODCAST}}}transcript", url=file_url(channel, episode.transcript),
         type="application/json", **language)  # fmt: skip
    _add(element, f"{{{PODCAST}}}chapters", url=file_url(channel, episode.chapters),
         type="application/json+chapters")  # fmt: skip
