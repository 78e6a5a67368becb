"""The shape of the code: no class over 250 lines and no function over 60 in extract/, graph/ and
queries/ (read with ``ast``, nothing is imported). Lines count from the ``def``/``class`` line
(decorators included) to the unit's last line.

What each room may import is checked by import-linter (the contracts in ``pyproject.toml``, run by
``make lint``), not here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ROOMS = ("extract", "graph", "queries")
MAX_CLASS_LINES = 250
MAX_FUNCTION_LINES = 60


def modules() -> list[Path]:
    return sorted(p for room in ROOMS for p in (ROOT / room).rglob("*.py"))


def lines(node: ast.AST) -> int:
    first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
    return node.end_lineno - first + 1


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_long_classes_or_functions(path: Path):
    too_long = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ClassDef) and lines(node) > MAX_CLASS_LINES:
            too_long.append(f"class {node.name}, {lines(node)} lines")
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and lines(node) > MAX_FUNCTION_LINES:
            too_long.append(f"{node.name}(), {lines(node)} lines")
    assert not too_long, "\n".join(too_long)


def test_the_walk_sees_the_rooms():
    """The test above would pass on an empty tree: make sure it reads the real one."""
    found = {p.relative_to(ROOT).as_posix() for p in modules()}
    assert {
        "extract/events/sources.py",
        "extract/actors/table.py",
        "graph/neo4j/server.py",
        "graph/schema.py",
        "queries/__init__.py",
    } <= found
