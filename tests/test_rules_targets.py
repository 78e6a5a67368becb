"""Target rules of the event coder, one by one, on hand-built Docs (no statistical model).

The lexicon sense is written by hand too (``Sense``): a rule is tried with exactly the
prepositions it is given, whatever ``lexicon.tsv`` says.
"""

from __future__ import annotations

import re
from pathlib import Path

from handmade import build, context, earlier_event, states

from newsgraph.extract.events.arguments import actors_of, included
from newsgraph.extract.events.coder import code_events
from newsgraph.extract.events.scope import background_clause, foreground
from newsgraph.extract.events.targets import (
    DEPENDENT_RULES,
    TARGET_FALLBACKS,
    TARGET_RULES,
    Trigger,
    answered_party,
    asked_party,
    both_parties,
    complement_subject,
    conjunct_party,
    controlled_object,
    defied_party,
    dependents,
    described_noun,
    direct_object,
    find_target,
    joined_act,
    located_object,
    named_modifier,
    proposal_aim,
    proposal_owner,
    protected_party,
    purpose_object,
    purpose_of_act,
    recipient,
    retaliated_party,
    small_clause_subject,
    state_named,
    terms_party,
    voiced_target,
    within_phrase,
)
from newsgraph.extract.ontology import Sense


def sense(lemma: str, pos: str = "VERB", cameo: str = "190", preps: tuple[str, ...] = ()) -> Sense:
    return Sense(lemma=lemma, pos=pos, cameo=cameo, preps=preps)


def test_rule_tuples():
    assert DEPENDENT_RULES == (
        both_parties,
        proposal_owner,
        direct_object,
        small_clause_subject,
        recipient,
        named_modifier,
    )
    assert TARGET_RULES == (dependents, described_noun)
    assert TARGET_FALLBACKS == (
        controlled_object,
        protected_party,
        joined_act,
        asked_party,
        complement_subject,
        purpose_object,
        purpose_of_act,
        retaliated_party,
        voiced_target,
        terms_party,
        answered_party,
        conjunct_party,
        defied_party,
        proposal_aim,
        located_object,
    )


EXPELLED = build("""
    Poland     Poland    PROPN NNP nsubj  1
    expelled   expel     VERB  VBD ROOT   1
    Russian    Russian   ADJ   JJ  amod   3
    diplomats  diplomat  NOUN  NNS dobj   1
    from       from      ADP   IN  prep   1
    Warsaw     Warsaw    PROPN NNP pobj   4
    .          .         PUNCT .   punct  1
""")


def test_direct_object():
    ctx = context(EXPELLED, states((0, "POL"), (2, "RUS"), (5, "POL")))
    trigger = Trigger(EXPELLED[1], "VERB", sense("expel", cameo="161"), ["POL"])
    assert direct_object(EXPELLED[3], trigger, ctx) == ["RUS"]  # "Russian diplomats": their owner
    assert direct_object(EXPELLED[4], trigger, ctx) is None  # a preposition is no object


def test_direct_object_is_never_the_source_by_reference():
    doc = build("""
        Anwar  Anwar  PROPN NNP nsubj  1
        said   say    VERB  VBD ROOT   1
        he     he     PRON  PRP nsubj  5
        would  would  AUX   MD  aux    5
        not    not    PART  RB  neg    5
        meet   meet   VERB  VB  ccomp  1
        him    he     PRON  PRP dobj   5
        .      .      PUNCT .   punct  1
    """)
    ctx = context(doc, {0: ("person:anwar", "person")})
    trigger = Trigger(doc[5], "VERB", sense("meet", cameo="040"), ["person:anwar"])
    assert direct_object(doc[6], trigger, ctx) == []  # "him" is not Anwar, who is the source


def test_recipient():
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
    source = ["org:european-union"]
    assert recipient(doc[4], Trigger(doc[2], "VERB", sense("impose", preps=("on",)), source), ctx) == ["IRN"]
    assert (
        recipient(doc[4], Trigger(doc[2], "VERB", sense("impose", preps=("against",)), source), ctx) is None
    )
    # no prepositions of its own: frames.tsv's recipient_prep ("on" is one)
    assert recipient(doc[4], Trigger(doc[2], "VERB", sense("impose"), source), ctx) == ["IRN"]


def test_recipient_of_marks_a_nouns_target_not_a_verbs():
    doc = build("""
        Russia    Russia    PROPN NNP nsubj  1
        accused   accuse    VERB  VBD ROOT   1
        Britain   Britain   PROPN NNP dobj   1
        of        of        ADP   IN  prep   1
        Iran      Iran      PROPN NNP pobj   3
        .         .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "RUS"), (2, "GBR"), (4, "IRN")))
    assert recipient(doc[3], Trigger(doc[1], "VERB", sense("accuse", cameo="112"), ["RUS"]), ctx) is None
    invasion = build("""
        the       the       DET   DT  det   1
        invasion  invasion  NOUN  NN  ROOT  1
        of        of        ADP   IN  prep  1
        Ukraine   Ukraine   PROPN NNP pobj  2
    """)
    ctx = context(invasion, states((3, "UKR")))
    trigger = Trigger(invasion[1], "NOUN", sense("invasion", "NOUN"), ["RUS"])
    assert recipient(invasion[2], trigger, ctx) == ["UKR"]


def test_named_modifier():
    doc = build("""
        Russia    Russia    PROPN NNP poss      3
        's        's        PART  POS case      0
        Ukraine   Ukraine   PROPN NNP compound  3
        invasion  invasion  NOUN  NN  ROOT      3
    """)
    ctx = context(doc, states((0, "RUS"), (2, "UKR")))
    trigger = Trigger(doc[3], "NOUN", sense("invasion", "NOUN"), ["RUS"])
    assert named_modifier(doc[2], trigger, ctx) == ["UKR"]
    assert named_modifier(doc[0], trigger, ctx) is None  # a possessor is no compound
    ctx = context(doc, states((0, "RUS")))
    assert named_modifier(doc[2], trigger, ctx) is None  # a compound that names nobody


def test_dependents_in_text_order():
    doc = build("""
        Iran     Iran     PROPN NNP nsubj  1
        handed   hand     VERB  VBD ROOT   1
        to       to       ADP   IN  prep   1
        Oman     Oman     PROPN NNP pobj   2
        British  British  ADJ   JJ  amod   5
        sailors  sailor   NOUN  NNS dobj   1
        .        .        PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "IRN"), (3, "OMN"), (4, "GBR")))
    trigger = Trigger(doc[1], "VERB", sense("hand", cameo="0841", preps=("to",)), ["IRN"])
    assert dependents(trigger, ctx) == ["OMN", "GBR"]
    assert find_target(trigger, ctx) == ["OMN", "GBR"]


