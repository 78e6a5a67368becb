"""Names the NER mislabels or leaves out, read by the words around them (extract/actors/runs.py,
names.py, notnames.py, agents.py; docs/design.md, "Actors"), on sentences written for these tests:
through the real spaCy pipeline, and on hand-built Docs where only a wrong NER label shows the rule.
"""

from __future__ import annotations

import pytest
from handmade import build

from newsgraph.extract.actors import ActorResolver, known
from newsgraph.extract.pipeline import Extractor
from newsgraph.extract.readers import article_id
from newsgraph.extract.record import Actor, Article, ArticleRecord


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def read(extractor: Extractor, body: str, headline: str = "A headline for the test") -> ArticleRecord:
    text = f"Test Wire\n{headline}\n{body}\n"
    return extractor.extract(Article(id=article_id(text), text=text))


def named(record: ArticleRecord, name: str) -> Actor:
    found = [a for a in record.actors if a.name == name]
    assert found, f"no actor named {name!r}: {[(a.id, a.name, a.kind) for a in record.actors]}"
    return found[0]


def test_role_names(extractor):
    """``role_names``: a run of capitalised words after a role or title noun, or set off by commas
    after a title's phrase, is a person."""
    record = read(
        extractor, "The visitors scored late when striker Tomasz Wilkowiak beat goalkeeper Dariusz Pienkny."
    )
    assert named(record, "Dariusz Pienkny").kind == "person"
    record = read(
        extractor, "The mayor of Kherson, Ihor Kolykhaiev, said the shelling had continued overnight."
    )
    assert named(record, "Ihor Kolykhaiev").kind == "person"
    assert not any(a.name in {"Kolykhaiev", "Kherson"} for a in record.actors)


def test_team_names(extractor):
    """``team_names``: "the Bayern Munich defender" is a club, and no state acts in it."""
    record = read(extractor, "The Bayern Munich defender was injured in the first half and left the pitch.")
    assert named(record, "Bayern Munich").kind == "organization"
    assert "DEU" not in {a.id for a in record.actors}


def test_named_as(extractor):
    """``named_as``: the name a group is known by is an organisation, never a place."""
    record = read(
        extractor,
        "The ministry said a criminal group, known as Ghostwriter, had hacked the accounts of officials.",
    )
    assert named(record, "Ghostwriter").kind == "organization"
    assert any(e.source == ["org:ghostwriter"] for e in record.events)  # "the group ... had hacked"


def test_unlabelled_names(extractor):
    """``unlabelled_names``: two capitalised words the NER left alone, a verb's subject, are a person."""
    record = read(extractor, "Italy won 2-0 in Turin, with Davide Frattesi scoring twice.")
    assert named(record, "Davide Frattesi").kind == "person"


def test_organisation_units(extractor):
    """``organisation_units``: "the UN monitoring mission" is a body of its own, PART_OF the UN."""
    record = read(extractor, "The UN monitoring mission in Libya welcomed the agreement on Sunday.")
    mission = named(record, "UN monitoring mission")
    assert mission.kind == "organization"
    assert any(
        r.type == "PART_OF" and (r.source, r.target) == (mission.id, "org:un") for r in record.relations
    )
    assert mission.id in {s for e in record.events for s in e.source}


def test_known_units_are_part_of_their_organisation(extractor):
    """``organisation_units`` on a known body: "the UN refugee agency" (UNHCR) is PART_OF the UN."""
    record = read(extractor, "The UN refugee agency said 3,000 shelters had been destroyed by the floods.")
    assert any((r.type, r.source, r.target) == ("PART_OF", "org:unhcr", "org:un") for r in record.relations)


def test_possessive_parents(extractor):
    """``possessive_parents``: "the African Union's Peace and Security Council" is the AU's and is
    named with it."""
    record = read(
        extractor, "The African Union's Peace and Security Council suspended Mali's membership on Friday."
    )
    council = named(record, "Peace and Security Council")
    assert "African Union Peace and Security Council" in council.aliases
    assert any(
        (r.type, r.source, r.target) == ("PART_OF", council.id, "org:african-union") for r in record.relations
    )


