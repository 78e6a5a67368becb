"""Extraction II, events: each rule of the event coder on a sentence of our own, through the real
spaCy pipeline (the hand-built Doc tests of the same rules are in tests/test_rules_*.py)."""

from __future__ import annotations

import pytest

from newsgraph.extract.ontology import Lexicon
from newsgraph.extract.pipeline import Extractor
from newsgraph.extract.readers import article_id
from newsgraph.extract.record import Article, ArticleRecord


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def read(extractor: Extractor, body: str) -> ArticleRecord:
    text = "Test Wire\nA headline for the test\n" + body + "\n"
    return extractor.extract(Article(id=article_id(text), text=text))


def events(record: ArticleRecord) -> list[tuple[str, list[str], list[str]]]:
    """(CAMEO root, source ids, target ids) of every event."""
    return [(e.cameo[:2], e.source, e.target) for e in record.events]


# --- scope: what is no act of its own ---------------------------------------------------------


def test_the_acts_an_appeal_asks_for_are_not_events(extractor):
    record = read(extractor, "Norway urged Chile to withdraw its troops and release all prisoners.")
    assert events(record) == [("02", ["NOR"], ["CHL"])]


def test_the_act_a_refusal_refuses_is_not_an_event(extractor):
    record = read(extractor, "Nepal refused to send troops to the mission in Haiti.")
    assert [root for root, _, _ in events(record)] == ["12"]


def test_according_to_is_no_act(extractor):
    record = read(extractor, "According to officials, Kenya signed a trade deal with Uganda.")
    assert [root for root, _, _ in events(record)] == ["05"]


# --- targets ----------------------------------------------------------------------------------


def one(record: ArticleRecord, root: str):
    found = [e for e in record.events if e.cameo.startswith(root)]
    assert found, f"no {root} event in {events(record)}"
    return found[0]


@pytest.mark.parametrize(
    ("body", "root", "source", "target"),
    [
        ("Chile rejected a fresh offer from Peru on Monday.", "12", "CHL", "PER"),  # proposal_owner
        ("Chile finally conceded to demands from Argentina over fishing rights.", "08", "CHL", "ARG"),
        ("Norway demanded that Chile release the detained sailors.", "10", "NOR", "CHL"),  # asked_party
        ("Peru sent inspectors to Chile to investigate the bombing.", "09", "PER", "CHL"),  # purpose_of_act
        ("Ghana suspended aid deliveries in Bamako after the coup.", "16", "GHA", "MLI"),  # located_object
        ("Turkey fired shells at targets in Syria on Sunday.", "19", "TUR", "SYR"),  # located_object
        ("Nepal refused to deploy peacekeepers in Haiti.", "12", "NPL", "HTI"),  # controlled_object
        ("Mexican police opened fire to disperse Guatemalan migrants.", "19", "MEX", "GTM"),  # purpose_object
    ],
)
def test_target_rules(extractor, body, root, source, target):
    event = one(read(extractor, body), root)
    record_actors = {a.id: a for a in read(extractor, body).actors}
    assert source in event.source or any(record_actors[s].country == source for s in event.source)
    assert target in event.target or any(record_actors[t].country == target for t in event.target)


# --- joint acts -------------------------------------------------------------------------------


def test_a_joint_intent_is_directed_at_each_other(extractor):
    record = read(extractor, "Turkey and Greece agreed on Monday to resume talks on their maritime dispute.")
    event = one(record, "03")
    assert sorted(event.source) == ["GRC", "TUR"] and sorted(event.target) == ["GRC", "TUR"]


# --- frames -----------------------------------------------------------------------------------


def test_saying_another_side_must_act_is_a_demand(extractor):
    record = read(extractor, "A senior Chilean minister said that Peru must return the seized trawlers.")
    assert events(record) == [("10", ["CHL"], ["PER"])]


# --- not news of this kind ----------------------------------------------------------------------

MATCH_REPORT = """Chile thrashed Peru 4-1 in Santiago on Wednesday to top their World Cup qualifying group.
Striker Diego Rojas fired Chile ahead in the ninth minute and struck again before half-time.
Peru hit back through a penalty, but the home defence held firm until the final whistle.
Chile coach Marta Lopez praised her players and said the team would fight for every point.
Peru's sports ministry recalled its under-20 squad from a tournament in Bolivia over a border dispute."""


def test_a_match_report_gives_no_fighting_but_keeps_a_governments_act(extractor):
    record = read(extractor, MATCH_REPORT)
    roots = [root for root, _, _ in events(record)]
    assert not {"18", "19", "20"} & set(roots), events(record)  # goals are no attacks
    assert not [e for e in record.events if e.cameo.startswith("05")]  # the coach's praise is sport
    assert not [e for e in record.events if e.source and e.source[0].startswith("person:")]


