"""``newsgraph search``: events by words (full-text indexes) or by meaning (``--semantic``)."""

from __future__ import annotations

import json
from typing import Any

import click

from newsgraph.graph.cli.common import connection_options, fail_cleanly


@click.command()
@click.argument("text")
@click.option("--semantic", is_flag=True, help="Search by meaning (needs the `semantic` extra).")
@click.option(
    "-n", "--limit", default=10, show_default=True, type=click.IntRange(min=1), help="Events to show."
)
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@connection_options
@fail_cleanly
def search(text, semantic, limit, fmt, uri, user, password, database):
    """Find events whose evidence matches TEXT, best first, with actors, date, score and evidence.

    \b
    Plain words: Lucene syntax in TEXT is escaped (the named query `search_events` takes Lucene
    syntax in Browser). --semantic ranks by meaning instead; it first embeds events that have no
    embedding yet (a line on stderr says how many).
    """
    from newsgraph.graph.neo4j.connection import settings_from
    from newsgraph.graph.neo4j.search import search_events, semantic_search

    settings = settings_from(uri, user, password, database)
    if semantic:
        told = lambda n: click.echo(f"newsgraph: embedded {n} new events", err=True)  # noqa: E731
        rows = semantic_search(text, settings, limit=limit, on_embed=told)
    else:
        rows = search_events(text, settings, limit=limit)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        _print_hits(text, rows)
    return 0


def _print_hits(text: str, rows: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=f"{len(rows)} event{'' if len(rows) == 1 else 's'} for {text!r}", title_justify="left"
    )
    for column in ("score", "date", "event", "source → target", "evidence", "article"):
        table.add_column(column, overflow="fold")
    for row in rows:
        who = f"{', '.join(row['source']) or '?'} → {', '.join(row['target']) or '?'}"
        where = " · ".join(str(v) for v in (row["outlet"], row["article"], row["location"]) if v)
        # Text, not str: article text is data, never rich markup
        cells = [f"{row['score']:.3f}", row["date"] or "", f"{row['event']} ({row['cameo']})", who]
        table.add_row(*(Text(c) for c in cells), Text(row["evidence"] or ""), Text(where))
    Console(highlight=False).print(table)
