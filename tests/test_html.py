"""The HTML view: the file it writes (offline, escaped, deterministic) and, in real headless Chromium,
what an analyst does with it: filter to one event type, click an actor, read the evidence."""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from chromium import chromium, publish, requested_urls, screenshot
from fixtures_records import HOSTILE, HOSTILE_TITLE, fixture_records

from newsgraph.extract.errors import NewsgraphError
from newsgraph.graph.build import build_graph
from newsgraph.graph.exports.html import render_html, style_colors, view_data, write_html

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return build_graph(fixture_records())


# --- the file -------------------------------------------------------------------------------------


def test_page_is_self_contained(graph, tmp_path):
    page = write_html(graph, tmp_path / "graph.html").read_text(encoding="utf-8")
    # Every script is inline and nothing points at another file or host.
    assert re.findall(r"<script\b[^>]*\bsrc=", page, flags=re.I) == []
    assert re.findall(r"<link\b[^>]*\bhref=\"(?!data:)", page, flags=re.I) == []
    assert "@import" not in page and "url(http" not in page
    assert "sourceMappingURL" not in page
    assert page.count("<script") == 7  # data, world outline, topojson-client, graphology, sigma, view, map


def test_hostile_text_cannot_break_out_of_the_data(graph):
    page = render_html(graph, title="</title><script>alert(1)</script>")
    assert "<script>alert(1)" not in page
    data = page.split('<script type="application/json" id="ng-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data  # so no article text can close the element
    assert "DETACH DELETE" in data  # the hostile strings are there, only escaped


def test_same_graph_same_page(graph):
    assert render_html(graph) == render_html(build_graph(fixture_records()))


def test_colours_follow_the_browser_style(graph):
    colors = style_colors()
    data = view_data(graph)
    by_id = {row["id"]: row for row in data["actors"] + data["events"]}
    assert by_id["RUS"]["color"] == colors["State"]
    assert by_id["person:emmanuel-macron"]["color"] == colors["Person"]
    assert by_id["org:reuters"]["color"] == colors["Organization"]
    assert by_id["group:western-forces"]["color"] == colors["Group"]
    assert by_id["evt:ccc3:0"]["color"] == colors["MaterialConflict"]  # quad class 4
    assert by_id["evt:bbb2:0"]["color"] == colors["VerbalConflict"]  # quad class 3
    assert by_id["evt:aaa1:1"]["color"] == colors["MaterialCooperation"]  # quad class 2
    assert len({colors[k] for k in ("State", "Person", "Organization", "Group")}) == 4


def test_view_data_carries_the_evidence_and_its_article(graph):
    data = view_data(graph)
    event = next(e for e in data["events"] if e["id"] == "evt:ccc3:0")
    assert event["cameo"] == "171" and event["place"] == "North Atlantic"
    assert event["sentence"].startswith("The US seized a Russian oil tanker")
    assert data["articles"][event["articles"][0]]["title"] == HOSTILE_TITLE
    # Articles and places are details, not drawn nodes.
    assert {e[2] for e in data["edges"]} <= {
        "SOURCE_OF", "TARGETS", "INVOLVES", "ATTRIBUTED_TO", "CONDITIONAL_ON", "RESPONDS_TO",
        "HOLDS_ROLE", "PART_OF", "MEMBER_OF",
    }  # fmt: skip


def test_empty_graph_still_writes_a_page(tmp_path):
    page = write_html(nx.MultiDiGraph(), tmp_path / "empty.html").read_text(encoding="utf-8")
    assert '"actors":[]' in page


def test_unwritable_path_is_a_one_line_error(graph, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(NewsgraphError, match="cannot write the HTML view"):
        write_html(graph, blocker / "graph.html")


# --- in Chromium ----------------------------------------------------------------------------------


def _open(driver, path: Path) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(path.resolve().as_uri())
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.body.dataset.ready"))


def _click_node(driver, node_id: str) -> None:
    """A real mouse click where sigma drew the node."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    container = driver.find_element(By.ID, "ng-graph")
    x, y, width, height = driver.execute_script(
        """const r = window.newsgraph.renderer, g = window.newsgraph.graph;
           const p = r.graphToViewport({x: g.getNodeAttribute(arguments[0], 'x'),
                                        y: g.getNodeAttribute(arguments[0], 'y')});
           const box = document.getElementById('ng-graph').getBoundingClientRect();
           return [p.x, p.y, box.width, box.height];""",
        node_id,
    )
    # Selenium 4 offsets are from the element's centre.
    offset = (int(x - width / 2), int(y - height / 2))
    ActionChains(driver).move_to_element_with_offset(container, *offset).click().perform()


def _hidden(driver, node_id: str) -> bool:
    script = "return !!window.newsgraph.renderer.getNodeDisplayData(arguments[0]).hidden"
    return driver.execute_script(script, node_id)


@pytest.mark.browser
def test_filter_click_and_read_the_evidence_in_chromium(graph, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    page = write_html(graph, tmp_path / "graph.html", title="newsgraph: fixture articles")
    with chromium() as driver:
        _open(driver, page)
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == []
        assert driver.find_element(By.ID, "ng-stats").text == "12 of 12 actors, 10 of 10 events"

        Select(driver.find_element(By.ID, "ng-type")).select_by_value("threaten_military_force")
        stats = driver.find_element(By.ID, "ng-stats").text
        # The one threat: the ministry threatens Western forces, about Ukraine, according to Reuters.
        assert stats == "4 of 12 actors, 1 of 10 events"
        assert _hidden(driver, "USA") and _hidden(driver, "evt:ccc3:0")
        assert not _hidden(driver, "org:russian-foreign-ministry")

        _click_node(driver, "org:russian-foreign-ministry")
        details = driver.find_element(By.ID, "ng-details")
        ministry = "org:russian-foreign-ministry"
        WebDriverWait(driver, 5).until(lambda d: details.get_attribute("data-node") == ministry)
        assert details.find_element(By.TAG_NAME, "h2").text == "Russian Foreign Ministry"
        text = details.text
        assert "Events (1 of 2, filtered)" in text
        assert "any troops would be legitimate combat targets, according to Reuters" in text
        assert "Moscow rejects coalition plan" in text  # the evidence's article
        assert "tests/articles/rejection.txt" in text
        assert "militarist declarations" not in text  # the other event is filtered out
        screenshot(driver, "html-view-fixture.png")

        # Clicking the event in the panel shows the event: its code, actors and evidence.
        details.find_element(By.CSS_SELECTOR, "a.ng-node[data-node='evt:bbb2:1']").click()
        text = driver.find_element(By.ID, "ng-details").text
        assert "138" in text and "conditional" in text and "Western forces" in text

        # Search by alias; the hostile name is shown as text, not markup.
        search = driver.find_element(By.ID, "ng-search")
        search.send_keys("Hammer\n")
        assert driver.find_element(By.CSS_SELECTOR, "#ng-details h2").text == HOSTILE

        # Date range: from 2026 on, without undated events, the 2022 invasion disappears.
        driver.find_element(By.ID, "ng-reset").click()
        driver.execute_script(
            """document.getElementById('ng-from').value = '2026-01-01';
               document.getElementById('ng-undated').checked = false;
               document.getElementById('ng-undated').dispatchEvent(new Event('change'));"""
        )
        assert _hidden(driver, "evt:ccc3:2")  # 2022-02
        assert _hidden(driver, "evt:bbb2:1")  # undated
        assert not _hidden(driver, "evt:ccc3:0")  # 2026-01-08

        urls = requested_urls(driver)
        assert page.resolve().as_uri() in urls  # the log does record requests...
        # ...and none went to a network.
        assert [u for u in urls if u.startswith(("http:", "https:", "ws:", "wss:"))] == []


@pytest.fixture(scope="module")
def seed_graph() -> nx.MultiDiGraph:
    from newsgraph.extract.pipeline import Extractor

    # Relative paths, as `make run` passes them: the article path is shown in the picture.
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(SEEDS.parent)
        return build_graph(
            [Extractor().extract_path(p.relative_to(SEEDS.parent)) for p in sorted(SEEDS.glob("*.txt"))]
        )


@pytest.mark.browser
def test_seed_graph_in_chromium(seed_graph, tmp_path):
    """The seed story, as the README shows it: its commonest event type, and its busiest actor there."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    events = {n: d for n, d in seed_graph.nodes(data=True) if d.get("label") == "Event"}
    kind, _ = Counter(d["type"] for d in events.values()).most_common(1)[0]
    sources = Counter(
        u for u, v, t in seed_graph.edges(data="type") if t == "SOURCE_OF" and events[v]["type"] == kind
    )
    actor = min(sources, key=lambda a: (-sources[a], a))
    touched = {v for _, v, t in seed_graph.out_edges(actor, data="type") if t == "SOURCE_OF"}
    touched |= {u for u, _, t in seed_graph.in_edges(actor, data="type") if t in ("TARGETS", "INVOLVES")}
    shown = {events[e]["sentence"] for e in touched if events[e]["type"] == kind}
    hidden = {events[e]["sentence"] for e in touched if events[e]["type"] != kind} - shown

    page = write_html(seed_graph, tmp_path / "graph.html", title="newsgraph: seed article")
    with chromium() as driver:
        _open(driver, page)
        Select(driver.find_element(By.ID, "ng-type")).select_by_value(kind)
        _click_node(driver, actor)
        details = driver.find_element(By.ID, "ng-details")
        WebDriverWait(driver, 5).until(lambda d: details.get_attribute("data-node") == actor)
        text = details.text
        assert seed_graph.nodes[actor]["name"] in text
        for sentence in shown:
            assert " ".join(sentence.split()) in " ".join(text.split())
        for sentence in hidden:
            assert " ".join(sentence.split()) not in " ".join(text.split())
        time.sleep(0.3)  # let sigma finish drawing the highlight before the picture
        shot = screenshot(driver, "html-view.png")
    publish(shot, "html-view.png")


@pytest.mark.browser
@pytest.mark.slow
def test_a_few_thousand_nodes_open_without_freezing(tmp_path):
    """3,000 actors and events: written in seconds, drawn at once, the page answers a click."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    graph = nx.MultiDiGraph()
    for i in range(1000):
        kind = ("state", "person", "organization", "group")[i % 4]
        graph.add_node(f"A{i}", label="Actor", name=f"Actor {i}", kind=kind)
    for i in range(2000):
        e = f"E{i}"
        graph.add_node(e, label="Event", type=f"type_{i % 20}", cameo="010", quad_class=1 + i % 4)
        graph.add_edge(f"A{i % 1000}", e, type="SOURCE_OF")
        graph.add_edge(e, f"A{(i * 7 + 3) % 1000}", type="TARGETS")
    started = time.monotonic()
    page = write_html(graph, tmp_path / "big.html")
    written = time.monotonic() - started
    assert written < 10, f"writing took {written:.1f}s"  # about 0.6 s here
    with chromium() as driver:
        started = time.monotonic()
        _open(driver, page)
        opened = time.monotonic() - started
        assert opened < 15, f"opening took {opened:.1f}s"
        Select(driver.find_element(By.ID, "ng-type")).select_by_value("type_3")
        assert driver.find_element(By.ID, "ng-stats").text.endswith("100 of 2000 events")


# --- at first sight (issue 15) ---------------------------------------------------------------------


def _labels(driver) -> tuple[set[str], set[str]]:
    """Node ids whose labels sigma drew in its last frame: (actors, events)."""
    drawn = driver.execute_script(
        """const r = window.newsgraph.renderer; r.refresh(); r.render();
           return Array.from(r.displayedNodeLabels || []);"""
    )
    events = {e for e in drawn if e.startswith("evt:")}
    return set(drawn) - events, events


@pytest.mark.browser
def test_event_labels_wait_for_zoom_or_hover_and_actor_labels_stay(seed_graph, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    page = write_html(seed_graph, tmp_path / "graph.html")
    busiest = max(
        (n for n, d in seed_graph.nodes(data=True) if d.get("label") == "Actor"),
        key=lambda n: (seed_graph.degree(n), n),
    )
    with chromium() as driver:
        _open(driver, page)
        actors, events = _labels(driver)
        assert events == set()  # no event type name over the actors' names at first sight
        assert busiest in actors and len(actors) >= 5

        # Zoomed in, events are labelled.
        driver.execute_script("window.newsgraph.renderer.getCamera().setState({ratio: 0.2});")
        WebDriverWait(driver, 5).until(lambda d: _labels(d)[1])
        driver.execute_script("window.newsgraph.renderer.getCamera().setState({ratio: 1, x: 0.5, y: 0.5});")
        WebDriverWait(driver, 5).until(lambda d: not _labels(d)[1])

        # Hovering an event shows its label.
        event = next(n for n, d in seed_graph.nodes(data=True) if d.get("label") == "Event")
        container = driver.find_element(By.ID, "ng-graph")
        x, y, width, height = driver.execute_script(
            """const r = window.newsgraph.renderer, g = window.newsgraph.graph;
               const p = r.graphToViewport({x: g.getNodeAttribute(arguments[0], 'x'),
                                            y: g.getNodeAttribute(arguments[0], 'y')});
               const box = document.getElementById('ng-graph').getBoundingClientRect();
               return [p.x, p.y, box.width, box.height];""",
            event,
        )
        ActionChains(driver).move_to_element_with_offset(
            container, int(x - width / 2), int(y - height / 2)
        ).perform()
        label = "return window.newsgraph.renderer.getNodeDisplayData(arguments[0]).label"
        mentions = seed_graph.nodes[event].get("mentions") or 1
        kind = seed_graph.nodes[event]["type"] + (f" ({mentions})" if mentions > 1 else "")  # its reports
        WebDriverWait(driver, 5).until(lambda d: d.execute_script(label, event) == kind)


@pytest.mark.browser
def test_searching_an_actor_narrows_the_graph_to_its_neighbourhood(graph, tmp_path):
    from selenium.webdriver.common.by import By

    page = write_html(graph, tmp_path / "graph.html")
    events = {e for e, d in graph.nodes(data=True) if d.get("label") == "Event"}
    own = {e for e in events if graph.has_edge("USA", e) or graph.has_edge(e, "USA")}
    others = {a for e in own for a in [*graph.predecessors(e), *graph.successors(e)] if a not in events}
    others = {a for a in others if graph.nodes[a].get("label") == "Actor"}
    with chromium() as driver:
        _open(driver, page)
        driver.find_element(By.ID, "ng-search").send_keys("Washington\n")  # an alias of the United States
        stats = driver.find_element(By.ID, "ng-stats").text
        assert stats == f"{len(others)} of 12 actors, {len(own)} of 10 events (around United States)"
        assert not _hidden(driver, "USA") and all(not _hidden(driver, e) for e in own)
        assert all(_hidden(driver, e) for e in events - own)
        assert _hidden(driver, "person:emmanuel-macron")  # in no event with the United States
        assert driver.find_element(By.CSS_SELECTOR, "#ng-details h2").text == "United States"
        driver.find_element(By.ID, "ng-reset").click()
        assert driver.find_element(By.ID, "ng-stats").text == "12 of 12 actors, 10 of 10 events"
