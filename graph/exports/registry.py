"""The registry of export formats: name -> writer, default file name, one-line description.

A format is one module of ``graph/exports/`` (or anywhere else) that registers its writer::

    @register("graphml", "graph.graphml", "GraphML for Gephi, yEd, Cytoscape, networkx.read_graphml")
    def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None: ...

``newsgraph export --format``, ``newsgraph build`` and :func:`write_all` offer every registered
format, in the order of registration. A writer receives the graph and the path to write (a folder
for formats that write several files); :func:`export_graph` turns its ``OSError`` into one line.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from newsgraph.extract.errors import InputError, NewsgraphError

Writer = Callable[[nx.MultiDiGraph, Path], None]


@dataclass(frozen=True)
class Export:
    name: str
    write: Writer
    file_name: str  # the name ``build`` and :func:`write_all` give it in the output folder
    description: str
    available: Callable[[], bool] = lambda: True  # False: this install cannot write it (write_all skips it)


EXPORTS: dict[str, Export] = {}


def register(
    name: str, file_name: str, description: str, available: Callable[[], bool] | None = None
) -> Callable[[Writer], Writer]:
    """Decorator: register ``writer`` as export format ``name`` (replacing one of the same name)."""

    def add(writer: Writer) -> Writer:
        EXPORTS[name] = Export(name, writer, file_name, description, available or (lambda: True))
        return writer

    return add


def unregister(name: str) -> None:
    EXPORTS.pop(name, None)


def formats() -> tuple[str, ...]:
    """The registered format names, in the order they were registered."""
    return tuple(EXPORTS)


def export_graph(graph: nx.MultiDiGraph, fmt: str, path: str | Path, **options: Any) -> Path:
    """Write ``graph`` as ``fmt`` to ``path`` (a folder for ``csv``); returns the path written.
    ``options`` are keyword arguments of the format's writer (gdelt's ``header``)."""
    path = Path(path)
    export = EXPORTS.get(fmt)
    if export is None:
        raise InputError(f"unknown export format {fmt!r} (choose from {', '.join(formats())})")
    takes = inspect.signature(export.write).parameters
    unknown = [name for name in options if name not in takes]
    if unknown:
        raise InputError(f"format {fmt!r} takes no --{unknown[0]} option")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        export.write(graph, path, **options)
    except OSError as exc:
        raise NewsgraphError(f"{path}: cannot write {fmt} ({exc.strerror or exc})") from exc
    return path


def write_all(graph: nx.MultiDiGraph, out_dir: str | Path) -> dict[str, Path]:
    """Every available format into ``out_dir`` under its file name; returns {format: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    return {
        name: export_graph(graph, name, out_dir / export.file_name)
        for name, export in list(EXPORTS.items())
        if export.available()
    }
