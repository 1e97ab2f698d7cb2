"""The shared store: content-addressed objects every machine of a cluster can reach.

`s3://bucket/prefix` (AWS S3, MinIO, Ceph, SeaweedFS...: the endpoint and credentials come
from the usual AWS_* environment variables, such as AWS_ENDPOINT_URL) or
`file:///shared/path` (a folder every machine mounts). fsspec, with s3fs for S3, sits behind
this module only.

Every object is written put-if-absent under a key made from its content's recipe, so a
duplicate job, a redelivered task or two workers racing on one sentence leave exactly one
object, whole: S3 with a conditional write (If-None-Match), a folder with a hard link from a
complete temporary file.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from narrate.errors import ClusterError

log = logging.getLogger(__name__)

T = TypeVar("T")

# A store that is briefly away (a restart, a network blip) is waited for this long, in steps.
_BACKOFF_S = (0.2, 0.5, 1.0, 2.0)


class Store:
    """Objects under one root, addressed by relative keys such as "segments/ab/ab12...clip"."""

    def __init__(self, url: str) -> None:
        try:
            import fsspec
        except ImportError:
            raise ClusterError(
                "the cluster needs its extra: pip install 'narrate[cluster]'"
            ) from None
        if "://" not in url:
            raise ClusterError(f"store {url!r}: give s3://bucket/prefix or file:///path")
        self.url = url.rstrip("/")
        try:
            options = _s3_options() if url.startswith("s3://") else {}
            self.fs, root = fsspec.core.url_to_fs(self.url, **options)
        except (ValueError, ImportError) as error:
            raise ClusterError(f"store {url}: {error}") from None
        self.root = root.rstrip("/")
        self.local = "file" in _protocols(self.fs)

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    def path(self, key: str) -> str:
        return f"{self.root}/{key}"

    def check(self) -> None:
        """Fail now, with one line, when the store cannot be reached or written."""
        probe = f".probe-{uuid.uuid4().hex}"
        try:
            self._retrying(lambda: self.fs.pipe_file(self.path(probe), b"ok"), "write to")
        except FileNotFoundError:
            raise ClusterError(
                f"store {self.url}: no such bucket or folder (create it first)"
            ) from None
        with contextlib.suppress(OSError):
            self.fs.rm_file(self.path(probe))

    def has(self, key: str) -> bool:
        return bool(self._retrying(lambda: self.fs.exists(self.path(key)), "look in"))

    def get(self, key: str) -> bytes | None:
        """The object, or None when there is none under the key."""

        def read() -> bytes | None:
            try:
                return bytes(self.fs.cat_file(self.path(key)))
            except FileNotFoundError:
                return None

        return self._retrying(read, "read from")

    def put_if_absent(self, key: str, data: bytes) -> bool:
        """Store `data` under `key` unless an object is there already; whether this wrote it."""
        if self.local:
            return self._retrying(lambda: _link_if_absent(Path(self.path(key)), data), "write to")

        def create() -> bool:
            try:
                self.fs.pipe_file(self.path(key), data, mode="create")
            except FileExistsError:  # S3's answer to If-None-Match when the key exists
                return False
            return True

        return self._retrying(create, "write to")

    def put(self, key: str, data: bytes) -> None:
        """Store `data` under `key`, replacing what was there (manifests, not content)."""
        if self.local:
            target = Path(self.path(key))
            temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
            temporary.replace(target)
            return
        self._retrying(lambda: self.fs.pipe_file(self.path(key), data), "write to")

    def remove(self, key: str) -> None:
        """Delete the object under `key`, if there is one (a damaged clip, to be made again)."""

        def delete() -> None:
            with contextlib.suppress(FileNotFoundError):
                self.fs.rm_file(self.path(key))

        self._retrying(delete, "delete from")

    def keys(self, prefix: str) -> list[str]:
        """The keys under a prefix (such as "segments/"), relative to the root."""
        found = self._retrying(lambda: self.fs.find(self.path(prefix)), "list")
        start = len(self.root) + 1
        return sorted(str(path)[start:] for path in found if "/." not in str(path))

    def _retrying(self, action: Callable[[], T], what: str) -> T:
        """Run `action`, waiting out a store that is briefly away; then one clear error."""
        for attempt, pause in enumerate((*_BACKOFF_S, None)):
            try:
                return action()
            except (FileNotFoundError, FileExistsError, IsADirectoryError):
                raise
            except _transient_errors() as error:
                if pause is None:
                    reason = _reason(error)
                    raise ClusterError(f"cannot {what} the store {self.url}: {reason}") from None
                log.debug("store %s, attempt %d: %s", self.url, attempt + 1, error)
                time.sleep(pause)
        raise AssertionError("unreachable")


def _link_if_absent(target: Path, data: bytes) -> bool:
    """Write a whole temporary file, then link it to `target`: the link fails if one is there,
    and readers never see a partial object."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
    temporary.write_bytes(data)
    try:
        os.link(temporary, target)
    except FileExistsError:
        return False
    finally:
        temporary.unlink()
    return True


def _transient_errors() -> tuple[type[BaseException], ...]:
    """What a store that cannot be reached raises: OS errors, and botocore's own for S3."""
    try:
        from botocore.exceptions import BotoCoreError
    except ImportError:
        return (OSError, TimeoutError)
    return (OSError, TimeoutError, BotoCoreError)


def _protocols(fs: Any) -> tuple[str, ...]:
    protocol = fs.protocol
    return (protocol,) if isinstance(protocol, str) else tuple(protocol)


def _s3_options() -> dict[str, Any]:
    """A client of its own, with the endpoint and keys the environment gives now (fsspec would
    hand back one made earlier); quick failure when the endpoint does not answer, rather than
    botocore's minute."""
    timeouts = {"connect_timeout": 3, "read_timeout": 30, "retries": {"max_attempts": 2}}
    return {"skip_instance_cache": True, "config_kwargs": timeouts}


def _reason(error: BaseException) -> str:
    text = str(error).strip() or error.__class__.__name__
    return text.splitlines()[0]
