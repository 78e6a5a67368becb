"""Hand-written extraction records: the small fixture graph the graph, export, loader and query tests share.

Three articles about the same story. Actors recur across articles (RUS, UKR, GBR, FRA) with
different aliases so that merging is exercised; one article carries hostile strings (quotes,
backticks, a Cypher injection attempt, a newline) so every writer is tested against them.
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from newsgraph.extract.record import (
    Actor,
    Article,
    ArticleRecord,
    Event,
    Evidence,
    Involvement,
    Mention,
    Relation,
)

HOSTILE = 'O\'Brien "the `Hammer`" }) DETACH DELETE n // \\ end'
HOSTILE_TITLE = 'Tanker seized: "legal" or `piracy`?\' }) DETACH DELETE n //\nsecond line'


def _mentions(*spans: tuple[int, int, str]) -> list[Mention]:
    return [Mention(start, end, text) for start, end, text in spans]


def coalition_article() -> ArticleRecord:
    text = (
        "UK and France pledge to send troops to Ukraine if a ceasefire is reached. "
        "French president Emmanuel Macron said the Coalition of the Willing would deter attacks."
    )
    s0 = text.index("UK and")
    s1 = text.index("French president")
    return ArticleRecord(
        article=Article(
            id="sha256:aaa1",
            title="Coalition pledges troops",
            source="News Beat",
            published="2026-01-06",
            url="https://example.org/coalition",
            path="tests/articles/coalition.txt",
            text=text,
        ),
        actors=[
            Actor("GBR", "United Kingdom", "state", "GBR", ["UK"], "GBR", _mentions((0, 2, "UK"))),
            Actor("FRA", "France", "state", "FRA", ["French"], "FRA", _mentions((7, 13, "France"))),
            Actor("UKR", "Ukraine", "state", "UKR", [], "UKR", _mentions((39, 46, "Ukraine"))),
            Actor(
                "person:emmanuel-macron",
                "Emmanuel Macron",
                "person",
                "FRA",
                ["Macron"],
                None,
                _mentions((s1 + 17, s1 + 32, "Emmanuel Macron")),
            ),
            Actor(
                "group:coalition-of-the-willing",
                "Coalition of the Willing",
                "group",
                None,
                ["the Coalition"],
                None,
                _mentions(
                    (text.index("Coalition"), text.index("Coalition") + 24, "Coalition of the Willing")
                ),
            ),
        ],
        events=[
            Event(
                id="evt:aaa1:0",
                type="intend_military_protection",
                cameo="0334",
                goldstein=5.2,
                quad_class=1,
                source=["GBR", "FRA"],
                target=["UKR"],
                modality="conditional",
                date="2026-01-06",
                date_text="Tuesday",
                place="place:paris",
                conditional_on=["evt:aaa1:1"],
                evidence=Evidence(0, s0, s1 - 1, text[s0 : s1 - 1]),
                confidence=0.9,
                trigger="pledge",
            ),
            Event(
                id="evt:aaa1:1",
                type="declare_ceasefire",
                cameo="0871",
                goldstein=9.0,
                quad_class=2,
                involves=[Involvement("UKR", "about")],
                modality="hypothetical",
                evidence=Evidence(0, s0, s1 - 1, text[s0 : s1 - 1]),
                confidence=0.6,
                trigger="ceasefire",
            ),
            Event(
                id="evt:aaa1:2",
                type="intend_military_protection",
                cameo="033",
                goldstein=5.2,
                quad_class=1,
                source=["group:coalition-of-the-willing"],
                target=["UKR"],
                involves=[Involvement("UKR", "beneficiary")],
                modality="planned",
                date="2026-01-06",
                attributed_to=["person:emmanuel-macron"],
                evidence=Evidence(1, s1, len(text), text[s1:]),
                confidence=0.7,
                trigger="deter",
            ),
        ],
        relations=[
            Relation(
                "HOLDS_ROLE",
                "person:emmanuel-macron",
                "FRA",
                {"title": "president"},
                Evidence(1, s1, s1 + 32, text[s1 : s1 + 32]),
            ),
            Relation("MEMBER_OF", "GBR", "group:coalition-of-the-willing"),
            Relation("MEMBER_OF", "FRA", "group:coalition-of-the-willing"),
        ],
        places=[{"id": "place:paris", "name": "Paris", "country": "FRA"}],
    )


def rejection_article() -> ArticleRecord:
    text = (
        "Russia rejected the proposals. "
        "Foreign ministry spokesperson Maria Zakharova said any troops would be legitimate combat "
        "targets, according to Reuters. The ministry called the statements militarist declarations."
    )
    s1 = text.index("Foreign ministry")
    s2 = text.index("The ministry")
    return ArticleRecord(
        article=Article(
            id="sha256:bbb2",
            title="Moscow rejects coalition plan",
            source="Wire",
            published="2026-01-07",
            path="tests/articles/rejection.txt",
            text=text,
        ),
        actors=[
            Actor("RUS", "Russia", "state", "RUS", ["Moscow", "Russian"], "RUS", _mentions((0, 6, "Russia"))),
            Actor("GBR", "United Kingdom", "state", "GBR", ["Britain", "UK"], "GBR", []),
            Actor("FRA", "France", "state", "FRA", ["Paris"], None, []),
            Actor("UKR", "Ukraine", "state", None, ["Kyiv"], None, []),
            Actor(
                "org:russian-foreign-ministry",
                "Russian Foreign Ministry",
                "organization",
                "RUS",
                ["foreign ministry", "the ministry"],
                "RUSGOV",
                _mentions((s1, s1 + 16, "Foreign ministry"), (s2, s2 + 12, "The ministry")),
            ),
            Actor(
                "person:maria-zakharova",
                "Maria Zakharova",
                "person",
                "RUS",
                ["Zakharova"],
                "RUSGOV",
                _mentions((s1 + 30, s1 + 45, "Maria Zakharova")),
            ),
            Actor("org:reuters", "Reuters", "organization", "GBR", [], None, []),
            Actor("group:western-forces", "Western forces", "group", None, ["any troops"], None, []),
        ],
        events=[
            Event(
                id="evt:bbb2:0",
                type="reject",
                cameo="12",
                goldstein=-4.0,
                quad_class=3,
                source=["RUS"],
                target=["GBR", "FRA"],
                involves=[Involvement("UKR", "about")],
                responds_to=["evt:aaa1:0"],
                date="2026-01-07",
                evidence=Evidence(0, 0, s1 - 1, text[: s1 - 1]),
                confidence=0.8,
                trigger="rejected",
            ),
            Event(
                id="evt:bbb2:1",
                type="threaten_military_force",
                cameo="138",
                goldstein=-7.0,
                quad_class=3,
                source=["org:russian-foreign-ministry"],
                target=["group:western-forces"],
                involves=[Involvement("UKR", "about")],
                modality="conditional",
                attributed_to=["org:reuters"],
                evidence=Evidence(1, s1, s2 - 1, text[s1 : s2 - 1]),
                confidence=0.8,
                trigger="targets",
            ),
            Event(
                id="evt:bbb2:2",
                type="criticize_or_denounce",
                cameo="111",
                goldstein=-2.0,
                quad_class=3,
                source=["org:russian-foreign-ministry"],
                target=["GBR", "FRA"],
                date="2026-01-07",
                evidence=Evidence(2, s2, len(text), text[s2:]),
                confidence=0.7,
                trigger="called",
            ),
        ],
        relations=[
            Relation(
                "HOLDS_ROLE",
                "person:maria-zakharova",
                "org:russian-foreign-ministry",
                {"title": "spokesperson"},
                Evidence(1, s1, s1 + 45, text[s1 : s1 + 45]),
            ),
            Relation("PART_OF", "org:russian-foreign-ministry", "RUS"),
        ],
    )


def tanker_article() -> ArticleRecord:
    text = (
        "The US seized a Russian oil tanker in the North Atlantic and detained its crew. "
        f"Captain {HOSTILE} protested. Russia's invasion of Ukraine in February 2022 was recalled."
    )
    s1 = text.index("Captain")
    s2 = text.index("Russia's")
    return ArticleRecord(
        article=Article(
            id="sha256:ccc3",
            title=HOSTILE_TITLE,
            source="Sea `Log`",
            published="2026-01-08",
            url="https://example.org/tanker?q='x'&y=\"z\"",
            path="tests/articles/tanker.txt",
            text=text,
        ),
        actors=[
            Actor(
                "USA", "United States", "state", "USA", ["US", "Washington"], "USA", _mentions((4, 6, "US"))
            ),
            Actor(
                "RUS",
                "Russia",
                "state",
                "RUS",
                ["Russian", "Kremlin"],
                None,
                _mentions((16, 23, "Russian"), (s2, s2 + 6, "Russia")),
            ),
            Actor(
                "UKR",
                "Ukraine",
                "state",
                "UKR",
                ["Ukrainian"],
                "UKR",
                _mentions((s2 + 21, s2 + 28, "Ukraine")),
            ),
            Actor(
                "person:hostile",
                HOSTILE,
                "person",
                "RUS",
                ["Captain `Hammer` O'Brien"],
                None,
                _mentions((s1, s1 + 8 + len(HOSTILE), f"Captain {HOSTILE}")),
            ),
        ],
        events=[
            Event(
                id="evt:ccc3:0",
                type="seize_or_damage_property",
                cameo="171",
                goldstein=-9.2,
                quad_class=4,
                source=["USA"],
                target=["RUS"],
                place="North Atlantic",
                date="2026-01-08",
                evidence=Evidence(0, 0, s1 - 1, text[: s1 - 1]),
                confidence=0.9,
                trigger="seized",
            ),
            Event(
                id="evt:ccc3:1",
                type="arrest_or_detain",
                cameo="173",
                goldstein=-5.0,
                quad_class=4,
                source=["USA"],
                target=["RUS", "person:hostile"],
                place="North Atlantic",
                negated=False,
                evidence=Evidence(0, 0, s1 - 1, text[: s1 - 1]),
                confidence=0.8,
                trigger="detained",
            ),
            Event(
                id="evt:ccc3:2",
                type="fight",
                cameo="190",
                goldstein=-10.0,
                quad_class=4,
                source=["RUS"],
                target=["UKR"],
                date="2022-02",
                date_text="February 2022",
                evidence=Evidence(2, s2, len(text), text[s2:]),
                confidence=0.9,
                trigger="invasion",
            ),
            Event(
                id="evt:ccc3:3",
                type="make_statement",
                cameo="010",
                goldstein=0.0,
                quad_class=1,
                source=["person:hostile"],
                target=["USA"],
                negated=True,
                evidence=Evidence(1, s1, s2 - 1, text[s1 : s2 - 1]),
                confidence=0.4,
                trigger="protested",
            ),
        ],
    )


def fixture_records() -> list[ArticleRecord]:
    """The three fixture articles, in reading order."""
    return [coalition_article(), rejection_article(), tanker_article()]


# What the fixture graph must contain; the tests compare builders, exporters and the loader against it.
EXPECTED_NODES = {"Article": 3, "Actor": 12, "Event": 10, "Place": 2}
EXPECTED_ACTOR_KINDS = {"state": 5, "person": 3, "organization": 2, "group": 2}


def expected_counts(graph: nx.MultiDiGraph) -> dict[str, int]:
    """What Neo4j should hold for ``graph``, keyed as ``newsgraph.graph.neo4j.loader.graph_counts`` does."""
    from newsgraph.graph.schema import extra_label

    counts: Counter = Counter()
    for _, data in graph.nodes(data=True):
        counts[f"node:{data['label']}"] += 1
        if extra_label(data):
            counts[f"node:{extra_label(data)}"] += 1
    for _, _, rel in graph.edges(data="type"):
        counts[f"rel:{rel}"] += 1
    return dict(counts)
