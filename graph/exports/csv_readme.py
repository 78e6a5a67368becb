"""The README.md the ``csv`` export writes beside its files: what each file holds and how to import them."""

from __future__ import annotations

from pathlib import Path

README = "README.md"


def readme_text(folder: Path) -> str:
    """What the folder holds, file by file, and the commands that import it (exactly as they run)."""
    nodes = sorted(p.name for p in folder.glob("nodes_*.csv"))
    rels = sorted(p.name for p in folder.glob("rels_*.csv"))
    lines = [
        "# A newsgraph graph as neo4j-admin CSV files",
        "",
        "Written by `newsgraph export --format csv` (or `newsgraph build`). Each file has its header on",
        "the first line: `id:ID(Label)` with one id space per label, `:LABEL` (for example",
        "`Actor;State`), typed columns (`goldstein:float`, `negated:boolean`), `;`-separated arrays",
        "(`aliases:string[]`); `:START_ID(Label)`, `:END_ID(Label)` and `:TYPE` for relationships.",
        "Empty fields set no property. Fields may hold line breaks (evidence sentences).",
        "",
        "| file | holds |",
        "|---|---|",
        *(f"| `{name}` | one node per row, label `{name[6:-4]}` |" for name in nodes),
        *(f"| `{name}` | one relationship per row, type `{name[5:-4]}` |" for name in rels),
        "",
        "## Import into newsgraph's local server",
        "",
        "```sh",
        f"newsgraph neo4j import {folder} --yes",
        "```",
        "",
        "It stops the local server, runs `neo4j-admin database import full` with the provisioned Neo4j",
        "(replacing the `neo4j` database with these files), then starts the server again.",
        "",
        "## Import into another Neo4j 5 (its server stopped)",
        "",
        "```sh",
        " \\\n    ".join(
            [
                "neo4j-admin database import full neo4j --overwrite-destination --multiline-fields=true",
                *(f"--nodes={folder / n}" for n in nodes),
                *(f"--relationships={folder / r}" for r in rels),
            ]
        ),
        "```",
        "",
    ]
    return "\n".join(lines)


def write_readme(folder: Path) -> Path:
    path = folder / README
    path.write_text(readme_text(folder), encoding="utf-8")
    return path
