"""The shape of graph/ and queries/: no class over 250 lines, no function over 60 (an ``ast`` walk).

Small units are what let a newcomer follow an article to a Neo4j node; the limits are the issue's
("One clear shape"). Lines count from the ``def``/``class`` line to the unit's last line, decorators
and docstrings included.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("graph", "queries")
MAX_CLASS_LINES = 250
MAX_FUNCTION_LINES = 60


def _units(path: Path) -> list[tuple[str, str, int]]:
    """(kind, qualified name, lines) of every class and function in a file, nested ones too."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                start = min([child.lineno, *(d.lineno for d in child.decorator_list)])
                kind = "class" if isinstance(child, ast.ClassDef) else "function"
                name = f"{prefix}{child.name}"
                found.append((kind, name, child.end_lineno - start + 1))
                visit(child, f"{name}.")
            else:
                visit(child, prefix)

    visit(tree, "")
    return found


def _sources() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (ROOT / folder).rglob("*.py"))


def test_there_is_code_to_check():
    assert len(_sources()) > 20
    assert any(kind == "class" for kind, _, _ in _units(ROOT / "graph" / "neo4j" / "server.py"))


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_class_over_250_and_no_function_over_60_lines(path: Path):
    too_long = [
        f"{kind} {name}: {lines} lines"
        for kind, name, lines in _units(path)
        if lines > (MAX_CLASS_LINES if kind == "class" else MAX_FUNCTION_LINES)
    ]
    assert too_long == []