def test_described_noun():
    doc = build("""
        An          an          DET   DT  det        2
        Australian  Australian  ADJ   JJ  amod       2
        writer      writer      NOUN  NN  nsubjpass  7
        detained    detain      VERB  VBN acl        2
        by          by          ADP   IN  agent      3
        China       China       PROPN NNP pobj       4
        was         be          AUX   VBD auxpass    7
        released    release     VERB  VBN ROOT       7
        .           .           PUNCT .   punct      7
    """)
    ctx = context(doc, states((1, "AUS"), (5, "CHN")))
    trigger = Trigger(doc[3], "VERB", sense("detain", cameo="173"), ["CHN"])
    assert described_noun(trigger, ctx) == ["AUS"]
    assert find_target(trigger, ctx) == ["AUS"]


def test_controlled_object():
    doc = build("""
        Britain  Britain  PROPN NNP nsubj  2
        will     will     AUX   MD  aux    2
        help     help     VERB  VB  ROOT   2
        defend   defend   VERB  VB  xcomp  2
        Ukraine  Ukraine  PROPN NNP dobj   3
        .        .        PUNCT .   punct  2
    """)
    ctx = context(doc, states((0, "GBR"), (4, "UKR")))
    trigger = Trigger(doc[2], "VERB", sense("help", cameo="070"), ["GBR"])
    assert dependents(trigger, ctx) == []
    assert controlled_object(trigger, ctx) == ["UKR"]
    assert find_target(trigger, ctx) == ["UKR"]


def test_controlled_object_by_the_governed_verbs_rules_and_place():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        refused   refuse    VERB  VBD ROOT   1
        to        to        PART  TO  aux    3
        respond   respond   VERB  VB  xcomp  1
        to        to        ADP   IN  prep   3
        demands   demand    NOUN  NNS pobj   4
        from      from      ADP   IN  prep   5
        Chile     Chile     PROPN NNP pobj   6
        or        or        CCONJ CC  cc     1
        to        to        PART  TO  aux    10
        deploy    deploy    VERB  VB  xcomp  1
        troops    troop     NOUN  NNS dobj   10
        in        in        ADP   IN  prep   11
        Bolivia   Bolivia   PROPN NNP pobj   12
        .         .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "PER"), (7, "CHL"), (13, "BOL")))
    trigger = Trigger(doc[1], "VERB", sense("refuse", cameo="120"), ["PER"])
    assert controlled_object(trigger, ctx) == ["CHL"]  # the owner of the demands
    del ctx.table.token_actor[7]
    assert controlled_object(trigger, ctx) == ["BOL"]  # "deploy troops in Bolivia": a material act


def test_protected_party():
    doc = build("""
        NATO     NATO     PROPN NNP nsubj  1
        deters   deter    VERB  VBZ ROOT   1
        attacks  attack   NOUN  NNS dobj   1
        against  against  ADP   IN  prep   2
        Estonia  Estonia  PROPN NNP pobj   3
        .        .        PUNCT .   punct  1
    """)
    ctx = context(doc, {0: ("org:nato", "organization"), 4: ("EST", "state")})
    trigger = Trigger(doc[1], "VERB", sense("deter", cameo="074"), ["org:nato"])
    assert protected_party(trigger, ctx) == ["EST"]
    assert find_target(trigger, ctx) == ["EST"]