def test_company_results_give_no_fighting(extractor):
    body = (
        "Andes Freight reported a 20 percent jump in quarterly profit, beating analysts' forecasts. "
        "Its chief executive said the takeover of a rival would help it attack the Chilean market."
    )
    assert not [root for root, _, _ in events(read(extractor, body)) if root in {"18", "19", "20"}]


# --- vocabulary ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("Peruvian riot police fired tear gas at Chilean fishermen in Lima.", "175"),
        ("Chilean police dispersed hundreds of Peruvian fishermen in Arica.", "175"),
        ("Japan released 4 million dollars in emergency aid for Peru.", "07"),
        ("Peru shortened the nightly curfew in Lima by one hour.", "0813"),
        ("Peru lifted the state of emergency in Cusco on Friday.", "0814"),
        ("Peru's president resigned on Sunday.", "0831"),
        ("Chile strengthened its forces along the border with Peru.", "154"),
        ("Peru's president declined to resign despite the protests.", "12"),
        ("Chile dissolved the opposition party on Monday.", "1722"),
        ("Peru will allow the refugees to return home.", "035"),
        ("The Chilean Miners Federation stopped work on Monday over pay.", "143"),
        ("Peru ended its mediation between the two parties.", "165"),
        ("Peru reimposed the blockade on the port of Arica.", "191"),
        ("Chile reneged on its commitment to hold a referendum.", "12"),
        ("Bolivian rebels blew up two bridges near Oruro.", "183"),
        ("Chile is willing to withdraw its troops from the border.", "0356"),
        ("Peru speeded up the withdrawal of its forces from the border.", "087"),
    ],
)
def test_vocabulary(extractor, body, code):
    record = read(extractor, body)
    assert any(e.cameo.startswith(code) for e in record.events), events(record)


@pytest.mark.parametrize(
    ("body", "root", "source", "target"),
    [
        ("Chile bombed Peruvian border posts on Friday. Peru vowed retaliation.", "13", "PER", "CHL"),
        ("Bolivia said it stood with Peru in the dispute.", "05", "BOL", "PER"),
        ("Peru lodged stern representations with Chile over the arrests.", "11", "PER", "CHL"),
        ("Chile barred Peruvian ministers from the summit.", "17", "CHL", "PER"),
        ("Chile blocked a Peruvian investment in a copper mine.", "12", "CHL", "PER"),
        ("Bolivia signed agreements on trade and energy with Peru.", "05", "BOL", "PER"),
    ],
)
def test_more_targets_and_vocabulary(extractor, body, root, source, target):
    record = read(extractor, body)
    found = [e for e in record.events if e.cameo.startswith(root)]
    assert found and source in found[-1].source and target in found[-1].target, events(record)


def test_an_agentless_passive_with_also_continues_the_act_before(extractor):
    record = read(
        extractor, "Chilean police arrested a Peruvian lawyer on Monday. Two journalists were also detained."
    )
    arrests = [e for e in record.events if e.cameo.startswith("17")]
    assert len(arrests) == 2 and all(e.source == arrests[0].source != [] for e in arrests)


def test_retaliation_by_its_means_is_aimed_at_who_acted(extractor):
    record = read(extractor, "Chile imposed sanctions on Peru on Monday. Peru retaliated with an export ban.")
    assert events(record) == [("16", ["CHL"], ["PER"]), ("16", ["PER"], ["CHL"])]


def test_suspended_from_its_bodies(extractor):
    record = read(extractor, "ECOWAS suspended Togo from all its decision-making bodies.")
    assert [(root, target) for root, _, target in events(record)] == [("16", ["TGO"])]


def test_a_title_of_a_state_stands_for_it(extractor):
    record = read(extractor, "Chile offered to negotiate with the president of Peru.")
    assert [(root, target) for root, _, target in events(record)] == [("03", ["PER"])]


def test_a_demand_nouns_clause_names_who_is_asked(extractor):
    record = read(extractor, "Norway reiterated its demand that Chile release the detained sailors.")
    assert events(record) == [("10", ["NOR"], ["CHL"])]


def test_force_aimed_deeper_in_the_phrase_and_coordinated_calls(extractor):
    record = read(
        extractor,
        "Peruvian soldiers opened fire with small arms and mortars on Chilean posts. "
        "The Syrian Democratic Forces accused Ankara of targeting journalists "
        "and called on the United States to act.",
    )
    assert ("19", ["PER"], ["CHL"]) in events(record)
    calls = [e for e in record.events if e.cameo.startswith("02")]
    assert calls and calls[0].target == ["USA"] and "TUR" not in calls[0].source


def test_supplying_goods_to_the_world_is_trade(extractor):
    assert events(read(extractor, "Chile supplies about a third of the world's copper.")) == []


