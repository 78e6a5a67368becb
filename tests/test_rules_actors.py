"""Actor rules on hand-built Docs (no statistical model): references by hand-marked tables, the
resolver's passes with the real gazetteer (data, not a parser)."""

from __future__ import annotations

from handmade import actors, build

from newsgraph.extract.actors import ActorResolver
from newsgraph.extract.actors.references import earlier_owner, last_coordination, resolve
from newsgraph.extract.actors.resolver import PASSES
from newsgraph.extract.actors.spans import clean_span, is_location, same_clause


def test_passes_in_order():
    assert [p.__name__ for p in PASSES] == [
        "long_names",
        "vehicle_names",
        "event_names",
        "team_names",
        "party_names",
        "role_names",
        "named_entities",
        "capital_places",
        "place_extent",
        "unlabelled_names",
        "organisation_units",
        "possessive_parents",
        "state_adjectives",
        "agent_nouns",
        "titles",
        "known_roles",
        "office_holders",
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


def test_clean_span_drops_a_line_break_the_entity_swallowed():
    """An outlet line the NER runs into the next line ("Sportsdesk Wire\n") names no actor with a
    line break in its name."""
    from handmade import VOCAB
    from spacy.tokens import Doc

    pos = ["PROPN", "PROPN", "SPACE", "PROPN"]
    words = ["Sportsdesk", "Wire", "\n", "Turkey"]
    doc = Doc(VOCAB, words=words, spaces=[True, False, False, False], pos=pos)
    assert clean_span(doc[0:3]).text == "Sportsdesk Wire"
    assert clean_span(doc[2:4]).text == "Turkey"


# --- sector groups, long names and names that are not names (docs/design.md, "Actors") ----------


def test_owned_sector_group_is_one_actor_per_country_and_row():
    """``group_country`` and ``phoenix_joins_row``: "Syrian guerrillas" are the Syrian rebels."""
    doc = build(
        """
        Syrian      Syrian     ADJ   JJ  amod   1
        guerrillas  guerrilla  NOUN  NNS nsubj  2
        attacked    attack     VERB  VBD ROOT   2
        .           .          PUNCT .   punct  2
        """,
        ents=[(0, 1, "NORP")],
    )
    table = RESOLVER(doc)
    rebels = table.actors[table.of(doc[1])]
    assert (rebels.id, rebels.kind, rebels.country, rebels.cameo_code) == (
        "group:syr-rebels",
        "group",
        "SYR",
        "SYRREB",
    )
    assert rebels.id in table.sector_groups


def test_bare_group_takes_the_state_of_a_place_in_its_clause():
    """``group_country`` and ``quantity_head``: "Thousands of protesters ... in Tbilisi"."""
    doc = build(
        """
        Thousands   thousand   NOUN  NNS nsubj  3
        of          of         ADP   IN  prep   0
        protesters  protester  NOUN  NNS pobj   1
        marched     march      VERB  VBD ROOT   3
        in          in         ADP   IN  prep   3
        Tbilisi     Tbilisi    PROPN NNP pobj   4
        .           .          PUNCT .   punct  3
        """,
        ents=[(5, 6, "GPE")],
    )
    table = RESOLVER(doc)
    group = table.of(doc[2])
    assert group == table.of(doc[0]) == "group:geo-protesters"  # the quantity noun is the group's
    assert table.actors[group].cameo_code == "GEOOPP"


def test_vague_and_singular_nouns_make_no_group():
    """``vague_noun`` ("people") and ``phoenix_plural_only`` ("a lawyer")."""
    doc = build("""
        People  people  NOUN  NNS nsubj  1
        met     meet    VERB  VBD ROOT   1
        a       a       DET   DT  det    3
        lawyer  lawyer  NOUN  NN  dobj   1
        .       .       PUNCT .   punct  1
    """)
    table = RESOLVER(doc)
    assert table.of(doc[0]) is None and table.of(doc[3]) is None


def test_ethnic_group_and_its_home():
    """``ethnic_modifier``: Rohingya refugees are Myanmar's (their home in ethnic.tsv), coded MMRROHREF."""
    doc = build("""
        Rohingya  Rohingya  PROPN NNP compound 1
        refugees  refugee   NOUN  NNS nsubj    2
        fled      flee      VERB  VBD ROOT     2
        .         .         PUNCT .   punct    2
    """)
    table = RESOLVER(doc)
    refugees = table.actors[table.of(doc[1])]
    assert (refugees.country, refugees.cameo_code) == ("MMR", "MMRROHREF")


def test_group_takes_part_only_in_an_event():
    """``group_takes_part``: a country-less group no event names is left out of the record."""
    doc = build("""
        Journalists  journalist  NOUN  NNS nsubj  1
        waited       wait        VERB  VBD ROOT   1
        .            .           PUNCT .   punct  1
    """)
    table = RESOLVER(doc)
    group = table.of(doc[0])
    assert group in table.sector_groups and table.actors[group].country is None
    assert group not in {a.id for a in table.taking_part([])}


def test_long_name_cut_by_the_ruler_is_one_organisation():
    """``long_org_name``: "Law Society" + "Kenya" is the Law Society of Kenya, Kenyan."""
    doc = build(
        """
        The      the      DET   DT  det    2
        Law      Law      PROPN NNP compound 2
        Society  Society  PROPN NNP nsubj  5
        of       of       ADP   IN  prep   2
        Kenya    Kenya    PROPN NNP pobj   3
        spoke    speak    VERB  VBD ROOT   5
        .        .        PUNCT .   punct  5
        """,
        ents=[(0, 3, "ORG"), (4, 5, "GPE", "KEN")],
    )
    table = RESOLVER(doc)
    org = table.actors[table.of(doc[1])]
    assert (org.name, org.country) == ("Law Society of Kenya", "KEN")
    assert table.of(doc[4]) == org.id and "KEN" not in table.actors


def test_vessel_name_is_no_state():
    """``vehicle_names``: "the tanker Marlin Luanda" does not make Angola (Luanda is its capital)."""
    doc = build(
        """
        Missiles  missile  NOUN  NNS nsubj     1
        hit       hit      VERB  VBD ROOT      1
        the       the      DET   DT  det       3
        tanker    tanker   NOUN  NN  dobj      1
        Marlin    Marlin   PROPN NNP compound  5
        Luanda    Luanda   PROPN NNP appos     3
        .         .        PUNCT .   punct     1
        """,
        ents=[(5, 6, "GPE", "AGO")],
    )
    table = RESOLVER(doc)
    assert "AGO" not in table.actors and table.of(doc[5]) is None


def test_a_title_and_state_beat_the_gazetteer_person():
    """``stated_country``: Colombia's defence minister Pedro Sanchez is not Spain's prime minister."""
    doc = build(
        """
        Colombia  Colombia  PROPN NNP poss      3
        's        's        PART  POS case      0
        defence   defence   NOUN  NN  compound  3
        minister  minister  NOUN  NN  nsubj     6
        Pedro     Pedro     PROPN NNP compound  5
        Sanchez   Sanchez   PROPN NNP appos     3
        spoke     speak     VERB  VBD ROOT      6
        .         .         PUNCT .   punct     6
        """,
        ents=[(0, 1, "GPE", "COL"), (4, 6, "PERSON", "person:pedro-sanchez")],
    )
    table = RESOLVER(doc)
    person = table.actors[table.of(doc[5])]
    assert (person.id, person.country) == ("person:pedro-sanchez-col", "COL")


def test_state_mode_agent_adds_no_alias():
    """``aliases_from_names``: "US officials" stand for the US, "officials" is none of its names."""
    doc = build(
        """
        US         US        PROPN NNP compound 1
        Officials  official  NOUN  NNS nsubj    2
        spoke      speak     VERB  VBD ROOT     2
        .          .         PUNCT .   punct    2
        """,
        ents=[(0, 1, "GPE", "USA")],
    )
    table = RESOLVER(doc)
    assert table.of(doc[1]) == "USA"
    assert "Officials" not in table.actors["USA"].aliases


def test_office_holder_on_the_publication_day():
    """``office_holder``: "the Pakistani president" in July 1988 is Zia-ul-Haq; with no date, nobody."""
    rows = """
        The        the        DET   DT  det    2
        Pakistani  Pakistani  ADJ   JJ  amod   2
        president  president  NOUN  NN  nsubj  3
        spoke      speak      VERB  VBD ROOT   3
        .          .          PUNCT .   punct  3
    """
    dated = build(rows, ents=[(1, 2, "NORP", "PAK")])
    dated._.ng_published = "1988-07-01"
    assert RESOLVER(dated).of(dated[2]) == "person:mohammad-zia-ul-haq"
    undated = build(rows, ents=[(1, 2, "NORP", "PAK")])
    assert RESOLVER(undated).of(undated[2]) is None


def test_place_counts_in_its_clause_or_above():
    """``place_in_clause``: a place in a fronted participle clause is not the clause below it's."""
    doc = build("""
        Responding  respond   VERB  VBG advcl  5
        in          in        ADP   IN  prep   0
        Paris       Paris     PROPN NNP pobj   1
        ,           ,         PUNCT ,   punct  5
        officials   official  NOUN  NNS nsubj  5
        spoke       speak     VERB  VBD ROOT   5
        .           .         PUNCT .   punct  5
    """)
    assert not same_clause(doc[4], doc[2])
    assert same_clause(doc[0], doc[2]) and same_clause(doc[0], doc[4])
