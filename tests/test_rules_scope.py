"""The rules that say a lexicon word names no act of its own here (extract/events/scope.py), one by
one on hand-built Docs (no statistical model)."""

from __future__ import annotations

import re
from pathlib import Path

from handmade import build, context, states

from newsgraph.extract.events.coder import code_events
from newsgraph.extract.events.scope import (
    NOT_AN_ACT_RULES,
    agreed_act,
    armed_arrival,
    asked_for_act,
    asked_for_thing,
    background_act,
    clause_head,
    described_state,
    kind_of_agent,
    nested_reference,
    not_an_act,
    obliged_act,
    permitted_act,
    pledge_acted_on,
    prepositional_participle,
    proposal_acted_on,
    proposed_act,
    protest_content,
    protested_act,
    reason_of_act,
    refused_act,
    response_by_means,
    sent_on_mission,
)


def test_rule_tuple():
    assert NOT_AN_ACT_RULES == (
        prepositional_participle,
        kind_of_agent,
        asked_for_act,
        asked_for_thing,
        described_state,
        proposal_acted_on,
        sent_on_mission,
        background_act,
        reason_of_act,
        protested_act,
        armed_arrival,
        refused_act,
        permitted_act,
        obliged_act,
        agreed_act,
        proposed_act,
        pledge_acted_on,
        nested_reference,
        response_by_means,
        protest_content,
    )


def test_prepositional_participle():
    doc = build("""
        Kenya      Kenya      PROPN NNP nsubj  1
        deployed   deploy     VERB  VBD ROOT   1
        troops     troop      NOUN  NNS dobj   1
        ,          ,          PUNCT ,   punct  1
        according  accord     VERB  VBG prep   1
        to         to         ADP   IN  prep   4
        officials  official   NOUN  NNS pobj   5
        .          .          PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "KEN")))
    assert prepositional_participle(doc[4], ctx)
    assert not prepositional_participle(doc[1], ctx)


URGED = build("""
    Norway     Norway    PROPN NNP nsubj  1
    urged      urge      VERB  VBD ROOT   1
    Chile      Chile     PROPN NNP dobj   1
    to         to        PART  TO  aux    4
    withdraw   withdraw  VERB  VB  xcomp  1
    troops     troop     NOUN  NNS dobj   4
    and        and       CCONJ CC  cc     4
    release    release   VERB  VB  conj   4
    prisoners  prisoner  NOUN  NNS dobj   7
    .          .         PUNCT .   punct  1
""")


def test_asked_for_act_through_a_coordination():
    ctx = context(URGED, states((0, "NOR"), (2, "CHL")))
    assert clause_head(URGED[7]).i == 4
    assert asked_for_act(URGED[4], ctx) and asked_for_act(URGED[7], ctx)
    assert not asked_for_act(URGED[1], ctx)
    # the whole coder: one appeal by Norway to Chile, no withdrawal and no release
    assert [(e.cameo[:2], e.source, e.target) for e in code_events(ctx)] == [("02", ["NOR"], ["CHL"])]


def test_asked_for_act_of_a_for_clause_and_of_a_noun():
    doc = build("""
        Peru       Peru       PROPN NNP nsubj  1
        called     call       VERB  VBD ROOT   1
        for        for        SCONJ IN  mark   6
        the        the        DET   DT  det    4
        envoy      envoy      NOUN  NN  nsubjpass 6
        to         to         PART  TO  aux    6
        released   release    VERB  VBN advcl  1
        .          .          PUNCT .   punct  1
        Chile      Chile      PROPN NNP nsubj  9
        issued     issue      VERB  VBD ROOT   9
        an         an         DET   DT  det    11
        ultimatum  ultimatum  NOUN  NN  dobj   9
        to         to         PART  TO  aux    13
        halt       halt       VERB  VB  acl    11
        raids      raid       NOUN  NNS dobj   13
        .          .          PUNCT .   punct  9
    """)
    ctx = context(doc, states((0, "PER"), (8, "CHL")))
    assert asked_for_act(doc[6], ctx)  # "called for the envoy to be released"
    assert asked_for_act(doc[13], ctx)  # "an ultimatum to halt raids"


def test_asked_for_act_of_a_demand_noun():
    doc = build("""
        Peru        Peru        PROPN NNP nsubj  1
        reiterated  reiterate   VERB  VBD ROOT   1
        its         its         PRON  PRP$ poss  3
        demand      demand      NOUN  NN  dobj   1
        that        that        SCONJ IN  mark   6
        Chile       Chile       PROPN NNP nsubj  6
        withdraw    withdraw    VERB  VB  ccomp  1
        .           .           PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "PER"), (5, "CHL")))
    assert asked_for_act(doc[6], ctx)  # the withdrawal is what Peru demands


