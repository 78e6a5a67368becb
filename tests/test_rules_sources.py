"""Source rules of the event coder, one by one, on hand-built Docs (no statistical model).

Each test writes a parse out by hand (``handmade.build``), marks the actors by hand, and asks one
rule of ``extract/events/sources.py``: so a rule's behaviour is pinned whatever the parser does.
"""

from __future__ import annotations

import re
from pathlib import Path

from handmade import build, context, earlier_event, states

from newsgraph.extract.events import sources
from newsgraph.extract.events.arguments import noun_agent
from newsgraph.extract.events.sources import (
    NOUN_SOURCE_RULES,
    VERB_SOURCE_RULES,
    accusation_reason,
    accused_act,
    adjective_control,
    agentless_passive,
    clause_root,
    condition_clause,
    conjunct_agent,
    continued_act,
    governing_clause,
    light_verb,
    noun_clause,
    noun_source,
    object_control,
    object_of_coding_verb,
    own_agent,
    participation,
    passive_agent,
    passive_conjunct,
    reaction_object,
    reduced_relative,
    relative_pronoun,
    response_means,
    subject,
    subject_control,
    verb_source,
)

EXPELLED = build("""
    Poland     Poland    PROPN NNP nsubj  1
    expelled   expel     VERB  VBD ROOT   1
    two        two       NUM   CD  nummod 4
    Russian    Russian   ADJ   JJ  amod   4
    diplomats  diplomat  NOUN  NNS dobj   1
    .          .         PUNCT .   punct  1
""")


def test_every_rule_is_in_a_tuple_once():
    verb, noun = VERB_SOURCE_RULES, NOUN_SOURCE_RULES
    assert len(set(verb)) == len(verb) and len(set(noun)) == len(noun)
    assert (
        verb.index(subject)
        < verb.index(clause_root)
        < verb.index(object_control)
        < verb.index(subject_control)
    )


def test_subject():
    ctx = context(EXPELLED, states((0, "POL"), (3, "RUS")))
    assert subject(EXPELLED[1], ctx) == ["POL"]
    assert verb_source(EXPELLED[1], ctx) == ["POL"]


def test_subject_that_names_nobody_does_not_apply():
    doc = build("""
        The       the       DET   DT  det    1
        decision  decision  NOUN  NN  nsubj  2
        angered   anger     VERB  VBD ROOT   2
        Russia    Russia    PROPN NNP dobj   2
        .         .         PUNCT .   punct  2
    """)
    ctx = context(doc, states((3, "RUS")))
    assert subject(doc[2], ctx) is None
    assert verb_source(doc[2], ctx) == []  # and the root has nothing above it: clause_root says so


def test_relative_pronoun():
    doc = build("""
        Iran       Iran      PROPN NNP nsubj  1
        condemned  condemn   VERB  VBD ROOT   1
        Russia     Russia    PROPN NNP dobj   1
        ,          ,         PUNCT ,   punct  2
        which      which     PRON  WDT nsubj  5
        struck     strike    VERB  VBD relcl  2
        Ukraine    Ukraine   PROPN NNP dobj   5
        .          .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "IRN"), (2, "RUS"), (6, "UKR")))
    assert relative_pronoun(doc[5], ctx) == ["RUS"]
    assert relative_pronoun(doc[1], ctx) is None  # not a relative clause
    assert verb_source(doc[5], ctx) == ["RUS"]


def test_passive_agent():
    doc = build("""
        A        a        DET   DT  det        1
        tanker   tanker   NOUN  NN  nsubjpass  3
        was      be       AUX   VBD auxpass    3
        seized   seize    VERB  VBN ROOT       3
        by       by       ADP   IN  agent      3
        Iran     Iran     PROPN NNP pobj       4
        .        .        PUNCT .   punct      3
    """)
    ctx = context(doc, states((5, "IRN")))
    assert subject(doc[3], ctx) is None
    assert passive_agent(doc[3], ctx) == ["IRN"]
    assert verb_source(doc[3], ctx) == ["IRN"]


def test_clause_root_and_agentless_passive_name_no_source():
    doc = build("""
        Iran     Iran     PROPN NNP nsubj      1
        said     say      VERB  VBD ROOT       1
        a        a        DET   DT  det        3
        tanker   tanker   NOUN  NN  nsubjpass  5
        was      be       AUX   VBD auxpass    5
        seized   seize    VERB  VBN ccomp      1
        .        .        PUNCT .   punct      1
    """)
    ctx = context(doc, states((0, "IRN")))
    assert clause_root(doc[5], ctx) is None and clause_root(doc[1], ctx) == []
    assert agentless_passive(doc[5], ctx) == []
    assert agentless_passive(doc[1], ctx) is None
    assert verb_source(doc[5], ctx) == []  # not Iran: it only says so


def test_accusation_reason():
    doc = build("""
        Russia    Russia    PROPN NNP nsubj  1
        attacked  attack    VERB  VBD ROOT   1
        the       the       DET   DT  det    3
        US        US        PROPN NNP dobj   1
        for       for       ADP   IN  prep   1
        seizing   seize     VERB  VBG pcomp  4
        a         a         DET   DT  det    7
        tanker    tanker    NOUN  NN  dobj   5
        .         .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "RUS"), (3, "USA")))
    assert accusation_reason(doc[5], ctx) == ["USA"]
    assert verb_source(doc[5], ctx) == ["USA"]  # not Russia, whose clause governs it


