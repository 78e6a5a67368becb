"""Reliability against the real Neo4j 5.26 (issue 6, points 2, 3 and 5): untrusted text, faults,
concurrent loads and secrets.

Connection faults and untrusted text use the session's test server; the server stopped in the middle
of a load uses a scratch instance of its own (own folder and ports), since it is stopped and
restarted. Loads run through the real CLI: click's CliRunner in-process where only the outcome
matters, ``.venv/bin/newsgraph`` subprocesses where a process must be interrupted or two must race.
"""

from __future__ import annotations

import ast
import hashlib
import json
import logging
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import neo4j
import pytest
from click.testing import CliRunner
from fixtures_records import expected_counts, fixture_records
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.extract.errors import EXIT_NEO4J, EXIT_OK, EXIT_USAGE, Neo4jError
from newsgraph.extract.record import RELATION_TYPES, read_jsonl, write_jsonl
from newsgraph.graph.build import build_graph
from newsgraph.graph.cli import main
from newsgraph.graph.exports import cypher_string
from newsgraph.graph.neo4j import browser_assets, server
from newsgraph.graph.neo4j.connection import neo4j_errors
from newsgraph.graph.neo4j.loader import graph_counts, load_records
from newsgraph.graph.neo4j.statements import server_error

ROOT = Path(__file__).resolve().parents[1]
NEWSGRAPH = Path(sys.executable).with_name("newsgraph")
CYPHER_DIRS = ("graph", "queries", "graph/neo4j/cypher", "graph/neo4j/browser")
SOURCE_DIRS = ("extract", "graph", "queries")


# --- helpers ---------------------------------------------------------------------------------------


def cli(args: list[str], env: dict[str, str] | None = None):
    """``newsgraph ARGS`` in-process; it must end in an exit code, never an uncaught exception."""
    result = CliRunner().invoke(main, args, env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output + result.stderr
    return result


def connection_args(settings) -> list[str]:
    args = ["--uri", settings.uri, "--user", settings.user]
    return args + (["--database", settings.database] if settings.database else [])


def load_process(path: Path, settings, batch_size: int, stderr) -> subprocess.Popen:
    """``newsgraph load`` in its own process; the password goes by environment, not the command line."""
    env = dict(os.environ, NEO4J_PASSWORD=settings.password)
    command = [str(NEWSGRAPH), "load", str(path), *connection_args(settings), "--batch-size", str(batch_size)]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=stderr, text=True)


def one(driver, query: str, **params):
    records, _, _ = driver.execute_query(query, params)
    return records[0][0]


# A HOLDS_ROLE/PART_OF/MEMBER_OF edge is one per pair and keeps the properties of the article that
# made it (its title, its evidence), and aliases grow in the order articles arrive: with two loads
# at once, which article came first is a matter of timing, so these are left out of the comparison.
ORDER_DEPENDENT = {"article", "sentence", "sentence_index", "start", "end", "title"}


def snapshot(driver, ignore_write_order: bool = False) -> tuple[dict[str, int], str, list[str]]:
    """Counts by label and type, and a digest of every node and relationship with all properties."""
    nodes, _, _ = driver.execute_query("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props"
    )
    node_rows = [[sorted(r["labels"]), dict(r["props"])] for r in nodes]
    rel_rows = [[r["a"], r["type"], r["b"], dict(r["props"])] for r in rels]
    if ignore_write_order:
        for _, props in node_rows:
            props["aliases"] = sorted(props.get("aliases", []))
        for row in rel_rows:
            if row[1] in RELATION_TYPES:
                row[3] = {k: v for k, v in row[3].items() if k not in ORDER_DEPENDENT}
    rows = sorted(json.dumps(row, sort_keys=True) for row in node_rows)
    rows += sorted(json.dumps(row, sort_keys=True) for row in rel_rows)
    counts: dict[str, int] = {}
    for r in nodes:
        for label in r["labels"]:
            counts[f"node:{label}"] = counts.get(f"node:{label}", 0) + 1
    for r in rels:
        counts[f"rel:{r['type']}"] = counts.get(f"rel:{r['type']}", 0) + 1
    return counts, hashlib.sha256("\n".join(rows).encode()).hexdigest(), rows


