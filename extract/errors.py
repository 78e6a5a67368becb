"""Errors a user can act on: each carries the one line to print and the exit code."""

from __future__ import annotations

# Exit codes the CLI documents (README, "Exit codes"); scripts may rely on them.
EXIT_OK = 0
EXIT_SKIPPED = 1  # the run finished, but some inputs were skipped (each named on stderr)
EXIT_USAGE = 2  # bad command line or missing input path (click uses 2 for usage errors too)
EXIT_NEO4J = 3  # Neo4j unreachable, wrong credentials, unknown database
EXIT_FAILED = 4  # anything else that stopped the run (provisioning failed, disk full, ...)


class NewsgraphError(Exception):
    """An error with a one-line message for the user and an exit code."""

    exit_code = EXIT_FAILED

    def __init__(self, message: str, exit_code: int | None = None):
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class InputError(NewsgraphError):
    """A path that does not exist or cannot be read as an article or a record file."""

    exit_code = EXIT_USAGE


class Neo4jError(NewsgraphError):
    """The Neo4j server cannot be reached, refuses the credentials, or lacks the database."""

    exit_code = EXIT_NEO4J
