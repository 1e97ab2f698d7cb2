"""The narration jobs through a real HTTP client against the real server: lifecycle, Range,
streaming while in progress, single-flight, a full queue, restart and resume."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from narrate.audio.assembly import duration
from tests.conftest import speak_with
from tests.server.conftest import Running, wait_done
from tests.server.voices import SlowVoice, quick

Serve = Callable[..., Running]


def _post(running: Running, **body: object) -> dict[str, Any]:
    with running.client() as client:
        answer = client.post("/api/narrations", json=body)
    assert answer.status_code == 202, answer.text
    result: dict[str, Any] = answer.json()
    return result


def test_a_narration_from_post_to_delete(
    serve: Serve, site: HTTPServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    speak_with(monkeypatch, quick())
    data = tmp_path / "data"
    running = serve(allow_private=True, data_dir=data)
    with running.client() as client:
        answer = client.post("/api/narrations", json={"url": site.url_for("/news/orchard-cider")})
        assert answer.status_code == 202
        job_id = answer.json()["id"]
        assert answer.headers["location"] == f"/api/narrations/{job_id}"
        status = wait_done(client, job_id)
        assert status["status"] == "done", status["error"]
        assert status["title"] == "Village orchard presses its first cider in a decade"
        assert (status["site"], status["byline"]) == ("The Harbour Herald", "Tomas Wren")
        assert status["published"] == "2026-11-20"
        progress = status["progress"]
        assert isinstance(progress, dict) and progress["done"] == progress["total"] > 3
        links = status["links"]
        assert isinstance(links, dict)

        audio = client.get(links["audio"])
        assert audio.headers["content-type"] == "audio/mpeg"
        assert audio.headers["accept-ranges"] == "bytes"
        saved = tmp_path / "got.mp3"
        saved.write_bytes(audio.content)
        assert duration(saved) == pytest.approx(status["duration"], abs=0.08)

        vtt = client.get(links["captions"])
        assert vtt.headers["content-type"].startswith("text/vtt")
        assert vtt.text.startswith("WEBVTT") and "Volunteers gathered apples" in vtt.text
        transcript = client.get(links["transcript"]).json()
        assert transcript["segments"][0]["body"] == status["title"]
        chapters = client.get(links["chapters"]).json()
        assert chapters["chapters"][0]["startTime"] == 0
        page = client.get(links["readalong"])
        assert page.headers["content-type"].startswith("text/html")
        assert "The cider will be sold at the spring fair." in page.text
        assert client.get(links["epub"]).content[:2] == b"PK"
        text = client.get(links["text"]).json()
        assert text["complete"] and len(text["cues"]) == len(text["segments"]) == progress["total"]

        assert (
            client.put(f"/api/narrations/{job_id}/position", json={"seconds": 4.5}).status_code
            == 204
        )
        library = client.get("/api/narrations").json()
        assert [(item["id"], item["position"]) for item in library] == [(job_id, 4.5)]

        assert client.delete(f"/api/narrations/{job_id}").status_code == 204
        assert client.get(f"/api/narrations/{job_id}").status_code == 404
        assert client.get(links["audio"]).status_code == 404
        assert not (data / "narrations" / job_id).exists()


def test_a_finished_narration_answers_range_requests(
    serve: Serve, monkeypatch: pytest.MonkeyPatch
) -> None:
    speak_with(monkeypatch, quick())
    running = serve()
    job = _post(running, text="The tide came in.\n\nThe boats rose with it. Gulls followed.")
    with running.client() as client:
        wait_done(client, str(job["id"]))
        url = f"/api/narrations/{job['id']}/audio"
        whole = client.get(url).content
        head = client.get(url, headers={"Range": "bytes=0-99"})
        assert head.status_code == 206
        assert head.headers["content-range"] == f"bytes 0-99/{len(whole)}"
        assert head.content == whole[:100]
        tail = client.get(url, headers={"Range": "bytes=100-"})
        assert tail.status_code == 206 and tail.content == whole[100:]
        beyond = client.get(url, headers={"Range": f"bytes={len(whole) + 10}-"})
        assert beyond.status_code == 416


def test_the_audio_streams_while_the_narration_is_made(
    serve: Serve, site: HTTPServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    voice = SlowVoice(seconds=0.2)
    speak_with(monkeypatch, voice)
    running = serve(allow_private=True)
    job = _post(running, url=site.url_for("/news/ferry-timetable"))
    url = f"/api/narrations/{job['id']}/audio"
    streamed = bytearray()
    states = []
    partial: dict[str, Any] = {}
    text = f"/api/narrations/{job['id']}/text"
    with running.client() as client, client.stream("GET", url) as response:
        assert response.status_code == 200
        assert response.headers["content-type"] == "audio/mpeg"
        for chunk in response.iter_bytes():
            if not streamed:  # the first bytes come while later sentences are still to speak
                states.append(client.get(f"/api/narrations/{job['id']}").json())
            if not partial.get("cues"):  # the page gets the sentences' times as they come
                partial = client.get(text).json()
            streamed += chunk
        final = wait_done(client, str(job["id"]))
        whole = client.get(text).json()
    assert not partial["complete"] and whole["complete"]
    assert 0 < len(partial["cues"]) < len(whole["cues"])
    assert partial["cues"] == whole["cues"][: len(partial["cues"])]  # the same times as at the end
    assert partial["segments"] == whole["segments"]
    first = states[0]
    assert first["status"] == "running"
    assert first["progress"]["done"] < first["progress"]["total"]
    heard = tmp_path / "streamed.mp3"
    heard.write_bytes(bytes(streamed))
    assert duration(heard) == pytest.approx(final["duration"], abs=0.08)
    assert len(voice.spoken) == final["progress"]["total"]


def test_the_same_article_asked_twice_is_one_narration(
    serve: Serve, site: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    voice = SlowVoice(seconds=0.05)
    speak_with(monkeypatch, voice)
    running = serve(allow_private=True)
    url = site.url_for("/news/tram-depot")
    answers: list[dict[str, object]] = []

    def ask() -> None:
        answers.append(_post(running, url=url))

    askers = [threading.Thread(target=ask) for _ in range(4)]
    for asker in askers:
        asker.start()
    for asker in askers:
        asker.join()
    assert len({answer["id"] for answer in answers}) == 1
    with running.client() as client:
        status = wait_done(client, str(answers[0]["id"]))
        assert len(client.get("/api/narrations").json()) == 1
        again = client.post("/api/narrations", json={"url": url})
        assert again.status_code == 200 and again.json()["id"] == status["id"]
        faster = client.post("/api/narrations", json={"url": url, "rate": 1.5})
        assert faster.status_code == 202 and faster.json()["id"] != status["id"]
    assert len(voice.spoken) == status["progress"]["total"]


def test_a_full_queue_answers_503_with_retry_after(
    serve: Serve, monkeypatch: pytest.MonkeyPatch
) -> None:
    voice = SlowVoice(seconds=0.05)
    speak_with(monkeypatch, voice)
    running = serve(workers=1, max_queue=1)
    with voice.lock:  # the first narration holds the only worker until the lock is let go
        first = _post(running, text="One long story about the harbour wall.")
        assert voice.running.wait(10)
        second = _post(running, text="A second story about the lighthouse.")
        with running.client() as client:
            refused = client.post("/api/narrations", json={"text": "A third story, refused."})
            assert refused.status_code == 503
            assert int(refused.headers["retry-after"]) > 0
            assert client.get(f"/api/narrations/{second['id']}").json()["status"] == "queued"
    with running.client() as client:
        assert wait_done(client, str(first["id"]))["status"] == "done"
        assert wait_done(client, str(second["id"]))["status"] == "done"
        assert len(client.get("/api/narrations").json()) == 2  # the refused one left no trace


def test_a_narration_interrupted_by_a_restart_resumes(
    serve: Serve, site: HTTPServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    voice = SlowVoice(seconds=0.1)
    speak_with(monkeypatch, voice)
    data = tmp_path / "data"
    running = serve(allow_private=True, data_dir=data)
    job = _post(running, url=site.url_for("/news/school-garden"))
    with running.client() as client:
        while client.get(f"/api/narrations/{job['id']}").json()["progress"]["done"] < 2:
            time.sleep(0.02)
    running.stop()
    with sqlite3.connect(data / "jobs.sqlite") as db:
        (left,) = db.execute("SELECT status FROM narrations WHERE id = ?", (job["id"],)).fetchone()
    assert left == "queued"
    spoken_before = len(voice.spoken)

    again = serve(allow_private=True, data_dir=data)
    with again.client() as client:
        status = wait_done(client, str(job["id"]))
        assert status["status"] == "done", status["error"]
        assert client.get(f"/api/narrations/{job['id']}/audio").status_code == 200
        transcript = client.get(f"/api/narrations/{job['id']}/transcript.json").json()
    # the sentences spoken before the restart came from the cache
    assert len(voice.spoken) - spoken_before < status["progress"]["total"]
    assert len(transcript["segments"]) == status["progress"]["total"]


def test_pasted_html_and_failures_are_reported(
    serve: Serve, monkeypatch: pytest.MonkeyPatch
) -> None:
    speak_with(monkeypatch, quick())
    running = serve()
    with running.client() as client:
        assert client.post("/api/narrations", json={}).status_code == 422
        both = client.post("/api/narrations", json={"text": "a", "html": "<p>b</p>"})
        assert both.status_code == 422
        assert (
            client.post("/api/narrations", json={"text": "x", "voice": "/etc/passwd"}).status_code
            == 422
        )
        empty = client.post("/api/narrations", json={"html": "<html><body></body></html>"})
        status = wait_done(client, empty.json()["id"])
        assert status["status"] == "failed" and status["error"]
        assert client.get(f"/api/narrations/{status['id']}/audio").status_code == 409
        assert client.get(f"/api/narrations/{status['id']}/captions.vtt").status_code == 409
        spec = client.get("/openapi.json").json()
        assert "/api/narrations" in spec["paths"] and "/v1/audio/speech" in spec["paths"]
        assert json.dumps(spec)  # a valid document


def test_a_narration_deleted_while_it_is_made_stops_and_leaves_nothing(
    serve: Serve, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    voice = SlowVoice(seconds=0.1)
    speak_with(monkeypatch, voice)
    data = tmp_path / "data"
    running = serve(workers=1, data_dir=data)
    story = "\n\n".join(f"Paragraph {n} is about the old mill by the weir." for n in range(1, 30))
    job = _post(running, text=story)
    with running.client() as client:
        while client.get(f"/api/narrations/{job['id']}").json()["progress"]["done"] < 2:
            time.sleep(0.02)
        assert client.delete(f"/api/narrations/{job['id']}").status_code == 204
        assert client.get(f"/api/narrations/{job['id']}").status_code == 404
        after = _post(running, text="The mill wheel turns again.")  # the worker is free again
        assert wait_done(client, str(after["id"]))["status"] == "done"
    assert len(voice.spoken) < 29  # it stopped at the next segment
    assert [p.name for p in (data / "narrations").iterdir()] == [after["id"]]


def test_a_text_without_a_title_is_named_after_its_file(
    serve: Serve, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    speak_with(monkeypatch, quick())
    running = serve(data_dir=tmp_path)
    job = _post(running, text="The weir was mended in June.", name="../../weir_repairs.md")
    with running.client() as client:
        status = wait_done(client, str(job["id"]))
    assert status["title"] == "weir repairs"
    assert (tmp_path / "narrations" / job["id"] / "weir_repairs.txt").is_file()
