"""What a new user meets in the first hour (issue 15), through the real CLI against the real test server:
tables at 80 columns, parameters that match nothing, the local server's own tools (import, cypher,
browser, password), logging in under any spelling of the local address, and load's options."""

from __future__ import annotations

import json
import os
import re
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixtures_records import expected_counts, fixture_records

from newsgraph.extract.errors import EXIT_NEO4J, EXIT_USAGE, NewsgraphError
from newsgraph.graph.build import build_graph
from newsgraph.graph.cli import main
from newsgraph.graph.cli.tables import fit_columns
from newsgraph.graph.exports import export_graph
from newsgraph.graph.neo4j import browser_assets, server
from newsgraph.graph.neo4j.connection import same_server
from newsgraph.graph.neo4j.loader import graph_counts, load_records, update_interactions
from newsgraph.graph.neo4j.query import run_query
from newsgraph.graph.neo4j.shell import split_script

ROOT = Path(__file__).resolve().parents[1]
NEWSGRAPH = Path(sys.executable).with_name("newsgraph")


@pytest.fixture(scope="module")
def loaded(neo4j_driver, neo4j_settings):
    server.clear_database(neo4j_driver)
    load_records(fixture_records(), neo4j_settings)
    return neo4j_settings


def cli(*args: str, columns: int = 80, env: dict[str, str] | None = None):
    return CliRunner(env={"COLUMNS": str(columns), **(env or {})}).invoke(main, list(args))


def conn(settings) -> list[str]:
    return ["--uri", settings.uri, "--user", settings.user, "--password", settings.password]


# --- 1. tables fit the terminal ---------------------------------------------------------------------

SENTENCE = "The US seized a Russian oil tanker"


def test_tables_fit_80_columns_with_whole_headers(loaded):
    result = cli("query", "events_between", "-p", "actor=USA", "-p", "other=Russia", *conn(loaded))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert max(len(line) for line in lines) <= 80
    header = next(line for line in lines if line.startswith("┃"))
    shown = [cell.strip() for cell in header.strip("┃").split("┃")]
    assert shown[:4] == ["date", "source", "event", "cameo"]  # whole names, never "goldst/ein"
    assert all(re.fullmatch(r"[a-z_]+", name) for name in shown)
    assert "…" in result.output  # a long value is cut, not wrapped word by word
    assert SENTENCE not in result.output and "sentence" not in shown
    assert re.search(r"not shown at 80 columns: [^\n]*sentence", " ".join(lines))
    rows = [line for line in lines if line.startswith("│")]
    assert len(rows) == 2  # one line per record


def test_wide_vertical_and_json_keep_every_value(loaded):
    args = ["query", "events_between", "-p", "actor=USA", "-p", "other=Russia", *conn(loaded)]
    wide = cli(*args, "--wide")
    assert wide.exit_code == 0 and SENTENCE in wide.output and "…" not in wide.output
    vertical = cli(*args, "--vertical")
    assert vertical.exit_code == 0 and "-[ record 2 ]" in vertical.output
    assert max(len(line) for line in vertical.output.splitlines()) <= 80
    assert SENTENCE in " ".join(vertical.output.split())
    records = json.loads(cli(*args, "--format", "json").output)
    assert any(r["sentence"].startswith(SENTENCE) for r in records)


def test_fit_columns_drops_long_text_first_then_the_last_columns():
    headers = ["who", "goldstein", "sentence", "note"]
    cells = [["Russia", "-7.0", "x" * 90, "short"]]
    assert list(fit_columns(headers, cells, 200)) == [0, 1, 2, 3]
    assert list(fit_columns(headers, cells, 60)) == [0, 1, 3]
    assert list(fit_columns(headers, cells, 25)) == [0, 1]
    widths = fit_columns(headers, cells, 60)
    assert widths[1] >= len("goldstein") and sum(w + 3 for w in widths.values()) + 1 <= 60


# --- 2. parameters that match nothing ---------------------------------------------------------------


def test_an_actor_that_matches_nothing_is_named_with_close_matches(loaded):
    narnia = cli("query", "actor_timeline", "-p", "actor=Narnia", *conn(loaded))
    assert narnia.exit_code == EXIT_USAGE
    assert "no actor matches 'Narnia'" in narnia.output and narnia.output.count("\n") == 1
    typo = cli("query", "events_between", "-p", "actor=Russia", "-p", "other=Ukriane", *conn(loaded))
    assert typo.exit_code == EXIT_USAGE and "no actor matches 'Ukriane'" in typo.output
    assert "close: Ukraine" in typo.output
    with pytest.raises(NewsgraphError, match="no actor matches 'Narnia'") as caught:
        run_query("affiliations", {"actor": "Narnia"}, loaded)
    assert caught.value.exit_code == EXIT_USAGE
    assert run_query("affiliations", {"actor": "Narnia"}, loaded, check_actors=False)[1] == []


