"""Property tests (issue 6, point 4): generated records, texts and graphs, kept small and fast.

- the record's JSON round trip, in memory and through a JSON Lines file;
- the extractor never raises on arbitrary Unicode text, and its offsets index the text it was given;
- graphs built from arbitrary small records read back equal from GraphML, GEXF and node-link JSON.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.extract.readers import article_id
from newsgraph.extract.record import (
    ACTOR_KINDS,
    MODALITIES,
    RELATION_TYPES,
    Actor,
    Article,
    ArticleRecord,
    Event,
    Evidence,
    Involvement,
    Mention,
    Relation,
    read_jsonl,
    write_jsonl,
)
from newsgraph.graph.build import build_graph
from newsgraph.graph.exports import export_graph, read_gexf, read_graphml, read_json

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Any text but lone surrogates, which no UTF-8 file holds (the readers replace them on input).
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
# What XML 1.0 can hold: GraphML and GEXF write anything else as U+FFFD (tested separately).
XML_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters=[chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"] + ["\ufffe", "\uffff"],
    ),
    max_size=20,
)
OPTIONAL = st.none() | TEXT
OFFSET = st.integers(min_value=0, max_value=10**7)
SCALAR = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.floats(allow_nan=False) | TEXT


def evidence(text=TEXT) -> st.SearchStrategy[Evidence]:
    return st.builds(Evidence, sentence_index=OFFSET, start=OFFSET, end=OFFSET, text=text)


def records_strategy(text=TEXT, optional=OPTIONAL) -> st.SearchStrategy[ArticleRecord]:
    """Records as the schema allows them, with arbitrary text in every string field."""
    ids = st.sampled_from(["RUS", "UKR", "person:a", "org:b", "group:c", "FRA"])
    actor = st.builds(
        Actor,
        id=ids,
        name=text,
        kind=st.sampled_from(ACTOR_KINDS),
        country=optional,
        aliases=st.lists(text, max_size=3),
        cameo_code=optional,
        mentions=st.lists(st.builds(Mention, start=OFFSET, end=OFFSET, text=text), max_size=2),
    )
    event = st.builds(
        Event,
        id=st.sampled_from(["evt:1", "evt:2", "evt:3"]),
        type=text,
        cameo=st.from_regex(r"[0-9]{2,4}", fullmatch=True),
        goldstein=st.floats(-10, 10),
        quad_class=st.integers(1, 4),
        source=st.lists(ids, max_size=2),
        target=st.lists(ids, max_size=2),
        involves=st.lists(st.builds(Involvement, actor=ids, role=st.sampled_from(["about", "beneficiary"]))),
        modality=st.sampled_from(MODALITIES),
        negated=st.booleans(),
        date=optional,
        date_text=optional,
        place=optional,
        attributed_to=st.lists(ids, max_size=1),
        conditional_on=st.lists(st.sampled_from(["evt:1", "evt:2"]), max_size=1),
        responds_to=st.lists(st.sampled_from(["evt:2", "evt:3"]), max_size=1),
        evidence=st.none() | evidence(text),
        confidence=st.floats(0, 1),
        trigger=optional,
    )
    relation = st.builds(
        Relation,
        type=st.sampled_from(RELATION_TYPES),
        source=ids,
        target=ids,
        properties=st.dictionaries(st.sampled_from(["title", "since"]), text, max_size=2),
        evidence=st.none() | evidence(text),
    )
    article = st.builds(
        Article,
        id=st.sampled_from(["sha256:a", "sha256:b"]),
        title=optional,
        source=optional,
        published=optional,
        url=optional,
        path=optional,
        text=st.just(""),
    )
    return st.builds(
        ArticleRecord,
        article=article,
        actors=st.lists(actor, max_size=4, unique_by=lambda a: a.id),
        events=st.lists(event, max_size=3, unique_by=lambda e: e.id),
        relations=st.lists(relation, max_size=2),
        places=st.lists(st.fixed_dictionaries({"id": st.just("place:x"), "name": text}), max_size=1),
        warnings=st.lists(text, max_size=2),
    )


# --- the record's JSON --------------------------------------------------------------------------------


@FAST
@given(records_strategy(), TEXT)
def test_record_json_round_trip(record, text):
    assert ArticleRecord.from_json(record.to_json()) == record
    record.article.text = text
    assert ArticleRecord.from_json(record.to_json(with_text=True)) == record


@FAST
@given(st.lists(records_strategy(), min_size=1, max_size=3))
def test_record_file_round_trip(records):
    # JSON Lines: one line per record, whatever line separators (U+2028, NEL, CR) the text holds
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.jsonl"
        assert write_jsonl(records, path) == len(records)
        assert list(read_jsonl(path)) == records


# --- the extractor on arbitrary text -----------------------------------------------------------------


@pytest.fixture(scope="module")
def extractor():
    from newsgraph.extract.pipeline import Extractor

    return Extractor()


WORDS = st.sampled_from(
    [
        "Russia", "rejected", "the", "proposals", "France", "pledged", "troops", "to", "Ukraine", "if",
        "a", "ceasefire", "is", "reached", ".", ",", "\n", "\"", "'", "Moscow", "said", "would", "not",
        "seize", "tanker", "on", "Tuesday", "Zakharova", "NATO", "(", ")", "—", "of",
    ]
)  # fmt: skip
ARTICLE_TEXT = st.lists(WORDS | st.text(max_size=8), max_size=40).map(" ".join) | st.text(max_size=200)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ARTICLE_TEXT)
def test_extractor_never_raises_and_its_offsets_index_the_text(extractor, text):
    text = text.replace("\ud800", "")  # st.text never makes surrogates; readers replace them anyway
    record = extractor.extract(Article(id=article_id(text), text=text, path="generated.txt"))
    assert record.article.text == text
    for actor in record.actors:
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text
    for item in [*record.events, *record.relations]:
        if item.evidence is not None:
            assert text[item.evidence.start : item.evidence.end] == item.evidence.text
    assert ArticleRecord.from_json(record.to_json()).to_dict() == record.to_dict()


# --- exports of arbitrary small graphs ------------------------------------------------------------------


def _same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert sorted(a.edges(keys=True, data=True)) == sorted(b.edges(keys=True, data=True))


@FAST
@pytest.mark.parametrize("fmt, reader", [("graphml", read_graphml), ("gexf", read_gexf), ("json", read_json)])
@given(records=st.lists(records_strategy(XML_TEXT, st.none() | XML_TEXT), min_size=1, max_size=3))
def test_exports_of_small_graphs_read_back_equal(fmt, reader, records):
    graph = build_graph(records)
    with tempfile.TemporaryDirectory() as folder:
        back = reader(export_graph(graph, fmt, Path(folder) / f"graph.{fmt}"))
    _same(graph, back)


@FAST
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), min_size=1, max_size=10))
def test_control_characters_export_as_replacement_characters(junk):
    record = ArticleRecord(article=Article(id="sha256:c", title=f"a{junk}b"))
    graph = build_graph([record])
    expected = "a" + "".join(c if c in "\t\n\r" else "\ufffd" for c in junk) + "b"
    with tempfile.TemporaryDirectory() as folder:
        for fmt, reader in (("graphml", read_graphml), ("gexf", read_gexf)):
            back = reader(export_graph(graph, fmt, Path(folder) / f"graph.{fmt}"))
            assert back.nodes["sha256:c"]["title"] == expected
