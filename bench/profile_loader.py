"""Where a first load's time goes: each of the loader's statements timed on its own.

    .venv/bin/python bench/profile_loader.py [--articles 600]

Extracts a corpus built like the benchmark's (bench/corpus.py), starts a scratch Neo4j of its own
(temporary folder, free ports), warms it up, empties it, then loads the records with the loader's
own statements, timing each statement of each batch transaction. Prints seconds and shares.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

from newsgraph.extract.pipeline import Extractor  # noqa: E402
from newsgraph.extract.readers import article_id  # noqa: E402
from newsgraph.extract.record import Article  # noqa: E402
from newsgraph.graph.neo4j import loader  # noqa: E402
from newsgraph.graph.neo4j.connection import open_driver  # noqa: E402
from newsgraph.graph.neo4j.server import Instance, clear_database, free_port  # noqa: E402
from newsgraph.graph.neo4j.statements import statement  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=600)
    args = parser.parse_args()
    texts = corpus.make_articles(args.articles, [])
    articles = [Article(id=article_id(t), text=t, path=f"bench-{i}.txt") for i, t in enumerate(texts)]
    records = list(Extractor(n_process=2).extract_many(articles))

    names = {}
    for path in (HERE.parent / "graph" / "neo4j" / "cypher").glob("*.cypher"):
        try:
            names[statement(path.stem)] = path.stem
        except ValueError:  # files of several statements (constraints) are not per-batch statements
            pass
    spent: Counter = Counter()

    def timed_run_all(tx, plan):  # the loader's own _run_all, with a clock around each statement
        totals: Counter = Counter()
        for query, params in plan:
            started = time.perf_counter()
            counters = tx.run(query, params).consume().counters
            spent[names.get(query, "other")] += time.perf_counter() - started
            totals.update(nodes_created=counters.nodes_created,
                          relationships_created=counters.relationships_created)  # fmt: skip
        return totals

    loader._run_all = timed_run_all
    with tempfile.TemporaryDirectory() as work:
        instance = Instance(Path(work) / "neo4j", free_port(28687), free_port(28474))
        try:
            instance.start(timeout=180)
            settings = instance.settings()
            driver = open_driver(settings)
            loader.load_records(records[:20], settings)  # warm-up: plans compiled once
            clear_database(driver)
            spent.clear()
            started = time.perf_counter()
            stats = loader.load_records(records, settings)
            total = time.perf_counter() - started
            driver.close()
        finally:
            instance.stop()
    print(f"first load of {len(records)} records: {total:.2f} s ({stats})")
    for name, seconds in spent.most_common():
        print(f"  {name:28} {seconds:6.2f} s  {seconds / total:5.1%}")
    print(f"  {'(transactions, INTERACTS_WITH, constraints)':28} {total - sum(spent.values()):6.2f} s")


if __name__ == "__main__":
    main()