def test_both_countries_are_the_two_sides_of_the_conflict_before(extractor):
    record = read(
        extractor, "Chile imposed sanctions on Peru on Monday. Brazil urged both countries to resume talks."
    )
    assert ("02", ["BRA"], ["CHL", "PER"]) in events(record)


def test_withdrawing_peacekeepers_unless_is_a_threat(extractor):
    record = read(
        extractor, "Nigeria said it would withdraw its peacekeepers from Chad unless Chad held elections."
    )
    assert [(root, source, target) for root, source, target in events(record)] == [("13", ["NGA"], ["TCD"])]


def test_a_strike_counted_in_days_is_a_labour_strike(extractor):
    doc = extractor.nlp("Judges began a three-day strike on Tuesday.")
    strike = next(t for t in doc if t.lower_ == "strike")
    words = {c.lemma_.lower() for c in strike.children if c.dep_ in {"compound", "amod"}}
    sense = Lexicon.load().match("strike", "NOUN", objects=words)
    assert sense is not None and sense.cameo == "143"


def test_a_vow_to_pursue_rebels_is_a_threat(extractor):
    record = read(extractor, "Peru vowed to pursue the rebels until the last one is captured.")
    assert [e.cameo[:2] for e in record.events] == ["13"]


def test_an_announced_response_is_a_threat_at_who_acted(extractor):
    record = read(extractor, "Chile shelled Peruvian border posts on Monday. Peru said it would respond.")
    assert ("13", ["PER"], ["CHL"]) in events(record)


def test_a_threatened_act_is_a_threat_whatever_it_is(extractor):
    record = read(extractor, "Peru threatened to deliver devastating blows to Chile.")
    assert [(root, target) for root, _, target in events(record)] == [("13", ["CHL"])]


def test_mobilizing_pressure_groups_rallies_support(extractor):
    record = read(extractor, "Chile mobilized pressure groups in Peru to support its claim.")
    assert "15" not in [root for root, _, _ in events(record)]  # no armed forces mobilised


def test_warning_of_a_hazard_is_no_threat(extractor):
    record = read(extractor, "Chile warned of a cholera outbreak. Peru said it was monitoring the situation.")
    assert [e.cameo for e in record.events] == ["012", "010"]  # a pessimistic comment, a statement


def test_two_versions_of_a_story_never_share_an_event_id(extractor):
    # Same outlet line, headline and first sentence (the same act at the same offset), another ending:
    # an updated story. Event ids once hashed only the text's first 64 characters, so the loader
    # took the two articles' reports for one.
    lead = "Poland expelled three Russian diplomats on Thursday."
    first = read(extractor, lead)
    second = read(extractor, lead + " Russia said it would respond.")
    assert first.events and second.events
    assert first.events[0].cameo == second.events[0].cameo
    assert not {e.id for e in first.events} & {e.id for e in second.events}


# --- round 4: refusals, reactions, readings ----------------------------------------------------


@pytest.mark.parametrize(
    ("body", "root", "source", "target"),
    [
        # negated_acceptance: a refusal to accept is a rejection, not a negated acceptance
        ("Chile said it would not accept Peru's interference in the election.", "12", ["CHL"], ["PER"]),
        # kind_of_agent: "riot police" is no riot
        ("Chilean riot police detained dozens of students in Santiago.", "17", ["CHL"], None),
        # lexicon: boycotting classes is a protest boycott (143), not a state's boycott (163)
        ("Students in Lima boycotted classes to protest against the education reform.", "14", None, None),
        # lexicon: "push for" is a demand (PETRARCH-2's DEMAND), what it pushes for no act of its own
        ("Ecuador said it would push for new sanctions against Peru.", "10", ["ECU"], None),
        # lexicon: holding hostages goes on taking them (181)
        ("Rebels in Colombia are still holding 12 hostages.", "18", None, None),
        # a warning that a hazard has come is a pessimistic comment, no threat
        ("The United Nations warned that famine had spread to southern Chad.", "01", ["org:un"], None),
    ],
)
def test_round_four_readings(extractor, body, root, source, target):
    record = read(extractor, body)
    assert [r for r, _, _ in events(record)] == [root]
    event = record.events[0]
    assert source is None or event.source == source
    assert target is None or event.target == target
    assert not event.negated


def test_a_mistagged_verb_of_a_relative_clause_codes(extractor):
    body = (
        "A tribunal ruled in 2016 that Peru's claims to the islands had no legal basis,"
        " a decision that Lima rejects."
    )
    record = read(extractor, body)
    assert events(record) == [("12", ["PER"], [])]  # the tagger calls "rejects" a plural noun


def test_a_reaction_to_the_decision_answers_the_latest_act(extractor):
    record = read(extractor, "Peru imposed sanctions on Chile. Argentina welcomed the decision.")
    assert events(record) == [("16", ["PER"], ["CHL"]), ("05", ["ARG"], ["PER"])]
    assert record.events[1].responds_to == [record.events[0].id]