def test_a_finite_conjunct_is_a_clause_of_its_own():
    doc = build("""
        Peru     Peru     PROPN NNP nsubj  1
        asked    ask      VERB  VBD ROOT   1
        Chile    Chile    PROPN NNP dobj   1
        to       to       PART  TO  aux    4
        talk     talk     VERB  VB  xcomp  1
        and      and      CCONJ CC  cc     4
        expelled expel    VERB  VBD conj   4
        envoys   envoy    NOUN  NNS dobj   6
        .        .        PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "PER"), (2, "CHL")))
    assert clause_head(doc[6]).i == 6  # a misparse: "expelled" is Peru's own act
    assert not asked_for_act(doc[6], ctx)


def test_refused_act():
    doc = build("""
        Chile     Chile     PROPN NNP nsubj  1
        refused   refuse    VERB  VBD ROOT   1
        to        to        PART  TO  aux    3
        deploy    deploy    VERB  VB  xcomp  1
        troops    troop     NOUN  NNS dobj   3
        .         .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "CHL")))
    assert refused_act(doc[3], ctx) and not_an_act(doc[3], ctx)
    assert not refused_act(doc[1], ctx)
    assert [e.cameo[:2] for e in code_events(ctx)] == ["12"]


def test_obliged_act():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        said      say       VERB  VBD ROOT   1
        Chile     Chile     PROPN NNP nsubj  4
        must      must      AUX   MD  aux    4
        withdraw  withdraw  VERB  VB  ccomp  1
        troops    troop     NOUN  NNS dobj   4
        .         .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "PER"), (2, "CHL")))
    assert obliged_act(doc[4], ctx)  # the withdrawal is what Peru demands
    assert not obliged_act(doc[1], ctx)


def test_nested_reference():
    doc = build("""
        Chile      Chile      PROPN NNP nsubj  1
        imposed    impose     VERB  VBD ROOT   1
        a          a          DET   DT  det    3
        blackout   blackout   NOUN  NN  dobj   1
        on         on         ADP   IN  prep   3
        the        the        DET   DT  det    6
        withdrawal withdrawal NOUN  NN  pobj   4
        .          .          PUNCT .   punct  1
        Peru       Peru       PROPN NNP nsubj  9
        reported   report     VERB  VBD ROOT   9
        a          a          DET   DT  det    11
        wave       wave       NOUN  NN  dobj   9
        of         of         ADP   IN  prep   11
        arrests    arrest     NOUN  NNS pobj   12
        and        and        CCONJ CC  cc     9
        protests   protest    NOUN  NNS dobj   9
        against    against    ADP   IN  prep   15
        Bolivia    Bolivia    PROPN NNP poss   19
        's         's         PART  POS case   17
        invasion   invasion   NOUN  NN  pobj   16
        .          .          PUNCT .   punct  9
    """)
    ctx = context(doc, states((0, "CHL"), (8, "PER"), (17, "BOL")))
    assert nested_reference(doc[6], ctx)  # what the blackout is about
    assert not nested_reference(doc[13], ctx)  # "a wave of arrests": the arrests themselves
    assert not nested_reference(doc[19], ctx)  # "Bolivia's invasion": a doer of its own
    assert not nested_reference(doc[3], ctx)


def test_response_by_means():
    doc = build("""
        Peru        Peru        PROPN NNP nsubj  1
        retaliated  retaliate   VERB  VBD ROOT   1
        with        with        ADP   IN  prep   1
        an          an          DET   DT  det    5
        export      export      NOUN  NN  compound 5
        ban         ban         NOUN  NN  pobj   2
        .           .           PUNCT .   punct  1
        Chile       Chile       PROPN NNP nsubj  8
        retaliated  retaliate   VERB  VBD ROOT   8
        .           .           PUNCT .   punct  8
    """)
    ctx = context(doc, states((0, "PER"), (7, "CHL")))
    assert response_by_means(doc[1], ctx)  # the ban is the act
    assert not response_by_means(doc[8], ctx)  # a retaliation with no means named is one


