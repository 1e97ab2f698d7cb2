"""German, Spanish and French pages narrated end to end, each with a voice of its language.

The voices are the installed model with another language's espeak-ng voice in a copy of its
config (what a German Piper voice's config says), in a temporary voices folder: what is tested
is the pipeline's choice and use of them, not how the English model sounds in German.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from mutagen.id3 import ID3

from narrate import pipeline
from narrate.settings import Settings
from narrate.speech.catalog import packaged_voice
from tests.test_cli import invoke

ARTICLE = """<html lang="{lang}"><head><title>{title}</title>
<meta property="og:type" content="article">
<meta name="author" content="{author}">
<meta property="article:published_time" content="2025-05-03T08:00:00Z">
</head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>"""

PAGES = {
    "de": {
        "title": "Neue Brücke über den Fluss eröffnet",
        "author": "Anna Keller",
        "paragraphs": [
            "Am 3. Mai wurde die neue Brücke nach 4 Jahren Bauzeit für den Verkehr freigegeben.",
            "Sie ist 420 m lang und hat 12,5 Mio. € gekostet, etwa 15 % mehr als geplant.",
            "Der Bürgermeister, Dr. Weber, sprach um 10:30 Uhr vor rund 2.000 Gästen.",
            "Ab Montag fahren die Busse der Linie 7 alle 10 Minuten über die Brücke.",
        ],
        "spoken": [
            "am dritten Mai",
            "zwölf Komma fünf Millionen Euro",
            "Doktor Weber",
            "zehn Uhr dreißig",
            "Von Anna Keller",
            "Veröffentlicht am dritten Mai",
        ],
        "espeak": "de",
    },
    "es": {
        "title": "La biblioteca municipal reabre sus puertas",
        "author": "Lucía Romero",
        "paragraphs": [
            "La biblioteca reabrió el 3 de mayo tras 18 meses de obras en el edificio.",
            "La reforma costó 2,5 millones de euros, un 12 % menos de lo previsto.",
            "El Sr. Ortega, director del centro, recibió a 350 visitantes a las 9:30.",
            "La sala infantil ocupa ahora 240 m² en la 2.ª planta del edificio.",
        ],
        "spoken": [
            "tres de mayo",
            "dos coma cinco millones de euros",
            "señor Ortega",
            "nueve y media",
            "Por Lucía Romero",
            "Publicado el tres de mayo",
        ],
        "espeak": "es",
    },
    "fr": {
        "title": "Le festival de jazz bat un record",
        "author": "Claire Morel",
        "paragraphs": [
            "Le festival a accueilli 45 000 spectateurs entre le 1er et le 4 mai.",
            "Les billets coûtaient 35 € et 20 % des places étaient réservées aux étudiants.",
            "Mme Laurent, la directrice, a ouvert la soirée à 20h30 sur la grande scène.",
            "La 3e édition aura lieu l'an prochain dans un parc de 12 ha.",
        ],
        "spoken": [
            "quarante-cinq mille spectateurs",
            "trente-cinq euros",
            "Madame Laurent",
            "vingt heures trente",
            "Par Claire Morel",
            "Publié le trois mai",
        ],
        "espeak": "fr",
    },
}


def _page(folder: Path, lang: str) -> Path:
    spec = PAGES[lang]
    paragraphs = "".join(f"<p>{text}</p>" for text in spec["paragraphs"])
    path = folder / f"{lang}.html"
    path.write_text(ARTICLE.format(lang=lang, paragraphs=paragraphs, title=spec["title"],
                                   author=spec["author"]), encoding="utf-8")  # fmt: skip
    return path


@pytest.fixture
def voices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A voices folder with a German, a Spanish and a French voice (see the module's note)."""
    folder = tmp_path / "voices"
    folder.mkdir()
    joe = packaged_voice()
    for lang, spec in PAGES.items():
        region = {"de": "DE", "es": "ES", "fr": "FR"}[lang]
        name = f"{lang}_{region}-probe-medium"
        (folder / f"{name}.onnx").symlink_to(joe.model)
        config = json.loads(joe.config.read_text(encoding="utf-8"))
        config["language"] = {"code": f"{lang}_{region}", "family": lang, "region": region}
        config["espeak"] = {"voice": spec["espeak"]}
        (folder / f"{name}.onnx.json").write_text(json.dumps(config), encoding="utf-8")
    monkeypatch.setenv("NARRATE_VOICES", str(folder))
    return folder