def duplicates(driver) -> tuple[int, int]:
    """Nodes sharing an id, and relationships sharing (start, type, end, role or report: an event's
    reports in one article are one REPORTED_IN each)."""
    nodes = one(driver, "MATCH (n) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(id)")
    rels = one(
        driver,
        "MATCH (a)-[r]->(b) WITH a.id AS a, type(r) AS t, b.id AS b, r.role AS role, r.report AS report, "
        "count(*) AS c WHERE c > 1 RETURN count(*)",
    )
    return nodes, rels


def partial_articles(driver, records) -> list[str]:
    """Ids of loaded articles whose reports (one REPORTED_IN per record event; events of one article
    may merge) are not all there."""
    expected = {r.article.id: len({e.id for e in r.events}) for r in records}
    rows, _, _ = driver.execute_query(
        "MATCH (art:Article) OPTIONAL MATCH (:Event)-[r:REPORTED_IN]->(art) "
        "RETURN art.id AS id, count(DISTINCT r.report) AS events"
    )
    return [r["id"] for r in rows if r["events"] != expected[r["id"]]]


def synthetic(articles: int, actors: int):
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_synthetic", ROOT / "bench" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic_records(articles=articles, actors=actors, events_per_article=6)


# --- connection faults ----------------------------------------------------------------------------


@pytest.mark.parametrize("fault", ["not running", "wrong password", "wrong database"])
def test_connection_fault_is_one_line_exit_3_and_nothing_written(
    fault, neo4j_clean, neo4j_settings, tmp_path
):
    write_jsonl(fixture_records(), tmp_path / "records.jsonl")
    uri, password, database = neo4j_settings.uri, neo4j_settings.password, "neo4j"
    if fault == "not running":
        uri = f"bolt://127.0.0.1:{server.free_port()}"
        expected = f"cannot reach Neo4j at {uri} (is it running? `newsgraph neo4j start` runs a local one)"
    elif fault == "wrong password":
        password = "not-" + password
        expected = f"Neo4j at {uri} refused the credentials of user 'neo4j' (check --user/--password"
    else:
        database = "nosuchdb"
        expected = f"database 'nosuchdb' does not exist on {uri}"
    args = ["load", str(tmp_path / "records.jsonl"), "--uri", uri, "--user", "neo4j", "--database", database]
    result = cli(args, env={"NEO4J_PASSWORD": password})
    assert result.exit_code == EXIT_NEO4J
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"newsgraph: error: {expected}"), lines
    assert neo4j_settings.password not in result.output + result.stderr
    assert one(neo4j_clean, "MATCH (n) RETURN count(n)") == 0


def test_a_server_error_the_driver_wraps_is_still_read_by_its_code(neo4j_driver, neo4j_settings):
    """The driver raises ResultFailedError *from* the server's error when a failed result is read
    again, and does so itself when its rollback after a failed statement finds the connection not
    reset (a CI run met it with four threads sharing one driver, creating the same search index at
    once). The schema's creation, the loader's retries and the one-line errors go by the server's
    error behind it."""

    def read_twice(tx):
        result = tx.run("UNWIND [1, 0] AS x RETURN 1 / x")
        with pytest.raises(neo4j.exceptions.ClientError):
            result.consume()
        result.consume()

    with neo4j_driver.session(database=neo4j_settings.database) as session:
        with pytest.raises(neo4j.exceptions.ResultFailedError) as caught:
            session.execute_write(read_twice)
    wrapped = caught.value
    assert server_error(wrapped).code == "Neo.ClientError.Statement.ArithmeticError"
    assert server_error(wrapped.__cause__) is wrapped.__cause__
    assert server_error(neo4j.exceptions.ServiceUnavailable("no server")) is None
    with pytest.raises(Neo4jError) as reported, neo4j_errors(neo4j_settings):
        raise wrapped
    message = str(reported.value)
    assert message.startswith(f"Neo4j at {neo4j_settings.uri}: ") and "/ by zero" in message, message
    assert "result has failed" not in message