def test_every_scope_rule_is_tried_alone_here():
    text = Path(__file__).read_text(encoding="utf-8")
    called = set(re.findall(r"(?<![\w.])(\w+)\(", text))
    assert not [rule.__name__ for rule in NOT_AN_ACT_RULES if rule.__name__ not in called]


def test_nested_reference_after_in_depends_on_an_amount():
    doc = build("""
        Chile      Chile      PROPN NNP nsubj  1
        sent       send       VERB  VBD ROOT   1
        5          5          NUM   CD  nummod 3
        tons       ton        NOUN  NNS dobj   1
        in         in         ADP   IN  prep   3
        aid        aid        NOUN  NN  pobj   4
        .          .          PUNCT .   punct  1
        Peru       Peru       PROPN NNP nsubj  8
        denied     deny       VERB  VBD ROOT   8
        any        any        DET   DT  det    10
        part       part       NOUN  NN  dobj   8
        in         in         ADP   IN  prep   10
        atrocities atrocity   NOUN  NNS pobj   11
        .          .          PUNCT .   punct  8
    """)
    ctx = context(doc, states((0, "CHL"), (7, "PER")))
    assert not nested_reference(doc[5], ctx)  # "5 tons in aid": the aid itself
    assert nested_reference(doc[12], ctx)  # "any part in atrocities": what the part is in


def test_protest_content():
    doc = build("""
        Students      student       NOUN  NNS nsubj  1
        staged        stage         VERB  VBD ROOT   1
        demonstrations demonstration NOUN NNS dobj   1
        to            to            PART  TO  aux    4
        demand        demand        VERB  VB  advcl  1
        reforms       reform        NOUN  NNS dobj   4
        .             .             PUNCT .   punct  1
        Kurds         Kurd          PROPN NNPS nsubj 8
        marched       march         VERB  VBD ROOT   8
        calling       call          VERB  VBG advcl  8
        for           for           ADP   IN  prep   9
        independence  independence  NOUN  NN  pobj   10
        from          from          ADP   IN  prep   11
        Chile         Chile         PROPN NNP pobj   12
        .             .             PUNCT .   punct  8
        Peru          Peru          PROPN NNP nsubj  16
        sent          send          VERB  VBD ROOT   16
        envoys        envoy         NOUN  NNS dobj   16
        to            to            PART  TO  aux    19
        demand        demand        VERB  VB  advcl  16
        talks         talk          NOUN  NNS dobj   19
        .             .             PUNCT .   punct  16
    """)
    ctx = context(
        doc,
        {
            0: ("group:students", "group"),
            7: ("group:kurds", "group"),
            13: ("CHL", "state"),
            15: ("PER", "state"),
        },
    )
    assert protest_content(doc[4], ctx)  # "staged demonstrations to demand reforms": the protest's demand
    assert protest_content(doc[9], ctx)  # "marched calling for independence"
    assert not protest_content(doc[1], ctx) and not protest_content(doc[8], ctx)
    assert not protest_content(doc[19], ctx)  # "sent envoys to demand talks": no protest, a demand
    codes = [(e.cameo[:2], e.source, e.target) for e in code_events(ctx)]
    # one protest each, aimed where its call is ("independence from Chile"); no demand of their own
    assert ("14", ["group:kurds"], ["CHL"]) in codes
    assert [c for c in codes if c[0] in {"02", "10"} and c[1] != ["PER"]] == []


def test_obliged_act_reaches_what_the_obliged_act_governs():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        said      say       VERB  VBD ROOT   1
        Chile     Chile     PROPN NNP nsubj  4
        must      must      AUX   MD  aux    4
        be        be        AUX   VB  ccomp  1
        ready     ready     ADJ   JJ  acomp  4
        to        to        PART  TO  aux    7
        mediate   mediate   VERB  VB  xcomp  5
        and       and       CCONJ CC  cc     1
        must      must      AUX   MD  aux    10
        ensure    ensure    VERB  VB  conj   1
        .         .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "PER"), (2, "CHL")))
    assert obliged_act(doc[7], ctx)  # "must be ready to mediate": the mediation is what Peru demands
    assert not obliged_act(doc[10], ctx)  # no clause of what Peru says