def test_protected_party_deeper_in_the_object_with_the_senses_own_preposition():
    doc = build("""
        Chile       Chile       PROPN NNP nsubj  1
        signed      sign        VERB  VBD ROOT   1
        agreements  agreement   NOUN  NNS dobj   1
        on          on          ADP   IN  prep   2
        trade       trade       NOUN  NN  pobj   3
        with        with        ADP   IN  prep   4
        Peru        Peru        PROPN NNP pobj   5
        .           .           PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "CHL"), (6, "PER")))
    signed = Trigger(doc[1], "VERB", sense("sign", cameo="057", preps=("with",)), ["CHL"])
    assert protected_party(signed, ctx) == ["PER"]
    generic = Trigger(doc[1], "VERB", sense("sign", cameo="057"), ["CHL"])
    assert protected_party(generic, ctx) == []  # frames.tsv's prepositions only next to the object


def test_retaliated_party():
    doc = build("""
        Chile      Chile      PROPN NNP nsubj  1
        struck     strike     VERB  VBD ROOT   1
        Peru       Peru       PROPN NNP dobj   1
        .          .          PUNCT .   punct  1
        Peru       Peru       PROPN NNP nsubj  5
        vowed      vow        VERB  VBD ROOT   5
        retaliation retaliation NOUN NN dobj   5
        .          .          PUNCT .   punct  5
    """)
    ctx = context(doc, states((0, "CHL"), (2, "PER"), (4, "PER")))
    vowed = Trigger(doc[5], "VERB", sense("vow", cameo="138"), ["PER"])
    assert retaliated_party(vowed, ctx) is None  # nobody struck Peru yet
    earlier_event(ctx, 1, ["CHL"]).target = ["PER"]
    assert retaliated_party(vowed, ctx) == ["CHL"]
    struck = Trigger(doc[1], "VERB", sense("strike", cameo="190"), ["CHL"])
    assert retaliated_party(struck, ctx) is None  # no word of retaliation


def test_joined_act():
    doc = build("""
        The        the        DET   DT  det    1
        US         US         PROPN NNP nsubj  2
        led        lead       VERB  VBD ROOT   2
        an         an         DET   DT  det    4
        operation  operation  NOUN  NN  dobj   2
        which      which      PRON  WDT dobj   7
        Britain    Britain    PROPN NNP nsubj  7
        assisted   assist     VERB  VBD relcl  4
        .          .          PUNCT .   punct  2
    """)
    ctx = context(doc, states((1, "USA"), (6, "GBR")))
    trigger = Trigger(doc[7], "VERB", sense("assist", cameo="070"), ["GBR"])
    assert joined_act(trigger, ctx) is None  # no earlier act in the sentence yet
    earlier_event(ctx, 2, ["USA"])
    assert joined_act(trigger, ctx) == ["USA"]
    fight = Trigger(doc[7], "VERB", sense("assist", cameo="190"), ["GBR"])
    assert joined_act(fight, ctx) is None  # only roots with the "joins_act" policy (04-07)


def test_complement_subject():
    doc = build("""
        Iran    Iran    PROPN NNP nsubj  1
        warned  warn    VERB  VBD ROOT   1
        that    that    SCONJ IN  mark   5
        Israel  Israel  PROPN NNP nsubj  5
        would   would   AUX   MD  aux    5
        pay     pay     VERB  VB  ccomp  1
        .       .       PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "IRN"), (3, "ISR")))
    trigger = Trigger(doc[1], "VERB", sense("warn", cameo="130"), ["IRN"])
    assert complement_subject(trigger, ctx) == ["ISR"]
    pay = Trigger(doc[5], "VERB", sense("pay", cameo="071"), ["ISR"])
    assert complement_subject(pay, ctx) is None  # no speech or warning verb


def test_proposal_owner():
    doc = build("""
        Chile      Chile      PROPN NNP nsubj  1
        rejected   reject     VERB  VBD ROOT   1
        an         an         DET   DT  det    4
        fresh      fresh      ADJ   JJ  amod   4
        offer      offer      NOUN  NN  dobj   1
        from       from       ADP   IN  prep   4
        Peru       Peru       PROPN NNP pobj   5
        and        and        CCONJ CC  cc     1
        conceded   concede    VERB  VBD conj   1
        to         to         ADP   IN  prep   8
        demands    demand     NOUN  NNS pobj   9
        by         by         ADP   IN  prep   10
        Bolivia    Bolivia    PROPN NNP pobj   11
        .          .          PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "CHL"), (6, "PER"), (12, "BOL")))
    rejected = Trigger(doc[1], "VERB", sense("reject", cameo="120"), ["CHL"])
    assert proposal_owner(doc[4], rejected, ctx) == ["PER"]  # whoever made the offer
    assert direct_object(doc[4], rejected, ctx) == []  # the offer itself names nobody
    assert find_target(rejected, ctx) == ["PER"]
    conceded = Trigger(doc[8], "VERB", sense("concede", cameo="080"), ["CHL"])
    assert proposal_owner(doc[9], conceded, ctx) == ["BOL"]  # "to demands by Bolivia"
    assert proposal_owner(doc[0], conceded, ctx) is None  # no object, no preposition


def test_asked_party():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        demanded  demand    VERB  VBD ROOT   1
        that      that      SCONJ IN  mark   4
        Chile     Chile     PROPN NNP nsubj  4
        withdraw  withdraw  VERB  VB  ccomp  1
        its       its       PRON  PRP$ poss  6
        troops    troop     NOUN  NNS dobj   4
        .         .         PUNCT .   punct  1
        Peru      Peru      PROPN NNP nsubj  9
        repeated  repeat    VERB  VBD ROOT   9
        its       its       PRON  PRP$ poss  11
        demand    demand    NOUN  NN  dobj   9
        that      that      SCONJ IN  mark   14
        Bolivia   Bolivia   PROPN NNP nsubj  14
        pay       pay       VERB  VB  acl    11
        .         .         PUNCT .   punct  9
    """)
    ctx = context(doc, states((0, "PER"), (3, "CHL"), (8, "PER"), (13, "BOL")))
    assert asked_party(Trigger(doc[1], "VERB", sense("demand", cameo="100"), ["PER"]), ctx) == ["CHL"]
    # the demand is the object of the coding verb ("repeated its demand that ...")
    assert asked_party(Trigger(doc[9], "VERB", sense("repeat", cameo="100"), ["PER"]), ctx) == ["BOL"]
    assert asked_party(Trigger(doc[4], "VERB", sense("withdraw", cameo="087"), ["CHL"]), ctx) is None