def test_enumerations_and_counts_are_checked_before_connecting(loaded):
    kind = cli("query", "most_active", "-p", "kind=country", *conn(loaded))
    assert kind.exit_code == EXIT_USAGE
    assert "'country' is not one of state, person, organization, group" in kind.output
    assert cli("query", "most_active", "-p", "kind=State", *conn(loaded)).exit_code == 0
    negative = cli("query", "most_active", "-p", "limit=-1", "--uri", "bolt://127.0.0.1:1")
    assert negative.exit_code == EXIT_USAGE and "below 0" in negative.output


# --- 4. the local server's own tools ---------------------------------------------------------------


def test_split_script_ends_statements_at_code_semicolons_only():
    text = (
        '// a; comment\nMATCH (n) RETURN \'a;b\' AS x;\n/* ; */ RETURN `we;ird`;\n\nRETURN "q\\";" ;\n// end'
    )
    statements = split_script(text)
    assert [s.line for s in statements] == [2, 3, 5]
    assert statements[0].text.endswith("RETURN 'a;b' AS x") and statements[2].text == 'RETURN "q\\";"'


def test_cypher_runs_a_script_and_a_statement(neo4j_clean, neo4j_settings, tmp_path):
    graph = build_graph(fixture_records())
    script = export_graph(graph, "cypher", tmp_path / "graph.cypher")
    result = cli("neo4j", "cypher", "-f", str(script), *conn(neo4j_settings))
    assert result.exit_code == 0, result.output
    assert graph_counts(neo4j_settings) == expected_counts(graph)
    assert re.search(r"statements run: [\d,]+ nodes created", result.output)
    names = cli(
        "neo4j", "cypher", "MATCH (a:State) RETURN a.name AS name ORDER BY name", *conn(neo4j_settings)
    )
    assert names.exit_code == 0 and "┃ name" in names.output and "United Kingdom" in names.output
    wrong = cli("neo4j", "cypher", "RETURN 1;\nMATCH (a:Actor RETURN a", *conn(neo4j_settings))
    assert wrong.exit_code == EXIT_USAGE and "statement at line 2:" in wrong.output


def test_csv_export_writes_a_readme_whose_import_command_works(tmp_path, monkeypatch):
    graph = build_graph(fixture_records())
    folder = export_graph(graph, "csv", tmp_path / "csv")
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for path in [*folder.glob("nodes_*.csv"), *folder.glob("rels_*.csv")]:
        assert f"`{path.name}`" in readme and f"={path}" in readme  # listed, and in the admin command
    command = re.search(r"^newsgraph neo4j import .*$", readme, re.M).group(0)
    bolt, http = server.free_port(), server.free_port()
    env = dict(os.environ, NEWSGRAPH_HOME=str(tmp_path / "home"), NEWSGRAPH_BOLT_PORT=str(bolt),
               NEWSGRAPH_HTTP_PORT=str(http))  # fmt: skip
    newsgraph = str(Path(sys.executable).with_name("newsgraph"))
    instance = server.Instance(tmp_path / "home" / "neo4j", bolt, http)
    try:
        done = subprocess.run([newsgraph, *shlex.split(command)[1:]], env=env, capture_output=True, text=True,
                              timeout=600, stdin=subprocess.DEVNULL)  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert f"imported {graph.number_of_nodes()} nodes" in done.stdout and instance.is_running()
        assert graph_counts(instance.settings()) == expected_counts(graph)
        asked = subprocess.run([newsgraph, "neo4j", "import", str(folder)], env=env, capture_output=True,
                               text=True, stdin=subprocess.DEVNULL)  # fmt: skip
        assert asked.returncode == EXIT_USAGE and "pass --yes" in asked.stderr  # never replaced unasked
    finally:
        instance.stop()
        browser_assets.stop_detached(instance.root)


# --- 5. logging in ----------------------------------------------------------------------------------


