"""Where a first load's time goes on the server: CPU per JVM thread, and each statement's first plan.

    .venv/bin/python bench/loader_server.py threads RECORDS.jsonl [--rounds 5] [--keep-schema]
    .venv/bin/python bench/loader_server.py plans RECORDS.jsonl [--trials 4]

Both start a scratch Neo4j of their own (bench/neo4j_load.py). ``threads``: per round, a first load
into an emptied database and plain CREATE of the same graph, each with the CPU seconds the server's
threads used meanwhile (read from ``/proc/PID/task``, grouped by thread name: the C1 and C2 JIT
compilers, the Bolt workers that plan and run statements, the garbage collector ...), so the rounds
show the JIT settling; ``--keep-schema`` empties the database of nodes only, keeping constraints and
indexes (a load then neither creates them nor plans its statements again). ``plans``: after two
loads, the time of ``EXPLAIN`` of the loader's statements (parameters of the types the loader
passes) right after the schema is created again, plain and with Cypher planner options.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import neo4j_load  # noqa: E402

from newsgraph.extract.record import read_jsonl  # noqa: E402
from newsgraph.graph.neo4j import loader  # noqa: E402
from newsgraph.graph.neo4j.connection import open_driver  # noqa: E402
from newsgraph.graph.neo4j.statements import create_schema, statement  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")
PLANNED = ("article_versions", "merge_actors", "merge_articles", "link_relations", "create_events",
           "write_events", "derive_event_links", "interactions")  # fmt: skip
OPTIONS = ("", "CYPHER inferSchemaParts=off ", "CYPHER connectComponentsPlanner=greedy ",
           "CYPHER expressionEngine=interpreted ")  # fmt: skip


def thread_cpu(pid: int) -> Counter:
    """CPU seconds of each thread name of a process (numbered threads of one pool as one name)."""
    spent: Counter = Counter()
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            name = (task / "comm").read_text().strip()
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:  # the thread ended meanwhile
            continue
        spent[re.sub(r"[#\-]?\d+$", "", name)] += (int(fields[11]) + int(fields[12])) / TICKS
    return spent


def threads(records: list, rounds: int, keep_schema: bool) -> None:
    with tempfile.TemporaryDirectory() as work, neo4j_load.scratch_server(Path(work)) as (settings, pid):
        driver = open_driver(settings)
        totals: dict[str, list[Counter]] = {"load": [], "plain": []}
        for number in range(rounds):
            if keep_schema and number:
                driver.execute_query(statement("delete_all"), database_=settings.database)
            else:
                neo4j_load.empty(driver, settings)
            before, started = thread_cpu(pid), time.perf_counter()
            loader.load_records(records, settings)
            load_seconds, after = time.perf_counter() - started, thread_cpu(pid)
            totals["load"].append(after - before)
            line = f"round {number}: first load {load_seconds:5.2f} s"
            if not keep_schema:
                plain = neo4j_load.time_plain_create(records, settings)
                totals["plain"].append(thread_cpu(pid) - after)  # its emptying of the database included
                line += f", plain CREATE {plain.seconds:5.2f} s"
            print(line, flush=True)
        driver.close()
    names = sorted({n for c in totals["load"] for n in c}, key=lambda n: -sum(c[n] for c in totals["load"]))
    for writer, rows in totals.items():
        for name in names:
            if rows and max(c[name] for c in rows) >= 0.05:
                print(f"  {writer:5} {name:20} " + " ".join(f"{c[name]:5.2f}" for c in rows))


def plans(records: list, trials: int) -> None:
    with tempfile.TemporaryDirectory() as work, neo4j_load.scratch_server(Path(work)) as (settings, _):
        driver = open_driver(settings)
        for _ in range(2):  # the server's JIT warmed as by two loads
            neo4j_load.empty(driver, settings)
            loader.load_records(records, settings)
        spent: dict[str, list[float]] = {option: [] for option in OPTIONS}
        with driver.session(database=settings.database) as session:
            for _ in range(trials):
                for option in OPTIONS:
                    neo4j_load.empty(driver, settings)
                    create_schema(driver, settings.database, loader.schema_statements())  # plan cache emptied
                    started = time.perf_counter()
                    for name in PLANNED:
                        text = statement(name)
                        params = {p: [] for p in set(re.findall(r"\$(\w+)", text))}  # every parameter a list
                        session.run(f"EXPLAIN {option}{text}", params).consume()
                    spent[option].append(time.perf_counter() - started)
        driver.close()
    print(f"first plans of {len(PLANNED)} loader statements after the schema is created, ms:")
    for option, seconds in spent.items():
        runs = " ".join(f"{s * 1000:5.0f}" for s in seconds)
        print(f"  {option or '(no option)':42} median {statistics.median(seconds) * 1000:5.0f}  ({runs})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("part", choices=("threads", "plans"))
    parser.add_argument("records", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--trials", type=int, default=4)
    parser.add_argument("--keep-schema", action="store_true")
    args = parser.parse_args(argv)
    records = list(read_jsonl(args.records))[: args.articles]
    if args.part == "threads":
        threads(records, args.rounds, args.keep_schema)
    else:
        plans(records, args.trials)
    return 0


if __name__ == "__main__":
    sys.exit(main())