def test_asked_party_of_a_demand_noun_whose_clause_hangs_from_its_verb():
    doc = build("""
        Peru        Peru        PROPN NNP nsubj  1
        reiterated  reiterate   VERB  VBD ROOT   1
        its         its         PRON  PRP$ poss  3
        demand      demand      NOUN  NN  dobj   1
        that        that        SCONJ IN  mark   6
        Chile       Chile       PROPN NNP nsubj  6
        pay         pay         VERB  VB  ccomp  1
        .           .           PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "PER"), (5, "CHL")))
    demand = Trigger(doc[3], "NOUN", sense("demand", pos="NOUN", cameo="100"), ["PER"])
    assert asked_party(demand, ctx) == ["CHL"]


def test_asked_party_of_an_asked_for_act():
    doc = build("""
        Peru       Peru       PROPN NNP nsubj  1
        called     call       VERB  VBD ROOT   1
        for        for        ADP   IN  prep   1
        sanctions  sanction   NOUN  NNS pobj   2
        against    against    ADP   IN  prep   3
        Chile      Chile      PROPN NNP pobj   4
        .          .          PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "PER"), (5, "CHL")))
    called = Trigger(doc[1], "VERB", sense("call", cameo="020", preps=("for",)), ["PER"])
    assert asked_party(called, ctx) == ["CHL"]  # the sanctions would be aimed at Chile


PURPOSE = build("""
    Police    police    NOUN  NNS nsubj  2
    quickly   quickly   ADV   RB  advmod 2
    fired     fire      VERB  VBD ROOT   2
    to        to        PART  TO  aux    4
    disperse  disperse  VERB  VB  advcl  2
    Chilean   Chilean   ADJ   JJ  amod   6
    students  student   NOUN  NNS dobj   4
    .         .         PUNCT .   punct  2
    Peru      Peru      PROPN NNP nsubj  9
    sent      send      VERB  VBD ROOT   9
    inspectors inspector NOUN NNS dobj   9
    to        to        ADP   IN  prep   9
    Chile     Chile     PROPN NNP pobj   11
    to        to        PART  TO  aux    14
    monitor   monitor   VERB  VB  advcl  9
    the       the       DET   DT  det    16
    vote      vote      NOUN  NN  dobj   14
    .         .         PUNCT .   punct  9
""")


def test_purpose_object():
    ctx = context(
        PURPOSE,
        {
            0: ("org:per-police", "organization"),
            5: ("CHL", "state"),
            8: ("PER", "state"),
            12: ("CHL", "state"),
        },
    )
    fired = Trigger(PURPOSE[2], "VERB", sense("fire", cameo="190"), ["org:per-police"])
    assert purpose_object(fired, ctx) == ["CHL"]  # "to disperse Chilean students"
    assert find_target(fired, ctx) == ["CHL"]
    sent = Trigger(PURPOSE[9], "VERB", sense("send", cameo="074"), ["PER"])
    assert purpose_object(sent, ctx) is None  # "to monitor the vote": nobody


def test_purpose_of_act():
    ctx = context(PURPOSE, states((8, "PER"), (12, "CHL")))
    monitor = Trigger(PURPOSE[14], "VERB", sense("monitor", cameo="090"), ["PER"])
    assert purpose_of_act(monitor, ctx) == ["CHL"]  # where the inspectors were sent
    earlier_event(ctx, 9, ["PER"]).target = ["CHL"]
    assert purpose_of_act(monitor, ctx) == ["CHL"]  # the served act's own target
    sent = Trigger(PURPOSE[9], "VERB", sense("send", cameo="074"), ["PER"])
    assert purpose_of_act(sent, ctx) is None  # not a purpose clause


def test_located_object():
    doc = build("""
        Bashir    Bashir    PROPN NNP nsubj  1
        lifted    lift      VERB  VBD ROOT   1
        the       the       DET   DT  det    3
        curfew    curfew    NOUN  NN  dobj   1
        in        in        ADP   IN  prep   3
        Abidjan   Abidjan   PROPN NNP pobj   4
        .         .         PUNCT .   punct  1
        Troops    troop     NOUN  NNS nsubj  8
        fired     fire      VERB  VBD ROOT   8
        shells    shell     NOUN  NNS dobj   8
        at        at        ADP   IN  prep   8
        targets   target    NOUN  NNS pobj   10
        in        in        ADP   IN  prep   11
        Chile     Chile     PROPN NNP pobj   12
        .         .         PUNCT .   punct  8
    """)
    ctx = context(doc, {0: ("person:bashir", "person"), 13: ("CHL", "state")})
    ctx.table.places[5] = {"id": "place:abidjan", "name": "Abidjan", "country": "CIV"}
    lifted = Trigger(doc[1], "VERB", sense("lift", cameo="0813"), ["person:bashir"])
    assert located_object(lifted, ctx) == ["CIV"]  # the place's state, added to the table
    assert ctx.table.actors["CIV"].kind == "state" and state_named(doc[5], ctx) == "CIV"
    fired = Trigger(doc[8], "VERB", sense("fire", cameo="190"), [])
    assert located_object(fired, ctx) == ["CHL"]  # "at targets in Chile"
    talks = Trigger(doc[1], "VERB", sense("lift", cameo="040"), ["person:bashir"])
    assert located_object(talks, ctx) is None  # consultations are not aimed at where they happen