def test_condition_clause():
    doc = build("""
        Canada     Canada     PROPN NNP nsubj  2
        would      would      AUX   MD  aux    2
        retaliate  retaliate  VERB  VB  ROOT   2
        if         if         SCONJ IN  mark   4
        attacked   attack     VERB  VBN advcl  2
        .          .          PUNCT .   punct  2
    """)
    ctx = context(doc, states((0, "CAN")))
    assert condition_clause(doc[4], ctx) == []
    assert governing_clause(doc[4], ctx) == doc[2]  # what would apply without it
    assert verb_source(doc[4], ctx) == []


def test_adjective_control():
    doc = build("""
        Putin     Putin     PROPN NNP nsubj  1
        was       be        AUX   VBD ROOT   1
        ready     ready     ADJ   JJ  acomp  1
        to        to        PART  TO  aux    4
        meet      meet      VERB  VB  xcomp  2
        Zelensky  Zelensky  PROPN NNP dobj   4
        .         .         PUNCT .   punct  1
    """)
    ctx = context(doc, {0: ("person:vladimir-putin", "person"), 5: ("person:volodymyr-zelensky", "person")})
    assert adjective_control(doc[4], ctx) == doc[1]
    assert verb_source(doc[4], ctx) == ["person:vladimir-putin"]


def test_object_control():
    doc = build("""
        The    the    DET   DT  det    1
        EU     EU     PROPN NNP nsubj  2
        urged  urge   VERB  VBD ROOT   2
        Iran   Iran   PROPN NNP dobj   2
        to     to     PART  TO  aux    5
        stop   stop   VERB  VB  xcomp  2
        .      .      PUNCT .   punct  2
    """)
    ctx = context(doc, {1: ("org:european-union", "organization"), 3: ("IRN", "state")})
    assert object_control(doc[5], ctx) == ["IRN"]
    assert verb_source(doc[5], ctx) == ["IRN"]


def test_object_control_through_a_control_preposition():
    doc = build("""
        The      the      DET   DT  det    1
        EU       EU       PROPN NNP nsubj  2
        called   call     VERB  VBD ROOT   2
        on       on       ADP   IN  prep   2
        Georgia  Georgia  PROPN NNP pobj   3
        to       to       PART  TO  aux    6
        stop     stop     VERB  VB  xcomp  2
        .        .        PUNCT .   punct  2
    """)
    ctx = context(doc, {1: ("org:european-union", "organization"), 4: ("GEO", "state")})
    assert object_control(doc[6], ctx) == ["GEO"]


def test_object_control_passes_over_a_date():
    doc = build("""
        Chile   Chile   PROPN NNP nsubj  1
        agreed  agree   VERB  VBD ROOT   1
        on      on      ADP   IN  prep   1
        Monday  Monday  PROPN NNP pobj   2
        to      to      PART  TO  aux    5
        talk    talk    VERB  VB  xcomp  1
        .       .       PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "CHL")))
    assert object_control(doc[5], ctx) is None  # "on Monday" names nobody: whoever agreed talks
    assert verb_source(doc[5], ctx) == ["CHL"]


def test_subject_control():
    doc = build("""
        Britain  Britain  PROPN NNP nsubj  1
        plans    plan     VERB  VBZ ROOT   1
        to       to       PART  TO  aux    3
        help     help     VERB  VB  xcomp  1
        Ukraine  Ukraine  PROPN NNP dobj   3
        .        .        PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "GBR"), (4, "UKR")))
    assert object_control(doc[3], ctx) is None  # "plans" has no object to control it
    assert subject_control(doc[3], ctx) == doc[1]
    assert verb_source(doc[3], ctx) == ["GBR"]


