"""The ``newsgraph`` command group: every command, each a thin click function over a library function."""

from __future__ import annotations

import click

from newsgraph.graph.cli import articles, browser, db, neo4j_tools, search, server, watch

COMMANDS = (
    articles.extract, articles.build, articles.export, articles.evaluate,
    db.load, db.list_named_queries, db.query,
    server.neo4j, browser.browser_setup,
    search.search, watch.watch,
)  # fmt: skip


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsgraph")
def main() -> None:
    """Turn news articles into a knowledge graph of actors, states and CAMEO-coded events.

    \b
    Exit codes: 0 done; 1 done, but some inputs were skipped (named on stderr);
    2 bad command line, missing input or bad parameter value; 3 Neo4j unreachable,
    refused or unknown database; 4 any other failure.
    """


for _command in COMMANDS:
    main.add_command(_command)
for _command in neo4j_tools.COMMANDS:
    server.neo4j.add_command(_command)