def test_fallbacks_only_when_nothing_is_found():
    doc = build("""
        Britain  Britain  PROPN NNP nsubj  1
        helped   help     VERB  VBD ROOT   1
        Poland   Poland   PROPN NNP dobj   1
        defend   defend   VERB  VB  xcomp  1
        Ukraine  Ukraine  PROPN NNP dobj   3
        .        .        PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "GBR"), (2, "POL"), (4, "UKR")))
    trigger = Trigger(doc[1], "VERB", sense("help", cameo="070"), ["GBR"])
    assert controlled_object(trigger, ctx) == ["UKR"]
    assert find_target(trigger, ctx) == ["POL"]  # the object was found: no fallback


def test_every_target_rule_is_tried_alone_here():
    text = Path(__file__).read_text(encoding="utf-8")
    called = set(re.findall(r"(?<![\w.])(\w+)\(", text))  # names called in this file
    untested = [
        rule.__name__
        for rule in (*DEPENDENT_RULES, *TARGET_RULES, *TARGET_FALLBACKS)
        if rule.__name__ not in called
    ]
    assert not untested, f"rules with no hand-built Doc test: {untested}"


def test_a_title_owned_by_its_of_state():
    doc = build("""
        Chile      Chile      PROPN NNP nsubj  1
        met        meet       VERB  VBD ROOT   1
        the        the        DET   DT  det    3
        president  president  NOUN  NN  dobj   1
        of         of         ADP   IN  prep   3
        Peru       Peru       PROPN NNP pobj   4
        .          .          PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "CHL"), (5, "PER")))
    met = Trigger(doc[1], "VERB", sense("meet", cameo="040"), ["CHL"])
    assert direct_object(doc[3], met, ctx) == ["PER"]  # "the president of Peru" (arguments.office_of)


def test_protected_party_of_a_force_act_deeper_in_a_preposition_not_in_a_clause():
    doc = build("""
        Peru       Peru       PROPN NNP nsubj  1
        fired      fire       VERB  VBD ROOT   1
        with       with       ADP   IN  prep   1
        mortars    mortar     NOUN  NNS pobj   2
        on         on         ADP   IN  prep   3
        Chilean    Chilean    ADJ   JJ  amod   6
        posts      post       NOUN  NNS pobj   4
        .          .          PUNCT .   punct  1
        Police     police     NOUN  NNS nsubj  9
        dispersed  disperse   VERB  VBD ROOT   9
        crowds     crowd      NOUN  NNS dobj   9
        who        who        PRON  WP  nsubj  12
        marched    march      VERB  VBD relcl  10
        on         on         ADP   IN  prep   12
        Bolivia    Bolivia    PROPN NNP pobj   13
        .          .          PUNCT .   punct  9
    """)
    ctx = context(doc, states((0, "PER"), (5, "CHL"), (14, "BOL")))
    fired = Trigger(doc[1], "VERB", sense("fire", cameo="193"), ["PER"])
    assert protected_party(fired, ctx) == ["CHL"]  # "with mortars on Chilean posts"
    dispersed = Trigger(doc[9], "VERB", sense("disperse", cameo="175"), [])
    assert protected_party(dispersed, ctx) == []  # "who marched on Bolivia" is a clause of its own
    assert [t.text for t in within_phrase(doc[10])] == ["crowds"]


def test_a_member_noun_owned_by_its_of_group():
    doc = build("""
        Peru       Peru       PROPN NNP nsubj  1
        killed     kill       VERB  VBD ROOT   1
        21         21         NUM   CD  nummod 3
        members    member     NOUN  NNS dobj   1
        of         of         ADP   IN  prep   3
        the        the        DET   DT  det    6
        PKK        PKK        PROPN NNP pobj   4
        .          .          PUNCT .   punct  1
    """)
    ctx = context(doc, {0: ("PER", "state"), 6: ("group:pkk", "group")})
    killed = Trigger(doc[1], "VERB", sense("kill", cameo="190"), ["PER"])
    assert direct_object(doc[3], killed, ctx) == ["group:pkk"]


def test_both_parties():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        shelled   shell     VERB  VBD ROOT   1
        Chile     Chile     PROPN NNP dobj   1
        .         .         PUNCT .   punct  1
        Brazil    Brazil    PROPN NNP nsubj  5
        urged     urge      VERB  VBD ROOT   5
        both      both      DET   DT  det    7
        countries country   NOUN  NNS dobj   5
        to        to        PART  TO  aux    9
        talk      talk      VERB  VB  xcomp  5
        .         .         PUNCT .   punct  5
    """)
    ctx = context(doc, states((0, "PER"), (2, "CHL"), (4, "BRA")))
    urged = Trigger(doc[5], "VERB", sense("urge", cameo="020"), ["BRA"])
    assert both_parties(doc[7], urged, ctx) is None  # no conflict told before it yet
    earlier_event(ctx, 1, ["PER"], cameo="190").target = ["CHL"]
    assert both_parties(doc[7], urged, ctx) == ["PER", "CHL"]
    assert both_parties(doc[9], urged, ctx) is None  # not a noun of two sides
    assert find_target(urged, ctx) == ["PER", "CHL"]


def test_voiced_target():
    doc = build("""
        Kurds     Kurd      PROPN NNPS nsubj 1
        began     begin     VERB  VBD ROOT   1
        a         a         DET   DT  det    4
        hunger    hunger    NOUN  NN  compound 4
        strike    strike    NOUN  NN  dobj   1
        to        to        PART  TO  aux    6
        protest   protest   VERB  VB  advcl  1
        against   against   ADP   IN  prep   6
        Chile     Chile     PROPN NNP poss   10
        's        's        PART  POS case   8
        decision  decision  NOUN  NN  pobj   7
        .         .         PUNCT .   punct  1
    """)
    ctx = context(doc, {0: ("group:kurds", "group"), 8: ("CHL", "state")})
    strike = Trigger(doc[4], "NOUN", sense("strike", "NOUN", cameo="142"), ["group:kurds"])
    assert voiced_target(strike, ctx) == ["CHL"]  # the strike is aimed where its protest is
    talks = Trigger(doc[4], "NOUN", sense("strike", "NOUN", cameo="190"), ["group:kurds"])
    assert voiced_target(talks, ctx) is None  # only a protest voices its purpose


def test_controlled_object_of_a_proposal_noun():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        rejected  reject    VERB  VBD ROOT   1
        Chile     Chile     PROPN NNP poss   4
        's        's        PART  POS case   2
        proposals proposal  NOUN  NNS dobj   1
        to        to        PART  TO  aux    6
        offer     offer     VERB  VB  acl    4
        Bolivia   Bolivia   PROPN NNP dative 6
        guarantees guarantee NOUN NNS dobj   6
        .         .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "PER"), (2, "CHL"), (7, "BOL")))
    proposals = Trigger(doc[4], "NOUN", sense("proposal", "NOUN", cameo="030"), ["CHL"])
    assert controlled_object(proposals, ctx) == ["BOL"]  # whom the proposed offer is aimed at


def test_terms_party():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  2
        would     would     AUX   MD  aux    2
        fight     fight     VERB  VB  ROOT   2
        until     until     SCONJ IN  mark   5
        Chile     Chile     PROPN NNP nsubj  5
        withdrew  withdraw  VERB  VBD advcl  2
        .         .         PUNCT .   punct  2
        Peru      Peru      PROPN NNP nsubj  8
        fought    fight     VERB  VBD ROOT   8
        after     after     SCONJ IN  mark   11
        Chile     Chile     PROPN NNP nsubj  11
        withdrew  withdraw  VERB  VBD advcl  8
        .         .         PUNCT .   punct  8
    """)
    ctx = context(doc, states((0, "PER"), (4, "CHL"), (7, "PER"), (10, "CHL")))
    fight = Trigger(doc[2], "VERB", sense("fight"), ["PER"])
    assert terms_party(fight, ctx) == ["CHL"]  # on terms Chile must meet
    assert terms_party(Trigger(doc[8], "VERB", sense("fight"), ["PER"]), ctx) is None  # "after": no terms