def test_proposed_act():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        rejected  reject    VERB  VBD ROOT   1
        a         a         DET   DT  det    4
        Chilean   Chilean   ADJ   JJ  amod   4
        offer     offer     NOUN  NN  dobj   1
        to        to        PART  TO  aux    6
        host      host      VERB  VB  acl    4
        talks     talk      NOUN  NNS dobj   6
        .         .         PUNCT .   punct  1
        Bolivia   Bolivia   PROPN NNP nsubj  10
        made      make      VERB  VBD ROOT   10
        an        an        DET   DT  det    12
        offer     offer     NOUN  NN  dobj   10
        to        to        PART  TO  aux    14
        host      host      VERB  VB  acl    12
        talks     talk      NOUN  NNS dobj   14
        .         .         PUNCT .   punct  10
    """)
    ctx = context(doc, states((0, "PER"), (3, "CHL"), (9, "BOL")))
    assert proposed_act(doc[6], ctx)  # what the rejected offer proposes: nobody hosts anything
    assert not proposed_act(doc[14], ctx)  # an offer made, not reacted to
    assert not proposed_act(doc[1], ctx)


def test_asked_for_thing_and_described_state():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        appealed  appeal    VERB  VBD ROOT   1
        for       for       ADP   IN  prep   1
        aid       aid       NOUN  NN  pobj   2
        .         .         PUNCT .   punct  1
        Gunmen    gunman    NOUN  NNS nsubj  9
        armed     arm       VERB  VBN acl    5
        with      with      ADP   IN  prep   6
        rifles    rifle     NOUN  NNS pobj   7
        attacked  attack    VERB  VBD ROOT   9
        Chile     Chile     PROPN NNP dobj   9
        .         .         PUNCT .   punct  9
        Chile     Chile     PROPN NNP nsubj  13
        sent      send      VERB  VBD ROOT   13
        aid       aid       NOUN  NN  dobj   13
        for       for       ADP   IN  prep   14
        refugees  refugee   NOUN  NNS pobj   15
        .         .         PUNCT .   punct  13
    """)
    ctx = context(doc, states((0, "PER"), (10, "CHL"), (12, "CHL")))
    assert asked_for_thing(doc[3], ctx)  # "appealed for aid": no aid given
    assert not asked_for_thing(doc[14], ctx) and not asked_for_thing(doc[16], ctx)
    assert described_state(doc[6], ctx)  # "armed with rifles": how they are equipped
    assert not described_state(doc[9], ctx)


def test_proposal_acted_on():
    doc = build("""
        their     their     PRON  PRP$ poss   1
        demands   demand    NOUN  NNS nsubjpass 3
        are       be        AUX   VBP auxpass 3
        met       meet      VERB  VBN ROOT   3
        .         .         PUNCT .   punct  3
        the       the       DET   DT  det    6
        offer     offer     NOUN  NN  nsubjpass 8
        was       be        AUX   VBD auxpass 8
        made      make      VERB  VBN ROOT   8
        .         .         PUNCT .   punct  8
    """)
    ctx = context(doc)
    assert proposal_acted_on(doc[1], ctx)  # "their demands are met": what is met, no new demand
    assert not proposal_acted_on(doc[6], ctx)  # "the offer was made": the offer itself


def test_sent_on_mission():
    doc = build("""
        Peru        Peru        PROPN NNP nsubj  1
        sent        send        VERB  VBD ROOT   1
        inspectors  inspector   NOUN  NNS dobj   1
        to          to          PART  TO  aux    4
        investigate investigate VERB  VB  advcl  1
        .           .           PUNCT .   punct  1
        Chile       Chile       PROPN NNP nsubj  7
        sent        send        VERB  VBD ROOT   7
        troops      troop       NOUN  NNS dobj   7
        to          to          PART  TO  aux    10
        fight       fight       VERB  VB  advcl  7
        .           .           PUNCT .   punct  7
    """)
    ctx = context(doc, states((0, "PER"), (6, "CHL")))
    assert sent_on_mission(doc[1], ctx)  # the investigation is the act
    assert not sent_on_mission(doc[7], ctx)  # sending troops to fight: both are acts


