"""Local files and standard input: decoding, kinds, and a clear error for each bad input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from narrate.errors import SourceError
from narrate.sources.reading import read_source

HTML = "<html><body><p>Zoë’s café</p></body></html>"


def test_html_file_in_utf8_and_latin1(tmp_path: Path) -> None:
    utf8 = tmp_path / "a.html"
    utf8.write_text(HTML, encoding="utf-8")
    assert read_source(str(utf8)).text == HTML
    latin = tmp_path / "b.htm"
    latin.write_bytes('<meta charset="windows-1252"><p>Zoë’s café</p>'.encode("cp1252"))
    page = read_source(str(latin))
    assert page.kind == "html"
    assert "Zoë’s café" in page.text


def test_utf16_with_bom_and_text_kinds(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Zoë’s café\n\nSecond.", encoding="utf-16")
    page = read_source(str(notes))
    assert (page.kind, page.text) == ("text", "Zoë’s café\n\nSecond.")


def test_kind_is_sniffed_when_the_suffix_says_nothing(tmp_path: Path) -> None:
    saved = tmp_path / "download"
    saved.write_text("<!DOCTYPE html>" + HTML, encoding="utf-8")
    assert read_source(str(saved)).kind == "html"


def test_stdin() -> None:
    page = read_source("-", stdin=io.BytesIO(HTML.encode()))
    assert (page.kind, page.name) == ("html", "standard input")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.html", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "empty.txt", b"  \n\n "), "is empty"),
        (lambda d: _write(d / "junk.html", bytes(range(256)) * 40), "binary data"),
        (
            lambda d: _write(
                d / "x.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x01\x02\x03\x04"
            ),
            "binary",
        ),
    ],
)
def test_bad_files_are_source_errors(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SourceError, match=message):
        read_source(str(make(tmp_path)))


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "locked.html", b"<p>x</p>")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    # CI runs as root, for whom chmod 000 changes nothing; make the read itself fail
    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(SourceError, match="permission denied"):
        read_source(str(path))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
