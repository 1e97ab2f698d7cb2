"""Where each word sits in a clip: from the voice's phoneme durations to the written words.

Piper gives the number of samples of every phoneme it speaks (voicegraph exposes them). Its
phonemizer, espeak, separates words with spaces but joins some unstressed ones ("from the" is
one phoneme word, "fɹʌmðə"), so the spoken words are matched to the text's words by their
phoneme counts (each word phonemized alone), the joined ones sharing their span in proportion.
The spans of the words the voice was given then pass to the written words on display, which
may differ ("$5m" was said "five million dollars").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher

Span = tuple[int, int]
"""First and last-plus-one sample of a word in its clip."""

NO_STRESS = str.maketrans("", "", "ˈˌːˑ")  # str.translate: stress and length marks out
_SILENT = set("^$_ ,.!?;:—…\"'()")  # sentence marks, pads, word gaps and punctuation
# Ways a run of text words can meet a run of phoneme words: (text words, phoneme words).
_STEPS = ((1, 1), (2, 1), (3, 1), (1, 2))


_WORD = re.compile(r"\w")


def words(text: str) -> list[str]:
    """The words of a text that are spoken or shown: tokens with a letter or a digit."""
    return [token for token in text.split() if _WORD.search(token)]


def timed_tokens(text: str, spans: Sequence[tuple[float, float]]) -> list[tuple[str, float | None]]:
    """The text's tokens (split at white space), each word's with its start, from the spans of
    its words; None for a token that is no word, and for all when the spans do not fit them."""
    tokens = text.split()
    if not spans or len(spans) != len(words(text)):
        return [(token, None) for token in tokens]
    starts = iter(start for start, _ in spans)
    return [(token, next(starts) if _WORD.search(token) else None) for token in tokens]


def phoneme_words(
    phonemes: Iterable[tuple[str, int]], start: int = 0
) -> list[tuple[str, int, int]]:
    """(phonemes, first sample, end sample) of each spoken word, from (phoneme, samples) pairs
    in order, the first at sample `start`."""
    found: list[tuple[str, int, int]] = []
    word, begin, position = "", start, start
    for phoneme, samples in phonemes:
        if phoneme in _SILENT:
            if word:
                found.append((word, begin, position))
            word = ""
        else:
            if not word:
                begin = position
            word += phoneme
        position += samples
    if word:
        found.append((word, begin, position))
    return found


def spans(
    text_words: Sequence[str],
    spoken: Sequence[tuple[str, int, int]],
    length: Callable[[str], int],
) -> tuple[Span, ...]:
    """The span of each text word, matching phoneme words to runs of text words whose
    phonemes alone (`length`: their count) come closest; () when they cannot be matched."""
    if not text_words or not spoken:
        return ()
    expected = [max(1, length(word)) for word in text_words]
    heard = [max(1, len(w.translate(NO_STRESS))) for w, _, _ in spoken]
    n, m = len(text_words), len(spoken)
    cost: dict[tuple[int, int], tuple[float, tuple[int, int]]] = {(0, 0): (0.0, (0, 0))}
    for i in range(n + 1):
        for j in range(m + 1):
            if (i, j) not in cost:
                continue
            for a, b in _STEPS:
                if i + a > n or j + b > m:
                    continue
                want, got = sum(expected[i : i + a]), sum(heard[j : j + b])
                # relative mismatch, and a little against joining, so that 1:1 wins a tie
                step = cost[i, j][0] + abs(want - got) / max(want, got) + 0.3 * (a + b - 2)
                if (i + a, j + b) not in cost or step < cost[i + a, j + b][0]:
                    cost[i + a, j + b] = (step, (a, b))
    if (n, m) not in cost:
        return ()
    found: list[Span] = []
    i, j = n, m
    while i or j:
        a, b = cost[i, j][1]
        found[:0] = _share(spoken[j - b][1], spoken[j - 1][2], expected[i - a : i])
        i, j = i - a, j - b
    return tuple(found)


def written(written_text: str, said_text: str, said: Sequence[Span]) -> tuple[Span, ...]:
    """The spans of the written words, from those of the words said: words that match take
    their span; a written run said differently ("Jan. 10", "January tenth") shares the span of
    what was said for it, in proportion to length; a written word not said gets an empty span
    where it would have been. () when the said words have no spans."""
    shown, spoken = words(written_text), words(said_text)
    if not said or len(said) != len(spoken) or not shown:
        return ()
    matcher = SequenceMatcher(None, [_plain(w) for w in shown], [_plain(w) for w in spoken])
    found: list[Span] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            found.extend(said[j1:j2])
        elif tag == "insert":  # said, not written: the written word before takes it in
            if found:
                found[-1] = (found[-1][0], said[j2 - 1][1])
        elif j1 < j2:  # replaced
            found.extend(_share(said[j1][0], said[j2 - 1][1], [len(w) for w in shown[i1:i2]]))
        else:  # deleted: written, not said
            at = found[-1][1] if found else said[0][0]
            found.extend((at, at) for _ in range(i1, i2))
    return tuple(found)


def _share(start: int, end: int, weights: Sequence[int]) -> list[Span]:
    """A span cut in parts in proportion to the weights."""
    total, done, shared = sum(weights), 0, []
    for weight in weights:
        begin = start + (end - start) * done // total
        done += weight
        shared.append((begin, start + (end - start) * done // total))
    return shared


def _plain(word: str) -> str:
    return re.sub(r"\W", "", word).lower()