def test_governing_clause():
    doc = build("""
        Turkey  Turkey  PROPN NNP nsubj  1
        met     meet    VERB  VBD ROOT   1
        Sweden  Sweden  PROPN NNP dobj   1
        and     and     CCONJ CC  cc     1
        signed  sign    VERB  VBD conj   1
        a       a       DET   DT  det    6
        deal    deal    NOUN  NN  dobj   4
        .       .       PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "TUR"), (2, "SWE")))
    assert governing_clause(doc[4], ctx) == doc[1]
    assert verb_source(doc[4], ctx) == ["TUR"]


WRITER = build("""
    An          an          DET   DT  det        2
    Australian  Australian  ADJ   JJ  amod       2
    writer      writer      NOUN  NN  nsubjpass  7
    detained    detain      VERB  VBN acl        2
    in          in          ADP   IN  prep       3
    Beijing     Beijing     PROPN NNP pobj       4
    was         be          AUX   VBD auxpass    7
    released    release     VERB  VBN ROOT       7
    .           .           PUNCT .   punct      7
""")


def test_reduced_relative():
    ctx = context(WRITER, states((1, "AUS")))
    assert reduced_relative(WRITER[3], ctx) == []
    assert noun_clause(WRITER[3], ctx) == ["AUS"]  # what would apply without it: the writer's owner
    assert verb_source(WRITER[3], ctx) == []


def test_noun_clause_takes_the_nouns_agent():
    doc = build("""
        Russia    Russia    PROPN NNP poss   2
        's        's        PART  POS case   0
        decision  decision  NOUN  NN  nsubj  5
        to        to        PART  TO  aux    4
        invade    invade    VERB  VB  acl    2
        shocked   shock     VERB  VBD ROOT   5
        Europe    Europe    PROPN NNP dobj   5
        .         .         PUNCT .   punct  5
    """)
    ctx = context(doc, states((0, "RUS")))
    assert noun_clause(doc[4], ctx) == ["RUS"]
    assert verb_source(doc[4], ctx) == ["RUS"]


def test_noun_clause_else_hands_over_to_the_verb_the_noun_hangs_from():
    doc = build("""
        Poland     Poland    PROPN NNP nsubj  1
        supported  support   VERB  VBD ROOT   1
        a          a         DET   DT  det    3
        plan       plan      NOUN  NN  dobj   1
        to         to        PART  TO  aux    5
        help       help      VERB  VB  acl    3
        Ukraine    Ukraine   PROPN NNP dobj   5
        .          .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "POL"), (6, "UKR")))
    assert noun_clause(doc[5], ctx) == doc[1]
    assert verb_source(doc[5], ctx) == ["POL"]


def test_hops_up_the_parse_are_bounded(monkeypatch):
    doc = build("""
        Britain  Britain  PROPN NNP nsubj  1
        plans    plan     VERB  VBZ ROOT   1
        to       to       PART  TO  aux    3
        help     help     VERB  VB  xcomp  1
        .        .        PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "GBR")))
    monkeypatch.setattr(sources, "MAX_HOPS", 1)  # one look only: the hop to "plans" is one too many
    assert verb_source(doc[3], ctx) == []


# --- noun rules ------------------------------------------------------------------------------


def test_object_of_coding_verb():
    doc = build("""
        The        the       DET   DT  det    1
        EU         EU        PROPN NNP nsubj  2
        imposed    impose    VERB  VBD ROOT   2
        sanctions  sanction  NOUN  NNS dobj   2
        on         on        ADP   IN  prep   2
        Iran       Iran      PROPN NNP pobj   4
        .          .         PUNCT .   punct  2
    """)
    ctx = context(doc, {1: ("org:european-union", "organization"), 5: ("IRN", "state")})
    assert object_of_coding_verb(doc[3], ctx) == []  # "impose sanctions" is coded on the verb
    assert noun_source(doc[3], ctx) == []


def test_object_of_coding_verb_leaves_another_sides_material_act():
    doc = build("""
        Chile      Chile     PROPN NNP nsubj  1
        condemned  condemn   VERB  VBD ROOT   1
        Peru       Peru      PROPN NNP poss   4
        's         's        PART  POS case   2
        attacks    attack    NOUN  NNS dobj   1
        and        and       CCONJ CC  cc     1
        rejected   reject    VERB  VBD conj   1
        Bolivia    Bolivia   PROPN NNP poss   9
        's         's        PART  POS case   7
        offer      offer     NOUN  NN  dobj   6
        .          .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "CHL"), (2, "PER"), (7, "BOL")))
    assert object_of_coding_verb(doc[4], ctx) is None  # Peru's attacks happened: Peru's own event
    assert noun_source(doc[4], ctx) == ["PER"]
    assert object_of_coding_verb(doc[9], ctx) == []  # the offer is what Chile rejects, not a report