def test_conjunct_party():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        raised    raise     VERB  VBD ROOT   1
        the       the       DET   DT  det    3
        case      case      NOUN  NN  dobj   1
        with      with      ADP   IN  prep   3
        Chile     Chile     PROPN NNP pobj   4
        and       and       CCONJ CC  cc     1
        demanded  demand    VERB  VBD conj   1
        access    access    NOUN  NN  dobj   7
        .         .         PUNCT .   punct  1
        Peru      Peru      PROPN NNP nsubj  11
        met       meet      VERB  VBD ROOT   11
        Chile     Chile     PROPN NNP dobj   11
        and       and       CCONJ CC  cc     11
        Bolivia   Bolivia   PROPN NNP nsubj  15
        protested protest   VERB  VBD conj   11
        .         .         PUNCT .   punct  11
    """)
    ctx = context(doc, states((0, "PER"), (5, "CHL"), (10, "PER"), (12, "CHL"), (14, "BOL")))
    demanded = Trigger(doc[7], "VERB", sense("demand", cameo="101"), ["PER"])
    assert conjunct_party(demanded, ctx) == ["CHL"]  # the side the case was raised with
    protested = Trigger(doc[15], "VERB", sense("protest", cameo="140"), ["BOL"])
    assert conjunct_party(protested, ctx) is None  # a clause with its own subject


def test_located_object_a_things_state_adjective_and_asked_party_by_phrase():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        fired     fire      VERB  VBD ROOT   1
        at        at        ADP   IN  prep   1
        Chilean   Chilean   ADJ   JJ  amod   4
        camps     camp      NOUN  NNS pobj   2
        near      near      ADP   IN  prep   4
        the       the       DET   DT  det    8
        Bolivian  Bolivian  ADJ   JJ  amod   8
        border    border    NOUN  NN  pobj   5
        .         .         PUNCT .   punct  1
        Peru      Peru      PROPN NNP nsubj  11
        demanded  demand    VERB  VBD ROOT   11
        reforms   reform    NOUN  NNS dobj   11
        by        by        ADP   IN  prep   12
        Chile     Chile     PROPN NNP pobj   13
        .         .         PUNCT .   punct  11
    """)
    ctx = context(doc, states((0, "PER"), (3, "CHL"), (7, "BOL"), (10, "PER"), (14, "CHL")))
    fired = Trigger(doc[1], "VERB", sense("fire"), ["PER"])
    assert located_object(fired, ctx) == ["CHL"]  # "at Chilean camps", not "near the Bolivian border"
    demanded = Trigger(doc[11], "VERB", sense("demand", cameo="100"), ["PER"])
    assert asked_party(demanded, ctx) == ["CHL"]  # the doer of the reforms asked for


def test_complement_subject_skips_the_speakers_own_side():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        warned    warn      VERB  VBD ROOT   1
        that      that      SCONJ IN  mark   5
        Peru      Peru      PROPN NNP nsubj  5
        would     would     AUX   MD  aux    5
        stop      stop      VERB  VB  ccomp  1
        rallies   rally     NOUN  NNS dobj   5
        by        by        ADP   IN  prep   6
        Chile     Chile     PROPN NNP pobj   7
        .         .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "PER"), (3, "PER"), (8, "CHL")))
    warned = Trigger(doc[1], "VERB", sense("warn", cameo="130"), ["PER"])
    assert complement_subject(warned, ctx) == ["CHL"]  # whom the warning is about, not Peru itself


def test_defied_party():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        declined  decline   VERB  VBD ROOT   1
        to        to        PART  TO  aux    3
        resign    resign    VERB  VB  xcomp  1
        despite   despite   ADP   IN  prep   3
        pressure  pressure  NOUN  NN  pobj   4
        by        by        ADP   IN  prep   5
        Chile     Chile     PROPN NNP pobj   6
        .         .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "PER"), (7, "CHL")))
    declined = Trigger(doc[1], "VERB", sense("decline", cameo="120"), ["PER"])
    assert defied_party(declined, ctx) == ["CHL"]  # the refusal defies Chile's pressure
    fought = Trigger(doc[1], "VERB", sense("decline", cameo="190"), ["PER"])
    assert defied_party(fought, ctx) is None  # only a rejection


