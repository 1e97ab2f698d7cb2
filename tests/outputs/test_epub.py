"""The EPUB 3 with Media Overlays, checked structurally: container, package, content, SMIL."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import pytest

from narrate.audio.assembly import encode
from narrate.errors import OutputError
from narrate.model import (
    Article,
    AudioFormat,
    Block,
    BlockKind,
    Narration,
    Script,
    Segment,
    SegmentKind,
)
from narrate.outputs.epub import clips, clock, write_epub
from tests.outputs.test_readalong import INJECTED, _narrate, _script

NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "smil": "http://www.w3.org/ns/SMIL",
}


def _seconds(value: str) -> float:
    hours, minutes, seconds = value.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Script, Narration]:
    folder = tmp_path_factory.mktemp("epub")
    script = _script()
    narration = _narrate(script)
    encode(narration, folder / "tides.mp3", AudioFormat.MP3)
    write_epub(folder / "tides.epub", script, narration, folder / "tides.mp3", "joe", "CC0")
    return folder / "tides.epub", script, narration


def _xml(archive: zipfile.ZipFile, name: str) -> ElementTree.Element:
    return ElementTree.fromstring(archive.read(name))


def test_mimetype_is_first_and_stored(book: tuple[Path, Script, Narration]) -> None:
    path = book[0]
    with zipfile.ZipFile(path) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED and not first.extra
        assert archive.read("mimetype") == b"application/epub+zip"
        assert archive.testzip() is None
    assert path.read_bytes()[30:58] == b"mimetypeapplication/epub+zip"


def test_container_points_to_a_package_with_an_overlay(
    book: tuple[Path, Script, Narration],
) -> None:
    path, _, narration = book
    with zipfile.ZipFile(path) as archive:
        rootfile = _xml(archive, "META-INF/container.xml").find(".//c:rootfile", NS)
        assert rootfile is not None
        opf_path = rootfile.get("full-path")
        assert opf_path == "EPUB/package.opf"
        package = _xml(archive, opf_path)
        names = set(archive.namelist())
    assert package.get("version") == "3.0"
    items = {item.get("id"): item for item in package.findall(".//opf:item", NS)}
    for item in items.values():
        assert "EPUB/" + str(item.get("href")) in names
    assert items["text"].get("media-overlay") == "overlay"
    assert items["overlay"].get("media-type") == "application/smil+xml"
    assert items["audio"].get("media-type") == "audio/mpeg"
    assert items["nav"].get("properties") == "nav"
    metas = package.findall(".//opf:meta", NS)
    durations = {m.get("refines"): m.text for m in metas if m.get("property") == "media:duration"}
    assert set(durations) == {"#overlay", None}
    expected = narration.seconds - narration.cues[0].start
    assert _seconds(str(durations[None])) == pytest.approx(expected, abs=0.002)
    assert durations["#overlay"] == durations[None]
    properties = {m.get("property"): m.text for m in metas}
    assert properties["media:active-class"] == "-epub-media-overlay-active"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", str(properties["dcterms:modified"]))
    assert package.findtext(".//dc:language", namespaces=NS) == "en"
    assert package.findtext(".//dc:title", namespaces=NS) == "Tides & <b>moons</b>"
    with zipfile.ZipFile(path) as archive:
        assert b"-epub-media-overlay-active" in archive.read("EPUB/style.css")


def test_smil_clips_match_the_cues_and_point_at_real_ids(
    book: tuple[Path, Script, Narration],
) -> None:
    path, _, narration = book
    with zipfile.ZipFile(path) as archive:
        smil = _xml(archive, "EPUB/text.smil")
        content = _xml(archive, "EPUB/text.xhtml")
        audio = archive.read("EPUB/audio.mp3")
    ids = {element.get("id") for element in content.iter() if element.get("id")}
    pars = smil.findall(".//smil:par", NS)
    assert len(pars) == len(narration.cues)
    for number, (par, cue) in enumerate(zip(pars, narration.cues, strict=True), 1):
        target = par.find("smil:text", NS)
        sound = par.find("smil:audio", NS)
        assert target is not None and sound is not None
        file, _, fragment = str(target.get("src")).partition("#")
        assert (file, fragment) == ("text.xhtml", f"s{number}")
        assert fragment in ids
        assert sound.get("src") == "audio.mp3"
        assert _seconds(str(sound.get("clipBegin"))) == pytest.approx(cue.start, abs=0.0005)
        # the clip runs on through the pause, to where the next sentence starts
        following = narration.cues[number].start if number < len(pars) else narration.seconds
        assert _seconds(str(sound.get("clipEnd"))) == pytest.approx(following, abs=0.0005)
        assert _seconds(str(sound.get("clipEnd"))) >= cue.end
        element = next(e for e in content.iter() if e.get("id") == fragment)
        assert "".join(element.itertext()) == cue.segment.text
    assert audio == (path.parent / "tides.mp3").read_bytes()


def test_content_is_escaped_and_nav_lists_the_headings(
    book: tuple[Path, Script, Narration],
) -> None:
    with zipfile.ZipFile(book[0]) as archive:
        content = _xml(archive, "EPUB/text.xhtml")
        nav = _xml(archive, "EPUB/nav.xhtml")
        raw = archive.read("EPUB/text.xhtml").decode()
    assert content.find(".//x:img", NS) is None and content.find(".//x:script", NS) is None
    assert INJECTED in raw.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    assert content.find(".//x:h2", NS) is not None
    assert "AI text-to-speech" in raw
    links = [(a.get("href"), a.text) for a in nav.findall(".//x:nav//x:a", NS)]
    assert links == [("text.xhtml", "Tides & <b>moons</b>"), ("text.xhtml#s5", "Why it happens")]


def test_same_input_gives_the_same_bytes(
    tmp_path: Path, book: tuple[Path, Script, Narration]
) -> None:
    path, script, narration = book
    published = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    script = Script(replace(script.article, published=published), script.segments)
    first, second = tmp_path / "a.epub", tmp_path / "b.epub"
    for out in (first, second):
        write_epub(out, script, narration, path.parent / "tides.mp3", "joe")
    assert first.read_bytes() == second.read_bytes()


def test_clock_and_clips() -> None:
    assert clock(3723.4567) == "1:02:03.457"
    assert clock(0) == "0:00:00.000"
    assert clips(Narration(b"", 16000)) == []


def test_missing_or_unknown_audio_is_an_output_error(tmp_path: Path) -> None:
    script = _script()
    narration = _narrate(script)
    with pytest.raises(OutputError, match="does not exist"):
        write_epub(tmp_path / "x.epub", script, narration, tmp_path / "none.mp3", "joe")
    (tmp_path / "a.flac").write_bytes(b"x")
    with pytest.raises(OutputError, match="use one of"):
        write_epub(tmp_path / "x.epub", script, narration, tmp_path / "a.flac", "joe")
    assert not (tmp_path / "x.epub").exists()


def test_control_characters_and_a_bare_article_still_make_valid_xml(tmp_path: Path) -> None:
    article = Article(title="", blocks=(Block(BlockKind.PARAGRAPH, "Bell\x07 here & \x0c there."),))
    segment = Segment(SegmentKind.SENTENCE, "Bell\x07 here & \x0c there.", "Bell here.", 0, 0)
    script = Script(article, (segment,))
    narration = _narrate(script)
    encode(narration, tmp_path / "a.wav", AudioFormat.WAV)
    write_epub(tmp_path / "a.epub", script, narration, tmp_path / "a.wav", "joe")
    with zipfile.ZipFile(tmp_path / "a.epub") as archive:
        content = _xml(archive, "EPUB/text.xhtml")
        package = _xml(archive, "EPUB/package.opf")
    span = next(e for e in content.iter() if e.get("id") == "s1")
    assert span.text == "Bell here &  there."
    assert package.findtext(".//dc:language", namespaces=NS) == "und"
    assert package.findtext(".//dc:title", namespaces=NS) == "Untitled article"


def test_nothing_narrated_is_an_output_error(tmp_path: Path) -> None:
    (tmp_path / "a.mp3").write_bytes(b"x")
    with pytest.raises(OutputError, match="no timed text"):
        write_epub(tmp_path / "x.epub", _script(), Narration(b"", 16000), tmp_path / "a.mp3", "j")


EPUBCHECK = Path("/usr/share/java/epubcheck.jar")


@pytest.mark.skipif(
    not EPUBCHECK.exists() or not shutil.which("java"),
    reason="EPUBCheck is not installed (apt-get install epubcheck)",
)
def test_epubcheck_finds_nothing_wrong(book: tuple[Path, Script, Narration]) -> None:
    result = subprocess.run(
        ["java", "-jar", str(EPUBCHECK), str(book[0])],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No errors or warnings detected" in result.stdout
