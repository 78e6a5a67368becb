"""newsgraph benchmark: ``make bench`` (or ``.venv/bin/python bench/run.py [--quick]``).

Measures, in one run on a corpus made from the project's own articles (bench/corpus.py):

1. raw spaCy ``nlp.pipe`` words/s with the same model vs the full extractor (goal >= 0.85);
2. the extractor with 1 and with 2 processes (goal >= 1.6x on 2 cores);
3. Neo4j load through ``load_records`` vs a plain ``UNWIND $rows CREATE`` of the same graph
   (goal >= 0.5), and a second, idempotent load vs the first (goal: no slower);
4. peak resident memory of ``newsgraph extract`` on two corpus sizes (goal: the larger within
   20% of the smaller);
5. the bulk path: ``neo4j-admin database import full`` of the CSV export (rate only).

Neo4j runs as a scratch instance of its own (temporary folder, its own ports), never the test
or the user's server. Prints a table and writes it to bench/results.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # the bench's own modules (corpus, memory, neo4j_load, synthetic)

import corpus  # noqa: E402
import memory  # noqa: E402
import neo4j_load  # noqa: E402
import psutil  # noqa: E402
import synthetic  # noqa: E402

BENCH_BOLT_PORT = 27687  # its own ports, away from the user's 7687 and the tests' 17687
BENCH_HTTP_PORT = 27474


class Report:
    """Rows of (measure, value, goal, verdict), printed as they come and written as Markdown."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []
        self.notes: list[str] = []

    def add(self, measure: str, value: str, goal: str = "", met: bool | None = None) -> None:
        verdict = "" if met is None else ("met" if met else "MISSED")
        self.rows.append((measure, value, goal, verdict))
        print(f"  {measure:<58} {value:>24}  {goal:<14} {verdict}", flush=True)

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  note: {text}", flush=True)

    def markdown(self, header: list[str]) -> str:
        lines = [*header, "", "| measure | value | goal | |", "|---|---:|---|---|"]
        lines += [f"| {m} | {v} | {g} | {x} |" for m, v, g, x in self.rows]
        if self.notes:
            lines += ["", *[f"- {n}" for n in self.notes]]
        return "\n".join(lines) + "\n"


def section(report: Report, title: str, work: Callable[[], None]) -> None:
    """Run one part; a failure is reported in the table and the other parts still run."""
    print(f"\n{title}", flush=True)
    started = time.perf_counter()
    try:
        work()
    except Exception as exc:  # a benchmark reports what broke and goes on with the rest
        report.add(f"{title}: FAILED", type(exc).__name__, "", False)
        report.note(f"{title} failed: {exc}".splitlines()[0])
        traceback.print_exc()
    print(f"  ({time.perf_counter() - started:.0f} s)", flush=True)


# --- 1 and 2: extraction speed -------------------------------------------------------------


def measure_speed(report: Report, articles: list[Any], model: str | None, batch_size: int) -> None:
    import spacy

    from newsgraph.extract.pipeline import MODELS, Extractor

    texts = [a.text for a in articles]
    name = model or next(m for m in MODELS if spacy.util.is_package(m))
    raw = spacy.load(name, exclude=["textcat"])  # the model as load_nlp loads it, without newsgraph's steps
    list(raw.pipe(texts[:8], batch_size=batch_size))  # warm-up: first-call allocations out of the timing
    started = time.perf_counter()
    words = sum(len(doc) for doc in raw.pipe(texts, batch_size=batch_size))
    raw_seconds = time.perf_counter() - started
    report.add(f"raw spaCy nlp.pipe ({name}), words/s", f"{words / raw_seconds:,.0f}")

    def run(processes: int) -> tuple[float, int]:
        extractor = Extractor(model=model, parse_batch=batch_size, n_process=processes)
        # warm-up in this process, as for raw spaCy; forked workers inherit it, and their start is
        # inside the timing
        list(extractor._extract_serial(articles[:8]))
        started = time.perf_counter()
        events = sum(len(r.events) for r in extractor.extract_many(articles))
        return time.perf_counter() - started, events

    one, events = run(1)
    ratio = raw_seconds / one
    report.add("extractor, 1 process, words/s", f"{words / one:,.0f}")
    report.add("extractor / raw spaCy (words/s)", f"{ratio:.2f}", ">= 0.85", ratio >= 0.85)
    two, _ = run(2)
    speedup = one / two
    report.add("extractor, 2 processes, words/s (worker start included)", f"{words / two:,.0f}")
    report.add("2 processes / 1 process", f"{speedup:.2f}x", ">= 1.6x", speedup >= 1.6)
    report.note(
        f"speed corpus: {len(articles)} articles, {words:,} words (spaCy tokens), {events:,} events; "
        f"batch size {batch_size}"
    )