# --- untrusted text ---------------------------------------------------------------------------------

PAYLOAD = "}) DETACH DELETE n //"
HOSTILE_ARTICLE = f"""Title: O'Brien "the `Hammer`" {PAYLOAD} {{x: $param}} — Zoë ☃ 𝔘𝔫𝔦
Source: Feed `}}]->(m) MATCH (m) DETACH DELETE m //

Russia rejected the "{PAYLOAD} $param {{braces}}" proposals of Sean O'Brien "the `Hammer`".
France said Zoë Ünal would send troops to Ukraine; she added "'); DROP CONSTRAINT actor_id; //".
"""


def test_untrusted_text_is_stored_verbatim_and_never_executed(neo4j_clean, neo4j_settings, tmp_path):
    load_records(fixture_records(), neo4j_settings)  # what the payload would delete
    article = tmp_path / f'it\'s "{PAYLOAD.replace("/", "")}" `x`.txt'  # the path is stored too
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    records_file = tmp_path / "hostile.jsonl"
    assert cli(["extract", str(article), "-o", str(records_file)]).exit_code == EXIT_OK
    (record,) = read_jsonl(records_file)
    sentences = [e.evidence.text for e in record.events]
    # the payload reached the record, so the comparison below is not vacuous
    assert PAYLOAD in record.article.title and "`" in record.article.source
    # the parser may cut hostile text into sentences anywhere ("...the "}) DETACH" | "DELETE n // ..."):
    # the whole payload is checked in the title, its Cypher-breaking start in the event sentences
    assert any('"})' in s and "DETACH" in s for s in sentences), sentences
    assert any("DROP CONSTRAINT" in s for s in sentences), sentences

    env = {"NEO4J_PASSWORD": neo4j_settings.password}
    loaded = cli(["load", str(records_file), *connection_args(neo4j_settings)], env=env)
    assert loaded.exit_code == EXIT_OK, loaded.stderr
    driver = neo4j_clean
    art = one(driver, "MATCH (a:Article {id: $id}) RETURN a", id=record.article.id)
    assert (art["title"], art["source"], art["path"]) == (
        record.article.title,
        record.article.source,
        record.article.path,
    )
    for actor in record.actors:
        node = one(driver, "MATCH (a:Actor {id: $id}) RETURN a", id=actor.id)
        assert node["name"] == actor.name and set(actor.aliases) <= set(node["aliases"])
    for event in record.events:
        node = one(driver, "MATCH (e:Event {id: $id}) RETURN e", id=event.id)
        assert (node["sentence"], node.get("trigger")) == (event.evidence.text, event.trigger)
    # nothing executed: everything of both loads is there, constraints included
    assert graph_counts(neo4j_settings) == expected_counts(build_graph([*fixture_records(), record]))
    assert one(driver, "SHOW CONSTRAINTS YIELD name WHERE name = 'actor_id' RETURN count(*)") == 1

    before = snapshot(driver)
    hostile_param = f"x' {PAYLOAD} MATCH (m) DETACH DELETE m //"
    asked = cli(
        [
            "query",
            "evidence",
            "--param",
            f"actor={hostile_param}",
            "-f",
            "json",
            *connection_args(neo4j_settings),
        ],
        env=env,
    )
    # it names no actor: one error line quoting it verbatim (issue 15), and nothing ran but a lookup
    assert asked.exit_code == EXIT_USAGE and asked.stdout == ""
    assert f"no actor matches {hostile_param!r}" in asked.stderr
    assert snapshot(driver) == before


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_the_cypher_script_escaper_survives_any_text(neo4j_driver, text):
    # The Cypher export is the one place text becomes Cypher source: it must come back unchanged.
    records, _, _ = neo4j_driver.execute_query(f"RETURN {cypher_string(text)} AS v")
    assert records[0]["v"] == text


def _cypher_files() -> list[Path]:
    return sorted(p for d in CYPHER_DIRS for p in (ROOT / d).glob("*.cypher"))


def _strip(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))


def _code(path: Path) -> str:
    return _strip(path.read_text(encoding="utf-8"))


