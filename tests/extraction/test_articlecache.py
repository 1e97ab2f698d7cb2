"""Articles saved by page bytes: the same page is not extracted twice; any change is a miss."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from narrate import pipeline
from narrate.extraction import articlecache
from narrate.sources.reading import read_source
from tests.test_cli import SAMPLE


def test_the_same_page_is_read_back_not_extracted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = tmp_path / "articles"
    first = pipeline.load_article(str(SAMPLE), saved=saved)
    assert first.published is not None and first.blocks

    def no_extraction(*_: object, **__: object) -> None:
        raise AssertionError("the saved article should have been used")

    monkeypatch.setattr(pipeline, "article_from_page", no_extraction)
    assert pipeline.load_article(str(SAMPLE), saved=saved) == first  # every field, dates too


def test_a_changed_page_or_force_is_a_new_extraction(tmp_path: Path) -> None:
    saved = tmp_path / "articles"
    pipeline.load_article(str(SAMPLE), saved=saved)
    edited = tmp_path / "edited.html"
    edited.write_text(SAMPLE.read_text(encoding="utf-8").replace("Lviv opens", "Lviv opened"),
                      encoding="utf-8")  # fmt: skip
    assert pipeline.load_article(str(edited), saved=saved).title.startswith("Lviv opened")
    pipeline.load_article(str(SAMPLE), saved=saved, force=True)
    assert len(list(saved.glob("*.json"))) == 3


def test_a_damaged_saved_article_is_ignored(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="narrate.extraction.articlecache")
    saved = tmp_path / "articles"
    article = pipeline.load_article(str(SAMPLE), saved=saved)
    (entry,) = saved.glob("*.json")
    whole = entry.read_text(encoding="utf-8")
    for damage in ("{not json", whole.replace("Lviv", "Kyiv")):  # the second: valid JSON
        entry.write_text(damage, encoding="utf-8")
        assert pipeline.load_article(str(SAMPLE), saved=saved) == article
        assert "dropping a damaged saved article" in caplog.text
        assert articlecache.get(saved, read_source(str(SAMPLE)), False) == article
        caplog.clear()


def test_a_new_version_of_a_page_is_known_by_its_title(tmp_path: Path) -> None:
    """Before extraction, a page whose title was seen is an updated article (few new sentences:
    one worker may use every core); one never seen is new (all workers load the voice)."""
    saved, calls = tmp_path / "articles", list[bool]()
    html = SAMPLE.read_text(encoding="utf-8")
    updated, other = tmp_path / "updated.html", tmp_path / "other.html"
    updated.write_text(html.replace("Passengers will not", "Riders will not"), encoding="utf-8")
    other.write_text(html.replace("<title>Lviv opens", "<title>Kyiv opens"), encoding="utf-8")
    for page in (SAMPLE, updated, other, SAMPLE):
        pipeline.load_article(str(page), saved=saved, on_new_page=calls.append)
    assert calls == [False, True, False]  # the sample again: read back, nothing to start
