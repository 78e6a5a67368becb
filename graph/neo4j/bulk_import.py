"""Bulk loading without transactions: a folder of neo4j-admin CSV files imported into an instance.

The CSV folder is what ``newsgraph export --format csv`` writes (``exports/neo4j_csv.py``);
``neo4j-admin database import full`` replaces the instance's database with it, far faster than
transactions for a large corpus. Meant for a scratch or fresh instance.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsgraph.extract.errors import NewsgraphError
from newsgraph.graph.neo4j.server import DATABASE, Instance


@dataclass(frozen=True)
class ImportResult:
    nodes: int
    relationships: int
    properties: int
    log: Path


NODE_FILES = ("nodes_*.csv", "nodes_*.csv.gz")
RELATIONSHIP_FILES = ("rels_*.csv", "rels_*.csv.gz", "relationships_*.csv", "relationships_*.csv.gz")


def import_files(csv_dir: Path) -> tuple[list[Path], list[Path]]:
    """The node and relationship files of a CSV folder, told apart by name (see :func:`admin_import`)."""
    nodes = sorted({p for pattern in NODE_FILES for p in Path(csv_dir).glob(pattern)})
    rels = sorted({p for pattern in RELATIONSHIP_FILES for p in Path(csv_dir).glob(pattern)})
    return nodes, rels


def admin_import(
    csv_dir: str | Path,
    instance: Instance,
    *,
    extra_args: Sequence[str] = (),
    start: bool = True,
    timeout: float = 120.0,
) -> ImportResult:
    """Bulk-load a folder of neo4j-admin CSV files into ``instance`` (replacing its database), then start it.

    File roles come from names: ``nodes_*.csv`` are node files, ``rels_*.csv`` (or
    ``relationships_*.csv``) relationship files, each optionally gzipped. Each file carries
    its own neo4j-admin header line (``id:ID``, ``:LABEL``, ``:START_ID``, ``:END_ID``,
    ``:TYPE``, typed properties such as ``goldstein:float``). Meant for a scratch instance:
    the instance must be stopped, and its ``neo4j`` database is overwritten.
    """
    csv_dir = Path(csv_dir)
    nodes, rels = import_files(csv_dir)
    if not nodes:
        raise NewsgraphError(f"{csv_dir}: no nodes_*.csv files to import")
    if instance.is_running():
        raise NewsgraphError(f"stop the Neo4j instance in {instance.root} before importing into it")
    instance.initialize()
    report = instance.logs_dir / "import.report"
    args = [
        "database", "import", "full", DATABASE, "--overwrite-destination",
        f"--report-file={report}",
        *(f"--nodes={path.absolute()}" for path in nodes),
        *(f"--relationships={path.absolute()}" for path in rels),
        *extra_args,
    ]  # fmt: skip
    output = instance._admin(args, "import")
    counts = {
        what: int(number.replace(",", ""))
        for number, what in re.findall(r"^\s*([\d,]+) (nodes|relationships|properties)\s*$", output, re.M)
    }
    result = ImportResult(
        counts.get("nodes", 0), counts.get("relationships", 0), counts.get("properties", 0),
        instance.logs_dir / "admin-import.log",
    )  # fmt: skip
    if start:
        instance.start(timeout)
    return result