@pytest.mark.parametrize("lang", ["de", "es", "fr"])
def test_the_script_is_in_the_article_s_language(tmp_path: Path, lang: str) -> None:
    result = invoke(str(_page(tmp_path, lang)), "--dry-run")
    assert result.returncode == 0, result.stderr
    for spoken in PAGES[lang]["spoken"]:
        assert spoken in result.stdout, (spoken, result.stdout)
    assert not any(c.isdigit() for c in result.stdout)


def test_without_a_voice_of_the_language_one_line_says_which_to_download(tmp_path: Path) -> None:
    result = invoke(str(_page(tmp_path, "es")), "--dry-run")
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert len(warnings) == 1, result.stderr
    assert "narrate voices download es_" in warnings[0]
    assert "reading with en_US-joe-medium" in warnings[0]
    asked = invoke(str(_page(tmp_path, "es")), "--dry-run", "--language", "es")
    assert asked.returncode == 1
    assert asked.stderr.startswith("narrate: error: no Spanish voice is installed here")
    assert len(asked.stderr.strip().splitlines()) == 1


def test_a_page_that_declares_no_language_is_recognised_by_its_words(
    tmp_path: Path, voices: Path
) -> None:
    page = _page(tmp_path, "de")
    page.write_text(page.read_text(encoding="utf-8").replace(' lang="de"', ""), encoding="utf-8")
    result = invoke(str(page), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "am dritten Mai" in result.stdout
    assert "WARNING" not in result.stderr


def test_the_outputs_carry_the_language_found_or_asked_for(tmp_path: Path, voices: Path) -> None:
    page = _page(tmp_path, "es")
    page.write_text(page.read_text(encoding="utf-8").replace(' lang="es"', ""), encoding="utf-8")
    assert pipeline.prepare(str(page), Settings(cache=False)).article.language == "es"
    asked = Settings(cache=False, language="fr")
    assert pipeline.prepare(str(_page(tmp_path, "de")), asked).article.language == "fr"
    note = tmp_path / "note.txt"
    note.write_text("A short note\n\nNothing to say about it.\n", encoding="utf-8")
    assert pipeline.prepare(str(note), Settings(cache=False)).article.language == ""  # unsure


def test_language_overrides_the_page(tmp_path: Path, voices: Path) -> None:
    result = invoke(str(_page(tmp_path, "de")), "--dry-run", "--language", "fr")
    assert result.returncode == 0, result.stderr
    assert "Par Anna Keller" in result.stdout  # the intro's words in the language asked for


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["de", "es", "fr"])
def test_each_page_is_narrated_with_a_voice_of_its_language(
    tmp_path: Path, voices: Path, lang: str
) -> None:
    out, page = tmp_path / f"{lang}.mp3", tmp_path / f"{lang}.readalong.html"
    book = tmp_path / f"{lang}.epub"
    result = invoke(str(_page(tmp_path, lang)), "-o", str(out), "--html", str(page),
                    "--epub", str(book), timeout=600)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    tags = ID3(out)
    comment = str(tags.getall("COMM")[0])
    assert f"{lang}_" in comment and "-probe-medium" in comment, comment
    assert str(tags["TLAN"]) == {"de": "ger", "es": "spa", "fr": "fre"}[lang]  # ISO 639-2/B
    assert f'lang="{lang}"' in page.read_text(encoding="utf-8")
    with zipfile.ZipFile(book) as epub:
        package = next(n for n in epub.namelist() if n.endswith(".opf"))
        assert f"<dc:language>{lang}</dc:language>" in epub.read(package).decode()


@pytest.mark.slow
def test_voice_overrides_the_language(tmp_path: Path, voices: Path) -> None:
    out = tmp_path / "de.mp3"
    result = invoke(str(_page(tmp_path, "de")), "-o", str(out), "--voice", "en_US-joe-medium",
                    timeout=600)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "en_US-joe-medium" in str(ID3(out).getall("COMM")[0])
    assert "this article is in German" in result.stderr  # the voice does not speak it
