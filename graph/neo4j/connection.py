"""Settings from options, environment or the local server, and a driver that is known to work."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import neo4j

from newsgraph.extract.errors import Neo4jError
from newsgraph.graph.neo4j.server import local_settings
from newsgraph.graph.neo4j.settings import Settings
from newsgraph.graph.neo4j.statements import server_error

# The driver logs each retry as a warning; with no logging set up Python would print those to stderr
# as bare lines ahead of our one-line error. Programs that configure logging still receive them.
logging.getLogger("neo4j").addHandler(logging.NullHandler())


ENV_VARS = {
    "uri": "NEO4J_URI",
    "user": "NEO4J_USER",
    "password": "NEO4J_PASSWORD",
    "database": "NEO4J_DATABASE",
}
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
DATABASE_NOT_FOUND = "Neo.ClientError.Database.DatabaseNotFound"
# After dbms.security.auth_max_failed_attempts (3) wrong passwords: locked for auth_lock_time (5 s).
RATE_LIMITED = "Neo.ClientError.Security.AuthenticationRateLimit"
# Spellings of this machine, and the unencrypted schemes the local server speaks.
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
LOCAL_SCHEMES = {"bolt", "neo4j"}


def same_server(uri: str, local_uri: str) -> bool:
    """Whether ``uri`` reaches the server of ``local_uri`` (localhost or 127.0.0.1, bolt:// or neo4j://)."""
    try:
        given, local = urlsplit(uri), urlsplit(local_uri)
        port = given.port or 7687
    except ValueError:  # a port that is not a number: not ours, open_driver says what is wrong
        return False
    return (
        given.scheme in LOCAL_SCHEMES and given.hostname in LOCAL_HOSTS
        and local.hostname in LOCAL_HOSTS and port == local.port
    )  # fmt: skip


def settings_from(
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
) -> Settings:
    """Explicit arguments, then ``NEO4J_*`` environment variables, then the local server's stored settings.

    Each of user, password and database falls back the same way; a URI given explicitly or in the
    environment with no user means ``neo4j``. With no URI anywhere and no local server: Neo4jError.
    """
    given = {"uri": uri, "user": user, "password": password, "database": database}
    values = {k: v if v is not None else (os.environ.get(ENV_VARS[k]) or None) for k, v in given.items()}
    local = None
    if values["uri"] is None or values["password"] is None:
        local = local_settings()
    if values["uri"] is None:
        if local is None:
            raise Neo4jError(
                "no Neo4j server configured: run `newsgraph neo4j start`, or give --uri/--user/--password "
                "(or set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD)"
            )
        values["uri"] = local.uri
        values["user"] = values["user"] or local.user
        values["database"] = values["database"] or local.database
    if values["password"] is None and local is not None and same_server(values["uri"], local.uri):
        # the local server's stored password, only for the local server (however its URI is written)
        values["password"] = local.password
        values["user"] = values["user"] or local.user
    return Settings(
        uri=values["uri"],
        user=values["user"] or "neo4j",
        password=values["password"] or "",
        database=values["database"],
    )


def open_driver(settings: Settings) -> neo4j.Driver:
    """A driver that has reached the server, logged in and found the database; else a one-line Neo4jError."""
    scheme = settings.uri.partition("://")[0]
    if scheme not in BOLT_SCHEMES:
        raise Neo4jError(f"{settings.uri!r} is not a Neo4j URI (use bolt://HOST:7687 or neo4j://HOST:7687)")
    try:
        # the server's query notifications ("relationship type does not exist" before a first load)
        # are advice for query authors, not for users: keep them off stderr
        driver = neo4j.GraphDatabase.driver(
            settings.uri, auth=(settings.user, settings.password), notifications_min_severity="OFF"
        )
    except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
        raise Neo4jError(f"{settings.uri!r} is not a Neo4j URI ({exc})") from exc
    try:
        with neo4j_errors(settings):
            driver.verify_connectivity()
            # verify_connectivity does not look at the database; a trivial read does
            driver.execute_query("RETURN 1", database_=settings.database, routing_=neo4j.RoutingControl.READ)
    except BaseException:
        driver.close()
        raise
    return driver


@contextmanager
def neo4j_errors(settings: Settings) -> Iterator[None]:
    """Turn the driver's failures into Neo4jError lines that say what to do."""
    try:
        yield
    except neo4j.exceptions.Neo4jError as exc:  # the server answered with an error
        raise Neo4jError(_server_error(settings, exc)) from exc
    except neo4j.exceptions.ServiceUnavailable as exc:
        raise Neo4jError(
            f"cannot reach Neo4j at {settings.uri} (is it running? `newsgraph neo4j start` runs a local one)"
        ) from exc
    except neo4j.exceptions.DriverError as exc:
        if (error := server_error(exc)) is not None:  # the server's error, wrapped by the driver
            raise Neo4jError(_server_error(settings, error)) from exc
        raise Neo4jError(
            f"Neo4j at {settings.uri}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
        ) from exc


def _server_error(settings: Settings, exc: neo4j.exceptions.Neo4jError) -> str:
    if exc.code == RATE_LIMITED:
        return (
            f"Neo4j at {settings.uri} has locked user {settings.user!r} for a few seconds after repeated "
            "wrong passwords: wait 5 seconds, then try again with the right one "
            "(`newsgraph neo4j password` prints the local server's)"
        )
    if isinstance(exc, neo4j.exceptions.AuthError) and not settings.password:
        return (
            f"Neo4j at {settings.uri} refused user {settings.user!r} with no password: none was given "
            "(--password or NEO4J_PASSWORD; the local server's own is used only for its own address)"
        )
    if isinstance(exc, neo4j.exceptions.AuthError):
        return (
            f"Neo4j at {settings.uri} refused the credentials of user {settings.user!r} "
            "(check --user/--password or NEO4J_USER/NEO4J_PASSWORD)"
        )
    if exc.code == DATABASE_NOT_FOUND:
        return f"database {settings.database!r} does not exist on {settings.uri}"
    return f"Neo4j at {settings.uri}: {(exc.message or str(exc)).splitlines()[0]}"


__all__ = ["Settings", "settings_from", "open_driver", "neo4j_errors"]