def _local_home(tmp_path: Path, settings, port: int) -> dict[str, str]:
    """A NEWSGRAPH_HOME whose local server is the test server (its credentials, its port)."""
    credentials = tmp_path / "neo4j" / "credentials.json"
    credentials.parent.mkdir(parents=True)
    credentials.write_text(json.dumps({"user": "neo4j", "password": settings.password}))
    return {"NEWSGRAPH_HOME": str(tmp_path), "NEWSGRAPH_BOLT_PORT": str(port)}


def test_password_and_browser_say_how_to_log_in(tmp_path, neo4j_instance, neo4j_settings):
    env = _local_home(tmp_path, neo4j_settings, neo4j_instance.bolt_port)
    printed = cli("neo4j", "password", env=env)
    assert printed.exit_code == 0 and printed.output == neo4j_settings.password + "\n"
    browser = cli("neo4j", "browser", env=env)
    assert browser.exit_code == 0
    assert f"?dbms=bolt://neo4j@127.0.0.1:{neo4j_instance.bolt_port}" in browser.output
    assert "newsgraph neo4j password" in browser.output and neo4j_settings.password not in browser.output
    never = cli("neo4j", "password", env={"NEWSGRAPH_HOME": str(tmp_path / "none")})
    assert never.exit_code == EXIT_USAGE and "never started" in never.output


@pytest.mark.parametrize(
    "uri, local",
    [
        ("bolt://127.0.0.1:7687", True), ("neo4j://localhost:7687", True), ("neo4j://localhost", True),
        ("bolt://[::1]:7687", True), ("neo4j://localhost:7688", False), ("neo4j+s://localhost:7687", False),
        ("bolt://example.org:7687", False), ("bolt://localhost:port", False),
    ],
)  # fmt: skip
def test_the_local_server_under_its_other_spellings(uri, local):
    assert same_server(uri, "bolt://127.0.0.1:7687") is local


def test_neo4j_uri_localhost_without_a_password_uses_the_local_one(tmp_path, loaded, neo4j_instance):
    env = _local_home(tmp_path, loaded, neo4j_instance.bolt_port)
    uri = f"neo4j://localhost:{neo4j_instance.bolt_port}"
    result = cli("query", "most_active", "-f", "json", env={**env, "NEO4J_URI": uri})
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["actor"]
    elsewhere = cli("query", "most_active", env={"NEWSGRAPH_HOME": str(tmp_path / "none"), "NEO4J_URI": uri})
    assert elsewhere.exit_code == EXIT_NEO4J
    assert "with no password: none was given" in elsewhere.output


def test_a_locked_user_is_told_to_wait(neo4j_settings):
    wrong = ["--uri", neo4j_settings.uri, "--password", "not-the-password"]
    outputs = [cli("query", "most_active", *wrong).output for _ in range(4)]
    assert all("refused the credentials" in out for out in outputs[:3])
    assert "locked user 'neo4j' for a few seconds" in outputs[3] and "wait 5 seconds" in outputs[3]
    deadline = time.monotonic() + 30  # leave the user unlocked for the other tests
    while cli("query", "most_active", *conn(neo4j_settings)).exit_code != 0:
        assert time.monotonic() < deadline
        time.sleep(1)


# --- 3. Ctrl-C in the middle of a load ------------------------------------------------------------------


def synthetic(articles: int, actors: int):
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_synthetic", ROOT / "bench" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic_records(articles=articles, actors=actors, events_per_article=6)


def dyads(driver) -> list[tuple]:
    rows, _, _ = driver.execute_query(
        "MATCH (s:Actor)-[r:INTERACTS_WITH]->(t:Actor) "
        "RETURN s.id AS s, t.id AS t, r.events AS n, r.cooperation AS c, r.conflict AS k, r.goldstein AS g "
        "ORDER BY s, t"
    )
    return [tuple(r.values()) for r in rows]