def test_own_agent_possessor_and_agent_preposition():
    doc = build("""
        Russia    Russia    PROPN NNP poss   2
        's        's        PART  POS case   0
        invasion  invasion  NOUN  NN  ROOT   2
        and       and       CCONJ CC  cc     2
        talks     talk      NOUN  NNS conj   2
        between   between   ADP   IN  prep   4
        Iran      Iran      PROPN NNP pobj   5
        and       and       CCONJ CC  cc     6
        Oman      Oman      PROPN NNP conj   6
    """)
    ctx = context(doc, states((0, "RUS"), (6, "IRN"), (8, "OMN")))
    assert own_agent(doc[2], ctx) == ["RUS"]
    assert own_agent(doc[4], ctx) == ["IRN", "OMN"]


def test_conjunct_agent():
    doc = build("""
        The      the      DET   DT  det    1
        landing  landing  NOUN  NN  nsubj  7
        by       by       ADP   IN  prep   1
        Britain  Britain  PROPN NNP pobj   2
        and      and      CCONJ CC  cc     1
        the      the      DET   DT  det    6
        capture  capture  NOUN  NN  conj   1
        ended    end      VERB  VBD ROOT   7
        .        .        PUNCT .   punct  7
    """)
    ctx = context(doc, states((3, "GBR")))
    assert own_agent(doc[6], ctx) is None
    assert conjunct_agent(doc[6], ctx) == ["GBR"]
    assert noun_source(doc[6], ctx) == ["GBR"]


def test_a_name_modifying_one_conjunct_is_not_the_others_agent():
    doc = build("""
        US       US       PROPN NNP compound 1
        tariffs  tariff   NOUN  NNS nsubj    6
        and      and      CCONJ CC  cc       1
        the      the      DET   DT  det      5
        civil    civil    ADJ   JJ  amod     5
        war      war      NOUN  NN  conj     1
        dominated dominate VERB VBD ROOT     6
        .        .        PUNCT .   punct    6
        US       US       PROPN NNP compound 9
        tariffs  tariff   NOUN  NNS nsubj    12
        and      and      CCONJ CC  cc       9
        sanctions sanction NOUN NNS conj     9
        hurt     hurt     VERB  VBD ROOT     12
        .        .        PUNCT .   punct    12
    """)
    ctx = context(doc, states((0, "USA"), (8, "USA")))
    assert conjunct_agent(doc[5], ctx) is None  # "the civil war" has a determiner of its own
    assert conjunct_agent(doc[11], ctx) == ["USA"]  # "US tariffs and sanctions": both American


def test_reaction_object():
    doc = build("""
        Iran       Iran      PROPN NNP nsubj  1
        condemned  condemn   VERB  VBD ROOT   1
        the        the       DET   DT  det    3
        invasion   invasion  NOUN  NN  dobj   1
        .          .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "IRN")))
    assert reaction_object(doc[3], ctx) == []  # "condemn" is CAMEO 111, a root with policy "reaction"
    assert noun_source(doc[3], ctx) == []


def test_light_verb():
    doc = build("""
        Russia     Russia     PROPN NNP nsubj  1
        conducted  conduct    VERB  VBD ROOT   1
        an         an         DET   DT  det    3
        offensive  offensive  NOUN  NN  dobj   1
        .          .          PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "RUS")))
    assert light_verb(doc[3], ctx) == doc[1]
    assert noun_source(doc[3], ctx) == ["RUS"]


