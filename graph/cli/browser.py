"""``newsgraph browser-setup``: newsgraph's Neo4j Browser style and guide for a user's own server."""

from __future__ import annotations

import click

from newsgraph.graph.cli.common import fail_cleanly


@click.command("browser-setup")
@click.option("--port", default=7476, show_default=True, help="Port the guide and style are served on.")
@click.option(
    "--write", "folder", type=click.Path(file_okay=False), help="Also write style.grass and guide.html here."
)
@click.option("--serve", is_flag=True, help="Serve them on 127.0.0.1:PORT until Ctrl-C (needed for :play).")
@fail_cleanly
def browser_setup(port: int, folder: str | None, serve: bool) -> None:
    """Print the Neo4j Browser commands (and neo4j.conf lines) that give any server newsgraph's look.

    \b
    The :style line works as it is: paste it into Browser's editor. The guide needs an HTTP
    server: run this with --serve and keep it running while you use the guide.
    (`newsgraph neo4j start` does all of this by itself for the local server.)
    """
    from newsgraph.graph.neo4j import browser_assets as assets

    base = assets.base_url(port)
    if folder:
        written = assets.write_assets(folder)
        click.echo(f"wrote {written['style']} and {written['guide']}")
    click.echo("Paste into Neo4j Browser's editor, one at a time. The style, inline (no server needed):")
    click.echo(":style " + assets.inline_style())
    click.echo(f"The guide (while `newsgraph browser-setup --serve --port {port}` runs):")
    click.echo(assets.browser_commands(base)[1])
    click.echo("To have your server run both after every login, add to its neo4j.conf and restart it:")
    for line in assets.neo4j_settings(base):
        click.echo(f"  {line}")
    if serve:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="newsgraph-browser-") as tmp:
            with assets.AssetServer(folder or tmp, port=port) as server:
                click.echo(f"serving the style and guide at {server.url}/ (Ctrl-C to stop)")
                try:
                    server.wait()
                except KeyboardInterrupt:
                    click.echo("stopped")