def test_background_act():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        declared  declare   VERB  VBD ROOT   1
        a         a         DET   DT  det    3
        ceasefire ceasefire NOUN  NN  dobj   1
        after     after     ADP   IN  prep   1
        days      day       NOUN  NNS pobj   4
        of        of        ADP   IN  prep   5
        battles   battle    NOUN  NNS pobj   6
        .         .         PUNCT .   punct  1
        Peru      Peru      PROPN NNP nsubj  10
        talked    talk      VERB  VBD ROOT   10
        after     after     ADP   IN  prep   10
        Chile     Chile     PROPN NNP poss   14
        's        's        PART  POS case   12
        attack    attack    NOUN  NN  pobj   11
        .         .         PUNCT .   punct  10
    """)
    ctx = context(doc, states((0, "PER"), (9, "PER"), (12, "CHL")))
    assert background_act(doc[7], ctx)  # "after days of battles": the background
    assert not background_act(doc[14], ctx)  # "after Chile's attack": a doer of its own
    assert not background_act(doc[3], ctx)


def test_what_a_demand_asks_for_and_its_purpose():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        demanded  demand    VERB  VBD ROOT   1
        a         a         DET   DT  det    3
        deployment deployment NOUN NN dobj   1
        to        to        PART  TO  aux    5
        protect   protect   VERB  VB  advcl  1
        Lima      Lima      PROPN NNP dobj   5
        .         .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "PER"), (6, "PER")))
    assert asked_for_thing(doc[3], ctx)  # the deployment is asked for, not made
    assert asked_for_act(doc[5], ctx)  # and so is what it would do
    assert [e.cameo[:2] for e in code_events(ctx)] == ["10"]


def test_reason_of_act():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        praised   praise    VERB  VBD ROOT   1
        Chile     Chile     PROPN NNP dobj   1
        for       for       ADP   IN  prep   1
        its       its       PRON  PRP$ poss  5
        support   support   NOUN  NN  pobj   3
        .         .         PUNCT .   punct  1
        Peru      Peru      PROPN NNP nsubj  8
        sent      send      VERB  VBD ROOT   8
        aid       aid       NOUN  NN  dobj   8
        for       for       ADP   IN  prep   8
        talks     talk      NOUN  NNS pobj   10
        .         .         PUNCT .   punct  8
    """)
    ctx = context(doc, states((0, "PER"), (2, "CHL"), (7, "PER")))
    assert reason_of_act(doc[5], ctx)  # why Peru praises Chile, not an act reported here
    assert not reason_of_act(doc[11], ctx)  # aid is not praise, criticism or a sanction