def test_every_cypher_file_takes_values_as_parameters():
    files = _cypher_files()
    assert len(files) >= 30
    template = re.compile(r"%\(?\w*\)?[sdr]\b|\$\{|\{\d*\}|\{[A-Za-z_]\w*\}|\.format\(")
    for path in files:
        code = _code(path)
        assert not template.search(code), f"{path}: looks like a text template"
        for literal in re.findall(r"'([^']*)'|\"([^\"]*)\"", code):
            value = "".join(literal)
            # fixed vocabulary only (labels, roles, codes); any value from outside comes as a $parameter
            assert re.fullmatch(r"[A-Za-z0-9_]*", value), f"{path}: literal {value!r}"
    for path in (ROOT / "graph" / "neo4j" / "cypher").glob("*.cypher"):
        if path.stem.startswith(("merge_", "link_")) or path.stem == "interactions":
            assert re.search(r"UNWIND \$(rows|ids) AS", _code(path)), path
    from newsgraph.queries import list_queries

    for query in list_queries():
        used = set(re.findall(r"\$(\w+)", _strip(query.text)))
        assert used == {p.name for p in query.params}, query.name


_CYPHER_WORDS = re.compile(r"\b(MATCH|MERGE|CREATE|UNWIND|DELETE|DETACH|RETURN|CALL|REMOVE|SET)\b")
# The Cypher *script* export writes literals on purpose, each through cypher_string/cypher_literal
# (tested above against the server); the CLI's messages name Cypher words in prose.
_ALLOWED = {("graph/exports/cypher.py", "cypher_statements")}


def test_no_python_code_formats_cypher_from_data():
    offenders = []
    for folder in SOURCE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = str(path.relative_to(ROOT))
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for func in [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]:
                for node in ast.walk(func):
                    text = None
                    if isinstance(node, ast.JoinedStr):  # f-strings
                        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
                    elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
                        text = "".join(
                            s.value
                            for s in (node.left, node.right)
                            if isinstance(s, ast.Constant) and isinstance(s.value, str)
                        )
                    elif (
                        isinstance(node, ast.Call)
                        and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "format"
                        and isinstance(node.func.value, ast.Constant)
                    ):
                        text = str(node.func.value.value)
                    if text and _CYPHER_WORDS.search(text) and (rel, func.name) not in _ALLOWED:
                        offenders.append(f"{rel}:{node.lineno} in {func.name}: {text[:60]!r}")
    assert offenders == []


# --- the server stopped in the middle of a load ------------------------------------------------------


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    """A Neo4j of this module's own, to stop and restart; never the session's test server."""
    instance = server.Instance(
        tmp_path_factory.mktemp("scratch-neo4j"), server.free_port(), server.free_port(),
        heap=("256m", "512m"), pagecache="64m",
    )  # fmt: skip
    try:
        instance.start(timeout=180)
        yield instance
    finally:
        instance.stop()


