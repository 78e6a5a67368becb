"""A new export format is one module: this file adds a tab-separated edge list and nothing else changes.

The writer below registers itself with the export registry (only for these tests, through a
fixture, so the other tests see the built-in formats alone); ``export_graph``, ``write_all``,
``newsgraph export --format tsv`` and ``newsgraph build`` then offer and write it.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from fixtures_records import fixture_records

from newsgraph.extract.record import write_jsonl
from newsgraph.graph.build import build_graph
from newsgraph.graph.cli import main
from newsgraph.graph.exports import EXPORTS, export_graph, formats, register, unregister, write_all


def write_tsv(graph: nx.MultiDiGraph, path: Path) -> None:
    """One line per relationship: source id, relationship type, target id."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(["source", "type", "target"])
        writer.writerows((u, data["type"], v) for u, v, data in graph.edges(data=True))


@pytest.fixture
def tsv_format():
    register("tsv", "edges.tsv", "a tab-separated edge list")(write_tsv)
    yield
    unregister("tsv")


@pytest.fixture
def records_file(tmp_path: Path) -> Path:
    path = tmp_path / "records.jsonl"
    write_jsonl(fixture_records(), path)
    return path


def _edges(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t"))


def test_a_registered_format_is_written_by_export_graph_and_write_all(tsv_format, tmp_path):
    graph = build_graph(fixture_records())
    assert formats()[-1] == "tsv" and EXPORTS["tsv"].description == "a tab-separated edge list"
    rows = _edges(export_graph(graph, "tsv", tmp_path / "g.tsv"))
    assert rows[0] == ["source", "type", "target"] and len(rows) == 1 + graph.number_of_edges()
    assert ["GBR", "SOURCE_OF", "evt:aaa1:0"] in rows
    written = write_all(graph, tmp_path / "all")
    assert written["tsv"] == tmp_path / "all" / "edges.tsv" and written["tsv"].exists()


def test_the_cli_offers_and_writes_a_registered_format(tsv_format, records_file, tmp_path):
    out = tmp_path / "cli.tsv"
    result = CliRunner().invoke(main, ["export", str(records_file), "--format", "tsv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote tsv to {out}" in result.output
    assert _edges(out) == _edges(export_graph(build_graph(fixture_records()), "tsv", tmp_path / "lib.tsv"))
    usage = CliRunner().invoke(main, ["export", "--help"])
    assert "cypher|html|gdelt|polecat|tsv]" in usage.output


def test_build_writes_a_registered_format(tsv_format, records_file, tmp_path):
    result = CliRunner().invoke(main, ["build", str(records_file), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "tsv" in result.output and (tmp_path / "out" / "edges.tsv").exists()
    assert len(_edges(tmp_path / "out" / "edges.tsv")) > 1


def test_without_the_module_the_format_is_unknown(records_file, tmp_path):
    assert "tsv" not in formats()
    result = CliRunner().invoke(main, ["export", str(records_file), "-f", "tsv", "-o", str(tmp_path / "x")])
    assert result.exit_code == 2 and "'tsv' is not one of" in result.output
