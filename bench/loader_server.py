"""Where a first load's time goes on the server: CPU per JVM thread, and each statement's first plan.

    .venv/bin/python bench/loader_server.py threads RECORDS.jsonl [--rounds 5] [--keep-schema]
    .venv/bin/python bench/loader_server.py plans RECORDS.jsonl [--trials 4]
    .venv/bin/python bench/loader_server.py statements RECORDS.jsonl [--rounds 5]
    .venv/bin/python bench/loader_server.py planner RECORDS.jsonl [--trials 4] [--variants 200]
    .venv/bin/python bench/loader_server.py schema RECORDS.jsonl [--rounds 4]

Each part starts a scratch Neo4j of its own (bench/neo4j_load.py). ``threads``: per round, a first load
into an emptied database and plain CREATE of the same graph, each with the CPU seconds the server's
threads used meanwhile (read from ``/proc/PID/task``, grouped by thread name: the C1 and C2 JIT
compilers, the Bolt workers that plan and run statements, the garbage collector ...), so the rounds
show the JIT settling; ``--keep-schema`` empties the database of nodes only, keeping constraints and
indexes (a load then neither creates them nor plans its statements again). ``plans``: after two
loads, the time of ``EXPLAIN`` of the loader's statements (parameters of the types the loader
passes) right after the schema is created again, plain and with Cypher planner options.
``statements``: after ``--rounds`` warm-up rounds, a first load into an emptied database and one into
a database emptied of nodes only (schema kept, plans cached), each statement's server time as the
driver's result summaries report it (until its first row and until its last), beside the load's
wall clock and the client's garbage collections. ``planner``: each statement's first plan after the
schema is created (median of ``--trials``), then planned again ``--variants`` times, the plan cache
emptied before each time (``db.clearQueryCaches``), and a cached plan: whether planning is slow only
while the server's JIT has not compiled the planner, or always. ``schema``: what
the loader's optional schema costs, rounds of first loads alternating the whole schema, the schema
without the search indexes, without the constraints of the actor kinds (``State``, ``Person`` ...,
whose ids the ``Actor`` constraint already holds unique) and without both, each round with plain CREATE.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import neo4j

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


# What a first load into an empty database runs, in the order of its first batch.
FIRST_LOAD = ("lock_events", "article_versions", "merge_actors", "merge_places", "merge_articles",
              "link_relations", "key_reports", "delete_events", "unlink_reports", "write_events",
              "create_events", "derive_event_links", "interactions")  # fmt: skip


class Summaries:
    """Server milliseconds per statement file, from every result the driver consumes meanwhile."""

    def __init__(self) -> None:
        names = {}
        for path in (Path(loader.__file__).parent / "cypher").glob("*.cypher"):
            try:
                names[" ".join(statement(path.stem).split())] = path.stem
            except ValueError:  # a file of several statements: not one the loader runs alone
                continue
        self.names = names
        self.spent: dict[str, list[int]] = {}

    def __enter__(self) -> Summaries:
        self.original = neo4j.Result.consume
        summaries = self

        def consume(result: neo4j.Result) -> neo4j.ResultSummary:
            summary = summaries.original(result)
            text = " ".join((summary.query or "").split())
            row = summaries.spent.setdefault(summaries.names.get(text, text[:40]), [0, 0, 0])
            row[0] += 1
            row[1] += summary.result_available_after or 0
            row[2] += summary.result_consumed_after or 0
            return summary

        neo4j.Result.consume = consume
        return self

    def __exit__(self, *exc: object) -> None:
        neo4j.Result.consume = self.original


def statements(records: list, rounds: int) -> None:
    collected = [0.0]
    started_gc = [0.0]

    def on_gc(phase: str, info: dict) -> None:
        if phase == "start":
            started_gc[0] = time.perf_counter()
        else:
            collected[0] += time.perf_counter() - started_gc[0]

    with tempfile.TemporaryDirectory() as work, neo4j_load.scratch_server(Path(work)) as (settings, _):
        driver = open_driver(settings)
        for _ in range(rounds):  # warm-up: the server's JIT, as in the bench
            neo4j_load.time_loader(records, settings, clear=True)
            neo4j_load.time_plain_create(records, settings)
        gc.callbacks.append(on_gc)
        for title, keep in (("schema created by the load", False), ("schema kept, plans cached", True)):
            if keep:
                driver.execute_query(statement("delete_all"), database_=settings.database)
            else:
                neo4j_load.empty(driver, settings)
            collected[0] = 0.0
            with Summaries() as summaries:
                started = time.perf_counter()
                loader.load_records(records, settings)
                seconds = time.perf_counter() - started
            rows = sorted(summaries.spent.items(), key=lambda item: -(item[1][1] + item[1][2]))
            total = sum(r[1] + r[2] for _, r in rows)
            print(f"first load, {title}: {seconds:.2f} s; statements {total / 1000:.2f} s on the server; "
                  f"client garbage collection {collected[0]:.2f} s")  # fmt: skip
            for name, (count, available, consumed) in rows:
                if available + consumed >= 10:
                    print(f"  {name:42} x{count:<3} {available:5d} ms to the first row, {consumed:5d} more")
        gc.callbacks.remove(on_gc)
        plain = neo4j_load.time_plain_create(records, settings)
        print(f"plain CREATE of the same graph: {plain.seconds:.2f} s")
        driver.close()


def planner(records: list, trials: int, variants: int) -> None:
    """First plans after the schema, plans of new statements on a warm planner, cached plans."""

    def explain(session: neo4j.Session, text: str) -> float:
        params = {p: [] for p in set(re.findall(r"\$(\w+)", text))}
        started = time.perf_counter()
        session.run(f"EXPLAIN {text}", params).consume()
        return (time.perf_counter() - started) * 1000

    first: dict[str, list[float]] = {name: [] for name in FIRST_LOAD}
    with tempfile.TemporaryDirectory() as work, neo4j_load.scratch_server(Path(work)) as (settings, _):
        driver = open_driver(settings)
        for _ in range(2):  # the server's JIT warmed as by two loads
            neo4j_load.empty(driver, settings)
            loader.load_records(records, settings)
        with driver.session(database=settings.database) as session:
            for _ in range(trials):
                neo4j_load.empty(driver, settings)
                create_schema(driver, settings.database, loader.schema_statements())  # plan cache emptied
                for name in FIRST_LOAD:
                    first[name].append(explain(session, statement(name)))
            shapes = {"RETURN 1": "RETURN 1 AS x", **{name: statement(name) for name in FIRST_LOAD}}
            warm: dict[str, list[float]] = {name: [] for name in shapes}
            for _ in range(variants):  # the same statements planned again and again, the cache emptied
                session.run("CALL db.clearQueryCaches()").consume()
                for name, text in shapes.items():
                    warm[name].append(explain(session, text))
            cached = [explain(session, statement("delete_events")) for _ in range(20)]
        driver.close()
    tail = max(variants // 4, 1)
    print(f"plans, ms: first after the schema (median of {trials}); planned again {variants} times, "
          f"the cache emptied each time (median of the last {tail})")  # fmt: skip
    for name in shapes:
        before = f"{statistics.median(first[name]):6.0f}" if name in first else "      "
        print(f"  {name:20} {before} {statistics.median(warm[name][-tail:]):6.0f}")
    firsts = sum(statistics.median(v) for v in first.values())
    warmed = sum(statistics.median(warm[name][-tail:]) for name in FIRST_LOAD)
    print(f"  {'a first load (sum)':20} {firsts:6.0f} {warmed:6.0f}")
    print(f"  a cached plan (EXPLAIN of delete_events again): {statistics.median(cached):.1f}")


SCHEMA_PARTS = {
    "search indexes": ("FULLTEXT INDEX", "VECTOR INDEX"),
    "kind constraints": tuple(f"CONSTRAINT {k}_id " for k in ("state", "person", "organization", "group")),
}


def schema(records: list, rounds: int) -> None:
    """First loads with parts of the schema left out, alternating on one server (the loader's
    ``schema_statements`` swapped for the time of a load)."""
    whole = loader.schema_statements()
    variants = {"whole schema": ()} | {f"without {part}": (part,) for part in SCHEMA_PARTS}
    variants["without both"] = tuple(SCHEMA_PARTS)

    def without(parts: tuple[str, ...]) -> tuple[str, ...]:
        marks = [mark for part in parts for mark in SCHEMA_PARTS[part]]
        return tuple(text for text in whole if not any(mark in text for mark in marks))

    seconds: dict[str, list[float]] = {name: [] for name in variants}
    plain: list[float] = []
    original = loader.schema_statements
    with tempfile.TemporaryDirectory() as work, neo4j_load.scratch_server(Path(work)) as (settings, pid):
        for _ in range(2):  # warm-up
            neo4j_load.time_loader(records, settings, clear=True)
            neo4j_load.time_plain_create(records, settings)
        try:
            for number in range(rounds):
                for name, parts in variants.items():
                    loader.schema_statements = lambda parts=parts: without(parts)
                    seconds[name].append(
                        neo4j_load.time_loader(records, settings, clear=True, server_pid=pid).seconds
                    )
                plain.append(neo4j_load.time_plain_create(records, settings, server_pid=pid).seconds)
                line = ", ".join(f"{name} {runs[-1]:.2f}" for name, runs in seconds.items())
                print(f"round {number}: {line}; plain CREATE {plain[-1]:.2f} s", flush=True)
        finally:
            loader.schema_statements = original
    for name, runs in seconds.items():
        ratio = statistics.median(plain) / statistics.median(runs)
        print(f"  {name:28} first load {statistics.median(runs):.2f} s, plain / first {ratio:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("part", choices=("threads", "plans", "statements", "planner", "schema"))
    parser.add_argument("records", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--trials", type=int, default=4)
    parser.add_argument("--variants", type=int, default=200)
    parser.add_argument("--keep-schema", action="store_true")
    args = parser.parse_args(argv)
    records = list(read_jsonl(args.records))[: args.articles]
    if args.part == "threads":
        threads(records, args.rounds, args.keep_schema)
    elif args.part == "statements":
        statements(records, args.rounds)
    elif args.part == "planner":
        planner(records, args.trials, args.variants)
    elif args.part == "schema":
        schema(records, args.rounds)
    else:
        plans(records, args.trials)
    return 0


if __name__ == "__main__":
    sys.exit(main())