@pytest.mark.slow
def test_load_interrupted_by_a_stopped_server_recovers_to_the_counts_of_a_clean_load(
    scratch, neo4j_clean, neo4j_settings, tmp_path
):
    records = synthetic(articles=60, actors=150)
    corpus = tmp_path / "corpus.jsonl"
    write_jsonl(records, corpus)
    settings = scratch.settings()
    log = tmp_path / "load.stderr"
    with open(log, "w") as err, scratch_driver(scratch) as driver:
        loading = load_process(corpus, settings, batch_size=1, stderr=err)
        deadline = time.monotonic() + 120
        while one(driver, "MATCH (a:Article) RETURN count(a)") < 5:  # stop it part-way
            assert loading.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.05)
        scratch.stop()
        stopped = time.monotonic()
        loading.wait(timeout=180)
        waited = time.monotonic() - stopped
    stderr = log.read_text()
    assert loading.returncode == EXIT_NEO4J, stderr
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines[-1] == (
        f"newsgraph: error: cannot reach Neo4j at {settings.uri} "
        "(is it running? `newsgraph neo4j start` runs a local one)"
    ), lines
    assert len(lines) == 1, lines  # the driver's retry notices stay off the user's screen
    # Without retries the first failed batch ends the run at once; the driver retries for 30 s
    # with growing, jittered waits (seen here: 1.2 s first, up to 9.4 s later) before it gives up.
    assert waited > 20, f"gave up {waited:.1f} s after the server stopped: no retries"
    print(f"\nloader gave up {waited:.1f} s after the server stopped")

    scratch.start(timeout=180)
    with scratch_driver(scratch) as driver:
        done = one(driver, "MATCH (a:Article) RETURN count(a)")
        assert 5 <= done < len(records)  # really interrupted
        print(f"{done} of {len(records)} articles were in when the server stopped")
        assert partial_articles(driver, records) == []  # each batch whole or not at all
        again = load_process(corpus, settings, batch_size=1, stderr=subprocess.PIPE)
        out, err = again.communicate(timeout=300)
        assert again.returncode == EXIT_OK, err
        recovered = snapshot(driver)
        assert partial_articles(driver, records) == []
    # the reference: an undisturbed load of the same corpus into an empty database
    load_records(records, neo4j_settings, batch_size=1)
    clean = snapshot(neo4j_clean)
    assert recovered == clean
    assert duplicates(neo4j_clean) == (0, 0)


def scratch_driver(instance: server.Instance):
    return neo4j.GraphDatabase.driver(instance.bolt_uri, auth=(server.USER, instance.password()))


# --- two loads at once ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_two_overlapping_loads_at_once_make_no_duplicates(neo4j_clean, neo4j_settings, tmp_path):
    records = synthetic(articles=90, actors=120)
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    write_jsonl(records[:60], first)  # articles 30-59 are in both, and most actors
    write_jsonl(records[30:], second)
    loads = [
        load_process(path, neo4j_settings, batch_size=5, stderr=subprocess.PIPE) for path in (first, second)
    ]
    outcomes = [p.communicate(timeout=300) for p in loads]
    for process, (_, err) in zip(loads, outcomes, strict=True):
        assert process.returncode == EXIT_OK, err
    assert duplicates(neo4j_clean) == (0, 0)
    concurrent = snapshot(neo4j_clean, ignore_write_order=True)

    server.clear_database(neo4j_clean)
    load_records(records, neo4j_settings)  # one load of the union
    union = snapshot(neo4j_clean, ignore_write_order=True)
    assert concurrent[0] == union[0]  # counts per label and type
    assert set(concurrent[2]) ^ set(union[2]) == set()  # every node and relationship, with properties
    print(f"\nconcurrent loads: {len(concurrent[2])} nodes and relationships, none duplicated")
    assert partial_articles(neo4j_clean, records) == []


# --- secrets ---------------------------------------------------------------------------------------------


def test_password_is_generated_per_instance_and_never_printed_or_logged(
    scratch, neo4j_instance, monkeypatch, caplog, tmp_path
):
    password = scratch.password()
    assert password != neo4j_instance.password() and len(password) >= 24
    assert oct(scratch.credentials_file.stat().st_mode & 0o777) == "0o600"
    # `newsgraph neo4j start` and `status` on this instance (the default one's ports may be taken)
    monkeypatch.setattr(server, "default_instance", lambda extra_config=(): scratch)
    try:
        for command in (["neo4j", "start"], ["neo4j", "status"]):
            result = cli(command)
            assert result.exit_code == EXIT_OK, result.output
            assert str(scratch.credentials_file) in result.output or command[1] == "status"
            assert password not in result.output + result.stderr
    finally:
        browser_assets.stop_detached(scratch.root)  # `neo4j start` runs Browser's asset server too
    # a load with the driver's debug log on
    with caplog.at_level(logging.DEBUG, logger="neo4j"):
        load_records(fixture_records(), scratch.settings())
    assert caplog.records, "the driver logged something"
    assert all(password not in r.getMessage() for r in caplog.records)
    for path in [*scratch.logs_dir.rglob("*"), *scratch.conf_dir.rglob("*"), *scratch.root.glob("run/*")]:
        if path.is_file():
            assert password not in path.read_text(errors="replace"), path
