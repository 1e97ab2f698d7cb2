"""A cache of fetched documents for conditional requests: re-narrating an unchanged article
costs one "304 Not Modified" and no download.

Entries are JSON (the validators and headers) beside the body, both written atomically; a
damaged or half-present entry is a miss.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict
from pathlib import Path

from narrate.errors import OutputError
from narrate.files import write_bytes, write_text
from narrate.model import Response

log = logging.getLogger(__name__)


class HttpCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode()).hexdigest()
        return self.folder / f"{key}.json", self.folder / f"{key}.body"

    def get(self, url: str) -> Response | None:
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
            if hashlib.sha256(body).hexdigest() != meta.pop("sha256"):
                raise ValueError("the body does not match its checksum")
            return Response(body=body, **meta)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as error:
            # Damaged, or the body and its headers are from different fetches: fetch anew.
            log.debug("dropping the saved copy of %s (%s)", url, error)
            for path in (meta_path, body_path):
                path.unlink(missing_ok=True)
            return None

    def clear(self) -> int:
        entries = list(self.folder.glob("*.json"))
        for path in self.folder.glob("*.*"):
            path.unlink(missing_ok=True)
        return len(entries)

    def put(self, url: str, response: Response) -> None:
        """Keep a response that a server can revalidate; others are not worth the disk."""
        if not (response.etag or response.last_modified):
            return
        meta_path, body_path = self._paths(url)
        meta = {k: v for k, v in asdict(response).items() if k != "body"}
        meta["sha256"] = hashlib.sha256(response.body).hexdigest()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_bytes(body_path, response.body)
            write_text(meta_path, json.dumps(meta))
        except (OSError, OutputError):
            pass  # a cache that cannot be written only costs a download next time
