"""A content-addressed cache of synthesised segments, in the user cache folder.

The key is everything that changes the audio: the cache format, the voice model's hash, the
speaker and speed, and the spoken text. So narrating the same article again synthesises
nothing, and an article corrected in one sentence re-synthesises only that sentence.

Entries are written to a temporary file and renamed into place, so two narrate processes can
share the cache: a reader sees a whole entry or none. Every entry carries a checksum (CRC-32,
checked on every read): a damaged entry, even one of the right length, reads as a miss and is
removed, so it is made again. Size is bounded by least-recently-used eviction (a hit refreshes
the entry's modification time) over everything in the cache folders: sentences, whole
narrations, saved articles and pages, and stray files.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import math
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from narrate.errors import OutputError
from narrate.files import atomic_path, file_identity
from narrate.model import Clip, VoiceInfo
from narrate.paths import CacheFolders, cache_folders
from narrate.settings import DEFAULT_CACHE_BYTES, SpeechSettings

log = logging.getLogger(__name__)

FORMAT_VERSION = 4
_MAGIC = b"NRC4"
# magic, sample rate, sample count, loudness step count, true peak, word count, CRC-32 of what
# follows; then the PCM, the loudness step energies as float64, and each word's first and end
# sample as uint32
_HEADER = struct.Struct("<4sIIIdII")


@dataclass(frozen=True)
class CacheStats:
    sentences: int
    narrations: int
    bytes: int
    folder: Path


class SegmentCache:
    """Clips on disk, addressed by what produced them."""

    def __init__(self, folder: Path | None = None, max_bytes: int = DEFAULT_CACHE_BYTES) -> None:
        self.folder = folder or cache_folders().segments
        self.max_bytes = max_bytes
        self._warned = False

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pcm"

    def has(self, key: str) -> bool:
        """Whether a clip is stored under the key (get() may still find it damaged)."""
        return self._path(key).is_file()

    def get(self, key: str) -> Clip | None:
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        clip = clip_from_bytes(data)
        if clip is None:
            log.debug("dropping a damaged cache entry %s: it is made again", path)
            path.unlink(missing_ok=True)
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: evicted last
        return clip

    def put(self, key: str, clip: Clip) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with atomic_path(path) as temporary:
                temporary.write_bytes(clip_bytes(clip))
        except (OSError, OutputError) as error:  # a full disk must not stop a good narration
            # Once a run: a full disk would otherwise say so for every sentence.
            log.log(logging.DEBUG if self._warned else logging.WARNING,
                    "could not cache a segment: %s", error)  # fmt: skip
            self._warned = True

    def audio_path(self, key: str, fmt: str) -> Path:
        """Where a whole encoded narration is kept: re-narrating it then costs a copy."""
        return self.folder / "audio" / f"{key}.{fmt}"

    def get_audio(self, key: str, fmt: str) -> bytes | None:
        """The encoded narration stored under the key, if it is whole (its size and checksum
        as recorded beside it); a damaged one is removed, to be encoded again."""
        path = self.audio_path(key, fmt)
        try:
            data = path.read_bytes()
            record = _checksum_path(path).read_text(encoding="ascii").strip()
        except OSError:
            return None
        if record != _checksum(data):
            log.debug("dropping a damaged cached narration %s: it is made again", path)
            for damaged in (path, _checksum_path(path)):
                damaged.unlink(missing_ok=True)
            return None
        with contextlib.suppress(OSError):
            os.utime(path)
        return data

    def put_audio(self, key: str, fmt: str, source: Path) -> None:
        path = self.audio_path(key, fmt)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            data = source.read_bytes()
            # The record first: a narration in place always has one (a stale one reads as damage).
            with atomic_path(_checksum_path(path)) as temporary:
                temporary.write_text(_checksum(data), encoding="ascii")
            with atomic_path(path) as temporary:
                temporary.write_bytes(data)
        except (OSError, OutputError) as error:
            log.warning("could not cache the narration: %s", error)

    def entries(self) -> list[tuple[Path, os.stat_result]]:
        """Every file in the cache folder: entries, checksums, and stray files (temporary files
        of processes that died, entries of older formats)."""
        return _files(self.folder)

    def stats(self) -> CacheStats:
        entries = self.entries()
        sentences = sum(1 for path, _ in entries if path.suffix == ".pcm")
        narrations = sum(
            1 for path, _ in entries if path.parent.name == "audio" and path.suffix != ".crc32"
        )
        size = sum(stat.st_size for _, stat in entries)
        return CacheStats(sentences, narrations, size, self.folder)

    def evict(self) -> int:
        """Delete least recently used files until the cache, with the saved articles and
        pages beside it, fits; return how many went."""
        accounted = self.entries()
        folders = CacheFolders.around(self.folder)
        for sibling in (folders.articles, folders.pages):
            accounted += _files(sibling)
        entries = sorted(accounted, key=lambda entry: entry[1].st_mtime)
        total = sum(stat.st_size for _, stat in entries)
        removed = 0
        for path, stat in entries:
            if total <= self.max_bytes:
                break
            path.unlink(missing_ok=True)  # another process may have removed it first
            total -= stat.st_size
            removed += 1
        return removed

    def clear(self) -> int:
        entries = self.entries()
        for path, _ in entries:
            path.unlink(missing_ok=True)
        return len(entries)


def clip_bytes(clip: Clip) -> bytes:
    """A clip as stored: header, PCM, loudness steps, word spans, with a CRC-32 of all but the
    header in the header (also the cluster's format)."""
    steps = struct.pack(f"<{len(clip.energies)}d", *clip.energies)
    marks = struct.pack(f"<{2 * len(clip.words)}I", *(n for w in clip.words for n in w))
    body = clip.pcm + steps + marks
    header = _HEADER.pack(_MAGIC, clip.sample_rate, clip.samples, len(clip.energies),
                          math.nan if clip.peak_dbtp is None else clip.peak_dbtp,
                          len(clip.words), zlib.crc32(body))  # fmt: skip
    return header + body


def clip_from_bytes(data: bytes) -> Clip | None:
    """The clip clip_bytes() stored, or None when the data is damaged or of another format."""
    if len(data) < _HEADER.size or not _whole(data):
        return None
    _, rate, count, blocks, peak, words, _ = _HEADER.unpack_from(data)
    end = _HEADER.size + 2 * count
    steps = struct.unpack_from(f"<{blocks}d", data, end)
    marks = struct.unpack_from(f"<{2 * words}I", data, end + 8 * blocks)
    return Clip(data[_HEADER.size : end], rate, energies=steps,
                peak_dbtp=None if math.isnan(peak) else peak,
                words=tuple(zip(marks[::2], marks[1::2], strict=True)))  # fmt: skip


def _whole(data: bytes) -> bool:
    magic, _, count, blocks, _, words, crc = _HEADER.unpack_from(data)
    return bool(
        magic == _MAGIC
        and len(data) == _HEADER.size + 2 * count + 8 * blocks + 8 * words
        and zlib.crc32(memoryview(data)[_HEADER.size :]) == crc
    )


def _checksum(data: bytes) -> str:
    return f"{zlib.crc32(data):08x} {len(data)}"


def _checksum_path(path: Path) -> Path:
    return path.with_name(path.name + ".crc32")


def _files(folder: Path) -> list[tuple[Path, os.stat_result]]:
    found = []
    for path in folder.rglob("*"):
        with contextlib.suppress(OSError):
            stat = path.stat()
            if path.is_file():
                found.append((path, stat))
    return found


def model_hash(info: VoiceInfo, cache: SegmentCache) -> str:
    """SHA-256 of the voice model, remembered per (path, size, mtime) so it is hashed once."""
    memo_key = hashlib.sha256(file_identity(info.model).encode())
    memo = CacheFolders.around(cache.folder).models / f"{memo_key.hexdigest()[:32]}.sha256"
    with contextlib.suppress(OSError):
        return memo.read_text(encoding="ascii").strip()
    digest = hashlib.sha256()
    with info.model.open("rb") as model:
        while chunk := model.read(1 << 20):
            digest.update(chunk)
    with contextlib.suppress(OSError, OutputError):  # no memo: it is hashed again next time
        memo.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(memo) as temporary:
            temporary.write_text(digest.hexdigest(), encoding="ascii")
    return digest.hexdigest()


def narration_key(segment_keys: list[str], pauses: list[int], fmt: str, bitrate: str) -> str:
    """The key of a whole encoded narration: its segments, their pauses, and the encoding."""
    parts = json.dumps([FORMAT_VERSION, segment_keys, pauses, fmt, bitrate])
    return hashlib.sha256(parts.encode()).hexdigest()


def segment_key(voice_hash: str, speech: SpeechSettings, spoken: str) -> str:
    parts = [FORMAT_VERSION, voice_hash, speech.speaker, speech.length_scale, speech.rate, spoken]
    if not speech.noise:  # only then: the keys of clips spoken with noise stay as they were
        parts.append("noise off")
    settings = json.dumps(parts, ensure_ascii=False)
    return hashlib.sha256(settings.encode()).hexdigest()
