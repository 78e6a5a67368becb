"""The local Neo4j server: ``newsgraph neo4j install|start|stop|status``."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import click

from newsgraph.extract.errors import EXIT_NEO4J
from newsgraph.graph.cli.common import fail_cleanly

if TYPE_CHECKING:
    from newsgraph.graph.neo4j.server import Instance


@click.group()
def neo4j() -> None:
    """The local Neo4j 5.26 Community server (127.0.0.1 only, password in its credentials file).

    \b
    Environment:
      NEWSGRAPH_HOME       instance folder parent (default ~/.local/share/newsgraph)
      NEWSGRAPH_CACHE      where Neo4j is provisioned (default ~/.cache/newsgraph)
      NEWSGRAPH_BOLT_PORT  Bolt port (default 7687); NEWSGRAPH_HTTP_PORT: HTTP (default 7474)
      NEO4J_HOME           run this Neo4j installation instead of provisioning one
    """


@neo4j.command()
@fail_cleanly
def install() -> None:
    """Provision Neo4j from Maven Central into the cache (a quick no-op when present)."""
    from newsgraph.graph.neo4j import provision

    started = time.monotonic()
    home = provision.install()
    version = provision.distribution().version()
    click.echo(f"Neo4j {version} in {home} ({time.monotonic() - started:.1f} s)")


@neo4j.command()
@click.option("--timeout", default=120.0, show_default=True, help="Seconds to wait for Bolt to answer.")
@fail_cleanly
def start(timeout: float) -> None:
    """Start the local server (installing it first if needed) and wait until it answers."""
    start_local(timeout)


def start_local(timeout: float) -> None:
    """Start the default instance with Browser's style and guide served beside it, and say where it is."""
    from newsgraph.extract.errors import NewsgraphError
    from newsgraph.graph.neo4j import browser_assets, server

    started = time.monotonic()
    root = server.default_instance().root
    # Browser's style and guide come from a small HTTP server next to Neo4j; the settings that
    # make Browser load them after login go into this start's neo4j.conf.
    assets = browser_assets.start_detached(root)
    instance = server.default_instance(extra_config=browser_assets.neo4j_settings(assets))
    try:
        instance.start(timeout)
    except NewsgraphError:
        browser_assets.stop_detached(root)
        raise
    click.echo(f"Neo4j {instance.version()} running ({time.monotonic() - started:.1f} s)")
    _describe(instance)
    click.echo(f"  user      {server.USER}; password: `newsgraph neo4j password` prints it")
    click.echo(f"            (stored in {instance.credentials_file})")
    click.echo(f"  guide     {assets}/ (style and guide Browser opens after login)")


@neo4j.command()
@click.option("--timeout", default=60.0, show_default=True, help="Seconds to wait before killing it.")
@fail_cleanly
def stop(timeout: float) -> None:
    """Stop the local server cleanly."""
    from newsgraph.graph.neo4j import browser_assets, server

    instance = server.default_instance()
    was_running = instance.stop(timeout)
    browser_assets.stop_detached(instance.root)
    click.echo("Neo4j stopped" if was_running else "Neo4j was not running")


@neo4j.command()
@fail_cleanly
def status() -> int:
    """Say whether the local server runs, its version and addresses (exit 3 when it does not run)."""
    from newsgraph.graph.neo4j import server

    instance = server.default_instance()
    state = instance.status()
    click.echo(f"Neo4j {state.version}: {f'running (pid {state.pid})' if state.running else 'not running'}")
    _describe(instance)
    return 0 if state.running else EXIT_NEO4J


def _describe(instance: Instance) -> None:
    click.echo(f"  bolt      {instance.bolt_uri}")
    click.echo(f"  browser   {instance.browser_url}")
    click.echo(f"  folder    {instance.root}")