# --- 4: memory ----------------------------------------------------------------------------


def measure_memory(report: Report, work: Path, sizes: list[int], names: list[str], processes: int,
                   model: str | None) -> Path | None:
    """Peak RSS of ``newsgraph extract`` per corpus size; returns the smallest run's records file."""
    runs = []
    first_output = None
    for size in sizes:
        # short articles (headline and three paragraphs): streaming is what is measured, and 10k of
        # them fit the bench's time budget on two cores
        texts = corpus.make_articles(size, names, paragraphs=3)
        folder = corpus.write_corpus(texts, work / f"corpus-{size}")
        output = work / f"records-{size}.jsonl"
        run = memory.measure_extract(folder, output, size, processes=processes, model=model)
        if run.exit_code != 0 and processes > 1:
            report.note(f"newsgraph extract --processes {processes} failed ({_last_line(run.stderr)}); "
                        "memory measured with --processes 1")  # fmt: skip
            processes = 1
            run = memory.measure_extract(folder, output, size, processes=processes, model=model)
        if run.exit_code != 0:
            raise RuntimeError(f"newsgraph extract on {size} articles exited {run.exit_code}: "
                               f"{_last_line(run.stderr)}")  # fmt: skip
        runs.append(run)
        first_output = first_output or output
        report.add(
            f"newsgraph extract --processes {processes}, {size:,} articles: peak RSS",
            f"{run.peak_tree / 2**20:,.0f} MiB ({size / run.seconds:,.1f} art/s)",
        )
        shutil.rmtree(folder)
    if len(runs) >= 2:
        growth = runs[-1].peak_tree / runs[0].peak_tree - 1
        within = abs(growth) <= 0.2
        report.add(f"peak RSS {sizes[-1]:,} vs {sizes[0]:,} articles", f"{growth:+.1%}", "within 20%", within)
        report.note(
            "peak RSS is of the whole process tree (the command and its spaCy workers), polled every "
            f"{memory.POLL_SECONDS * 1000:.0f} ms; the main process alone peaked at "
            + " and ".join(f"{r.peak_main / 2**20:,.0f} MiB" for r in runs)
        )
    return first_output


def _last_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[-1] if lines else "no message"


# --- 3 and 5: Neo4j -----------------------------------------------------------------------


def measure_neo4j(report: Report, work: Path, records: list[Any], bulk_articles: int) -> None:
    from newsgraph.graph.neo4j.server import Instance, free_port

    instance = Instance(
        work / "neo4j", free_port(BENCH_BOLT_PORT), free_port(BENCH_HTTP_PORT),
        heap=("1g", "1g"), pagecache="512m",
    )  # fmt: skip
    try:
        instance.start(timeout=180)
        settings = instance.settings()
        # warm-up: the server plans and compiles every statement once, outside the timings
        neo4j_load.time_loader(records[:5], settings, clear=True)
        neo4j_load.time_plain_create(records[:5], settings)
        first = neo4j_load.time_loader(records, settings, clear=True)
        second = neo4j_load.time_loader(records, settings, clear=False)
        plain = neo4j_load.time_plain_create(records, settings)
        report.add("load_records, events+relationships/s (first load)", f"{first.rate:,.0f}")
        report.add("plain UNWIND CREATE of the same graph, events+rels/s", f"{plain.rate:,.0f}")
        ratio = plain.seconds and first.rate / plain.rate
        report.add("load_records / plain CREATE", f"{ratio:.2f}", ">= 0.5", ratio >= 0.5)
        report.add("second (idempotent) load, events+relationships/s", f"{second.rate:,.0f}")
        slower = second.seconds / first.seconds
        report.add("second load time / first load time", f"{slower:.2f}", "<= 1.0", slower <= 1.0)
        same = (first.events, first.relationships) == (second.events, second.relationships)
        report.add("counts unchanged by the second load", "yes" if same else "NO", "yes", same)
        report.note(
            f"load input: {len(records):,} records, {first.events:,} events, {first.relationships:,} "
            f"relationships; times include constraints and INTERACTS_WITH (loader) and every node "
            f"(baseline); first load {first.seconds:.1f} s, second {second.seconds:.1f} s, "
            f"plain CREATE {plain.seconds:.1f} s"
        )
        instance.stop()
        bulk = synthetic.synthetic_records(articles=bulk_articles, actors=bulk_articles * 4)
        seconds, nodes, rels = neo4j_load.time_admin_import(bulk, instance, work / "csv")
        report.add(
            f"neo4j-admin import of the CSV export ({nodes:,} nodes, {rels:,} rels)",
            f"{(nodes + rels) / seconds:,.0f} /s",
        )
        report.note(
            f"bulk import: {seconds:.1f} s for {nodes + rels:,} nodes and relationships of a synthetic "
            "corpus (bench/synthetic.py), JVM start included"
        )
    finally:
        instance.stop()


