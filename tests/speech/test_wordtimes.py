"""Word timings: phoneme durations to spoken words, spoken words to written ones."""

from __future__ import annotations

import numpy as np
import pytest

from narrate.speech import wordtimes
from narrate.speech.piper import Voice


def test_phoneme_words_are_cut_at_gaps_and_punctuation() -> None:
    pairs = [("^", 10), ("ð", 5), ("ə", 5), (" ", 3), ("k", 4), ("ˈæ", 4), ("t", 4), (",", 20),
             (" ", 2), ("ɹ", 6), ("ʌn", 6), (".", 9), ("$", 0)]  # fmt: skip
    assert wordtimes.phoneme_words(pairs, start=100) == [
        ("ðə", 110, 120),
        ("kˈæt", 123, 135),
        ("ɹʌn", 157, 169),
    ]


def test_words_joined_by_the_phonemizer_share_their_span() -> None:
    alone = {"from": 4, "the": 2, "shore": 4, "at": 2, "dawn.": 3}
    spoken = [("fɹʌmðə", 0, 90), ("ʃˈɔːɹ", 100, 200), ("æt", 210, 240), ("dˈɔːn", 250, 330)]
    spans = wordtimes.spans(["from", "the", "shore", "at", "dawn."], spoken, alone.__getitem__)
    assert spans == ((0, 60), (60, 90), (100, 200), (210, 240), (250, 330))


def test_words_that_cannot_be_matched_get_no_spans() -> None:
    spoken = [("ɐ", 0, 10)]
    assert wordtimes.spans(["one", "two", "three", "four"], spoken, len) == ()
    assert wordtimes.spans([], spoken, len) == ()


def test_written_words_take_the_spans_of_what_was_said_for_them() -> None:
    said_text = "It cost five million dollars on January tenth, a record."
    said = tuple((10 * n, 10 * n + 8) for n in range(len(wordtimes.words(said_text))))
    written = wordtimes.written("It cost $5m on Jan. 10 — a record.", said_text, said)
    shown = wordtimes.words("It cost $5m on Jan. 10 — a record.")
    assert dict(zip(shown, written, strict=True)) == {
        "It": (0, 8),
        "cost": (10, 18),
        "$5m": (20, 48),  # five million dollars
        "on": (50, 58),
        "Jan.": (60, 72),  # January tenth, shared by length
        "10": (72, 78),
        "a": (80, 88),
        "record.": (90, 98),
    }
    assert wordtimes.written("Anything", said_text, ()) == ()


@pytest.mark.slow
def test_the_real_voice_places_every_word_in_its_speech(timed_voice: Voice) -> None:
    text = "Trams are running from the depot again, after the long winter."
    clip = timed_voice.speak(text)
    assert len(clip.words) == len(wordtimes.words(text)) == 11
    assert all(0 <= start < end <= clip.samples for start, end in clip.words)
    assert all(a[1] <= b[0] for a, b in zip(clip.words, clip.words[1:], strict=False))
    pcm = np.abs(np.frombuffer(clip.pcm, dtype=np.int16).astype(float))
    for start, end in clip.words:  # speech inside every word
        assert pcm[start:end].max() > 2000
    (_, comma), (after, _) = clip.words[6], clip.words[7]  # "again," ... "after"
    assert (after - comma) / clip.sample_rate > 0.1  # the pause at the comma is between words
