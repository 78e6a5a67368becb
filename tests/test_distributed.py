"""Extraction on dask.distributed: a 2-worker LocalCluster gives the records of the local run, in order."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.extract import distributed
from newsgraph.extract.distributed import extract_with_dask
from newsgraph.extract.errors import InputError, NewsgraphError
from newsgraph.extract.inputs import RecordSource
from newsgraph.graph.neo4j.server import free_port

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
INPUTS = [str(ROOT / "tests" / "articles"), str(ROOT / "seeds")]
NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))


@pytest.fixture(scope="module")
def local_lines() -> list[str]:
    """What ``--engine local`` writes for INPUTS: one JSON line per article."""
    return [record.to_json() for record in RecordSource(INPUTS)]


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as running:
        yield running


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_local_cluster_gives_the_records_of_the_local_run(local_lines, tmp_path):
    out = tmp_path / "records.jsonl"
    skipped = extract_with_dask(INPUTS, out, workers=2)  # no scheduler: its own 2-worker LocalCluster
    assert skipped == 0
    assert len(local_lines) == len([p for folder in INPUTS for p in Path(folder).glob("*.txt")]) >= 12
    assert _lines(out) == local_lines  # same JSON, same order
    assert [p.name for p in tmp_path.iterdir()] == ["records.jsonl"]  # the shard folder is gone


def test_cli_engine_dask_on_a_scheduler(cluster, local_lines, tmp_path):
    out = tmp_path / "records.jsonl"
    done = subprocess.run(
        [NEWSGRAPH, "extract", *INPUTS, "--engine", "dask", "--scheduler", cluster.scheduler_address,
         "-o", str(out)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert _lines(out) == local_lines


def test_folder_output_keeps_shards_and_skips_are_counted(cluster, local_lines, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    articles = sorted((ROOT / "tests" / "articles").glob("*.txt"))[:3]
    for path in articles:
        (inputs / path.name).write_bytes(path.read_bytes())
    (inputs / "000_empty.txt").write_text("")
    (inputs / "999_binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    shards = tmp_path / "shards"
    shards.mkdir()
    messages: list[str] = []

    skipped = extract_with_dask(
        [str(inputs)], shards, scheduler=cluster.scheduler_address, on_skip=messages.append
    )

    assert skipped == 2
    assert sorted(m.split(":")[0] for m in messages) == [
        str(inputs / "000_empty.txt"),
        str(inputs / "999_binary.txt"),
    ]  # named as the user gave them
    names = sorted(p.name for p in shards.iterdir())
    assert names == [f"part-{i:05d}.jsonl" for i in range(len(names))] and len(names) >= 2
    lines = [line for name in names for line in _lines(shards / name)]
    expected = [line for line in local_lines if any(p.name in line for p in articles)]
    assert len(expected) == 3
    assert [line.replace(str(inputs), "") for line in lines] == [
        line.replace(str(ROOT / "tests" / "articles"), "") for line in expected
    ]  # same records; only the folder in "path" differs


def test_missing_input_fails_before_any_cluster_starts(tmp_path):
    with pytest.raises(InputError, match="no-such-file.txt: no such file"):
        extract_with_dask([str(tmp_path / "no-such-file.txt")], tmp_path / "out.jsonl")


def test_unreachable_scheduler_is_one_line(monkeypatch, tmp_path):
    monkeypatch.setattr(distributed, "CONNECT_TIMEOUT", "2s")
    address = f"tcp://127.0.0.1:{free_port()}"
    with pytest.raises(NewsgraphError, match=f"cannot connect to the Dask scheduler at {address}"):
        extract_with_dask(INPUTS, tmp_path / "out.jsonl", scheduler=address)
    assert not (tmp_path / "out.jsonl").exists()
    assert list(tmp_path.iterdir()) == []  # no shard folder left behind