def test_proposal_aim():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        rejected  reject    VERB  VBD ROOT   1
        a         a         DET   DT  det    3
        call      call      NOUN  NN  dobj   1
        for       for       ADP   IN  prep   3
        troops    troop     NOUN  NNS pobj   4
        to        to        PART  TO  aux    8
        be        be        AUX   VB  auxpass 8
        deployed  deploy    VERB  VBN relcl  3
        in        in        ADP   IN  prep   8
        Chile     Chile     PROPN NNP pobj   9
        .         .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "PER"), (10, "CHL")))
    rejected = Trigger(doc[1], "VERB", sense("reject", cameo="120"), ["PER"])
    assert proposal_aim(rejected, ctx) == ["CHL"]  # where the proposed deployment would be
    assert proposal_aim(Trigger(doc[1], "VERB", sense("reject", cameo="051"), ["PER"]), ctx) is None


def test_a_place_on_a_border_does_not_stand_for_the_state():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        captured  capture   VERB  VBD ROOT   1
        a         a         DET   DT  det    3
        base      base      NOUN  NN  dobj   1
        on        on        ADP   IN  prep   3
        the       the       DET   DT  det    7
        Chilean   Chilean   ADJ   JJ  amod   7
        border    border    NOUN  NN  pobj   4
        .         .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "PER"), (6, "CHL")))
    captured = Trigger(doc[1], "VERB", sense("capture", cameo="192"), ["PER"])
    assert protected_party(captured, ctx) == []  # beside Chile is not in Chile
    assert located_object(captured, ctx) is None


def test_retaliation_answers_an_act_against_any_organ_of_its_state():
    doc = build("""
        Chile      Chile      PROPN NNP nsubj  1
        closed     close      VERB  VBD ROOT   1
        Peru       Peru       PROPN NNP poss   4
        's         's         PART  POS case   2
        consulate  consulate  NOUN  NN  dobj   1
        .          .          PUNCT .   punct  1
        Peru       Peru       PROPN NNP nsubj  7
        vowed      vow        VERB  VBD ROOT   7
        retaliation retaliation NOUN NN dobj   7
        .          .          PUNCT .   punct  7
    """)
    ctx = context(doc, states((0, "CHL"), (2, "PER"), (6, "PER")))
    ctx.table.add("org:per-consulate", "Peruvian consulate", "organization", "PER", None, doc[2:5])
    earlier_event(ctx, 1, ["CHL"], cameo="161").target = ["org:per-consulate"]
    vowed = Trigger(doc[7], "VERB", sense("vow", cameo="138"), ["PER"])
    assert retaliated_party(vowed, ctx) == ["CHL"]  # the consulate is Peru's side


