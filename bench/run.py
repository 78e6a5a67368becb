"""newsgraph benchmark: ``make bench`` (or ``.venv/bin/python bench/run.py [--quick]``).

Measures, in one run, on corpora made from the project's own articles (bench/corpus.py):

1. whole processes as a user runs them, start-up included: ``newsgraph extract DIR`` against a plain
   spaCy script (``bench/raw_pipe.py``: load the model, ``nlp.pipe`` the texts) over the same folder,
   on short news (~170 words) and on long reports (~1,000 words) (goal >= 0.90 each);
2. start-up: ``newsgraph extract`` of one article against loading the model and parsing it (goal:
   at most 1.0 s more), and ``newsgraph --help`` (goal < 0.5 s);
3. warm processes: raw ``nlp.pipe`` words/s against the extractor's, and the extractor on 1 and 2
   processes over the long corpus (goal >= 1.8x on a quiet machine);
4. peak resident memory of ``newsgraph extract`` on two corpus sizes (goal: within 20%);
5. Neo4j load through ``load_records`` vs a plain ``UNWIND $rows CREATE`` of the same graph
   (goal >= 0.5), a second, idempotent load vs the first (goal: no slower, counts unchanged), and
   the bulk path: ``neo4j-admin database import full`` of the CSV export (rate only).

Whole-process runs are timed as a user's later runs: one untimed run of each command first, so
Python's compiled modules and newsgraph's caches (the GeoNames city index, the dictionaries' name
indexes, in ``NEWSGRAPH_CACHE``) exist, as they do after a user's first run.

Every timed figure is printed with the 1-minute load average around it: on a shared machine the
ratios are only as good as the quiet they were measured in. Neo4j runs as a scratch instance of
its own (temporary folder, its own ports), never the test or the user's server. Prints a table and
writes it to bench/results.md.
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
import processes  # noqa: E402
import psutil  # noqa: E402
import synthetic  # noqa: E402

BENCH_BOLT_PORT = 27687  # its own ports, away from the user's 7687 and the tests' 17687
BENCH_HTTP_PORT = 27474
PARTS = ("whole", "startup", "speed", "memory", "neo4j")


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


# --- 1 and 2: whole processes, start-up ------------------------------------------------------


def seconds(timed: processes.Timed) -> str:
    """Wall-clock and CPU seconds of a whole-process command."""
    return f"{timed.seconds:.2f} s (CPU {timed.cpu:.2f} s)"


def load_now() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def measure_whole(report: Report, folders: dict[str, Path], model: str, batch_size: int, work: Path,
                  repeats: int) -> None:
    """``newsgraph extract DIR`` against ``raw_pipe.py DIR``, whole processes, per corpus."""
    for label, folder in folders.items():
        timed = processes.compare({
            "raw": processes.raw_command(model, folder, batch_size),
            "extract": processes.extract_command(folder, work / f"whole-{label}.jsonl", model=model),
        }, repeats)  # fmt: skip
        raw, ext = timed["raw"], timed["extract"]
        ratio = raw.seconds / ext.seconds
        count = len(list(folder.glob("*.txt")))
        report.add(f"{label}: raw spaCy script, whole process ({count} articles)", seconds(raw))
        report.add(f"{label}: newsgraph extract, whole process", seconds(ext))
        value = f"{ratio:.2f} ({processes.load_text(ext)})"
        report.add(f"{label}: extractor / raw spaCy, whole processes", value, ">= 0.90", ratio >= 0.90)
        report.add(f"{label}: the same in CPU seconds", f"{raw.cpu / ext.cpu:.2f}")


def measure_startup(report: Report, article: Path, model: str, work: Path, repeats: int) -> None:
    """One article: ``newsgraph extract`` against loading the model alone; ``newsgraph --help``."""
    timed = processes.compare({
        "model": processes.load_model_command(model, article),
        "extract": processes.extract_command(article, work / "one.jsonl", model=model),
        "help": processes.help_command(),
    }, repeats)  # fmt: skip
    model_s, extract_s, help_s = timed["model"].seconds, timed["extract"].seconds, timed["help"].seconds
    more = extract_s - model_s
    load = processes.load_text(timed["extract"])
    report.add("start-up: import spaCy, load the model, parse one article", seconds(timed["model"]))
    report.add("start-up: newsgraph extract of one article", seconds(timed["extract"]))
    report.add("start-up: newsgraph extract minus the model alone", f"{more:+.2f} s ({load})", "<= 1.0 s",
               more <= 1.0)  # fmt: skip
    report.add("start-up: the same in CPU seconds", f"{timed['extract'].cpu - timed['model'].cpu:+.2f} s")
    report.add("newsgraph --help", f"{help_s:.2f} s ({load})", "< 0.5 s", help_s < 0.5)


# --- 3: warm processes --------------------------------------------------------------------


def measure_speed(report: Report, articles: list[Any], model: str, batch_size: int, repeats: int = 3) -> None:
    """Warm processes over the long corpus: raw nlp.pipe, the extractor on 1 and 2 processes.

    Raw spaCy, the extractor on 1 process and on 2 run in turn ``repeats`` times, and each ratio is
    the median of the rounds' ratios: one run of each moved by up to a tenth between two runs of the
    bench (the 2-process one more: its workers' first batch pays the fork's copied pages)."""
    import statistics

    import spacy

    from newsgraph.extract.pipeline import Extractor

    texts = [a.text for a in articles]
    raw = spacy.load(model, exclude=["textcat"])  # the model as load_nlp loads it, without newsgraph's steps
    list(raw.pipe(texts[:8], batch_size=batch_size))  # warm-up: first-call allocations out of the timing

    def run_raw() -> tuple[float, int]:
        started = time.perf_counter()
        words = sum(len(doc) for doc in raw.pipe(texts, batch_size=batch_size))
        return time.perf_counter() - started, words

    extractor = Extractor(model=model, parse_batch=batch_size)
    list(extractor._extract_serial(articles[:8]))  # warm-up, as for raw spaCy; forked workers inherit it

    def run(n_process: int) -> tuple[float, int]:
        """One pass over the corpus; with 2 processes, starting the workers is inside the timing."""
        extractor.n_process = n_process
        started = time.perf_counter()
        events = sum(len(r.events) for r in extractor.extract_many(articles))
        return time.perf_counter() - started, events

    rounds = [(run_raw(), run(1), run(2)) for _ in range(max(repeats, 1))]
    words, events = rounds[0][0][1], rounds[0][1][1]
    raw_seconds = statistics.median(r[0][0] for r in rounds)
    one = statistics.median(r[1][0] for r in rounds)
    two = statistics.median(r[2][0] for r in rounds)
    report.add(f"warm: raw spaCy nlp.pipe ({model}), words/s", f"{words / raw_seconds:,.0f} ({load_now()})")
    report.add("warm: extractor, 1 process, words/s", f"{words / one:,.0f} ({load_now()})")
    ratios = sorted(raw_s / one_s for (raw_s, _), (one_s, _), _ in rounds)
    report.add("warm: extractor / raw spaCy (words/s), median of rounds", f"{statistics.median(ratios):.2f}"
               + _spread(ratios))  # fmt: skip
    report.add("warm: extractor, 2 processes, words/s (worker start included)", f"{words / two:,.0f}")
    speedups = sorted(one_s / two_s for _, (one_s, _), (two_s, _) in rounds)
    speedup = statistics.median(speedups)
    report.add("2 processes / 1 process, long corpus, median of rounds",
               f"{speedup:.2f}x{_spread(speedups, 'x')} ({load_now()})", ">= 1.8x (quiet)",
               speedup >= 1.8)  # fmt: skip
    in_order = ", ".join(f"{one_s / two_s:.2f}x" for _, (one_s, _), (two_s, _) in rounds)
    report.note(
        f"warm corpus (the long one): {len(articles)} articles, {words:,} words (spaCy tokens), {events:,} "
        f"events; batch size {batch_size}; the 2-process figure needs two idle cores: with a load "
        "average above 0 another program takes part of the second. 2-process rounds in order: "
        f"{in_order}; the first pool a process forks pays more system time in its workers' first "
        "batches than later ones (bench/fork_ab.py), and `newsgraph extract --processes 2` forks one"
    )


def _spread(values: list[float], unit: str = "") -> str:
    """The range of a few rounds' figures, as " (rounds 0.90-0.92)"; nothing for one round."""
    return f" (rounds {values[0]:.2f}{unit}-{values[-1]:.2f}{unit})" if len(values) > 1 else ""


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


