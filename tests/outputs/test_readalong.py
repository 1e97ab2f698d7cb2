"""The read-along page: markup and escaping checked as text, behaviour in a real headless Chromium
loaded from file:// beside a real MP3."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from narrate.audio.assembly import assemble, encode
from narrate.model import (
    Article,
    AudioFormat,
    Block,
    BlockKind,
    Clip,
    Narration,
    Script,
    Segment,
    SegmentKind,
)
from narrate.outputs import timedtext as timings
from narrate.outputs.readalong import render_page, write_page
from narrate.speech import wordtimes
from tests.conftest import FakeVoice, chromium

INJECTED = '<img src=x onerror="window.pwned=1"> and <script>window.pwned=1</script> stay text.'


def _article() -> Article:
    return Article(
        title="Tides & <b>moons</b>",
        authors=("Ada Lovelace",),
        language="en",
        site_name="The Example Times",
        canonical_url="https://example.org/tides",
        blocks=(
            Block(BlockKind.PARAGRAPH, "The sea rises twice a day. It falls twice too."),
            Block(BlockKind.HEADING, "Why it happens", level=2),
            Block(BlockKind.PARAGRAPH, INJECTED),
            Block(BlockKind.QUOTE, "The moon pulls the water."),
            Block(BlockKind.LIST_ITEM, "Spring tides."),
            Block(BlockKind.LIST_ITEM, "Neap tides."),
        ),
    )


def _script() -> Script:
    article = _article()

    def seg(kind: SegmentKind, written: str, block: int, pause: int = 300) -> Segment:
        return Segment(kind, written, written, pause, block)

    intro, sentence = SegmentKind.INTRO, SegmentKind.SENTENCE
    segments = (
        seg(intro, article.title, -1),
        seg(intro, "By Ada Lovelace.", -1, 600),
        seg(sentence, "The sea rises twice a day.", 0),
        seg(sentence, "It falls twice too.", 0),
        seg(SegmentKind.HEADING, "Why it happens", 1),
        seg(sentence, INJECTED, 2),
        seg(sentence, "The moon pulls the water.", 3),
        seg(sentence, "Spring tides.", 4),
        seg(sentence, "Neap tides.", 5),
    )
    return Script(article=article, segments=segments)


def _narrate(script: Script) -> Narration:
    voice = FakeVoice(ms_per_char=25)

    def timed(segment: Segment) -> Clip:  # its words evenly spread, as a voice would time them
        clip = voice.speak(segment.text)
        count = len(wordtimes.words(segment.text))
        step = clip.samples // count
        return replace(clip, words=tuple((n * step, (n + 1) * step) for n in range(count)))

    return assemble(((s, timed(s)) for s in script.segments), voice.sample_rate)


@pytest.fixture(scope="module")
def made() -> tuple[Script, Narration]:
    script = _script()
    return script, _narrate(script)


def _starts(page_html: str) -> list[float]:
    return [float(value) for value in re.findall(r'data-start="([0-9.]+)"', page_html)]


def test_every_cue_is_a_timed_sentence_in_order(made: tuple[Script, Narration]) -> None:
    script, narration = made
    page = render_page(script, narration, "tides.mp3", "joe", "CC0")
    assert _starts(page) == [round(cue.start, 3) for cue in narration.cues]
    ends = [float(v) for v in re.findall(r'data-end="([0-9.]+)"', page)]
    assert ends == [round(cue.end, 3) for cue in narration.cues]
    assert '<html lang="en">' in page
    assert '<audio id="audio" controls preload="metadata" src="tides.mp3">' in page
    assert '<h2><span class="s" id="s5"' in page
    assert "<blockquote><p>" in page
    assert page.count("<li>") == 2 and page.count("<ul>") == 1
    assert "AI text-to-speech" in page and "joe, licence CC0" in page
    assert '<a href="https://example.org/tides" rel="noopener noreferrer">The Example' in page


def test_article_text_is_escaped_everywhere(made: tuple[Script, Narration]) -> None:
    script, narration = made
    page = render_page(script, narration, 'a.mp3"><script>x()</script>', "joe")
    assert "<img" not in page and "<b>" not in page and "<script>x()" not in page
    assert ">&lt;img</span> <span" in page  # each word of it escaped in its own span
    assert ">onerror=&quot;window.pwned=1&quot;&gt;</span>" in page
    untimed = replace(narration, cues=tuple(replace(c, words=()) for c in narration.cues))
    plain = render_page(script, untimed, "a.mp3", "joe")
    assert "&lt;img src=x onerror=&quot;window.pwned=1&quot;&gt;" in plain
    assert 'class="w"' not in plain
    assert "<title>Tides &amp; &lt;b&gt;moons&lt;/b&gt;</title>" in page
    assert page.count("<script>") == 1  # ours, at the end


def test_policy_forbids_the_network_and_hashes_the_inline_code(
    made: tuple[Script, Narration],
) -> None:
    page = render_page(*made, "tides.mp3", "joe")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy
    assert policy[1].startswith("default-src &#x27;none&#x27;;")
    assert "script-src &#x27;sha256-" in policy[1] and "unsafe-inline" not in policy[1]
    assert "connect-src" not in policy[1] and "https:" not in policy[1]


def test_unsafe_links_and_languages_are_dropped() -> None:
    article = Article(
        title="T",
        blocks=(),
        language='en"><x',
        canonical_url="javascript:alert(1)",
    )
    page = render_page(Script(article, ()), Narration(b"", 16000), "a.mp3", "joe")
    assert '<html lang="und">' in page
    assert "javascript:" not in page and "Original article" not in page
    assert "<h1>T</h1>" in page  # a title nobody spoke is shown all the same


def test_heading_levels_start_at_h2_without_gaps() -> None:
    blocks = (
        Block(BlockKind.HEADING, "Deep", level=3),
        Block(BlockKind.PARAGRAPH, "Text."),
        Block(BlockKind.HEADING, "Deeper", level=4),
    )
    page = render_page(Script(Article("T", blocks), ()), Narration(b"", 16000), "a.mp3", "j")
    assert "<h2>Deep</h2>" in page and "<h3>Deeper</h3>" in page and "<p>Text.</p>" in page


def test_write_page_is_atomic_utf8(tmp_path: Path, made: tuple[Script, Narration]) -> None:
    path = tmp_path / "page.html"
    write_page(path, *made, "tides.mp3", "joe")
    assert path.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]


# The browser --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory, made: tuple[Script, Narration]) -> Path:
    folder = tmp_path_factory.mktemp("readalong")
    encode(made[1], folder / "tides.mp3", AudioFormat.MP3)
    write_page(folder / "tides.html", *made, "tides.mp3", "joe", "CC0")
    return folder / "tides.html"


@pytest.fixture
def page(browser: Any, page_file: Path) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else 0)
    tab.on("pageerror", lambda error: problems.append(str(error)))
    tab.goto(page_file.as_uri())
    tab.wait_for_function("() => document.getElementById('audio').readyState >= 1")
    tab.problems = problems
    yield tab
    context.close()


def _current(tab: Any) -> str | None:
    found: str | None = tab.evaluate(
        "() => { const el = document.querySelector('[aria-current=\"true\"]');"
        " return el && el.id; }"
    )
    return found


def _seek(tab: Any, seconds: float) -> None:
    tab.evaluate(
        "t => new Promise(done => { const a = document.getElementById('audio');"
        " a.addEventListener('seeked', done, {once: true}); a.currentTime = t; })",
        seconds,
    )


def test_page_loads_from_file_without_errors(page: Any, made: tuple[Script, Narration]) -> None:
    duration = page.evaluate("document.getElementById('audio').duration")
    assert duration == pytest.approx(made[1].seconds, abs=0.1)
    page.wait_for_timeout(200)
    assert page.problems == []


def test_clicking_a_sentence_seeks_there(page: Any, made: tuple[Script, Narration]) -> None:
    page.evaluate("document.getElementById('audio').muted = true")
    page.click("#s7")
    assert page.evaluate("document.getElementById('audio').currentTime") == pytest.approx(
        made[1].cues[6].start, abs=0.05
    )
    assert _current(page) == "s7"


def test_the_highlight_follows_the_audio(page: Any, made: tuple[Script, Narration]) -> None:
    cues = made[1].cues
    assert _current(page) is None  # nothing is read during the lead-in
    for number in (4, 2, 9):
        cue = cues[number - 1]
        _seek(page, (cue.start + cue.end) / 2)
        page.wait_for_function(f"() => document.querySelector('#s{number}[aria-current=\"true\"]')")
        assert page.locator("[aria-current]").count() == 1
    _seek(page, cues[0].start)
    page.evaluate(
        "a => { a.muted = true; return a.play(); }", page.locator("#audio").element_handle()
    )
    page.wait_for_function(
        "() => document.querySelector('#s2[aria-current=\"true\"]')", timeout=5000
    )
    assert page.evaluate("document.getElementById('audio').paused") is False
    assert page.evaluate("getComputedStyle(document.getElementById('s2')).backgroundColor") not in (
        "rgba(0, 0, 0, 0)",
        "transparent",
    )


def test_the_word_being_read_is_underlined(page: Any, made: tuple[Script, Narration]) -> None:
    cues = made[1].cues
    start, end = cues[2].words[2]  # "rises", in "The sea rises twice a day."
    _seek(page, (start + end) / 2)
    page.wait_for_function("() => document.querySelector('#s3 .w.now')")
    assert page.locator(".w.now").count() == 1
    assert page.inner_text(".w.now") == "rises"
    style = "getComputedStyle(document.querySelector('.w.now')).textDecorationLine"
    assert page.evaluate(style) == "underline"
    _seek(page, cues[3].words[0][0] + 0.01)  # the next sentence, its first word
    page.wait_for_function("() => document.querySelector('#s4 .w.now')")
    assert page.locator(".w.now").count() == 1
    assert page.inner_text(".w.now") == "It"
    assert page.problems == []


def test_a_browser_reads_the_word_times_in_the_captions(
    browser: Any, made: tuple[Script, Narration], httpserver: Any
) -> None:
    vtt = timings.vtt(made[1].cues)
    httpserver.expect_request("/tides.vtt").respond_with_data(vtt, content_type="text/vtt")
    httpserver.expect_request("/").respond_with_data(
        '<!doctype html><audio><track id="t" src="tides.vtt" default></audio>',
        content_type="text/html",
    )
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(httpserver.url_for("/"))
    tab.wait_for_function(
        "() => { const t = document.getElementById('t'); t.track.mode = 'hidden';"
        " return t.readyState === 2; }"
    )
    third = tab.evaluate(
        "() => { const cue = document.getElementById('t').track.cues[2];"
        " const box = document.createElement('div'); box.appendChild(cue.getCueAsHTML());"
        " return box.innerHTML; }"
    )
    context.close()
    cue = made[1].cues[2]  # "The sea rises twice a day.": a timestamp for each word but the first
    times = [float(t) for t in re.findall(r"<\?timestamp 00:00:(\d\d\.\d\d\d)\?>", third)]
    assert times == pytest.approx([start for start, _ in cue.words[1:]], abs=0.001)
    assert re.sub(r"<\?timestamp [^>]*>", "", third) == cue.segment.text


def test_injected_markup_stays_text(page: Any) -> None:
    assert page.inner_text("#s6") == INJECTED
    assert page.locator("article img").count() == 0
    assert page.evaluate("window.pwned") is None
    assert page.problems == []


def test_speed_control_sets_the_playback_rate(page: Any) -> None:
    page.select_option("#speed", "1.5")
    assert page.evaluate("document.getElementById('audio').playbackRate") == 1.5
    page.select_option("#speed", "0.75")
    assert page.evaluate("document.getElementById('audio').playbackRate") == 0.75


def test_keyboard_moves_by_sentence_and_toggles_play(
    page: Any, made: tuple[Script, Narration]
) -> None:
    cues = made[1].cues
    page.evaluate("document.getElementById('audio').muted = true")
    page.click("#s3")
    page.evaluate("document.getElementById('audio').pause()")
    page.keyboard.press("ArrowRight")
    assert _current(page) == "s4"
    assert page.evaluate("document.getElementById('audio').currentTime") == pytest.approx(
        cues[3].start, abs=0.05
    )
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert _current(page) == "s2"
    page.keyboard.press(" ")
    page.wait_for_function("() => !document.getElementById('audio').paused")
    page.keyboard.press(" ")
    assert page.evaluate("document.getElementById('audio').paused") is True


def test_enter_on_a_focused_sentence_seeks_there(page: Any, made: tuple[Script, Narration]) -> None:
    page.focus("#s8")
    page.keyboard.press("Enter")
    assert _current(page) == "s8"
    assert page.evaluate("document.activeElement.id") == "s8"
    assert page.evaluate("document.getElementById('audio').currentTime") == pytest.approx(
        made[1].cues[7].start, abs=0.05
    )


def test_phone_screenshot(page: Any) -> None:
    page.click("#s3")
    page.evaluate("document.getElementById('audio').pause()")
    page.screenshot(path="/tmp/narrate-readalong-phone.png", full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing forces sideways scrolling on a phone
