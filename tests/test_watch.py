"""Feeds into the real test Neo4j: `newsgraph load URL`, `newsgraph watch --once` rounds, the state file."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from feed_server import FeedServer, news_site, rss
from fixtures_records import expected_counts

from newsgraph.extract.errors import EXIT_SKIPPED, NewsgraphError
from newsgraph.extract.inputs import RecordSource
from newsgraph.graph.build import build_graph
from newsgraph.graph.cli import main
from newsgraph.graph.neo4j import server
from newsgraph.graph.neo4j.loader import graph_counts
from newsgraph.graph.watch import SeenState, Watcher, parse_every

ARTICLES = ["003_us_uk_strike_houthis.txt", "016_us_sanctions_chinese_refiners_export_ban.txt"]
MORE = ["018_togo_coup_ecowas_suspends.txt"]


@pytest.fixture(autouse=True)
def quick_limits(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_FETCH_TIMEOUT", "0.5")
    monkeypatch.setenv("NEWSGRAPH_FETCH_DELAY", "0")


def login(settings) -> list[str]:
    return ["--uri", settings.uri, "--user", settings.user, "--password", settings.password]


def watch_once(settings, state, *feeds):
    return CliRunner().invoke(main, ["watch", "--once", "--state", str(state), *feeds, *login(settings)])


def test_load_a_feed_url_loads_every_items_events(neo4j_clean, neo4j_settings):
    with FeedServer() as server:
        items = news_site(server, ARTICLES)
        server.add("/feed.xml", rss(server.base, items), "application/rss+xml")
        result = CliRunner().invoke(main, ["load", server.url("/feed.xml"), *login(neo4j_settings)])
        assert result.exit_code == 0, result.output
        records = list(RecordSource([server.url("/feed.xml")]))  # the same feed, extracted in-process
    assert len(records) == 2 and all(r.events for r in records)
    assert graph_counts(neo4j_settings) == expected_counts(build_graph(records)), "every item's events"
    found, _, _ = neo4j_clean.execute_query(
        "MATCH (a:Article)<-[:REPORTED_IN]-(e:Event) "
        "RETURN a.url AS url, a.source AS outlet, count(e) AS events ORDER BY url"
    )
    assert [(r["url"], r["outlet"]) for r in found] == [(item["link"], "Harbour Wire") for item in items]
    assert [r["events"] for r in found] == [len(r.events) for r in records]


def test_a_second_watch_round_loads_nothing_new(neo4j_clean, neo4j_settings, tmp_path):
    state = tmp_path / "watch" / "state.json"
    with FeedServer() as server:
        items = news_site(server, ARTICLES)
        server.add("/feed.xml", rss(server.base, items), "application/rss+xml")
        first = watch_once(neo4j_settings, state, server.url("/feed.xml"))
        assert first.exit_code == 0, first.output
        assert "1 feed, 2 new items loaded (" in first.output
        counts = graph_counts(neo4j_settings)
        server.requests.clear()
        second = watch_once(neo4j_settings, state, server.url("/feed.xml"))
        assert second.exit_code == 0 and "round 1: 1 feed, nothing new" in second.output, second.output
        assert server.requests == ["/feed.xml"], "no page of a seen item is fetched again"
        assert graph_counts(neo4j_settings) == counts
        # a new item appears: only it is fetched and loaded
        more = news_site(server, ARTICLES + MORE)
        server.add("/feed.xml", rss(server.base, more), "application/rss+xml")
        server.requests.clear()
        third = watch_once(neo4j_settings, state, server.url("/feed.xml"))
        assert "1 feed, 1 new item loaded" in third.output, third.output
        assert server.requests == ["/feed.xml", "/news/3.html"]
    saved = json.loads(state.read_text())
    assert saved["feeds"] == {server.url("/feed.xml"): ["urn:test:rss:1", "urn:test:rss:2", "urn:test:rss:3"]}
    assert not list(state.parent.glob(".state-*")), "no temporary file left behind"


def test_bad_feeds_and_pages_give_one_line_each_and_the_rest_is_loaded(neo4j_clean, neo4j_settings, tmp_path):
    with FeedServer(slow_seconds=2.0) as server:
        items = news_site(server, ARTICLES[:1])
        server.add_slow("/slow.html")
        items.append(
            {"title": "Slow", "link": server.url("/slow.html"), "guid": "slow", "summary": "Troops moved."}
        )
        items.append(
            {"title": "Local", "link": "file:///etc/passwd", "guid": "local", "summary": "Police arrested."}
        )
        server.add("/feed.xml", rss(server.base, items), "application/rss+xml")
        server.add("/broken.xml", b"<rss><channel><item><title>x</ti", "application/rss+xml")
        urls = [server.url("/broken.xml"), server.url("/feed.xml"), server.url("/gone.xml")]
        result = CliRunner().invoke(
            main, ["watch", "--once", "--state", str(tmp_path / "s.json"), *urls, *login(neo4j_settings)]
        )
        requests = list(server.requests)
    assert result.exit_code == EXIT_SKIPPED, result.output
    problems = result.stderr.strip().splitlines()
    assert len(problems) == 4, problems
    assert problems[0].startswith(f"newsgraph: warning: {urls[0]}: not a valid RSS or Atom feed")
    assert "item 2 (Slow): page" in problems[1] and "timed out" in problems[1]
    assert "item 3 (Local): page file:" in problems[2]
    assert "not read: not an http(s) URL (file:)" in problems[2]
    assert problems[3] == f"newsgraph: warning: {urls[2]}: feed not fetched: HTTP 404 Not Found"
    assert "3 feeds, 3 new items loaded" in result.stdout and "4 problem(s) on stderr" in result.stdout
    assert not any("passwd" in path for path in requests)
    texts, _, _ = neo4j_clean.execute_query("MATCH (a:Article) RETURN a.title AS title ORDER BY title")
    assert [r["title"] for r in texts] == ["Local", "Slow", items[0]["title"]]


def test_an_interrupted_round_marks_nothing_seen(neo4j_clean, neo4j_settings, tmp_path, monkeypatch):
    import newsgraph.graph.watch as watch_module

    state = SeenState(tmp_path / "state.json")
    with FeedServer() as server:
        items = news_site(server, ARTICLES)
        server.add("/feed.xml", rss(server.base, items), "application/rss+xml")
        watcher = Watcher([server.url("/feed.xml")], neo4j_settings, state)
        real_load = watch_module.load_records

        def interrupted(records, settings):  # Ctrl-C after the items were fetched, before the commit
            list(records)
            raise KeyboardInterrupt

        monkeypatch.setattr(watch_module, "load_records", interrupted)
        with pytest.raises(KeyboardInterrupt):
            watcher.round()
        assert not state.path.exists() and graph_counts(neo4j_settings) == {}
        monkeypatch.setattr(watch_module, "load_records", real_load)
        again = watcher.round()
    assert again.new == 2 and state.read() == {server.url("/feed.xml"): ["urn:test:rss:1", "urn:test:rss:2"]}


def test_a_second_watcher_skips_its_round_while_the_state_is_locked(neo4j_settings, tmp_path):
    state = SeenState(tmp_path / "state.json")
    with state.lock:
        result = Watcher(["http://127.0.0.1:9/feed.xml"], neo4j_settings, SeenState(state.path)).round()
    assert result.busy and str(result) == "skipped: another watcher is running a round on this state file"


def test_ctrl_c_between_rounds_stops_cleanly(neo4j_settings, tmp_path, monkeypatch):
    import newsgraph.graph.cli.watch as cli_watch

    def interrupt(_seconds):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_watch.time, "sleep", interrupt)
    feed = tmp_path / "empty.rss"
    feed.write_text("<rss version='2.0'><channel><title>T</title></channel></rss>")
    result = CliRunner().invoke(
        main, ["watch", str(feed), "--state", str(tmp_path / "s.json"), *login(neo4j_settings)]
    )
    assert result.exit_code == 0, result.output
    assert "round 1:" in result.stdout
    assert result.stderr.strip().endswith("watch stopped after 1 round(s); unloaded items stay unseen")


def test_a_damaged_state_file_is_one_line(tmp_path):
    path = tmp_path / "state.json"
    path.write_text("{not json")
    with pytest.raises(NewsgraphError, match="not a watch state file"):
        SeenState(path).read()


def test_every_accepts_plain_durations_and_refuses_hammering():
    assert [parse_every(v) for v in ("90", "30s", "15m", "2h")] == [90, 30, 900, 7200]
    for bad in ("5s", "soon", "m"):
        with pytest.raises(ValueError):
            parse_every(bad)


def test_search_before_any_load_says_what_to_do(neo4j_clean, neo4j_settings):
    from newsgraph.graph.neo4j.search import search_events

    with pytest.raises(NewsgraphError, match="has no search indexes yet: `newsgraph load` creates them"):
        search_events("tanker", neo4j_settings)


def at_once(settings, work) -> None:
    """``work(driver)`` in four threads at once, each with a driver of its own, as concurrent
    `newsgraph load`s (processes) do before their writes. (Threads sharing one driver meet a race
    of the driver's connection pool itself: a liveness check now and then waits on an idle
    connection's socket until the pool gives up after 60 s.)"""
    from concurrent.futures import ThreadPoolExecutor

    from newsgraph.graph.neo4j.connection import open_driver

    def one(_):
        driver = open_driver(settings)
        try:
            work(driver)
        finally:
            driver.close()

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(one, range(4)))


def test_constraints_and_indexes_created_by_loads_at_once_are_no_error(neo4j_clean, neo4j_settings):
    from newsgraph.graph.neo4j.loader import schema_statements
    from newsgraph.graph.neo4j.statements import create_schema

    for _attempt in range(3):
        server.clear_database(neo4j_clean)
        at_once(neo4j_settings, lambda driver: create_schema(driver, None, schema_statements()))
        constraints, _, _ = neo4j_clean.execute_query("SHOW CONSTRAINTS YIELD name RETURN name")
        indexes, _, _ = neo4j_clean.execute_query("SHOW INDEXES YIELD name RETURN name")
        assert len(constraints) + len(indexes) >= len(schema_statements())


def test_search_indexes_created_by_loads_at_once_are_no_error(neo4j_clean, neo4j_settings):
    from newsgraph.graph.neo4j.search import create_search_indexes

    for _attempt in range(3):
        server.clear_database(neo4j_clean)
        at_once(neo4j_settings, lambda driver: create_search_indexes(driver, None))
        names, _, _ = neo4j_clean.execute_query(
            "SHOW INDEXES YIELD name WHERE name STARTS WITH 'newsgraph_' RETURN name"
        )
        assert len(names) == 3