def test_permitted_and_agreed_acts():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        allowed   allow     VERB  VBD ROOT   1
        Chile     Chile     PROPN NNP dobj   1
        to        to        PART  TO  aux    4
        hold      hold      VERB  VB  xcomp  1
        talks     talk      NOUN  NNS dobj   4
        .         .         PUNCT .   punct  1
        Peru      Peru      PROPN NNP nsubj  8
        agreed    agree     VERB  VBD ROOT   8
        that      that      SCONJ IN  mark   12
        Chile     Chile     PROPN NNP nsubj  12
        should    should    AUX   MD  aux    12
        withdraw  withdraw  VERB  VB  ccomp  8
        troops    troop     NOUN  NNS dobj   12
        .         .         PUNCT .   punct  8
    """)
    ctx = context(doc, states((0, "PER"), (2, "CHL"), (7, "PER"), (10, "CHL")))
    assert permitted_act(doc[5], ctx)  # "allowed Chile to hold talks": permitted, not held
    assert agreed_act(doc[12], ctx)  # what Peru agreed Chile should do
    assert not permitted_act(doc[1], ctx) and not agreed_act(doc[8], ctx)


def test_background_act_a_stretch_of_time_whoever_did_it():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        talked    talk      VERB  VBD ROOT   1
        after     after     ADP   IN  prep   1
        a         a         DET   DT  det    4
        week      week      NOUN  NN  pobj   2
        of        of        ADP   IN  prep   4
        Chilean   Chilean   ADJ   JJ  amod   7
        protests  protest   NOUN  NNS pobj   5
        .         .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "PER"), (6, "CHL")))
    assert background_act(doc[7], ctx)  # "after a week of Chilean protests": the background


def test_an_event_noun_naming_a_kind_of_actor_is_no_act():
    doc = build("""
        Chilean   Chilean   ADJ   JJ  amod     2
        riot      riot      NOUN  NN  compound 2
        police    police    NOUN  NNS nsubj    3
        detained  detain    VERB  VBD ROOT     3
        protest   protest   NOUN  NN  compound 5
        leaders   leader    NOUN  NNS dobj     3
        .         .         PUNCT .   punct    3
        The       the       DET   DT  det      9
        riot      riot      NOUN  NN  compound 9
        damage    damage    NOUN  NN  nsubj    10
        spread    spread    VERB  VBD ROOT     10
        .         .         PUNCT .   punct    10
    """)
    ctx = context(doc, {(0, 3): ("group:chl-police", "group"), (4, 6): ("group:chl-opposition", "group")})
    assert kind_of_agent(doc[1], ctx)  # "riot police": police of a kind, no riot
    assert kind_of_agent(doc[4], ctx)  # "protest leaders"
    assert not kind_of_agent(doc[8], ctx)  # "riot damage": damage names no actor
    assert [e.cameo[:2] for e in code_events(ctx)] == ["17"]


def test_the_object_of_an_act_asked_for_is_asked_for_too():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        demanded  demand    VERB  VBD ROOT   1
        that      that      SCONJ IN  mark   4
        Chile     Chile     PROPN NNP nsubj  4
        match     match     VERB  VB  ccomp  1
        Spain     Spain     PROPN NNP poss   7
        's        's        PART  POS case   5
        support   support   NOUN  NN  dobj   4
        .         .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "PER"), (3, "CHL"), (5, "ESP")))
    assert asked_for_thing(doc[7], ctx)  # Spain's support is what Chile is asked to match
    assert [e.cameo[:2] for e in code_events(ctx)] == ["10"]


def test_a_pledge_another_act_is_about_is_no_new_pledge():
    doc = build("""
        Peru      Peru       PROPN NNP nsubj  1
        reneged   renege     VERB  VBD ROOT   1
        on        on         ADP   IN  prep   1
        its       its        PRON  PRP$ poss  4
        commitment commitment NOUN NN  pobj   2
        .         .          PUNCT .   punct  1
        Chile     Chile      PROPN NNP nsubj  7
        made      make       VERB  VBD ROOT   7
        a         a          DET   DT  det    9
        commitment commitment NOUN NN  dobj   7
        .         .          PUNCT .   punct  7
    """)
    ctx = context(doc, states((0, "PER"), (6, "CHL")))
    assert pledge_acted_on(doc[4], ctx)  # reneging on it: the old pledge
    assert not pledge_acted_on(doc[9], ctx)  # "made a commitment": a light verb, the pledge is new
    assert [(e.cameo, e.source) for e in code_events(ctx)] == [("120", ["PER"]), ("030", ["CHL"])]


def test_what_a_protest_is_against_is_its_reason():
    doc = build("""
        Students  student    NOUN  NNS nsubj  1
        marched   march      VERB  VBD ROOT   1
        against   against    ADP   IN  prep   1
        the       the        DET   DT  det    4
        invasion  invasion   NOUN  NN  pobj   2
        by        by         ADP   IN  prep   4
        Peru      Peru       PROPN NNP pobj   5
        .         .          PUNCT .   punct  1
    """)
    ctx = context(doc, {0: ("group:students", "group"), 6: ("PER", "state")})
    assert protested_act(doc[4], ctx)
    assert [e.cameo[:2] for e in code_events(ctx)] == ["14"]


def test_troops_arriving_are_deployed_not_visiting():
    doc = build("""
        Chilean   Chilean    ADJ   JJ  amod   1
        troops    troop      NOUN  NNS nsubj  2
        arrived   arrive     VERB  VBD ROOT   2
        in        in         ADP   IN  prep   2
        Haiti     Haiti      PROPN NNP pobj   3
        .         .          PUNCT .   punct  2
        Chile     Chile      PROPN NNP poss   8
        's        's         PART  POS case   6
        president president  NOUN  NN  nsubj  9
        arrived   arrive     VERB  VBD ROOT   9
        in        in         ADP   IN  prep   9
        Haiti     Haiti      PROPN NNP pobj   10
        .         .          PUNCT .   punct  9
    """)
    ctx = context(doc, states((0, "CHL"), (4, "HTI"), (6, "CHL"), (11, "HTI")))
    assert armed_arrival(doc[2], ctx)
    assert not armed_arrival(doc[9], ctx)
    assert [(e.cameo, e.source, e.target) for e in code_events(ctx)] == [("042", ["CHL"], ["HTI"])]