@pytest.mark.slow
def test_ctrl_c_commits_whole_batches_summarises_them_and_says_how_far_it_got(
    neo4j_clean, neo4j_settings, tmp_path
):
    records = synthetic(articles=80, actors=60)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(r.to_json() + "\n" for r in records), encoding="utf-8")
    env = dict(os.environ, NEO4J_PASSWORD=neo4j_settings.password)
    command = [str(NEWSGRAPH), "load", str(corpus), "--uri", neo4j_settings.uri, "--batch-size", "1"]
    # stopped three times at different points: batches are small, so Ctrl-C mostly lands in a write
    for stop_after in (3, 12, 25):
        log = tmp_path / f"load-{stop_after}.stderr"
        with open(log, "w") as err:
            loading = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=err)
            deadline = time.monotonic() + 120
            while count_articles(neo4j_clean) < stop_after:
                assert loading.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.02)
            loading.send_signal(signal.SIGINT)
            loading.wait(timeout=120)
        lines = [line for line in log.read_text().splitlines() if line.strip()]
        assert loading.returncode == 130, lines  # never a protocol error and exit 3
        committed = count_articles(neo4j_clean)
        assert stop_after <= committed < len(records)
        assert len(lines) == 1 and re.fullmatch(
            rf"newsgraph: interrupted: {committed} articles committed in [\d,]+ transactions? "
            r"\(summaries updated\); run the same load again to complete the rest",
            lines[0],
        ), lines
        # the dyad summaries are those of what is committed: recomputing them changes nothing
        before = dyads(neo4j_clean)
        assert before, "no INTERACTS_WITH written after the interrupt"
        ids = [r["id"] for r in neo4j_clean.execute_query("MATCH (a:Actor) RETURN a.id AS id").records]
        update_interactions(neo4j_clean, neo4j_settings, ids)
        assert dyads(neo4j_clean) == before
    finished = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    assert graph_counts(neo4j_settings) == expected_counts(build_graph(records))


def count_articles(driver) -> int:
    return driver.execute_query("MATCH (a:Article) RETURN count(a) AS n").records[0]["n"]


# --- 7. options where users reach for them -----------------------------------------------------------


def test_load_takes_the_extraction_options(neo4j_clean, neo4j_settings, tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text("".join(r.to_json() + "\n" for r in fixture_records()), encoding="utf-8")
    args = [
        "load",
        str(records),
        "--processes",
        "2",
        "--model",
        "en_core_web_sm",
        "--published",
        "2026-01-06",
    ]
    result = cli(*args, *conn(neo4j_settings))
    assert result.exit_code == 0, result.output
    assert "3 articles in 1 transaction: " in result.output
    assert graph_counts(neo4j_settings) == expected_counts(build_graph(fixture_records()))


def test_export_help_says_to_pass_records():
    assert "out/records.jsonl" in " ".join(cli("export", "--help").output.split())


# --- 6. Browser makes no request beyond this machine ---------------------------------------------
# (the Chromium check is in test_browser.py: no request of a whole session leaves 127.0.0.1)


def test_offline_edits_of_a_browser_jar(tmp_path):
    import zipfile

    from newsgraph.graph.neo4j import offline_browser

    lib = tmp_path / "lib"
    lib.mkdir()
    jar = lib / "neo4j-browser-9.9.9.jar"
    fonts = (
        b'x.push([e.i,"@import url(https://fonts.googleapis.com/css2?family=Nunito+Sans&display=swap);",""])'
    )
    with zipfile.ZipFile(jar, "w") as out:
        out.writestr("browser/ui-libs-1.js", fonts)
        out.writestr("browser/app-1.js", b";".join(old for old, _ in offline_browser.REPLACEMENTS))
        out.writestr("browser/assets/logo.svg", b"<svg/>")
    assert not offline_browser.is_offline(lib)
    assert offline_browser.make_offline(lib) == 3
    with zipfile.ZipFile(jar) as edited:
        assert b"googleapis" not in edited.read("browser/ui-libs-1.js")
        assert edited.read("browser/app-1.js") == b";".join(new for _, new in offline_browser.REPLACEMENTS)
        assert edited.read("browser/assets/logo.svg") == b"<svg/>"
    assert offline_browser.is_offline(lib) and offline_browser.make_offline(lib) == 0


def test_the_provisioned_browser_and_server_stay_offline(neo4j_instance, neo4j_driver):
    import zipfile

    from newsgraph.graph.neo4j import offline_browser, provision

    (jar,) = offline_browser.browser_jars(provision.install() / "lib")
    with zipfile.ZipFile(jar) as browser:
        bundle = b"".join(browser.read(n) for n in browser.namelist() if n.endswith(".js"))
    assert not offline_browser.FONT_IMPORT.search(bundle)
    assert all(old not in bundle and new in bundle for old, new in offline_browser.REPLACEMENTS)
    records, _, _ = neo4j_driver.execute_query(
        "SHOW SETTINGS $names YIELD name, value RETURN name, value",
        names=["client.allow_telemetry", "dbms.usage_report.enabled"],
    )
    assert {r["name"]: r["value"] for r in records} == {
        "client.allow_telemetry": "false",
        "dbms.usage_report.enabled": "false",
    }