def test_place_extent(extractor):
    """``place_noun_joins`` and ``possessed_place``: "Mali's central Mopti region" is a place of Mali,
    its noun included, so an attack on a town there is aimed at Mali."""
    record = read(
        extractor,
        "Jihadist fighters attacked the town of Djenne in Mali's central Mopti region on Friday.",
    )
    attack = next(e for e in record.events if e.cameo.startswith(("18", "19")))
    assert attack.target == ["MLI"]


def test_a_bloc_named_only_as_an_adjective_is_no_actor(extractor):
    """``bloc_society_group``: in "European manufacturers" Europe is no actor of its own."""
    record = read(extractor, "European manufacturers warned that the export ban would raise their costs.")
    assert "group:europe" not in {a.id for a in record.actors}
    assert named(record, "European businesses").kind == "group"


def test_event_names(extractor):
    """``event_names``: a tournament's name holds no actor ("East African Women" is nobody)."""
    record = read(
        extractor, "Kenya won the East African Women's Volleyball Championship in Kampala on Sunday."
    )
    assert [a.id for a in record.actors] == ["KEN"]


def test_the_capital(extractor):
    """``the_capital``: "in the capital" of a story about one state is its capital: the clause's group
    takes the state, and the event its place."""
    record = read(
        extractor,
        "Hundreds of students marched in the capital on Tuesday to protest against higher fees.",
        headline="Students Protest in Malawi Over Fees",
    )
    students = named(record, "Malawian students")
    assert (students.country, students.cameo_code) == ("MWI", "MWIEDU")
    assert any(e.place == "place:lilongwe" for e in record.events if students.id in e.source)


def test_reported_subject_state(extractor):
    """``reported_subject_state``: "..., the interior ministry said" is the ministry of the state
    that is the reported clause's subject."""
    record = read(
        extractor,
        "Kenya closed its border with Somalia on Monday, the interior ministry said.",
        "Border Closed",
    )
    ministry = named(record, "Kenyan Interior Ministry")
    assert ministry.country == "KEN"


def test_reported_subject_must_be_named():
    """``reported_subject_state`` reads a named state only: in "Ukrainian citizens were detained ...,
    prosecutors said" the prosecutors are not Ukraine's."""
    doc = build(
        """
        Ukrainian   Ukrainian   ADJ   JJ  amod      1
        citizens    citizen     NOUN  NNS nsubjpass 3
        were        be          AUX   VBD auxpass   3
        detained    detain      VERB  VBN ccomp     6
        ,           ,           PUNCT ,   punct     6
        prosecutors prosecutor  NOUN  NNS nsubj     6
        said        say         VERB  VBD ROOT      6
        .           .           PUNCT .   punct     6
        """,
        ents=[(0, 1, "NORP", "UKR")],
    )
    table = ActorResolver()(doc)
    assert not any(a.country == "UKR" and a.kind == "organization" for a in table.actors.values())


def test_generic_federation(extractor):
    """A generic "federation" is named by its words and owned by its state's adjective."""
    record = read(extractor, "The Kenyan athletics federation suspended two runners for doping.")
    federation = named(record, "Kenyan Athletics Federation")
    assert (federation.kind, federation.country) == ("organization", "KEN")


def test_refers_back_only(extractor):
    """``refers_back_only``: a bare "the government" is not the "government of Norway" named after it."""
    record = read(
        extractor,
        "The rebels demanded that the government release their jailed commanders. "
        "The government of Norway offered to host new talks.",
        headline="Rebels Free Hostages in Colombia",
    )
    demand = next(e for e in record.events if e.cameo.startswith("10"))
    assert demand.target == ["org:col-government"]


def test_clause_group_country(extractor):
    """``clause_group_country``: "the M23 rebels, who have been fighting the army": the Congolese army."""
    record = read(
        extractor, "The M23 rebels, who have been fighting the army since 2021, seized the town of Walikale."
    )
    army = named(record, "Congolese Army")
    assert (army.country, army.cameo_code) == ("COD", "CODMIL")
    assert any(e.target == [army.id] for e in record.events if "group:m23" in e.source)


