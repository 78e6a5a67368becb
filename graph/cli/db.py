"""Commands that talk to Neo4j: load, queries, query."""

from __future__ import annotations

import sys

import click

from newsgraph.extract.errors import EXIT_SKIPPED, EXIT_USAGE, NewsgraphError
from newsgraph.graph.cli.common import (
    connection_options,
    fail_cleanly,
    load_summary,
    model_option,
    plural,
    processes_option,
    published_option,
    read_records,
    table_options,
)
from newsgraph.graph.cli.tables import print_rows
from newsgraph.graph.neo4j import DEFAULT_BATCH_SIZE

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@connection_options
@click.option(
    "--batch-size",
    default=DEFAULT_BATCH_SIZE,
    show_default=True,
    type=click.IntRange(min=1),
    help="Articles per write transaction.",
)
@model_option
@published_option
@processes_option
@fail_cleanly
def load(paths, uri, user, password, database, batch_size, model, published, processes):
    """Extract PATHS if needed (articles or record files) and write them into Neo4j, idempotently.

    Record files (`out/records.jsonl` from `newsgraph build`, or `newsgraph extract -o FILE`) load
    without a second parse; --model, --published and --processes apply to articles. Events reported
    by several articles are merged into one. An article loaded before is skipped when unchanged, and
    replaced (its reports, and events left without one) when read again by another extractor version
    or with another text under the same url or file path. Ctrl-C finishes the open transaction and
    stops; loading the same input again completes the rest."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from newsgraph.graph.cli.progress import wanted
    from newsgraph.graph.neo4j.connection import settings_from
    from newsgraph.graph.neo4j.loader import LoadInterrupted, load_records

    settings = settings_from(uri, user, password, database)
    # our own bar counts committed articles instead
    source, _ = read_records(paths, model, published, processes)
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
    try:
        with Progress(*columns, transient=True, disable=not wanted()) as bar:
            task = bar.add_task("loading", total=source.article_count())
            stats = load_records(
                source, settings, batch_size=batch_size, progress=lambda n: bar.advance(task, n)
            )
    except LoadInterrupted as stop:
        done = stop.stats
        click.echo(
            f"newsgraph: interrupted: {plural(done.articles, 'article')} committed in "
            f"{plural(done.batches, 'transaction')} (summaries updated); "
            "run the same load again to complete the rest",
            err=True,
        )
        sys.exit(EXIT_INTERRUPTED)
    click.echo(f"loaded into {settings.uri}: {load_summary(stats)}")
    return EXIT_SKIPPED if source.skipped else 0


@click.command(name="queries")
@fail_cleanly
def list_named_queries():
    """List the named queries, what each answers and its parameters."""
    from newsgraph.queries import list_queries

    for query in list_queries():
        click.echo(f"{query.name}\n    {query.answers}")
        if query.params:
            click.echo("    params: " + ", ".join(str(p) for p in query.params))


def parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise NewsgraphError(f"--param {pair!r}: write it as NAME=VALUE", exit_code=EXIT_USAGE)
        params[key.strip()] = value
    return params


@click.command()
@click.argument("name")
@click.option(
    "-p", "--param", "pairs", multiple=True, metavar="NAME=VALUE", help="A query parameter (repeat)."
)
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True
)
@table_options
@connection_options
@fail_cleanly
def query(name, pairs, fmt, wide, vertical, uri, user, password, database):
    """Run the named query NAME (see `newsgraph queries`) and print its rows.

    A table fits the terminal: long columns (sentences) are left out or cut with an ellipsis;
    --wide or --vertical show them, and json and csv always carry every full value.
    """
    from newsgraph.graph.neo4j.connection import settings_from
    from newsgraph.graph.neo4j.query import run_query
    from newsgraph.queries import bind_params, get_query

    params = parse_params(pairs)
    bind_params(get_query(name), params)  # bad names and values fail before any connection attempt
    columns, rows = run_query(name, params, settings_from(uri, user, password, database))
    title = f"{name}: {plural(len(rows), 'row')}"
    print_rows(columns, rows, fmt, title, wide=wide, vertical=vertical)
    return 0