def test_participation():
    doc = build("""
        Belarus       Belarus      PROPN NNP nsubj  1
        participated  participate  VERB  VBD ROOT   1
        in            in           ADP   IN  prep   1
        the           the          DET   DT  det    4
        offensive     offensive    NOUN  NN  pobj   2
        .             .            PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "BLR")))
    assert light_verb(doc[4], ctx) is None  # "participate" is no light verb
    assert participation(doc[4], ctx) == doc[1]
    assert noun_source(doc[4], ctx) == ["BLR"]


def test_adjective_control_in_a_headline():
    doc = build("""
        Russia  Russia  PROPN NNP nsubj  1
        ready   ready   ADJ   JJ  ROOT   1
        to      to      PART  TO  aux    3
        talk    talk    VERB  VB  xcomp  1
    """)
    ctx = context(doc, states((0, "RUS")))
    assert adjective_control(doc[3], ctx) == doc[1]  # the adjective itself: it has the subject
    assert verb_source(doc[3], ctx) == ["RUS"]


def test_passive_conjunct():
    doc = build("""
        Bashir    Bashir    PROPN NNP nsubjpass 2
        was       be        AUX   VBD auxpass   2
        indicted  indict    VERB  VBN ROOT      2
        by        by        ADP   IN  agent     2
        Chile     Chile     PROPN NNP pobj      3
        and       and       CCONJ CC  cc        2
        will      will      AUX   MD  aux       7
        resign    resign    VERB  VB  conj      2
        .         .         PUNCT .   punct     2
    """)
    ctx = context(doc, {0: ("person:bashir", "person"), 4: ("CHL", "state")})
    assert passive_conjunct(doc[7], ctx) == ["person:bashir"]  # who was indicted resigns, not Chile
    assert verb_source(doc[7], ctx) == ["person:bashir"]
    assert passive_conjunct(doc[2], ctx) is None


def test_continued_act():
    doc = build("""
        Police     police     NOUN  NNS nsubj     1
        arrested   arrest     VERB  VBD ROOT      1
        a          a          DET   DT  det       3
        lawyer     lawyer     NOUN  NN  dobj      1
        .          .          PUNCT .   punct     1
        Reporters  reporter   NOUN  NNS nsubjpass 8
        were       be         AUX   VBD auxpass   8
        also       also       ADV   RB  advmod    8
        detained   detain     VERB  VBN ROOT      8
        .          .          PUNCT .   punct     8
        Others     other      NOUN  NNS nsubjpass 12
        were       be         AUX   VBD auxpass   12
        detained   detain     VERB  VBN ROOT      12
        .          .          PUNCT .   punct     12
    """)
    ctx = context(doc, {0: ("org:per-police", "organization")})
    assert continued_act(doc[8], ctx) is None  # no earlier arrest coded yet
    earlier_event(ctx, 1, ["org:per-police"], cameo="173")
    assert continued_act(doc[8], ctx) == ["org:per-police"]  # "were also detained"
    assert verb_source(doc[8], ctx) == ["org:per-police"]
    assert continued_act(doc[12], ctx) is None and verb_source(doc[12], ctx) == []  # no "also": no guess


def test_response_means():
    doc = build("""
        Peru        Peru        PROPN NNP nsubj  1
        retaliated  retaliate   VERB  VBD ROOT   1
        with        with        ADP   IN  prep   1
        a           a           DET   DT  det    4
        ban         ban         NOUN  NN  pobj   2
        .           .           PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "PER")))
    assert response_means(doc[4], ctx).i == 1  # the responder's source
    assert noun_source(doc[4], ctx) == ["PER"]
    assert response_means(doc[0], ctx) is None