def test_of_owner_in_name(extractor):
    """``of_owner_in_name``: "the Armed Forces of Ukraine" is a name of Ukraine's armed forces."""
    record = read(extractor, "The report was confirmed by the Armed Forces of Ukraine on Tuesday.")
    forces = named(record, "Ukrainian Armed Forces")
    assert "Armed Forces of Ukraine" in forces.aliases and forces.country == "UKR"


def test_party_names(extractor):
    """``party_names``: the words before "party" or "coalition" name a party of the state they start
    with, and name it again without the noun."""
    record = read(extractor, "Voters backed the ruling Kenya Kwanza coalition in the by-election.")
    coalition = named(record, "Kenya Kwanza")
    assert (coalition.kind, coalition.country) == ("organization", "KEN")
    record = read(
        extractor,
        "The ruling Serbian Progressive party won the vote, and rivals congratulated Serbian Progressive "
        "on its victory.",
    )
    party = named(record, "Serbian Progressive")
    assert [m.text for m in party.mentions] == ["Serbian Progressive party", "Serbian Progressive"]
    assert "SRB" not in {a.id for a in record.actors}


def test_lawyers_and_supporters_of_a_person(extractor):
    """``person_once_named``: "Chisenga's" after "Mwamba Chisenga" is the person, whatever the NER
    says; his lawyers are his (no named group of the sector: the court is a state's organ, not
    theirs), and "his supporters" an opposition group."""
    text = (
        "The High Court rejected an appeal by opposition leader Mwamba Chisenga on Monday. "
        "Chisenga's lawyers said the ruling was unjust, and several hundred of his supporters "
        "protested outside the court."
    )
    doc = extractor.nlp(text)
    table = ActorResolver()(doc)
    words = {t.text: t for t in doc}
    lawyers = table.actors[table.of(words["lawyers"])]
    assert (lawyers.id, lawyers.kind) == ("group:chisenga-lawyers", "group")  # the person's
    assert lawyers.cameo_code.endswith("JUD")
    supporters = table.actors[table.of(words["supporters"])]
    assert supporters.kind == "group" and supporters.cameo_code.endswith("OPP")


RESOLVER = ActorResolver()


def test_person_like_org():
    """``person_like_org``: "led by Nourhan Adel", which the NER calls an organisation, is a person:
    "Adel" ends known people's names (``person_name_words``)."""
    assert "adel" in known.person_name_words()[1]
    doc = build(
        """
        The      the      DET   DT  det      1
        attack   attack   NOUN  NN  ROOT     1
        ,        ,        PUNCT ,   punct    1
        led      lead     VERB  VBN acl      1
        by       by       ADP   IN  agent    3
        Nourhan  Nourhan  PROPN NNP compound 6
        Adel     Adel     PROPN NNP pobj     4
        .        .        PUNCT .   punct    1
        """,
        ents=[(5, 7, "ORG")],
    )
    table = RESOLVER(doc)
    assert table.actors[table.of(doc[6])].kind == "person"


def test_person_like_org_keeps_organisations():
    """An organisation word keeps an organisation ("Adel Holdings")."""
    doc = build(
        """
        Adel      Adel      PROPN NNP compound 1
        Holdings  Holdings  PROPN NNP nsubj    2
        rose      rise      VERB  VBD ROOT     2
        .         .         PUNCT .   punct    2
        """,
        ents=[(0, 2, "ORG")],
    )
    table = RESOLVER(doc)
    assert table.actors[table.of(doc[1])].kind == "organization"


def test_event_noun_no_name():
    """``event_noun_no_name``: "Gunfire", which the NER calls a person, is the lexicon's event noun."""
    doc = build(
        """
        Gunfire  Gunfire  PROPN NNP nsubjpass 2
        was      be       AUX   VBD auxpass   2
        heard    hear     VERB  VBN ROOT      2
        .        .        PUNCT .   punct     2
        """,
        ents=[(0, 1, "PERSON")],
    )
    assert RESOLVER(doc).actors == {}
