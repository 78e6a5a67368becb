"""Commands that read articles and write records or files: extract, build, export, evaluate."""

from __future__ import annotations

from pathlib import Path

import click

from newsgraph.extract.errors import EXIT_SKIPPED, InputError
from newsgraph.graph.cli.common import (
    collected_after_start,
    fail_cleanly,
    load_summary,
    model_option,
    processes_option,
    published_option,
    read_records,
    warn,
)
from newsgraph.graph.cli.progress import progress_records


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", default="-", type=click.Path(), help="JSON Lines file (default: stdout).")
@model_option
@published_option
@processes_option
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", default=None, metavar="ADDRESS", help="dask.distributed scheduler address.")
@fail_cleanly
def extract(paths, output, model, published, processes, engine, scheduler):
    """Extract actors, events and relations from articles as JSON Lines (one record per article)."""
    if engine == "dask":
        from newsgraph.extract.distributed import extract_with_dask

        skipped = extract_with_dask(
            paths, output, scheduler=scheduler, model=model, published=published, on_skip=warn
        )
        return EXIT_SKIPPED if skipped else 0
    source, records = read_records(paths, model, published, processes)
    out = click.open_file(output, "w", encoding="utf-8", atomic=output != "-")
    with out:
        for record in collected_after_start(records, pause=processes == 1):
            out.write(record.to_json() + "\n")
    return EXIT_SKIPPED if source.skipped else 0


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-o", "--output", default="out", show_default=True, type=click.Path(file_okay=False))
@model_option
@published_option
@click.option("--neo4j", "neo4j_uri", default=None, metavar="URI", help="Also load into this Neo4j server.")
@fail_cleanly
def build(paths, output, model, published, neo4j_uri):
    """The main job: extract PATHS (default seeds/), build the graph, write every export to OUTPUT."""
    from newsgraph.graph import run

    result = run.build(
        paths, output, model=model, published=published, neo4j_uri=neo4j_uri, on_skip=warn,
        progress=lambda records, total: progress_records(records, total=total, label="extracting"),
    )  # fmt: skip
    if result.load is not None:
        click.echo(f"loaded into {neo4j_uri}: {load_summary(result.load)}")
    click.echo(result.summary)
    for fmt, path in result.written.items():
        click.echo(f"  {fmt:<8} {path}")
    return EXIT_SKIPPED if result.skipped else 0


class ExportFormat(click.Choice):
    """The export registry's format names, read when needed: a format registered later is offered too."""

    def __init__(self) -> None:
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:
        from newsgraph.graph.exports import formats

        return formats()

    @choices.setter
    def choices(self, value: object) -> None:  # click.Choice.__init__ sets it; the registry decides
        pass


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-f", "--format", "fmt", required=True, type=ExportFormat(), help="A registered export format.")
@click.option("-o", "--output", required=True, type=click.Path(), help="File (a folder for csv).")
@click.option("--header", is_flag=True, help="gdelt: a first line naming the 61 columns.")
@model_option
@published_option
@fail_cleanly
def export(paths, fmt, output, header, model, published):
    """Export the graph of PATHS (articles or records) as a graph file.

    Articles are extracted again on every call; pass the records instead to skip that:
    `newsgraph build` writes them to out/records.jsonl (`newsgraph extract -o FILE` too), e.g.
    `newsgraph export out/records.jsonl --format gexf -o graph.gexf`.
    """
    from newsgraph.graph.build import build_graph
    from newsgraph.graph.exports import export_graph

    source, records = read_records(paths, model, published)
    options = {"header": True} if header else {}
    path = export_graph(build_graph(records), fmt, Path(output), **options)
    click.echo(f"wrote {fmt} to {path}")
    return EXIT_SKIPPED if source.skipped else 0


@click.command()
@click.argument("records", type=click.Path())
@click.argument("gold", nargs=-1, required=True, type=click.Path())
@click.option("-v", "--verbose", is_flag=True, help="List every miss.")
@click.option("--min-event-f1", type=float, default=None)
@click.option("--min-actor-f1", type=float, default=None)
@fail_cleanly
def evaluate(records, gold, verbose, min_event_f1, min_actor_f1):
    """Score extraction RECORDS (JSON Lines) against GOLD annotation files (YAML)."""
    from newsgraph.extract.evaluate import evaluate_files

    for path in (records, *gold):
        if not Path(path).exists():
            raise InputError(f"{path}: no such file")
    report = evaluate_files(records, gold, verbose=verbose)
    click.echo(report.text)
    short = (min_event_f1 is not None and report.event_f1 < min_event_f1) or (
        min_actor_f1 is not None and report.actor_f1 < min_actor_f1
    )
    return 1 if short else 0
