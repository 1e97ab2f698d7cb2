"""The package's boundaries, checked from its source: no import cycles, no private names taken
across modules, no module name twice, and the plain-data modules import no stage."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "narrate"
# What every stage may import; they import no stage themselves.
FOUNDATION = {
    "narrate.errors",
    "narrate.model",
    "narrate.settings",
    "narrate.paths",
    "narrate.files",
}


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(path): path for path in PACKAGE.rglob("*.py")}


def _imports(module: str) -> Iterator[tuple[str, str]]:
    """(module imported, name taken from it) for every narrate import, at any depth."""
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((alias.name, "") for alias in node.names if alias.name in MODULES)
        elif isinstance(node, ast.ImportFrom) and node.module in MODULES:
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                # `from package import submodule` depends on the submodule
                yield (child, "") if child in MODULES else (node.module, alias.name)


def _graph() -> dict[str, set[str]]:
    return {m: {imported for imported, _ in _imports(m)} - {m} for m in MODULES}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str] | None:
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        for nxt in sorted(graph[node]):
            if found := visit(nxt, [*path, node]):
                return found
        done.add(node)
        return None

    return next((c for m in sorted(graph) if (c := visit(m, []))), None)


def test_no_import_cycles() -> None:
    # A package importing its own submodules (its face) is not a cycle: leave those edges out.
    graph = {
        m: {d for d in deps if not (d.startswith(m + ".") and MODULES[m].name == "__init__.py")}
        for m, deps in _graph().items()
    }
    assert _cycle(graph) is None


def test_no_private_name_is_imported_from_another_module() -> None:
    taken = [
        f"{module} takes {name} from {source}"
        for module in MODULES
        for source, name in _imports(module)
        if name.startswith("_") and name != "__version__"
    ]
    assert taken == []


def test_no_two_modules_share_a_name() -> None:
    leaves = [
        path.stem for path in PACKAGE.rglob("*.py") if path.stem not in ("__init__", "__main__")
    ]
    assert sorted({leaf for leaf in leaves if leaves.count(leaf) > 1}) == []


@pytest.mark.parametrize("module", sorted(FOUNDATION))
def test_the_foundation_imports_no_stage(module: str) -> None:
    graph = _graph()
    assert graph[module] - FOUNDATION - {"narrate"} == set()


def test_stages_do_not_import_the_pipeline_or_the_command() -> None:
    edges = _graph()
    # a cluster worker's tasks are the top of its process, as the command is of this one
    upper = {"narrate.pipeline", "narrate.__main__", "narrate.cluster.tasks"}
    upper |= {m for m in MODULES if m.startswith("narrate.cli")}
    lower = [
        m
        for m in MODULES
        if m not in upper and not m.startswith(("narrate.feed", "narrate.server"))
    ]
    assert [f"{m} -> {d}" for m in lower for d in sorted(edges[m] & upper)] == []