def test_a_reaction_to_an_act_is_not_aimed_at_whom_the_act_was_done_to():
    doc = build("""
        Chile      Chile      PROPN NNP nsubj  1
        condemned  condemn    VERB  VBD ROOT   1
        the        the        DET   DT  det    3
        arrest     arrest     NOUN  NN  dobj   1
        of         of         ADP   IN  prep   3
        Peruvians  Peruvians  PROPN NNPS pobj  4
        .          .          PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "CHL"), (5, "PER")))
    condemned = Trigger(doc[1], "VERB", sense("condemn", cameo="111"), ["CHL"])
    assert protected_party(condemned, ctx) == []  # the arrest's doer is found by events/links.py
    helped = Trigger(doc[1], "VERB", sense("condemn", cameo="070"), ["CHL"])
    assert protected_party(helped, ctx) == ["PER"]  # no reaction: "of" names the recipient


def test_an_unnamed_set_stands_for_the_actors_it_includes():
    doc = build("""
        Police      police      NOUN  NNS nsubj  1
        arrested    arrest      VERB  VBD ROOT   1
        63          63          NUM   CD  nummod 3
        people      people      NOUN  NNS dobj   1
        ,           ,           PUNCT ,   punct  3
        including   include     VERB  VBG prep   3
        two         two         NUM   CD  nummod 7
        journalists journalist  NOUN  NNS pobj   5
        .           .           PUNCT .   punct  1
    """)
    ctx = context(doc, {0: ("group:chl-police", "group"), (6, 8): ("group:chl-journalists", "group")})
    assert included(doc[3], ctx) == ["group:chl-journalists"]
    assert actors_of(doc[3], ctx) == ["group:chl-journalists"]
    arrested = Trigger(doc[1], "VERB", sense("arrest", cameo="173"), ["group:chl-police"])
    assert direct_object(doc[3], arrested, ctx) == ["group:chl-journalists"]


PERSONA = build("""
    Chile      Chile      PROPN NNP nsubj  1
    declared   declare    VERB  VBD ROOT   1
    two        two        NUM   CD  nummod 4
    Peruvian   Peruvian   ADJ   JJ  amod   4
    diplomats  diplomat   NOUN  NNS nsubj  5
    persona    persona    VERB  VBP ccomp  1
    non        non        ADJ   AFX amod   7
    grata      grata      NOUN  NN  dobj   5
    .          .          PUNCT .   punct  1
""")


def test_the_subject_of_a_bare_clause_is_the_verbs_object():
    ctx = context(PERSONA, states((0, "CHL"), (3, "PER")))
    declared = Trigger(PERSONA[1], "VERB", sense("declare", cameo="161"), ["CHL"])
    assert small_clause_subject(PERSONA[5], declared, ctx) == ["PER"]
    assert small_clause_subject(PERSONA[4], declared, ctx) is None  # not a clause of the verb
    [found] = code_events(ctx)  # lexicon: "declared ... persona non grata" is an expulsion
    assert (found.cameo, found.source, found.target) == ("161", ["CHL"], ["PER"])


def test_a_later_reaction_answers_the_foreground_act_first():
    doc = build("""
        Chile      Chile      PROPN NNP nsubj  1
        expelled   expel      VERB  VBD ROOT   1
        envoys     envoy      NOUN  NNS dobj   1
        .          .          PUNCT .   punct  1
        It         it         PRON  PRP nsubj  5
        came       come       VERB  VBD ROOT   5
        after      after      SCONJ IN  mark   8
        Peru       Peru       PROPN NNP nsubj  8
        expelled   expel      VERB  VBD advcl  5
        envoys     envoy      NOUN  NNS dobj   8
        .          .          PUNCT .   punct  5
        Bolivia    Bolivia    PROPN NNP nsubj  12
        vowed      vow        VERB  VBD ROOT   12
        retaliation retaliation NOUN NN dobj   12
        .          .          PUNCT .   punct  12
    """)
    ctx = context(doc, states((0, "CHL"), (7, "PER"), (11, "BOL")))
    earlier_event(ctx, 1, ["CHL"], cameo="161").target = ["BOL"]
    earlier_event(ctx, 8, ["PER"], cameo="161").target = ["BOL"]
    assert background_clause(doc[8], ctx) and not background_clause(doc[1], ctx)
    assert [e.source for _, e in foreground(sorted(ctx.by_trigger.items()), doc[12], ctx)] == [["CHL"]]
    vowed = Trigger(doc[12], "VERB", sense("vow", cameo="138"), ["BOL"])
    assert retaliated_party(vowed, ctx) == ["CHL"]  # Peru's expulsion is background there


def test_an_act_coordinated_with_a_reaction_answers_the_act_it_names():
    doc = build("""
        Chile      Chile      PROPN NNP nsubj  1
        attacked   attack     VERB  VBD ROOT   1
        Peru       Peru       PROPN NNP dobj   1
        .          .          PUNCT .   punct  1
        Spain      Spain      PROPN NNP nsubj  5
        condemned  condemn    VERB  VBD ROOT   5
        the        the        DET   DT  det    7
        attack     attack     NOUN  NN  dobj   5
        ,          ,          PUNCT ,   punct  5
        cut        cut        VERB  VBD conj   5
        its        its        PRON  PRP$ poss  11
        aid        aid        NOUN  NN  dobj   9
        and        and        CCONJ CC  cc     9
        pledged    pledge     VERB  VBD conj   9
        help       help       NOUN  NN  dobj   13
        .          .          PUNCT .   punct  5
    """)
    ctx = context(doc, states((0, "CHL"), (2, "PER"), (4, "ESP")))
    earlier_event(ctx, 1, ["CHL"]).target = ["PER"]
    earlier_event(ctx, 5, ["ESP"], cameo="111")
    cut = Trigger(doc[9], "VERB", sense("cut", cameo="162"), ["ESP"])
    assert answered_party(cut, ctx) == ["CHL"]  # a sanction on who attacked
    pledged = Trigger(doc[13], "VERB", sense("pledge", cameo="0331"), ["ESP"])
    assert answered_party(pledged, ctx) == ["PER"]  # aid for whom the attack hit
    attacked = Trigger(doc[1], "VERB", sense("attack"), ["CHL"])
    assert answered_party(attacked, ctx) is None  # no reaction it is coordinated with


def test_a_place_a_state_owns_is_in_that_state():
    doc = build("""
        Rebels     rebel      NOUN  NNS nsubj  1
        attacked   attack     VERB  VBD ROOT   1
        the        the        DET   DT  det    3
        town       town       NOUN  NN  dobj   1
        in         in         ADP   IN  prep   3
        Peru       Peru       PROPN NNP poss   8
        's         's         PART  POS case   5
        northern   northern   ADJ   JJ  amod   8
        province   province   NOUN  NN  pobj   4
        .          .          PUNCT .   punct  1
    """)
    ctx = context(doc, states((5, "PER")))
    attacked = Trigger(doc[1], "VERB", sense("attack"), ["group:rebels"])
    assert located_object(attacked, ctx) == ["PER"]


def test_an_object_relative_pronoun_is_the_noun_it_stands_for():
    doc = build("""
        Chile      Chile      PROPN NNP nsubj  1
        fined      fine       VERB  VBD ROOT   1
        a          a          DET   DT  det    4
        Peruvian   Peruvian   ADJ   JJ  amod   4
        firm       firm       NOUN  NN  dobj   1
        that       that       PRON  WDT dobj   7
        it         it         PRON  PRP nsubj  7
        accused    accuse     VERB  VBD relcl  4
        .          .          PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "CHL"), (3, "PER")))
    accused = Trigger(doc[7], "VERB", sense("accuse", cameo="112"), ["CHL"])
    assert direct_object(doc[5], accused, ctx) == ["PER"]  # "that" is the Peruvian firm


def test_the_sources_own_object_lets_the_fallbacks_look_further():
    doc = build("""
        Chile     Chile      PROPN NNP nsubj  1
        reviewed  review     VERB  VBD ROOT   1
        its       its        PRON  PRP$ poss  3
        aid       aid        NOUN  NN  dobj   1
        to        to         ADP   IN  prep   3
        Peru      Peru       PROPN NNP pobj   4
        .         .          PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "CHL"), (5, "PER")))
    reviewed = Trigger(doc[1], "VERB", sense("review", cameo="014"), ["CHL"])
    assert dependents(reviewed, ctx) == ["CHL"]  # only the source's own aid ("its": Chile)
    assert find_target(reviewed, ctx) == ["PER"]  # so protected_party looks into the object