def test_the_act_an_accusation_names_is_the_accused_ones(extractor):
    record = read(extractor, "Chile accused Peru's navy of a cyberattack on its ports.")
    navy = next(a.id for a in record.actors if a.name == "Peruvian Navy")
    assert events(record) == [("11", ["CHL"], [navy]), ("17", [navy], [])]


def test_an_unnamed_set_stands_for_whom_it_includes(extractor):
    record = read(extractor, "Bolivian police arrested 40 people, including three journalists.")
    [(root, _, [target])] = events(record)
    assert root == "17" and next(a for a in record.actors if a.id == target).name == "journalists"


def test_a_response_answers_an_act_against_its_state(extractor):
    record = read(extractor, "Chile expelled Peru's ambassador. Peru said it would respond.")
    assert events(record) == [("16", ["CHL"], ["PER"]), ("13", ["PER"], ["CHL"])]


@pytest.mark.parametrize(
    ("body", "root", "source", "target"),
    [
        # answered_party: punishing the doer of the act a reaction names, helping whom it hit
        (
            "Chilean troops attacked a village in Peru's southern province on Friday."
            " Spain condemned the attack and suspended its development aid.",
            "16",
            ["ESP"],
            ["CHL"],
        ),
        (
            "Rebels attacked a town in Peru's northern province."
            " Spain condemned the attack and pledged 2 million euros in emergency aid.",
            "03",
            ["ESP"],
            ["PER"],
        ),
        # small_clauses: "declared X persona non grata" is an expulsion of X
        ("Bolivia declared two Chilean diplomats persona non grata on Monday.", "16", ["BOL"], ["CHL"]),
        # lexicon: a recommendation is an appeal; handing out food is aid; chanting slogans is a protest
        (
            "The African Union recommended an independent review of the voter roll.",
            "02",
            None,
            None,
        ),
        (
            "The World Food Programme began distributing rice and biscuits to families in the camps.",
            "07",
            None,
            None,
        ),
        (
            "Hundreds of opposition supporters gathered in Quito, chanting slogans against the government.",
            "14",
            None,
            None,
        ),
        # lexicon: reminding a state of its commitments is an appeal to honour them (no new pledge)
        ("Spain reminded Chile of its commitments to the rule of law.", "02", ["ESP"], ["CHL"]),
        # an object relative pronoun is the noun it stands for
        ("Peru fined a Chilean company that it accused of fraud.", "11", ["PER"], ["CHL"]),
        # what a speaker calls an act is a judgment of its doer (the act: the same code, 072)
        (
            "Spain fined three Chilean firms accused of supplying drones to Peru."
            " Spain's foreign minister said the transfers were a threat to peace.",
            "11",
            ["ESP"],
            None,
        ),
        # lexicon: reviving talks is negotiating (046; ready to help revive them: 036); oil sales are trade
        ("Chile said it was ready to help revive the negotiations with Peru.", "03", ["CHL"], None),
        ("Iran said its oil sales to China had doubled.", "06", ["IRN"], ["CHN"]),
        # a leader arriving in a capital visits its state (042, place_target); troops arriving do not
        ("Peru's president arrived in Quito on Monday for two days of talks.", "04", ["PER"], ["ECU"]),
        ("Bolivia said it would recount the votes from 40 polling stations.", "09", ["BOL"], None),
    ],
)
def test_round_four_targets_and_words(extractor, body, root, source, target):
    record = read(extractor, body)
    found = [e for e in record.events if e.cameo.startswith(root)]
    assert len(found) == 1, events(record)
    assert source is None or found[0].source == source
    assert target is None or found[0].target == target
    if "transfers" in body:  # the judged act's doer: the Chilean firms that supplied the drones
        supplied = next(e for e in record.events if e.cameo == "072")
        assert found[0].target == supplied.source


def test_not_hesitating_to_act_is_an_intent(extractor):
    record = read(extractor, "Chilean officials said they would not hesitate to take further action.")
    [event] = record.events
    assert (event.cameo[:2], event.modality, event.negated) == ("13", "planned", False)


def test_troops_arriving_make_no_visit(extractor):
    record = read(extractor, "A first contingent of Chilean peacekeeping troops arrived in Haiti on Tuesday.")
    assert not [e for e in record.events if e.cameo.startswith("04")]


def test_every_involved_actor_is_one_of_the_records_actors(extractor):
    """A group too vague to be an actor ("journalists" with no country, no event's source or target)
    is no "about" reference either: the writers found no node for it and dropped the link."""
    text = "The Kenyan foreign minister criticised Uganda over its treatment of journalists."
    record = read(extractor, text)
    actors = {a.id for a in record.actors}
    assert record.events
    assert all(i.actor in actors for e in record.events for i in e.involves)
    assert "group:journalists" not in actors
