"""Where narrate keeps things on disk: the one module that knows the folders' layout.

    CACHE/segments   synthesised sentences and whole narrations (speech.segmentcache)
    CACHE/models     the voices' optimised copies and model hashes (speech.modelstore)
    CACHE/articles   extracted articles, by page (extraction.articlecache)
    CACHE/pages      fetched pages, for conditional requests (sources.httpcache)
    DATA/voices      voices the user added or downloaded (speech.download)
    DATA/piper_voices.json   a newer voice catalogue than the shipped one (speech.published)

CACHE is the user cache folder (platformdirs) unless a root is given; DATA the user data folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

APP = "narrate"


@dataclass(frozen=True)
class CacheFolders:
    root: Path

    @classmethod
    def around(cls, segments: Path) -> CacheFolders:
        """The layout whose segments folder is `segments` (a cache given by its folder)."""
        return cls(segments.parent)

    @property
    def segments(self) -> Path:
        return self.root / "segments"

    @property
    def models(self) -> Path:
        return self.root / "models"

    @property
    def articles(self) -> Path:
        return self.root / "articles"

    @property
    def pages(self) -> Path:
        return self.root / "pages"


def cache_folders(root: Path | None = None) -> CacheFolders:
    """The cache's folders under `root`, or under the user cache folder."""
    if root is None:
        from platformdirs import user_cache_dir

        root = Path(user_cache_dir(APP))
    return CacheFolders(root)


def user_voices_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP)) / "voices"


def user_voice_catalog() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP)) / "piper_voices.json"
