"""Actor rules on hand-built Docs (no statistical model): references by hand-marked tables, the
resolver's passes with the real gazetteer (data, not a parser)."""

from __future__ import annotations

from handmade import actors, build

from newsgraph.extract.actors import ActorResolver
from newsgraph.extract.actors.references import earlier_owner, last_coordination, resolve
from newsgraph.extract.actors.resolver import PASSES
from newsgraph.extract.actors.spans import clean_span, is_location


def test_passes_in_order():
    assert [p.__name__ for p in PASSES] == [
        "named_entities",
        "state_adjectives",
        "agent_nouns",
        "titles",
        "known_roles",
    ]


SIGNED = build("""
    The      the      DET   DT  det    1
    UK       UK       PROPN NNP nsubj  4
    and      and      CCONJ CC  cc     1
    France   France   PROPN NNP conj   1
    signed   sign     VERB  VBD ROOT   4
    a        a        DET   DT  det    6
    deal     deal     NOUN  NN  dobj   4
    .        .        PUNCT .   punct  4
    They     they     PRON  PRP nsubj  9
    met      meet     VERB  VBD ROOT   9
    .        .        PUNCT .   punct  9
""")


def test_they_is_the_last_coordinated_subject():
    table = actors(SIGNED, {1: ("GBR", "state"), 3: ("FRA", "state")})
    assert last_coordination(table, SIGNED[8], set()) == ["GBR", "FRA"]
    assert resolve(table, SIGNED[8]) == ["GBR", "FRA"]


def test_it_is_the_main_subject_of_the_sentence_before():
    doc = build("""
        Iran    Iran    PROPN NNP nsubj  1
        warned  warn    VERB  VBD ROOT   1
        Israel  Israel  PROPN NNP dobj   1
        .       .       PUNCT .   punct  1
        It      it      PRON  PRP nsubj  5
        struck  strike  VERB  VBD ROOT   5
        .       .       PUNCT .   punct  5
    """)
    table = actors(doc, {0: ("IRN", "state"), 2: ("ISR", "state")})
    assert resolve(table, doc[4]) == ["IRN"]
    assert resolve(table, doc[4], exclude={"IRN"}) == ["ISR"]


def test_the_ministry_is_the_earlier_ministry():
    doc = build("""
        The       the       DET   DT  det    2
        Russian   Russian   ADJ   JJ  amod   2
        ministry  ministry  NOUN  NN  nsubj  3
        spoke     speak     VERB  VBD ROOT   3
        .         .         PUNCT .   punct  3
        The       the       DET   DT  det    6
        ministry  ministry  NOUN  NN  nsubj  7
        added     add       VERB  VBD ROOT   7
        .         .         PUNCT .   punct  7
    """)
    table = actors(doc, {(1, 3): ("org:rus-foreign-ministry", "organization")})
    table.actors["org:rus-foreign-ministry"].name = "Russian Foreign Ministry"
    assert resolve(table, doc[6]) == ["org:rus-foreign-ministry"]


def test_the_country_is_the_last_state():
    doc = build("""
        Sudan    Sudan    PROPN NNP nsubj  1
        suffers  suffer   VERB  VBZ ROOT   1
        .        .        PUNCT .   punct  1
        The      the      DET   DT  det    4
        country  country  NOUN  NN  nsubj  5
        starves  starve   VERB  VBZ ROOT   5
        .        .        PUNCT .   punct  5
    """)
    table = actors(doc, {0: ("SDN", "state")})
    assert resolve(table, doc[4]) == ["SDN"]


def test_such_units_belong_to_the_owner_of_the_earlier_units():
    doc = build("""
        Western   Western   ADJ   JJ  amod   1
        units     unit      NOUN  NNS nsubj  2
        arrived   arrive    VERB  VBD ROOT   2
        .         .         PUNCT .   punct  2
        Russia    Russia    PROPN NNP nsubj  5
        attacked  attack    VERB  VBD ROOT   5
        such      such      ADJ   JJ  amod   7
        units     unit      NOUN  NNS dobj   5
        .         .         PUNCT .   punct  5
    """)
    table = actors(doc, {0: ("group:western-powers", "group"), 4: ("RUS", "state")})
    assert earlier_owner(table, doc[7], set()) == ["group:western-powers"]


RESOLVER = ActorResolver()


def test_names_capitals_and_places():
    doc = build(
        """
        Moscow    Moscow    PROPN NNP nsubj  1
        condemned condemn   VERB  VBD ROOT   1
        talks     talk      NOUN  NNS dobj   1
        in        in        ADP   IN  prep   2
        Paris     Paris     PROPN NNP pobj   3
        .         .         PUNCT .   punct  1
        """,
        ents=[(0, 1, "GPE"), (4, 5, "GPE")],
    )
    table = RESOLVER(doc)
    assert table.of(doc[0]) == "RUS"  # a capital stands for its state's government
    assert table.of(doc[4]) is None and table.places[4]["name"] == "Paris"  # "talks in Paris": a place
    assert is_location(doc[4:5]) and not is_location(doc[0:1])


def test_a_later_surname_joins_the_person():
    doc = build(
        """
        Emmanuel  Emmanuel  PROPN NNP compound  1
        Macron    Macron    PROPN NNP nsubj     2
        spoke     speak     VERB  VBD ROOT      2
        .         .         PUNCT .   punct     2
        Macron    Macron    PROPN NNP nsubj     5
        left      leave     VERB  VBD ROOT      5
        .         .         PUNCT .   punct     5
        """,
        ents=[(0, 2, "PERSON"), (4, 5, "PERSON")],
    )
    table = RESOLVER(doc)
    assert table.of(doc[0]) == table.of(doc[4]) == "person:emmanuel-macron"


def test_agent_noun_of_a_state_and_the_title_of_its_spokesperson():
    doc = build(
        """
        Russian        Russian        ADJ   JJ  amod      2
        foreign        foreign        ADJ   JJ  amod      2
        ministry       ministry       NOUN  NN  compound  3
        spokesperson   spokesperson   NOUN  NN  compound  5
        Maria          Maria          PROPN NNP compound  5
        Zakharova      Zakharova      PROPN NNP nsubj     6
        said           say            VERB  VBD ROOT      6
        .              .              PUNCT .   punct     6
        """,
        ents=[(0, 1, "NORP"), (4, 6, "PERSON")],
    )
    table = RESOLVER(doc)
    ministry = table.of(doc[2])
    assert table.actors[ministry].name == "Russian Foreign Ministry"
    relations = {(r.type, r.source, r.target) for r in table.relations}
    assert ("PART_OF", ministry, "RUS") in relations
    assert ("HOLDS_ROLE", table.of(doc[5]), ministry) in relations


def test_clean_span_drops_articles_and_possessives():
    doc = build("""
        the        the        DET   DT  det   1
        Coalition  Coalition  PROPN NNP ROOT  1
        's         's         PART  POS case  1
    """)
    assert clean_span(doc[0:3]).text == "Coalition"
