"""The HTML view's map: event places as points on an inlined world outline, offline, in real Chromium."""

from __future__ import annotations

import time
from pathlib import Path

import networkx as nx
import pytest
from chromium import chromium, publish, requested_urls, screenshot
from geo_records import located_records

from newsgraph.graph.build import build_graph
from newsgraph.graph.exports.html import render_html, view_data, write_html
from newsgraph.graph.exports.html_map import map_available

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return build_graph(located_records())


def _at(graph: nx.MultiDiGraph, place: str) -> set[str]:
    return {u for u, v, t in graph.edges(data="type") if t == "AT" and v == place}


def test_points_are_the_located_event_places(graph):
    assert map_available(), "run `make setup`: npm installs world-atlas and topojson-client"
    places = {p["id"]: p for p in view_data(graph)["places"]}
    assert set(places) == {"place:paris", "place:north-atlantic"}
    paris = places["place:paris"]
    assert set(paris["events"]) == _at(graph, "place:paris") and abs(paris["lat"] - 48.86) < 0.1
    quads = {graph.nodes[e]["quad_class"] for e in paris["events"]}
    assert paris["quad"] in quads and paris["color"].startswith("#")
    page = render_html(graph)
    assert '"type":"Topology"' in page and "topojson" in page  # the outline and its decoder, inlined


def _click_point(driver, place: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    point = driver.find_element(By.CSS_SELECTOR, f"#ng-map circle[data-place='{place}']")
    ActionChains(driver).move_to_element(point).click().perform()


def _hidden(driver, node_id: str) -> bool:
    return driver.execute_script(
        "return !!window.newsgraph.renderer.getNodeDisplayData(arguments[0]).hidden", node_id
    )


def _open(driver, page: Path) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(page.resolve().as_uri())
    WebDriverWait(driver, 20).until(
        lambda d: d.execute_script("return document.getElementById('ng-map').dataset.ready")
    )


@pytest.mark.browser
def test_map_offline_points_present_and_a_click_filters(graph, tmp_path):
    from selenium.webdriver.common.by import By

    page = write_html(graph, tmp_path / "graph.html", title="newsgraph: fixture articles")
    paris_events = _at(graph, "place:paris")
    elsewhere = {n for n, d in graph.nodes(data=True) if d["label"] == "Event"} - paris_events
    with chromium() as driver:
        _open(driver, page)
        assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
        assert len(driver.find_elements(By.CSS_SELECTOR, "#ng-map path.ng-land")) > 150  # the countries
        points = driver.find_elements(By.CSS_SELECTOR, "#ng-map circle.ng-point")
        assert sorted(p.get_attribute("data-place") for p in points) == [
            "place:north-atlantic",
            "place:paris",
        ]

        _click_point(driver, "place:paris")
        stats = driver.find_element(By.ID, "ng-stats").text
        assert stats.endswith(f"{len(paris_events)} of 10 events at Paris"), stats
        assert all(not _hidden(driver, e) for e in paris_events)
        assert all(_hidden(driver, e) for e in elsewhere)
        chosen = driver.find_element(By.CSS_SELECTOR, "#ng-map circle[data-place='place:paris']")
        assert "ng-chosen" in chosen.get_attribute("class")

        _click_point(driver, "place:paris")  # again: every event
        assert driver.find_element(By.ID, "ng-stats").text == "12 of 12 actors, 10 of 10 events"
        _click_point(driver, "place:north-atlantic")
        assert driver.find_element(By.ID, "ng-stats").text.endswith("at North Atlantic")
        driver.find_element(By.ID, "ng-reset").click()
        assert driver.find_element(By.ID, "ng-stats").text == "12 of 12 actors, 10 of 10 events"

        urls = requested_urls(driver)
        assert page.resolve().as_uri() in urls  # the log records requests, and none left the file
        assert [u for u in urls if u.startswith(("http:", "https:", "ws:", "wss:"))] == []


@pytest.mark.browser
@pytest.mark.slow
def test_map_of_the_test_articles_for_the_readme(tmp_path):
    """The test articles and the merge corpus: the README's picture of the map, one place chosen."""
    from selenium.webdriver.common.by import By

    from newsgraph.extract.pipeline import Extractor

    extractor = Extractor()
    paths = sorted((ROOT / "tests" / "articles").glob("*.txt")) + sorted(
        (ROOT / "tests" / "merge" / "articles").glob("*.md")
    )
    graph = build_graph([extractor.extract_path(p) for p in paths])
    places = view_data(graph)["places"]
    assert len(places) >= 5
    busiest = places[0]
    page = write_html(graph, tmp_path / "graph.html", title="newsgraph: test articles")
    with chromium() as driver:
        _open(driver, page)
        assert len(driver.find_elements(By.CSS_SELECTOR, "#ng-map circle.ng-point")) == len(places)
        _click_point(driver, busiest["id"])
        assert driver.find_element(By.ID, "ng-stats").text.endswith(f"at {busiest['name']}")
        time.sleep(0.3)  # let sigma finish drawing before the picture
        shot = screenshot(driver, "html-map.png")
        assert [u for u in requested_urls(driver) if u.startswith(("http:", "https:"))] == []
    publish(shot, "html-map.png")
