"""The voice model's optimised copy: made once per machine, kept in the cache, loaded by every
worker.

The copy is the graph voicegraph rewrites, optimised at ONNX Runtime's last level for this CPU
and checked by the caller (it must speak as the model does) before it is kept. onnxruntime is
imported here and nowhere else.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import platform
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from narrate.files import file_identity

log = logging.getLogger(__name__)

# ONNX Runtime ships telemetry (events for Microsoft's collector, and a device id it writes
# under the user cache folder). It reads this switch when it is first imported, so it is set
# here, in the one module that loads ONNX Runtime, before any import of it; worker processes
# inherit it. _open also turns the events off through the API, for a host program that
# imported ONNX Runtime before narrate.
os.environ["ORT_DISABLE_TELEMETRY"] = "1"


def session(
    model: Path, threads: int, optimized_dir: Path | None, speaks_alike: Callable[[Any], bool]
) -> Any:
    """An ONNX Runtime session, from a saved optimised copy of the model when there is one.

    The copy is rewritten by voicegraph (2-D convolutions, which run faster; the phoneme
    durations as an output, for word timings) and optimised at ONNX Runtime's last level, whose
    layouts suit this CPU's instruction sets: it is kept per model file, ONNX Runtime version
    and CPU. Optimising is also most of a model's load time, which counts for the first
    sentence and for every worker; the copy loads several times faster. Making it takes a few
    seconds, once (benchmarks/MEASURED.md has the figures).
    """
    import onnxruntime

    levels = onnxruntime.GraphOptimizationLevel
    if optimized_dir is None:
        return _open(model, _options(threads, levels.ORT_ENABLE_ALL))
    identity = f"{file_identity(model)}|{onnxruntime.__version__}|{_cpu()}|voicegraph 1"
    key = hashlib.sha256(identity.encode()).hexdigest()[:32]
    optimized = optimized_dir / f"{model.stem}-{key}.onnx"
    if optimized.is_file() and _intact(optimized):
        try:
            return _open(optimized, _options(threads, levels.ORT_DISABLE_ALL))
        except Exception as error:  # a damaged copy: make it again
            log.warning("ignoring the saved optimised model %s: %s", optimized, error)
    options = _options(threads, levels.ORT_ENABLE_ALL)
    claim = optimized.with_name(f".{optimized.name}.making")
    if not _claim(claim):  # another process is making the copy: use the model meanwhile
        return _open(model, options)
    try:
        return _save_copy(model, optimized, options, speaks_alike)
    except Exception as error:  # a full or read-only cache: narrate with the model as it is
        log.warning("could not save an optimised copy of the voice (%s); using the model", error)
        return _open(model, _options(threads, levels.ORT_ENABLE_ALL))
    finally:
        with contextlib.suppress(OSError):
            claim.unlink()


def remove_optimized_copies(folder: Path) -> int:
    """Delete every saved optimised model in `folder` (and its checksum); how many went."""
    removed = 0
    for path in folder.glob("*.onnx*"):
        with contextlib.suppress(OSError):
            path.unlink()
            removed += path.suffix == ".onnx"
    return removed


def _checksum_path(optimized: Path) -> Path:
    return optimized.with_name(optimized.name + ".crc32")


def _crc32(path: Path) -> str:
    """CRC-32 of a file, read a MiB at a time: catches damage at a fraction of SHA-256's cost,
    which every worker pays at every load."""
    import zlib

    crc = 0
    with path.open("rb") as data:
        while chunk := data.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
    return f"{crc:08x} {path.stat().st_size}"


def _intact(optimized: Path) -> bool:
    """Whether the saved copy is the one narrate wrote: same size and checksum as recorded
    beside it. A damaged copy (or one without a record) is removed, to be made again: damage
    that keeps the file a valid model would otherwise change the speech silently."""
    try:
        if _checksum_path(optimized).read_text(encoding="ascii").strip() == _crc32(optimized):
            return True
    except OSError:
        pass
    log.debug("the saved optimised model %s is damaged or unchecked: making it again", optimized)
    for path in (optimized, _checksum_path(optimized)):
        with contextlib.suppress(OSError):
            path.unlink()
    return False


def _options(threads: int, level: Any) -> Any:
    import onnxruntime

    chosen = onnxruntime.SessionOptions()
    chosen.graph_optimization_level = level
    if threads:
        chosen.intra_op_num_threads = threads
        chosen.inter_op_num_threads = 1
    # Denormal floats flushed to zero: 1-3.5% less inference time here, nothing audible.
    chosen.add_session_config_entry("session.set_denormal_as_zero", "1")
    if threads > 1:  # idle threads sleep rather than spin: others share these cores
        chosen.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return chosen


def _open(model: Path | bytes, options: Any) -> Any:
    import onnxruntime

    onnxruntime.disable_telemetry_events()
    source = str(model) if isinstance(model, Path) else model
    return onnxruntime.InferenceSession(source, options, providers=["CPUExecutionProvider"])


def _claim(path: Path) -> bool:
    """Whether this process is to make the copy: one worker makes it (slow) while the others
    load the model (quicker) and start speaking, instead of all of them making it at once.

    The claim holds its maker's process id. A worker is stopped as soon as the narration needs
    it no more, perhaps while making the copy: a claim whose process is gone, or over a minute
    old, is taken over, and the parts it left are removed."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(2):
        try:
            claimed = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            if _maker_alive(path):
                return False
            with contextlib.suppress(OSError):
                path.unlink()
                for part in path.parent.glob(path.name.removesuffix(".making") + ".*.part"):
                    part.unlink()
            continue
        except OSError:  # a folder it cannot write to: the copy is made, and not saved
            return True
        with os.fdopen(claimed, "w", encoding="ascii") as mark:
            mark.write(str(os.getpid()))
        return True
    return False


