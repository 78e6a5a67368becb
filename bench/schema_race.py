"""Loads creating the schema at once: what the server answers, and what the driver's pool does.

    .venv/bin/python bench/schema_race.py [--rounds 200]

Starts a scratch Neo4j (bench/neo4j_load.py's). Per round, the database is emptied of everything and
four threads create the search indexes at once, as concurrent ``newsgraph load``s do before their
writes, three ways:

- ``raw``: each thread with a driver of its own runs the CREATE ... IF NOT EXISTS statements itself
  and counts the server's answers (IF NOT EXISTS does not cover two creations at once: the loser is
  told the index already exists), so the collisions the loader must take are seen to happen;
- ``own``: each thread with a driver of its own calls ``create_search_indexes``, as separate
  processes do;
- ``shared``: the four threads share one driver.

For the last two: the calls that failed (by exception) and the calls over 10 s. Threads sharing one
driver meet a race of the driver's connection pool (a liveness check waits on an idle socket until the
pool gives up after 60 s); the project never shares a driver between threads, and its tests do not.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import neo4j

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import neo4j_load  # noqa: E402

from newsgraph.graph.neo4j import server  # noqa: E402
from newsgraph.graph.neo4j.connection import open_driver  # noqa: E402
from newsgraph.graph.neo4j.search import create_search_indexes, search_index_statements  # noqa: E402
from newsgraph.graph.neo4j.settings import Settings  # noqa: E402
from newsgraph.graph.neo4j.statements import server_error  # noqa: E402

SLOW_SECONDS = 10
THREADS = 4


def _raw(driver: neo4j.Driver, outcomes: Counter) -> None:
    for text in search_index_statements():
        try:
            driver.execute_query(text)
            outcomes["created or there"] += 1
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
            error = server_error(exc)
            outcomes[error.code if error else type(exc).__name__] += 1


def _create(driver: neo4j.Driver, outcomes: Counter) -> None:
    started = time.monotonic()
    try:
        create_search_indexes(driver, None)
        outcomes["ok"] += 1
    except Exception as exc:  # counted, not raised: the point is how often
        outcomes[f"failed: {type(exc).__name__}"] += 1
    if time.monotonic() - started > SLOW_SECONDS:
        outcomes[f"over {SLOW_SECONDS} s"] += 1


def run(mode: str, settings: Settings, admin: neo4j.Driver, rounds: int) -> tuple[Counter, float]:
    """``rounds`` rounds of THREADS threads at once in ``mode``; the outcomes and the seconds taken."""
    work: Callable[[neo4j.Driver, Counter], None] = _raw if mode == "raw" else _create
    outcomes: Counter = Counter()
    shared = open_driver(settings) if mode == "shared" else None

    def one(_: int) -> None:
        driver = shared or open_driver(settings)
        try:
            work(driver, outcomes)
        finally:
            if driver is not shared:
                driver.close()

    started = time.monotonic()
    try:
        for _ in range(rounds):
            server.clear_database(admin)
            with ThreadPoolExecutor(THREADS) as pool:
                list(pool.map(one, range(THREADS)))
    finally:
        if shared is not None:
            shared.close()
    return outcomes, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsgraph-race-") as work:
        with neo4j_load.scratch_server(Path(work)) as (settings, _):
            admin = open_driver(settings)
            try:
                for mode in ("raw", "own", "shared"):
                    outcomes, seconds = run(mode, settings, admin, args.rounds)
                    line = f"{mode:6} {args.rounds} rounds x {THREADS} threads, {seconds:.0f} s"
                    print(f"{line}: {dict(outcomes)}", flush=True)
            finally:
                admin.close()


if __name__ == "__main__":
    main()
