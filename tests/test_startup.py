"""Start-up behaviour: commands that need no model or driver import none (``newsgraph --help`` and
``newsgraph queries`` stay instant). Times are the benchmark's business (bench/run.py), never a test's."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("spacy", "thinc", "numpy", "neo4j", "networkx", "dateparser", "trafilatura", "igraph")

PROBE = """
import sys
from click.testing import CliRunner
from newsgraph.graph.cli import main
result = CliRunner().invoke(main, sys.argv[1:])
assert result.exit_code == 0, result.output
print(" ".join(sorted({name.split(".")[0] for name in sys.modules})))
"""


def imported_by(*args: str) -> set[str]:
    """Top-level modules imported by running ``newsgraph ARGS`` in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True, timeout=120
    )
    return set(done.stdout.split())


# `export --help` is left out: it lists the registered formats, whose modules import networkx.
@pytest.mark.parametrize("args", [("--help",), ("extract", "--help"), ("load", "--help"), ("queries",)])
def test_commands_that_need_no_model_import_none(args):
    heavy = imported_by(*args) & set(HEAVY)
    assert not heavy, f"newsgraph {' '.join(args)} imported {sorted(heavy)}"


def test_the_probe_sees_a_heavy_import():
    """The probe is not blind: a command that extracts does import spaCy (its module, not its run)."""
    code = "import sys; import newsgraph.extract.pipeline; print(' '.join(sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert "spacy" in done.stdout.split()
