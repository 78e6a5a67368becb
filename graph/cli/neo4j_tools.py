"""``newsgraph neo4j import|cypher|browser|password``: what the local server's users otherwise need
``neo4j-admin`` and ``cypher-shell`` for (neither is on the PATH of the Maven-provisioned server)."""

from __future__ import annotations

import sys
import webbrowser
from pathlib import Path

import click

from newsgraph.extract.errors import EXIT_USAGE, NewsgraphError
from newsgraph.graph.cli.common import connection_options, fail_cleanly, plural, table_options
from newsgraph.graph.cli.tables import print_rows

PROMPT = "cypher> "


@click.command("import")
@click.argument("csv_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--yes", is_flag=True, help="Replace the local database without asking.")
@click.option("--timeout", default=120.0, show_default=True, help="Seconds to wait for the restart.")
@fail_cleanly
def import_csv(csv_dir: str, yes: bool, timeout: float) -> None:
    """Bulk-load CSV_DIR (`newsgraph export --format csv`) into the local server, replacing its database.

    \b
    Stops the server, runs `neo4j-admin database import full` with the provisioned Neo4j (every
    nodes_*.csv and rels_*.csv of the folder), then starts the server again. Far faster than
    `newsgraph load` for a large corpus; the database's current content is replaced.
    """
    from newsgraph.graph.cli.server import start_local
    from newsgraph.graph.neo4j import bulk_import, server

    nodes, _ = bulk_import.import_files(Path(csv_dir))
    if not nodes:
        raise NewsgraphError(f"{csv_dir}: no nodes_*.csv files (`newsgraph export --format csv` writes them)",
                             exit_code=EXIT_USAGE)  # fmt: skip
    instance = server.default_instance()
    if not yes:
        if not sys.stdin.isatty():
            raise NewsgraphError("importing replaces the local database: pass --yes", exit_code=EXIT_USAGE)
        if not click.confirm(f"Replace the database of the local server ({instance.root}) with {csv_dir}?"):
            raise NewsgraphError("nothing imported; the database is unchanged", exit_code=EXIT_USAGE)
    if instance.stop():
        click.echo("Neo4j stopped for the import")
    # evidence sentences may hold line breaks: the csv export's files need multiline fields
    result = bulk_import.admin_import(csv_dir, instance, extra_args=["--multiline-fields=true"], start=False)
    click.echo(
        f"imported {plural(result.nodes, 'node')} and {plural(result.relationships, 'relationship')} "
        f"from {csv_dir} (neo4j-admin's log: {result.log})"
    )
    start_local(timeout)


@click.command("cypher")
@click.argument("statement", required=False)
@click.option(
    "-f", "--file", "script", type=click.File("r", encoding="utf-8"), help="Run every statement of FILE."
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
    help="How rows are printed.",
)  # fmt: skip
@table_options
@connection_options
@fail_cleanly
def cypher(statement, script, fmt, wide, vertical, uri, user, password, database):
    """Run Cypher against the local server (or the one --uri names) and print the rows.

    \b
    newsgraph neo4j cypher "MATCH (a:Actor) RETURN a.name LIMIT 5"
    newsgraph neo4j cypher -f out/graph.cypher      # a script: statements end with ;
    newsgraph neo4j cypher                          # type statements at the prompt (Ctrl-D ends)
    Each statement runs in its own transaction, and writes are allowed.
    """
    from newsgraph.graph.neo4j.connection import neo4j_errors, open_driver, settings_from

    settings = settings_from(uri, user, password, database)
    if script is None and statement is None and sys.stdin.isatty():
        return _interactive(settings, fmt, wide, vertical)
    text = statement if statement is not None else (script or sys.stdin).read()
    driver = open_driver(settings)
    try:
        with neo4j_errors(settings), driver.session(database=settings.database) as session:
            _run_script(session, text, fmt, wide, vertical)
    finally:
        driver.close()
    return 0


def _run_script(session, text: str, fmt: str, wide: bool, vertical: bool) -> None:
    from collections import Counter

    from newsgraph.graph.neo4j.shell import describe_counters, run_statement, split_script

    statements = split_script(text)
    if not statements:
        raise NewsgraphError("no Cypher statement to run", exit_code=EXIT_USAGE)
    total: Counter = Counter()
    for statement in statements:
        outcome = run_statement(session, statement)
        total.update(outcome.counters)
        if outcome.columns:
            print_rows(
                outcome.columns,
                outcome.rows,
                fmt,
                plural(len(outcome.rows), "row"),
                wide=wide,
                vertical=vertical,
            )
    click.echo(f"{plural(len(statements), 'statement')} run: {describe_counters(total)}", err=fmt != "table")


def _interactive(settings, fmt: str, wide: bool, vertical: bool) -> int:
    """Read statements at a prompt until Ctrl-D; a failing statement is reported and the prompt returns."""
    from newsgraph.graph.neo4j.connection import neo4j_errors, open_driver

    driver = open_driver(settings)
    click.echo(f"connected to {settings.uri} as {settings.user}; end statements with ; (Ctrl-D to quit)")
    lines: list[str] = []
    try:
        with driver.session(database=settings.database) as session:
            while True:
                try:
                    line = input(PROMPT if not lines else " " * (len(PROMPT) - 3) + ".. ")
                except EOFError:
                    click.echo()
                    return 0
                lines.append(line)
                if not line.rstrip().endswith(";"):
                    continue
                text, lines = "\n".join(lines), []
                try:
                    with neo4j_errors(settings):
                        _run_script(session, text, fmt, wide, vertical)
                except NewsgraphError as exc:
                    click.echo(f"newsgraph: error: {exc}", err=True)
    finally:
        driver.close()


@click.command("browser")
@click.option("--open", "open_it", is_flag=True, help="Also open it in your web browser.")
@fail_cleanly
def browser(open_it: bool) -> None:
    """Print the local server's Neo4j Browser address and how to log in (--open: open it too)."""
    from newsgraph.graph.neo4j import server

    instance = server.default_instance()
    url = browser_url(instance)
    click.echo(f"Neo4j Browser: {url}")
    click.echo(f"  connect URL     {instance.bolt_uri}")
    click.echo("  authentication  Username / Password")
    click.echo(f"  username        {server.USER}")
    click.echo(
        f"  password        `newsgraph neo4j password` prints it (stored in {instance.credentials_file})"
    )
    if not instance.is_running():
        click.echo("Neo4j is not running: `newsgraph neo4j start` first", err=True)
    if open_it and not webbrowser.open(url):
        click.echo("could not open a web browser here: open the address above yourself", err=True)


def browser_url(instance) -> str:
    """Browser's address with the local connect URL and user filled in (``?dbms=``, Browser's parameter)."""
    from newsgraph.graph.neo4j.server import USER

    return f"{instance.browser_url}?dbms=bolt://{USER}@127.0.0.1:{instance.bolt_port}"


@click.command("password")
@fail_cleanly
def password() -> None:
    """Print the local server's password (user neo4j), for Browser's login form. Only when asked."""
    from newsgraph.graph.neo4j import server

    instance = server.default_instance()
    if not instance.credentials_file.exists():
        raise NewsgraphError("the local server was never started: `newsgraph neo4j start` sets its password",
                             exit_code=EXIT_USAGE)  # fmt: skip
    click.echo(instance.password())


COMMANDS = (import_csv, cypher, browser, password)
