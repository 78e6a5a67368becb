"""The 2-process extractor with and without the parent's objects frozen before the fork.

    .venv/bin/python bench/fork_ab.py [--articles 64] [--runs 4]

Builds the bench's long corpus (bench/corpus.py: ~1,000-word articles), loads one Extractor with
2 processes and runs it over the corpus ``--runs`` times each way, alternating: with
``pipeline._forked_pool`` (``gc.freeze`` just before the fork) and with a plain forked pool. Each
worker reports the CPU seconds, the system seconds and the minor page faults of each batch of 16
articles; a worker's first batch pays the copy-on-write of the pages it writes to after the fork.
Prints every run and the median wall-clock time of each way.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import spacy  # noqa: E402

from newsgraph.extract import pipeline  # noqa: E402
from newsgraph.extract.readers import iter_articles  # noqa: E402

FROZEN = pipeline._forked_pool
EXTRACT_BATCH = pipeline._extract_batch


def _plain_pool(context, processes):  # the pool as it was made before the freeze
    return context.Pool(processes)


def _measured_batch(batch):
    """In a worker: the batch's records, and a line (pid, CPU s, system s, faults) in the log."""
    usage, cpu = resource.getrusage(resource.RUSAGE_SELF), time.process_time()
    records = EXTRACT_BATCH(batch)
    after = resource.getrusage(resource.RUSAGE_SELF)
    line = f"{os.getpid()} {time.process_time() - cpu} {after.ru_stime - usage.ru_stime} "
    with open(os.environ["FORK_AB_LOG"], "a", encoding="utf-8") as log:
        log.write(line + f"{after.ru_minflt - usage.ru_minflt}\n")
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=64)
    parser.add_argument("--runs", type=int, default=4)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        model = next(m for m in pipeline.MODELS if spacy.util.is_package(m))
        names = corpus.person_names(spacy.load(model, exclude=["textcat"]), corpus.read_sources())
        texts = corpus.make_sized_articles(args.articles, names, 1000)
        folder = corpus.write_corpus(texts, Path(work) / "long")
        extractor = pipeline.Extractor(model=model, parse_batch=16, n_process=2)
        articles = list(iter_articles([folder]))
        list(extractor._extract_serial(articles[:8]))  # warm-up in the parent, inherited by the workers
        os.environ["FORK_AB_LOG"] = log = str(Path(work) / "batches.log")
        pipeline._extract_batch = _measured_batch
        walls: dict[str, list[float]] = {"frozen": [], "plain": []}
        for run in range(args.runs):
            for way in ("frozen", "plain") if run % 2 == 0 else ("plain", "frozen"):
                pipeline._forked_pool = FROZEN if way == "frozen" else _plain_pool
                Path(log).write_text("", encoding="utf-8")
                started = time.perf_counter()
                list(extractor.extract_many(articles))
                walls[way].append(time.perf_counter() - started)
                seen: set[str] = set()
                first, later = [], []
                for pid, cpu, system, faults in (line.split() for line in Path(log).read_text().splitlines()):
                    (later if pid in seen else first).append(f"{float(cpu):.2f}/{float(system):.2f}/{faults}")
                    seen.add(pid)
                print(f"{way:6} {walls[way][-1]:5.2f} s; first batches (CPU s/system s/faults) "
                      f"{' '.join(first)}; later {' '.join(later)}", flush=True)  # fmt: skip
    for way, seconds in walls.items():
        print(f"{way}: median {statistics.median(seconds):.2f} s ({' '.join(f'{s:.2f}' for s in seconds)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
