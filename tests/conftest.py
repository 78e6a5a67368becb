"""Shared pytest fixtures. Each part of newsgraph keeps its fixtures in a marked block of its own;
add yours below the last block. pytest hooks (``pytest_*`` functions) can be defined only once in
this file: extend the existing ones rather than defining a second one with the same name."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

# ==== Neo4j test server (owner: graph/neo4j/server.py) ===================================================
# One dedicated Neo4j per test session, in its own temporary folder and on its own ports (17687 and
# 17474 when free, else free ones), so a user's server on 7687/7474 is never touched. Tests that
# use these fixtures get the `neo4j` marker automatically (deselect them with -m "not neo4j").
from newsgraph.graph.neo4j import server
from newsgraph.graph.neo4j.connection import Settings

TEST_BOLT_PORT = 17687
TEST_HTTP_PORT = 17474
_NEO4J_FIXTURES = {"neo4j_instance", "neo4j_settings", "neo4j_driver", "neo4j_clean"}
_NEO4J_USED = pytest.StashKey[str]()


@pytest.fixture(scope="session")
def neo4j_instance(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """The running test server (a :class:`newsgraph.graph.neo4j.server.Instance`), stopped at the end."""
    bolt = server.free_port(TEST_BOLT_PORT)
    http = server.free_port(TEST_HTTP_PORT)
    instance = server.Instance(tmp_path_factory.mktemp("neo4j"), bolt, http)
    try:
        instance.start(timeout=180)
        # Read back from the live server, so the test report proves what the tests ran against.
        request.config.stash[_NEO4J_USED] = (
            f"integration tests ran against Neo4j {instance.version()} at {instance.bolt_uri}"
        )
        yield instance
    finally:
        instance.stop()


@pytest.fixture(scope="session")
def neo4j_settings(neo4j_instance: server.Instance) -> Settings:
    """Connection settings (URI, user, password, database) of the test server."""
    return neo4j_instance.settings()


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_settings: Settings) -> Iterator[object]:
    """A neo4j driver connected to the test server (shared; do not close it)."""
    import neo4j

    auth = (neo4j_settings.user, neo4j_settings.password)
    with neo4j.GraphDatabase.driver(neo4j_settings.uri, auth=auth) as driver:
        yield driver


@pytest.fixture
def neo4j_clean(neo4j_driver) -> object:
    """The driver, after emptying the test database: no nodes, relationships, constraints or indexes."""
    server.clear_database(neo4j_driver)
    return neo4j_driver


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _NEO4J_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    line = config.stash.get(_NEO4J_USED, None)
    if line:
        terminalreporter.write_line(line)


# ==== end of the Neo4j block =======================================================================
