"""Ctrl-C during `newsgraph load` (issue 15, point 3), for real: a subprocess load against the test
server gets SIGINT part-way, several times. It must end with one line, `newsgraph: interrupted: N
articles committed ...`, and exit 130 (never a driver protocol error or exit 3); the open
transaction commits or rolls back whole, the INTERACTS_WITH summaries match what was committed, and
running the same load again completes the rest."""

from __future__ import annotations

import random
import re
import signal
import subprocess
import time

import pytest
from test_reliability_neo4j import load_process, one, partial_articles, snapshot, synthetic

from newsgraph.extract.record import write_jsonl
from newsgraph.graph.neo4j import server
from newsgraph.graph.neo4j.loader import load_records

# Summaries out of step with the events: a pair whose stored count differs from its events, or a
# stored pair no event supports.
STALE_SUMMARIES = """
CALL () {
  MATCH (s:Actor)-[:SOURCE_OF]->(e:Event)-[:TARGETS]->(t:Actor)
  WHERE s <> t AND NOT coalesce(e.negated, false)
  WITH s, t, count(DISTINCT e) AS n
  OPTIONAL MATCH (s)-[d:INTERACTS_WITH]->(t)
  WITH d, n WHERE d IS NULL OR d.events <> n
  RETURN count(*) AS stale
  UNION ALL
  MATCH (s:Actor)-[d:INTERACTS_WITH]->(t:Actor)
  WHERE NOT EXISTS { MATCH (s)-[:SOURCE_OF]->(e:Event)-[:TARGETS]->(t) WHERE NOT coalesce(e.negated, false) }
  RETURN count(d) AS stale
}
RETURN sum(stale)
"""
ATTEMPTS = 6


@pytest.mark.slow
def test_ctrl_c_during_a_load_stops_cleanly_and_a_rerun_completes_it(neo4j_clean, neo4j_settings, tmp_path):
    records = synthetic(articles=80, actors=120)
    corpus = tmp_path / "corpus.jsonl"
    write_jsonl(records, corpus)
    server.clear_database(neo4j_clean)
    load_records(records, neo4j_settings, batch_size=1)  # the reference: one undisturbed load
    clean = snapshot(neo4j_clean)
    rng = random.Random(15)
    seen = []
    for attempt in range(ATTEMPTS):
        server.clear_database(neo4j_clean)
        load = load_process(corpus, neo4j_settings, batch_size=1, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while one(neo4j_clean, "MATCH (a:Article) RETURN count(a)") < 2 + 4 * attempt:
            assert load.poll() is None and time.monotonic() < deadline, load.stderr.read()
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.2))  # anywhere in a transaction, or between two
        load.send_signal(signal.SIGINT)
        _, err = load.communicate(timeout=120)
        lines = [line for line in err.splitlines() if line.strip()]
        assert load.returncode == 130, err
        assert len(lines) == 1 and "Traceback" not in err and "Unexpected" not in err, err
        match = re.fullmatch(
            r"newsgraph: interrupted: (\d+) articles? committed in \d+ transactions? \(summaries updated\); "
            r"run the same load again to complete the rest",
            lines[0],
        )
        assert match, lines[0]
        committed = one(neo4j_clean, "MATCH (a:Article) RETURN count(a)")
        assert int(match.group(1)) == committed and 0 < committed < len(records)
        assert partial_articles(neo4j_clean, records) == []  # every transaction whole or not at all
        assert one(neo4j_clean, STALE_SUMMARIES) == 0  # summaries recomputed for what was committed
        seen.append(committed)
        if attempt % 2 == 0:  # a re-run completes the rest
            again = load_process(corpus, neo4j_settings, batch_size=1, stderr=subprocess.PIPE)
            _, err = again.communicate(timeout=300)
            assert again.returncode == 0, err
            assert snapshot(neo4j_clean) == clean
    print(f"\n{ATTEMPTS} interrupted loads, articles committed when stopped: {seen}")
