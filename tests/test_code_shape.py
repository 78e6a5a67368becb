"""The shape of the code: small classes and functions, and rooms that import only what they may.

Read with ``ast`` (nothing is imported): no class over 250 lines and no function over 60 lines in
the rooms listed in ``LIMITED``, and ``extract`` never imports the graph or query rooms.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LIMITED = ["extract"]  # rooms held to the limits below
MAX_CLASS_LINES = 250
MAX_FUNCTION_LINES = 60
FORBIDDEN_IMPORTS = {"extract": ("newsgraph.graph", "newsgraph.queries")}


def modules(room: str) -> list[Path]:
    return sorted((ROOT / room).rglob("*.py"))


def lines(node: ast.AST) -> int:
    first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
    return node.end_lineno - first + 1


@pytest.mark.parametrize("room", LIMITED)
def test_no_long_classes_or_functions(room: str):
    too_long = []
    for path in modules(room):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and lines(node) > MAX_CLASS_LINES:
                too_long.append(f"{path.relative_to(ROOT)}: class {node.name}, {lines(node)} lines")
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and lines(node) > MAX_FUNCTION_LINES:
                too_long.append(f"{path.relative_to(ROOT)}: {node.name}(), {lines(node)} lines")
    assert not too_long, "\n".join(too_long)


def imported(path: Path) -> set[str]:
    """Every dotted name a module imports, relative imports made absolute ("newsgraph.graph.build.x")."""
    package = ["newsgraph", *path.relative_to(ROOT).parent.parts]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names |= {f"{module}.{alias.name}" for alias in node.names}
    return names


@pytest.mark.parametrize("room", sorted(FORBIDDEN_IMPORTS))
def test_rooms_import_only_what_they_may(room: str):
    forbidden = FORBIDDEN_IMPORTS[room]
    found = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in modules(room)
        for name in sorted(imported(path))
        if name.startswith(forbidden)
    ]
    assert not found, "\n".join(found)


def test_the_walk_sees_the_rooms():
    """The tests above would pass on an empty tree: make sure they read the real one."""
    extract = {p.relative_to(ROOT).as_posix() for p in modules("extract")}
    assert {"extract/events/sources.py", "extract/actors/table.py", "extract/pipeline.py"} <= extract
    sources = imported(ROOT / "extract/events/sources.py")
    assert "newsgraph.extract.events.arguments.actors_of" in sources and "spacy.tokens.Token" in sources
