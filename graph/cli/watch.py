"""``newsgraph watch``: poll RSS/Atom feeds and load their new items into Neo4j, one line per round."""

from __future__ import annotations

import time

import click

from newsgraph.extract.errors import EXIT_SKIPPED
from newsgraph.graph.cli.common import connection_options, fail_cleanly, model_option, published_option, warn


def _every(_ctx, _param, value: str) -> float:
    from newsgraph.graph.watch import parse_every

    try:
        return parse_every(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command()
@click.argument("feeds", nargs=-1, required=True)
@click.option(
    "--every",
    default="15m",
    show_default=True,
    callback=_every,
    help="Time between rounds (90, 30s, 15m, 2h).",
)
@click.option("--once", is_flag=True, help="One round, then exit (for cron); exit 1 if a feed failed.")
@click.option("--neo4j", "neo4j_uri", default=None, metavar="URI", help="Neo4j to load into (same as --uri).")
@click.option(
    "--state", "state_file", default=None, type=click.Path(dir_okay=False),
    help="Seen-items file (default: $NEWSGRAPH_HOME/watch/state.json).",
)  # fmt: skip
@connection_options
@model_option
@published_option
@fail_cleanly
def watch(feeds, every, once, neo4j_uri, state_file, uri, user, password, database, model, published):
    """Poll FEEDS (RSS or Atom: URLs or files) and load the items not seen before, until Ctrl-C.

    \b
    Each round reads every feed, extracts and loads only new items (by GUID, else link), and prints
    one line; a feed or page that fails is one line on stderr and the rest goes on. An item counts
    as seen only once its load has committed, so stopping (Ctrl-C) never loses one. The state file
    is locked during a round: a second watcher on it skips its round.
    """
    from newsgraph.graph.neo4j.connection import settings_from
    from newsgraph.graph.watch import SeenState, Watcher, default_state_path

    settings = settings_from(neo4j_uri or uri, user, password, database)
    state = SeenState(state_file or default_state_path())
    watcher = Watcher(list(feeds), settings, state, model=model, published=published, on_problem=warn)
    rounds = 0
    try:
        while True:
            result = watcher.round()
            rounds += 1
            click.echo(f"{time.strftime('%Y-%m-%d %H:%M:%S')} round {rounds}: {result}")
            if once:
                return EXIT_SKIPPED if result.problems else 0
            time.sleep(every)
    except KeyboardInterrupt:
        click.echo(f"newsgraph: watch stopped after {rounds} round(s); unloaded items stay unseen", err=True)
        return 0