def test_governing_clause_of_a_past_tense_verb_coordinated_with_a_gerund():
    doc = build("""
        Peru       Peru       PROPN NNP nsubj  1
        accused    accuse     VERB  VBD ROOT   1
        Chile      Chile      PROPN NNP dobj   1
        of         of         ADP   IN  prep   1
        targeting  target     VERB  VBG pcomp  3
        fishermen  fisherman  NOUN  NNS dobj   4
        and        and        CCONJ CC  cc     4
        called     call       VERB  VBD conj   4
        on         on         ADP   IN  prep   7
        Bolivia    Bolivia    PROPN NNP pobj   8
        .          .          PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "PER"), (2, "CHL"), (9, "BOL")))
    assert governing_clause(doc[7], ctx).i == 1  # "called" goes with "accused", not "targeting"
    assert verb_source(doc[7], ctx) == ["PER"]


def test_every_source_rule_is_tried_alone_here():
    text = Path(__file__).read_text(encoding="utf-8")
    called = set(re.findall(r"(?<![\w.])(\w+)\(", text))  # names called in this file
    untested = [
        rule.__name__ for rule in (*VERB_SOURCE_RULES, *NOUN_SOURCE_RULES) if rule.__name__ not in called
    ]
    assert not untested, f"rules with no hand-built Doc test: {untested}"


def test_the_possessor_of_a_patient_noun_is_not_its_doer():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        urged     urge      VERB  VBD ROOT   1
        Chile     Chile     PROPN NNP poss   4
        's        's        PART  POS case   2
        release   release   NOUN  NN  dobj   1
        and       and       CCONJ CC  cc     4
        Chile     Chile     PROPN NNP poss   8
        's        's        PART  POS case   6
        expulsion expulsion NOUN  NN  conj   4
        of        of        ADP   IN  prep   8
        envoys    envoy     NOUN  NNS pobj   9
        .         .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "PER"), (2, "CHL"), (6, "CHL")))
    assert noun_agent(doc[4], ctx) == []  # "Chile's release": Chile is released
    assert noun_agent(doc[8], ctx) == ["CHL"]  # "Chile's expulsion of envoys": Chile expels


def test_the_act_an_accusation_names_is_the_accused_ones():
    doc = build("""
        Chile       Chile       PROPN NNP nsubj  1
        accused     accuse      VERB  VBD ROOT   1
        Peru        Peru        PROPN NNP dobj   1
        of          of          ADP   IN  prep   1
        being       be          AUX   VBG pcomp  3
        behind      behind      ADP   IN  prep   4
        the         the         DET   DT  det    7
        cyberattack cyberattack NOUN  NN  pobj   5
        .           .           PUNCT .   punct  1
        Bolivia     Bolivia     PROPN NNP nsubj  10
        was         be          AUX   VBD ROOT   10
        behind      behind      ADP   IN  prep   10
        the         the         DET   DT  det    13
        attack      attack      NOUN  NN  pobj   11
        .           .           PUNCT .   punct  10
        Chile       Chile       PROPN NNP nsubj  16
        accused     accuse      VERB  VBD ROOT   16
        Peru        Peru        PROPN NNP poss   19
        's          's          PART  POS case   17
        navy        navy        NOUN  NN  dobj   16
        of          of          ADP   IN  prep   19
        a           a           DET   DT  det    22
        blockade    blockade    NOUN  NN  pobj   20
        .           .           PUNCT .   punct  16
    """)
    ctx = context(
        doc,
        {
            0: ("CHL", "state"),
            2: ("PER", "state"),
            9: ("BOL", "state"),
            15: ("CHL", "state"),
            (17, 20): ("org:per-navy", "organization"),
        },
    )
    assert accused_act(doc[7], ctx) == ["PER"]  # "accused Peru of being behind the cyberattack"
    assert accused_act(doc[13], ctx) == ["BOL"]  # "Bolivia was behind the attack"
    assert accused_act(doc[22], ctx) == ["org:per-navy"]  # "of" hung on the accused
    assert accused_act(doc[2], ctx) is None  # not the object of a preposition
    assert noun_source(doc[7], ctx) == ["PER"]  # before reaction_object, which would say nobody


def test_the_noun_a_participle_of_accusing_describes_did_the_act():
    doc = build("""
        Spain      Spain      PROPN NNP nsubj  1
        fined      fine       VERB  VBD ROOT   1
        Chilean    Chilean    ADJ   JJ  amod   3
        firms      firm       NOUN  NNS dobj   1
        accused    accuse     VERB  VBN acl    3
        of         of         ADP   IN  prep   4
        supplying  supply     VERB  VBG pcomp  5
        drones     drone      NOUN  NNS dobj   6
        .          .          PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "ESP"), (2, "CHL")))
    assert accusation_reason(doc[6], ctx) == ["CHL"]
    assert verb_source(doc[6], ctx) == ["CHL"]
