"""The local Neo4j server: real Neo4j 5.26 processes started from the Maven-provisioned install."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import neo4j
import psutil
import pytest
from click.testing import CliRunner

from newsgraph.extract.errors import EXIT_NEO4J, NewsgraphError
from newsgraph.graph.cli import main
from newsgraph.graph.neo4j import browser_assets, bulk_import, provision, server


def scratch(root: Path, **kwargs) -> server.Instance:
    return server.Instance(root, server.free_port(), server.free_port(), **kwargs)


def count(settings, query: str) -> int:
    with neo4j.GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password)) as driver:
        records, _, _ = driver.execute_query(query, database_=settings.database)
        return records[0][0]


# --- the session's test server -----------------------------------------------------


def test_reports_the_pinned_version(neo4j_instance):
    assert neo4j_instance.version() == provision.NEO4J_VERSION
    state = neo4j_instance.status()
    assert state.running and state.pid == neo4j_instance.pid()
    assert state.bolt_uri == f"bolt://127.0.0.1:{neo4j_instance.bolt_port}"


def test_password_file_is_private_and_other_passwords_are_refused(neo4j_instance, neo4j_settings):
    mode = stat.S_IMODE(neo4j_instance.credentials_file.stat().st_mode)
    assert mode == 0o600
    stored = json.loads(neo4j_instance.credentials_file.read_text())
    assert stored == {"user": "neo4j", "password": neo4j_settings.password}
    assert len(neo4j_settings.password) >= 24
    with neo4j.GraphDatabase.driver(neo4j_settings.uri, auth=("neo4j", "neo4j")) as driver:
        with pytest.raises(neo4j.exceptions.AuthError):
            driver.verify_connectivity()
    with neo4j.GraphDatabase.driver(
        neo4j_settings.uri, auth=("neo4j", neo4j_settings.password + "x")
    ) as driver:
        with pytest.raises(neo4j.exceptions.AuthError):
            driver.verify_connectivity()
    assert count(neo4j_settings, "RETURN 1") == 1


def test_password_never_reaches_config_or_logs(neo4j_instance, neo4j_settings):
    for path in [*neo4j_instance.conf_dir.rglob("*"), *neo4j_instance.logs_dir.rglob("*")]:
        if path.is_file():
            assert neo4j_settings.password not in path.read_text(errors="replace"), path
    assert neo4j_settings.password not in repr(neo4j_settings)


def test_listens_on_loopback_only(neo4j_instance):
    pid = neo4j_instance.pid()
    listening = {
        (conn.laddr.ip, conn.laddr.port)
        for conn in psutil.net_connections(kind="tcp")
        if conn.pid == pid and conn.status == psutil.CONN_LISTEN
    }
    ports = {neo4j_instance.bolt_port, neo4j_instance.http_port}
    assert {port for _, port in listening} >= ports
    for ip, port in listening:
        assert ip in ("127.0.0.1", "::ffff:127.0.0.1"), f"listening on {ip}:{port}"
    # And from the machine's own outward address, the ports are closed.
    outward = [
        addr.address
        for name, addrs in psutil.net_if_addrs().items()
        for addr in addrs
        if addr.family == socket.AF_INET and not addr.address.startswith("127.")
    ]
    for ip in outward:
        for port in ports:
            with pytest.raises(OSError):
                socket.create_connection((ip, port), timeout=2).close()


def test_browser_is_served(neo4j_instance):
    import urllib.request

    with urllib.request.urlopen(neo4j_instance.browser_url, timeout=10) as reply:
        assert reply.status == 200
        assert "neo4j" in reply.read().decode(errors="replace").lower()
    with urllib.request.urlopen(f"http://127.0.0.1:{neo4j_instance.http_port}/", timeout=10) as reply:
        discovery = json.load(reply)
    # The Browser connects where discovery points: our port, not the default 7687.
    assert discovery["bolt_direct"] == neo4j_instance.bolt_uri
    assert discovery["neo4j_version"] == provision.NEO4J_VERSION


def test_clean_fixture_empties_data_and_schema(neo4j_clean, neo4j_settings):
    neo4j_clean.execute_query("CREATE CONSTRAINT t_id IF NOT EXISTS FOR (n:T) REQUIRE n.id IS UNIQUE")
    neo4j_clean.execute_query("CREATE INDEX t_name IF NOT EXISTS FOR (n:T) ON (n.name)")
    neo4j_clean.execute_query("CREATE (:T {id: 1})-[:R]->(:T {id: 2})")
    server.clear_database(neo4j_clean)
    assert count(neo4j_settings, "MATCH (n) RETURN count(n)") == 0
    assert count(neo4j_settings, "SHOW CONSTRAINTS YIELD name RETURN count(*)") == 0
    assert count(neo4j_settings, "SHOW INDEXES YIELD type WHERE type <> 'LOOKUP' RETURN count(*)") == 0


# --- instances of their own ---------------------------------------------------------


@pytest.mark.neo4j
@pytest.mark.slow
def test_cli_start_status_stop(tmp_path):
    bolt, http = server.free_port(), server.free_port()
    env = dict(
        os.environ, NEWSGRAPH_HOME=str(tmp_path), NEWSGRAPH_BOLT_PORT=str(bolt), NEWSGRAPH_HTTP_PORT=str(http)
    )

    def newsgraph(*args: str) -> subprocess.CompletedProcess:
        command = [str(Path(sys.executable).with_name("newsgraph")), "neo4j", *args]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)

    instance = server.Instance(tmp_path / "neo4j", bolt, http)
    try:
        started = newsgraph("start")
        assert started.returncode == 0, started.stderr
        assert (
            f"bolt://127.0.0.1:{bolt}" in started.stdout
            and f"http://127.0.0.1:{http}/browser/" in started.stdout
        )
        assert instance.password() not in started.stdout + started.stderr
        first = instance.pid()
        status = newsgraph("status")
        assert status.returncode == 0 and f"running (pid {first})" in status.stdout
        assert f"Neo4j {provision.NEO4J_VERSION}" in status.stdout
        assert newsgraph("start").returncode == 0 and instance.pid() == first  # running: a no-op
        # Extra config lines reach the server: the Browser settings `neo4j start` adds.
        with neo4j.GraphDatabase.driver(instance.bolt_uri, auth=("neo4j", instance.password())) as driver:
            records, _, _ = driver.execute_query(
                "SHOW SETTINGS $names YIELD name, value RETURN name, value",
                names=["browser.post_connect_cmd", "browser.remote_content_hostname_whitelist"],
            )
        values = {r["name"]: r["value"] for r in records}
        assert values["browser.post_connect_cmd"].startswith("style http://127.0.0.1:")
        assert "127.0.0.1" in values["browser.remote_content_hostname_whitelist"]
        stopped = newsgraph("stop")
        assert stopped.returncode == 0 and "Neo4j stopped" in stopped.stdout
    finally:
        instance.stop()
        browser_assets.stop_detached(instance.root)
    assert not instance.is_running()
    assert not psutil.pid_exists(first) or psutil.Process(first).status() == psutil.STATUS_ZOMBIE
    assert newsgraph("status").returncode == EXIT_NEO4J
    assert "Neo4j was not running" in newsgraph("stop").stdout
    assert "Stopped." in instance.log_file.read_text()  # a clean shutdown, not a kill


@pytest.mark.neo4j
@pytest.mark.slow
def test_admin_import_gives_the_expected_counts(tmp_path):
    csv = tmp_path / "csv"
    csv.mkdir()
    (csv / "nodes_actors.csv").write_text(
        "id:ID,name,:LABEL\nRUS,Russia,Actor;State\nUKR,Ukraine,Actor;State\nperson:maria,Maria,Actor;Person\n"
    )
    (csv / "nodes_events.csv").write_text('id:ID,cameo,goldstein:float,:LABEL\nevt:1,"138",-7.0,Event\n')
    (csv / "rels_events.csv").write_text(":START_ID,:END_ID,:TYPE\nRUS,evt:1,SOURCE_OF\nevt:1,UKR,TARGETS\n")
    (csv / "notes.csv").write_text("ignored: neither nodes_* nor rels_*\n")
    instance = scratch(tmp_path / "scratch")
    try:
        result = bulk_import.admin_import(csv, instance)
        assert (result.nodes, result.relationships) == (4, 2)
        settings = instance.settings()
        assert count(settings, "MATCH (n:Actor) RETURN count(n)") == 3
        assert (
            count(settings, "MATCH (:State)-[:SOURCE_OF]->(e:Event)-[:TARGETS]->(:State) RETURN count(e)")
            == 1
        )
        assert (
            count(settings, "MATCH (e:Event) WHERE e.goldstein = -7.0 AND e.cameo = '138' RETURN count(e)")
            == 1
        )
        with pytest.raises(NewsgraphError, match="stop the Neo4j instance"):
            bulk_import.admin_import(csv, instance)
    finally:
        instance.stop()


def test_admin_import_needs_node_files(tmp_path):
    with pytest.raises(NewsgraphError, match="no nodes_"):
        bulk_import.admin_import(tmp_path, scratch(tmp_path / "scratch"))


@pytest.mark.neo4j
def test_taken_port_is_a_one_line_error(tmp_path):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        instance = server.Instance(tmp_path / "busy", port, server.free_port())
        with pytest.raises(NewsgraphError, match=f"port {port} .* in use") as error:
            instance.start(timeout=30)
    assert "\n" not in str(error.value)
    assert not instance.is_running()


@pytest.mark.neo4j
def test_failed_start_names_the_log(tmp_path):
    instance = scratch(tmp_path / "bad", extra_config=["server.memory.pagecache.size=not-a-size"])
    with pytest.raises(NewsgraphError, match=r"read .*\.log") as error:
        instance.start(timeout=60)
    assert "\n" not in str(error.value)
    instance.stop()


def test_extra_config_lines_and_fragments(tmp_path):
    instance = server.Instance(
        tmp_path,
        7001,
        7002,
        extra_config=[
            "server.memory.pagecache.size=64m",
            "browser.post_connect_cmd=play http://127.0.0.1:${http_port}/g",
        ],
    )
    conf = instance.write_config().read_text()
    assert conf.count("server.memory.pagecache.size=") == 1
    assert "server.memory.pagecache.size=64m" in conf
    assert "browser.post_connect_cmd=play http://127.0.0.1:7002/g" in conf
    assert "server.bolt.listen_address=127.0.0.1:7001" in conf
    assert "server.default_listen_address=127.0.0.1" in conf


def test_local_settings_follow_the_default_instance(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_HOME", str(tmp_path))
    assert server.local_settings() is None
    server.default_instance().initialize()  # generates and sets the password, starts nothing
    settings = server.local_settings()
    assert settings is not None
    assert settings.uri == "bolt://127.0.0.1:7687" and settings.user == "neo4j"
    assert settings.password == server.default_instance().password()


def test_status_command_exits_non_zero_when_not_running(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_HOME", str(tmp_path))
    result = CliRunner().invoke(main, ["neo4j", "status"])
    assert result.exit_code == EXIT_NEO4J
    assert "not running" in result.output
    assert "http://127.0.0.1:7474/browser/" in result.output


def test_install_is_a_quick_no_op_when_cached():
    import time

    provision.install()
    started = time.monotonic()
    home = provision.install()
    assert time.monotonic() - started < 1
    assert (home / ".complete").exists() and any(home.glob("lib/neo4j-browser-*.jar"))


def test_java_missing_is_a_one_line_error(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_CACHE", str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.delenv("NEO4J_HOME", raising=False)
    with pytest.raises(NewsgraphError, match="java not found"):
        provision.install()


def test_maven_failure_names_its_log(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_CACHE", str(tmp_path))
    monkeypatch.delenv("NEO4J_HOME", raising=False)
    with pytest.raises(
        NewsgraphError, match=r"with Maven failed; read .*neo4j-0\.0\.0-install\.log"
    ) as error:
        provision.install(version="0.0.0")  # no such release on Maven Central
    assert "neo4j-server" in Path(str(error.value).rsplit("read ", 1)[1]).read_text()
    assert not (tmp_path / "neo4j-0.0.0" / ".complete").exists()
