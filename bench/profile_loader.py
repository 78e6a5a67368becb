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
from newsgraph.extract.record import Article, read_jsonl  # noqa: E402
from newsgraph.graph.neo4j import events, loader  # noqa: E402
from newsgraph.graph.neo4j.connection import open_driver  # noqa: E402
from newsgraph.graph.neo4j.server import Instance, clear_database, free_port  # noqa: E402
from newsgraph.graph.neo4j.statements import Writer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--records", type=Path, help="a records file: read when present, else written")
    args = parser.parse_args()
    if args.records and args.records.exists():
        records = list(read_jsonl(args.records))[: args.articles]
    else:
        texts = corpus.make_articles(args.articles, [])
        articles = [Article(id=article_id(t), text=t, path=f"bench-{i}.txt") for i, t in enumerate(texts)]
        records = list(Extractor(n_process=2).extract_many(articles))
        if args.records:
            args.records.write_text("".join(r.to_json() + "\n" for r in records), encoding="utf-8")

    spent: Counter = Counter()
    original_run = Writer.run

    def timed_run(self, name, **params):  # the loader's own Writer.run, with a clock around it
        started = time.perf_counter()
        try:
            return original_run(self, name, **params)
        finally:
            spent[name] += time.perf_counter() - started

    Writer.run = timed_run
    merge_seconds = Counter()
    original_merge = events.merge_reports

    def timed_merge(reports):
        started = time.perf_counter()
        try:
            return original_merge(reports)
        finally:
            merge_seconds["merge_reports (Python)"] += time.perf_counter() - started

    events.merge_reports = timed_merge
    with tempfile.TemporaryDirectory() as work:
        instance = Instance(Path(work) / "neo4j", free_port(28687), free_port(28474))
        try:
            instance.start(timeout=180)
            settings = instance.settings()
            driver = open_driver(settings)
            loader.load_records(records[:20], settings)  # warm-up: plans compiled once
            clear_database(driver)
            spent.clear()
            merge_seconds.clear()
            started = time.perf_counter()
            stats = loader.load_records(records, settings)
            total = time.perf_counter() - started
            driver.close()
        finally:
            instance.stop()
    print(f"first load of {len(records)} records: {total:.2f} s ({stats})")
    for name, seconds in (spent + merge_seconds).most_common():
        print(f"  {name:28} {seconds:6.2f} s  {seconds / total:5.1%}")
    rest = total - sum(spent.values()) - sum(merge_seconds.values())
    print(f"  {'(the rest: rows, INTERACTS_WITH, constraints)':28} {rest:6.2f} s")


if __name__ == "__main__":
    main()
