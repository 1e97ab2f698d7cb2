"""The listening page in a real headless Chromium against the real server and the real voice:
paste a URL, press Listen, hear it while the sentence being spoken is highlighted, click to
seek, the keys, the /listen link and the bookmarklet; axe-core finds no WCAG 2.2 AA violation."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from tests.conftest import chromium
from tests.server.conftest import Running

pytestmark = pytest.mark.slow

AUTOPLAY = "--autoplay-policy=no-user-gesture-required"  # the /listen link starts unclicked
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
Serve = Callable[..., Running]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium(AUTOPLAY) as launched:
        yield launched


def _axe_violations(tab: Any) -> list[dict[str, Any]]:
    axe = pytest.importorskip("axe_playwright_python")
    tab.evaluate((files(axe) / "axe.min.js").read_text(encoding="utf-8"))
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}}
    results: dict[str, Any] = tab.evaluate("options => axe.run(document, options)", options)
    return [
        {"id": v["id"], "nodes": [n["html"] for n in v["nodes"]]} for v in results["violations"]
    ]


def _current_sentence(tab: Any) -> str:
    return str(tab.locator('.s[aria-current="true"]').inner_text())


def test_listen_to_a_pasted_url(browser: Any, serve: Serve, site: HTTPServer) -> None:
    running = serve(allow_private=True)  # the test site is on 127.0.0.1
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    tab = context.new_page()
    tab.goto(running.base + "/")
    assert _axe_violations(tab) == []

    tab.evaluate(
        "() => { const line = document.getElementById('status'); window.said = [];"
        " new MutationObserver(() => window.said.push(line.textContent))"
        ".observe(line, {childList: true, characterData: true, subtree: true}); }"
    )
    tab.get_by_label("Address of the article (URL)").fill(site.url_for("/news/ferry-timetable"))
    tab.get_by_role("button", name="Listen", exact=True).click()
    tab.wait_for_function(
        "() => document.getElementById('audio').currentTime > 1.5", timeout=60_000
    )
    assert not tab.evaluate("document.getElementById('audio').paused")
    sentence = _current_sentence(tab)
    assert (
        sentence
        in (
            "Night ferry returns to the winter timetable",
            "By Mara Quill.",
            "Published November 20, 2026.",
        )
        or "ferry" in sentence
    )

    # clicking a later sentence plays from there
    target = tab.locator(".s", has_text="Residents of the island welcomed the news.")
    target.wait_for(timeout=60_000)
    tab.wait_for_function(
        "() => [...document.querySelectorAll('.s')].every(s => s.hasAttribute('data-start'))",
        timeout=60_000,
    )
    start = float(target.get_attribute("data-start") or 0)
    target.click()
    tab.wait_for_function(
        f"() => document.getElementById('audio').currentTime >= {start} && "
        "!document.getElementById('audio').paused",
        timeout=30_000,
    )
    tab.wait_for_function(
        "() => (document.querySelector('.s[aria-current=\"true\"]') || {}).textContent"
        " === 'Residents of the island welcomed the news.'",
        timeout=10_000,
    )
    # a word of it is underlined as it is read, where the voice gives word timings
    tab.wait_for_selector(".s[aria-current='true'] .w.now", timeout=10_000)

    # keys: space pauses, left goes back a sentence, space plays again
    tab.locator("h1").click()
    tab.keyboard.press("Space")
    tab.wait_for_function("() => document.getElementById('audio').paused", timeout=5_000)
    sentences = tab.evaluate("[...document.querySelectorAll('.s')].map(s => s.textContent)")
    here = sentences.index(tab.evaluate("document.querySelector('.s[aria-current]').textContent"))
    tab.keyboard.press("ArrowLeft")
    tab.wait_for_function(
        "expected => document.querySelector('.s[aria-current=\"true\"]').textContent === expected",
        arg=sentences[here - 1],
        timeout=10_000,
    )
    tab.keyboard.press("Space")
    tab.wait_for_function("() => !document.getElementById('audio').paused", timeout=5_000)
    tab.get_by_label("Speed").select_option("1.5")
    assert tab.evaluate("document.getElementById('audio').playbackRate") == 1.5

    status = tab.get_by_role("status")
    tab.wait_for_function(
        "() => document.getElementById('status').textContent.startsWith('Ready')", timeout=60_000
    )
    assert "Night ferry" in status.inner_text()
    assert tab.locator("#progress-line").is_hidden()
    assert tab.locator("#article-site").inner_text() == "The Harbour Herald"  # byline: spoken
    # screen readers hear each change of state once, not a count per sentence
    said = tab.evaluate("window.said")
    assert said[-1].startswith("Ready") and len(said) <= 5, said
    assert tab.get_by_role("link", name="Captions (WebVTT)").get_attribute("href", timeout=5_000)
    row = tab.get_by_role("row", name="Night ferry returns to the winter timetable", exact=False)
    assert "The Harbour Herald" in row.inner_text()
    assert _axe_violations(tab) == []

    # dark mode, reduced motion and 200 % zoom (half the width in CSS pixels): still no
    # violations, and nothing needs scrolling sideways
    tab.emulate_media(color_scheme="dark", reduced_motion="reduce")
    tab.set_viewport_size({"width": 512, "height": 384})
    assert _axe_violations(tab) == []
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")

    # text from a page never becomes markup
    tab.get_by_label("Address of the article (URL)").fill(site.url_for("/news/harbour-note"))
    tab.get_by_role("button", name="Listen", exact=True).click()
    tab.locator(".s", has_text="stays text.").wait_for(timeout=60_000)
    assert tab.locator("#article-body img").count() == 0
    assert tab.evaluate("window.pwned") is None
    context.close()


def test_the_listen_link_the_bookmarklet_and_a_file_start_a_narration(
    browser: Any, serve: Serve, site: HTTPServer, tmp_path: Path
) -> None:
    running = serve(allow_private=True)
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(running.base + "/")  # the check can fail: an unlabelled field is found
    tab.evaluate("document.querySelector('label[for=voice]').remove()")
    assert [v["id"] for v in _axe_violations(tab)] == ["select-name"]
    tab.goto(running.base + "/listen?url=" + site.url_for("/news/orchard-cider"))
    tab.wait_for_function(
        "() => document.getElementById('audio').currentTime > 0.5", timeout=60_000
    )
    assert "cider" in tab.locator("#article-title").inner_text().lower()

    bookmarklet = str(tab.get_by_role("link", name="Listen with narrate").get_attribute("href"))
    assert bookmarklet.startswith("javascript:")
    tab.goto(site.url_for("/news/tram-depot"))  # an article, where the reader clicks it
    with tab.expect_navigation():
        tab.evaluate(bookmarklet.removeprefix("javascript:"))
    assert tab.url.startswith(running.base + "/listen?url=")
    tab.wait_for_function(
        "() => document.getElementById('audio').currentTime > 0.5", timeout=60_000
    )
    assert "tram" in tab.locator("#article-title").inner_text().lower()

    # a text file chosen from the computer
    notes = tmp_path / "lock-keeper.txt"
    notes.write_text("# The lock keeper's week\n\nThe canal froze on Monday. Barges waited.\n")
    tab.get_by_label("Or an HTML or text file").set_input_files(str(notes))
    tab.get_by_role("button", name="Listen", exact=True).click()
    tab.locator(".s", has_text="The canal froze on Monday.").wait_for(timeout=60_000)
    tab.wait_for_function(
        "() => document.getElementById('status').textContent.startsWith('Ready')", timeout=60_000
    )
    assert tab.locator("#article-title").inner_text() == "The lock keeper's week"

    # a narration already made opens at once, described as it was
    tab.goto(running.base + "/listen?url=" + site.url_for("/news/orchard-cider"))
    tab.wait_for_function(
        "() => /^(Ready|Resuming)/.test(document.getElementById('status').textContent)",
        timeout=60_000,
    )
    assert tab.locator("#article-site").inner_text() == "The Harbour Herald"
    assert "By Tomas Wren." in tab.locator("#article-intro").inner_text()
    context.close()