# --- 5: Neo4j -------------------------------------------------------------------------


def measure_neo4j(
    report: Report, work: Path, records: list[Any], bulk_articles: int, repeats: int = 3
) -> None:
    import statistics

    from newsgraph.graph.neo4j.server import Instance, free_port

    instance = Instance(
        work / "neo4j", free_port(BENCH_BOLT_PORT), free_port(BENCH_HTTP_PORT),
        heap=("1g", "1g"), pagecache="512m",
    )  # fmt: skip
    try:
        instance.start(timeout=180)
        settings = instance.settings()
        pid = instance.pid()
        # warm-up, outside the timings: the server plans every statement, and its JIT compiles the
        # code both writers run (with 5 records only, whichever ran first paid for the JIT: a first
        # load measured 13.8 CPU seconds cold and 8.5 warm)
        neo4j_load.time_loader(records, settings, clear=True)
        neo4j_load.time_plain_create(records, settings)
        # then rounds of a first load, a second load on top of it and plain CREATE, each figure the
        # median of the rounds' (one run of each moved by a fifth between two runs of the bench)
        rounds = []
        for _ in range(max(repeats, 1)):
            first = neo4j_load.time_loader(records, settings, clear=True, server_pid=pid)
            second = neo4j_load.time_loader(records, settings, clear=False, server_pid=pid)
            rounds.append((first, second, neo4j_load.time_plain_create(records, settings, server_pid=pid)))
        ratios = sorted(plain.seconds / first.seconds for first, _, plain in rounds)
        cpu_ratios = sorted(plain.cpu / first.cpu for first, _, plain in rounds)
        slower = statistics.median(second.seconds / first.seconds for first, second, _ in rounds)
        rounds.sort(key=lambda r: r[2].seconds / r[0].seconds)
        first, second, plain = rounds[len(rounds) // 2]  # the median round: its rates and times
        ratio = statistics.median(ratios)
        report.add("load_records, events+relationships/s (first load)", f"{first.rate:,.0f} ({load_now()})")
        report.add("plain UNWIND CREATE of the same graph, events+rels/s", f"{plain.rate:,.0f}")
        report.add("load_records / plain CREATE (time), median of rounds",
                   f"{ratio:.2f}{_spread(ratios)} ({load_now()})", ">= 0.5", ratio >= 0.5)  # fmt: skip
        report.add("the same in CPU seconds (server + client)", f"{statistics.median(cpu_ratios):.2f}")
        report.add("second (idempotent) load, events+relationships/s", f"{second.rate:,.0f}")
        report.add("second load time / first load time", f"{slower:.2f}", "<= 1.0", slower <= 1.0)
        same = all((f.events, f.relationships) == (s.events, s.relationships) for f, s, _ in rounds)
        report.add("counts unchanged by the second load", "yes" if same else "NO", "yes", same)
        report.note(
            f"load input: {len(records):,} records, {first.events:,} events, {first.relationships:,} "
            f"relationships (plain CREATE: {plain.events:,} and {plain.relationships:,}); times include "
            "constraints and INTERACTS_WITH (loader) and every node (baseline); the median round: first load "
            f"{first.seconds:.1f} s (CPU {first.cpu:.1f} s), second {second.seconds:.1f} s "
            f"(CPU {second.cpu:.1f} s), plain CREATE {plain.seconds:.1f} s (CPU {plain.cpu:.1f} s)"
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
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run of a few minutes")
    parser.add_argument("--short", type=int, help="short-news articles, ~170 words (default 270; quick 30)")
    parser.add_argument("--long", type=int, help="long articles, ~1,000 words (default 64; quick 8)")
    parser.add_argument("--repeats", type=int, help="runs of each whole-process command (default 3; quick 1)")
    parser.add_argument("--memory-sizes", help="comma-separated sizes (default 1000,10000; quick 100,1000)")
    parser.add_argument("--memory-processes", type=int, default=2, help="--processes of the memory runs")
    parser.add_argument("--bulk-articles", type=int, help="synthetic articles to bulk-import (default 20000)")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size, raw and extractor")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the extractor's)")
    parser.add_argument("--skip", default="", help="parts to skip, comma-separated: " + ",".join(PARTS))
    parser.add_argument("-o", "--output", default=str(HERE / "results.md"), help="Markdown report")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in (args.memory_sizes or ("100,1000" if args.quick else "1000,10000")).split(",")]
    skip = set(filter(None, args.skip.split(",")))
    started = time.perf_counter()
    machine = (
        f"{os.cpu_count()} logical cores ({psutil.cpu_count(logical=False)} physical), "
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

        model = args.model or next(m for m in MODELS if spacy.util.is_package(m))
        names = corpus.person_names(spacy.load(model, exclude=["textcat"]), corpus.read_sources())
        short = corpus.make_sized_articles(args.short or (30 if args.quick else 270), names, 170)
        long = corpus.make_sized_articles(args.long or (8 if args.quick else 64), names, 1000)
        folders = {
            "short news": corpus.write_corpus(short, work / "short"),
            "long articles": corpus.write_corpus(long, work / "long"),
        }
        repeats = args.repeats or (1 if args.quick else 3)
        first = folders["short news"] / "000000.txt"
        processes.warm_up([processes.extract_command(first, work / "warm-up.jsonl", model=model),
                           processes.raw_command(model, first.parent, args.batch_size)])  # fmt: skip
        records_file: Path | None = None

        def memory_part() -> None:
            nonlocal records_file
            records_file = measure_memory(report, work, sizes, names, args.memory_processes, args.model)

        def neo4j_part() -> None:
            from newsgraph.extract.pipeline import Extractor
            from newsgraph.extract.record import read_jsonl

            if records_file and records_file.exists():  # the smaller memory run's records
                records = list(read_jsonl(records_file))
            else:
                records = list(Extractor(model=model).extract_many(iter_articles([folders["short news"]])))
            bulk = args.bulk_articles or (2000 if args.quick else 20000)
            measure_neo4j(report, work, records, bulk, repeats)

        parts = {
            "whole": (lambda: measure_whole(report, folders, model, args.batch_size, work, repeats),
                      "whole processes, start-up included"),
            "startup": (lambda: measure_startup(report, folders["short news"] / "000000.txt", model, work,
                                                max(repeats, 3)), "start-up"),
            "speed": (lambda: measure_speed(report, list(iter_articles([folders["long articles"]])), model,
                                            args.batch_size, repeats), "warm processes"),
            "memory": (memory_part, "memory"),
            "neo4j": (neo4j_part, "Neo4j load"),
        }  # fmt: skip
        for name, (part, title) in parts.items():
            if name not in skip:
                section(report, title, part)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total = time.perf_counter() - started
    print(f"\ntotal {total:.0f} s; load average at the end {os.getloadavg()[0]:.1f}", flush=True)
    header = [
        "# newsgraph benchmark results",
        "",
        f"Machine: {machine}; at the end {os.getloadavg()[0]:.1f}.",
        f"Run: `make bench` ({'--quick' if args.quick else 'full'}), {time.strftime('%Y-%m-%d %H:%M')}, "
        f"{total:.0f} s in all.",
    ]
    Path(args.output).write_text(report.markdown(header), encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
