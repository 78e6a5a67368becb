"""Loaders of several checkouts side by side, each against plain CREATE, on one scratch Neo4j.

    .venv/bin/python bench/loader_ab.py RECORDS.jsonl LABEL=TREE [LABEL=TREE ...] [--rounds 3]

Each TREE is a checkout of newsgraph with its own ``.venv`` (``git worktree add /tmp/before main &&
make -C /tmp/before setup``); this checkout's own is ``now=.``. Starts a scratch Neo4j of its own
(temporary folder, free ports), then per round, for each tree in turn, loads the records into an
emptied database with that tree's ``load_records`` (a child process of that tree's Python), loads
them again, and writes the same graph with this checkout's plain ``UNWIND ... CREATE``
(bench/neo4j_load.py). Each tree is warmed up once first. Prints per run and, per tree, the medians:
wall-clock and CPU seconds (server and client together) and the ratio plain CREATE / first load of
the same round, so that trees measured minutes apart on a busy machine are still compared fairly.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import neo4j_load  # noqa: E402

from newsgraph.extract.record import read_jsonl  # noqa: E402

# Run by each tree's own Python: its neo4j_load times its own load_records.
CHILD = """
import json, os, sys
sys.path.insert(0, sys.argv[1])
import neo4j_load
from newsgraph.extract.record import read_jsonl
from newsgraph.graph.neo4j.connection import Settings
settings = Settings(**json.loads(os.environ["LOADER_AB_SETTINGS"]))  # not on the command line
records = list(read_jsonl(sys.argv[2]))[: int(sys.argv[3])]
pid = int(sys.argv[4])
first = neo4j_load.time_loader(records, settings, True, pid)
second = neo4j_load.time_loader(records, settings, False, pid)
print(json.dumps([[t.seconds, t.cpu, t.events, t.relationships] for t in (first, second)]))
"""


def run_tree(tree: Path, settings_json: str, records: Path, articles: int, pid: int) -> list[list[float]]:
    python = tree / ".venv" / "bin" / "python"
    args = [str(python), "-c", CHILD, str(tree / "bench"), str(records), str(articles), str(pid)]
    env = {**os.environ, "LOADER_AB_SETTINGS": settings_json}
    done = subprocess.run(args, capture_output=True, text=True, cwd=tree, env=env)
    if done.returncode:
        raise RuntimeError(f"{tree}: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("trees", nargs="+", help="LABEL=TREE: a checkout with its own .venv")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    trees = [(label, Path(path).resolve()) for label, path in (t.split("=", 1) for t in args.trees)]
    records = list(read_jsonl(args.records))[: args.articles]
    results: dict[str, list[tuple[float, ...]]] = {label: [] for label, _ in trees}
    with tempfile.TemporaryDirectory() as work:
        with neo4j_load.scratch_server(Path(work) / "neo4j") as (settings, pid):
            settings_json = json.dumps(
                {"uri": settings.uri, "user": settings.user, "password": settings.password,
                 "database": settings.database}  # fmt: skip
            )
            neo4j_load.time_plain_create(records, settings)  # warm-up, outside the timings
            for _, tree in trees:
                run_tree(tree, settings_json, args.records.resolve(), args.articles, pid)
            print(f"{len(records)} records; wall-clock s (CPU s, server and client); ratio = plain / first")
            for _ in range(args.rounds):
                for label, tree in trees:
                    plain = neo4j_load.time_plain_create(records, settings, pid)
                    first, second = run_tree(tree, settings_json, args.records.resolve(), args.articles, pid)
                    row = (first[0], first[1], second[0], second[1], plain.seconds, plain.cpu)
                    results[label].append(row)
                    same = first[2:] == second[2:] == [plain.events, plain.relationships]
                    print(
                        f"{label:>12}: first {first[0]:6.2f} ({first[1]:5.2f})  second {second[0]:5.2f} "
                        f"({second[1]:5.2f})  plain {plain.seconds:5.2f} ({plain.cpu:5.2f})  ratio "
                        f"{plain.seconds / first[0]:.2f} (CPU {plain.cpu / first[1]:.2f})  counts equal: "
                        f"{same}  load {os.getloadavg()[0]:.1f}",
                        flush=True,
                    )
    print("medians:")
    for label, rows in results.items():
        wall = statistics.median(r[4] / r[0] for r in rows)
        cpu = statistics.median(r[5] / r[1] for r in rows)
        second = statistics.median(r[2] / r[0] for r in rows)
        first_cpu = statistics.median(r[1] for r in rows)
        print(f"{label:>12}: plain / first load {wall:.2f} (CPU {cpu:.2f}); first load CPU "
              f"{first_cpu:.2f} s; second / first {second:.2f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