def _maker_alive(claim: Path) -> bool:
    """Whether the process that made the claim may still be making the copy."""
    try:
        if time.time() - claim.stat().st_mtime > 60:
            return False
        maker = int(claim.read_text(encoding="ascii") or 0)
    except (OSError, ValueError):
        return False
    if not maker or os.name != "posix":  # just made, not yet written; or no kill(pid, 0)
        return True
    try:
        os.kill(maker, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:  # it exists, as another user's
        return True
    return True


def _save_copy(
    model: Path, optimized: Path, options: Any, speaks_alike: Callable[[Any], bool]
) -> Any:
    """Optimise the model rewritten by voicegraph, or as it is when the rewrite does not speak
    as it does, and save the result as `optimized` (atomically; not at all if it cannot)."""
    temporary = optimized.with_name(f".{optimized.name}.{os.getpid()}.part")
    options.log_severity_level = 3  # errors only: onnxruntime notes every save on stderr
    with contextlib.suppress(OSError):
        optimized.parent.mkdir(parents=True, exist_ok=True)
        options.optimized_model_filepath = str(temporary)
    try:
        try:
            from narrate.speech.voicegraph import rewrite

            session = _open(rewrite(model, conv2d=_blocked_convolutions()), options)
            if not speaks_alike(session):
                raise ValueError("it does not speak as the model does")
        except Exception as error:  # any voice the rewrite does not suit keeps its own graph
            log.info("not rewriting %s: %s", model.name, error)
            session = _open(model, options)
        with contextlib.suppress(OSError):  # another process may have saved it first: fine
            # The checksum first: a copy in place is never without its record.
            _checksum_path(optimized).write_text(_crc32(temporary), encoding="ascii")
            temporary.replace(optimized)
        _remove_stale_copies(optimized, model)
    finally:
        with contextlib.suppress(OSError):  # left by a failure
            temporary.unlink(missing_ok=True)
    return session


_MACHINE = platform.machine()


def _blocked_convolutions() -> bool:
    """Whether ONNX Runtime surely has its blocked (NCHWc) convolution kernels here, which the
    2-D rewrite is for: every x86-64 build has them. Only some ARM builds do, and the rewrite is
    not measured there, so other machines keep the model's own graph."""
    return _MACHINE.lower() in ("x86_64", "amd64")


def _remove_stale_copies(kept: Path, model: Path) -> None:
    """Copies of the model made for another ONNX Runtime, CPU or rewrite (each as large as the
    model)."""
    stale = re.compile(re.escape(model.stem) + r"-[0-9a-f]{32}\.onnx(\.crc32)?")
    for copy in kept.parent.iterdir():
        if copy not in (kept, _checksum_path(kept)) and stale.fullmatch(copy.name):
            with contextlib.suppress(OSError):  # in use, on Windows
                copy.unlink()


def _cpu() -> str:
    """The machine and its instruction sets, which the optimised layouts are chosen for."""
    flags = platform.processor()
    with contextlib.suppress(OSError), Path("/proc/cpuinfo").open(encoding="utf-8") as info:
        flags = next((line for line in info if line.startswith(("flags", "Features"))), flags)
    return f"{platform.machine()}|{hashlib.sha256(flags.encode()).hexdigest()[:16]}"


def open_unoptimized(model: Path) -> Any:
    """The model as shipped, unoptimised: quickest to load, for a short check."""
    import onnxruntime

    return _open(model, _options(0, onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL))