# --- main ---------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run of a minute or two")
    parser.add_argument("--articles", type=int, help="speed corpus size (default 240; quick 40)")
    parser.add_argument("--memory-sizes", help="comma-separated sizes (default 1000,10000; quick 100,1000)")
    parser.add_argument("--memory-processes", type=int, default=2, help="--processes of the memory runs")
    parser.add_argument("--bulk-articles", type=int, help="synthetic articles to bulk-import (default 20000)")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size, raw and extractor")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the extractor's)")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: speed,memory,neo4j")
    parser.add_argument("-o", "--output", default=str(HERE / "results.md"), help="Markdown report")
    args = parser.parse_args(argv)
    n_articles = args.articles or (40 if args.quick else 240)
    sizes = [int(s) for s in (args.memory_sizes or ("100,1000" if args.quick else "1000,10000")).split(",")]
    bulk_articles = args.bulk_articles or (2000 if args.quick else 20000)
    skip = set(filter(None, args.skip.split(",")))

    started = time.perf_counter()
    cores = os.cpu_count()
    machine = (
        f"{cores} logical cores ({psutil.cpu_count(logical=False)} physical), "
        f"{psutil.virtual_memory().total / 2**30:.0f} GiB RAM, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}; load average at start {os.getloadavg()[0]:.1f}"
    )
    print(f"newsgraph benchmark on {machine}", flush=True)
    report = Report()
    work = Path(tempfile.mkdtemp(prefix="newsgraph-bench-"))
    try:
        import spacy

        from newsgraph.extract.pipeline import MODELS
        from newsgraph.extract.readers import iter_articles

        model_name = args.model or next(m for m in MODELS if spacy.util.is_package(m))
        names = corpus.person_names(spacy.load(model_name, exclude=["textcat"]), corpus.read_sources())
        speed_folder = corpus.write_corpus(corpus.make_articles(n_articles, names), work / "speed")
        articles = list(iter_articles([speed_folder]))
        records_file: Path | None = None

        def speed_part() -> None:
            measure_speed(report, articles, args.model, args.batch_size)

        def memory_part() -> None:
            nonlocal records_file
            records_file = measure_memory(report, work, sizes, names, args.memory_processes, args.model)

        def neo4j_part() -> None:
            from newsgraph.extract.pipeline import Extractor
            from newsgraph.extract.record import read_jsonl

            if records_file and records_file.exists():  # the smaller memory run's records
                records = list(read_jsonl(records_file))
            else:
                records = list(Extractor(model=args.model).extract_many(articles))
            measure_neo4j(report, work, records, bulk_articles)

        parts = (("speed", speed_part, "extraction speed"), ("memory", memory_part, "memory"),
                 ("neo4j", neo4j_part, "Neo4j load"))  # fmt: skip
        for name, part, title in parts:
            if name not in skip:
                section(report, title, part)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total = time.perf_counter() - started
    print(f"\ntotal {total:.0f} s", flush=True)
    header = [
        "# newsgraph benchmark results",
        "",
        f"Machine: {machine}.",
        f"Run: `make bench` ({'--quick' if args.quick else 'full'}), {time.strftime('%Y-%m-%d %H:%M')}, "
        f"{total:.0f} s in all.",
    ]
    Path(args.output).write_text(report.markdown(header), encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
