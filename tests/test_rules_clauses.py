"""The event coder's other named rules on hand-built Docs: senses, modality, attribution, labelling
frames and the links between events (no statistical model)."""

from __future__ import annotations

from handmade import build, context, earlier_event, states

from newsgraph.extract.events.attribution import according_to, attribution, track_quotes
from newsgraph.extract.events.coder import code_events, copula_asserted
from newsgraph.extract.events.labelling import (
    label_code,
    label_frame,
    labels,
    obligation_frame,
    predicate_frame,
    response_threat,
)
from newsgraph.extract.events.links import dedupe, direct_joint_acts, drop_dangling_links, link
from newsgraph.extract.events.make import date_of, place_of, threatened
from newsgraph.extract.events.modality import chain, finite_conjunct, in_speech_complement, modality_of
from newsgraph.extract.events.senses import (
    choose_sense,
    is_verbal_attack,
    main_clause,
    objects,
    trigger_pos,
    verb_mistagged,
)
from newsgraph.extract.record import Event, Evidence

SEND = build("""
    Canada  Canada  PROPN NNP nsubj  2
    would   would   AUX   MD  aux    2
    send    send    VERB  VB  ROOT   2
    troops  troop   NOUN  NNS dobj   2
    to      to      ADP   IN  prep   2
    Latvia  Latvia  PROPN NNP pobj   4
    if      if      SCONJ IN  mark   8
    NATO    NATO    PROPN NNP nsubj  8
    asked   ask     VERB  VBD advcl  2
    .       .       PUNCT .   punct  2
""")


def test_sense_by_object():
    ctx = context(SEND, states((0, "CAN"), (5, "LVA")))
    assert [t.text for t in objects(SEND[2], "VERB")] == ["troops"]
    assert choose_sense(SEND[2], "VERB", ctx).cameo == "074"  # "send troops": military protection


def test_sense_asked_again_in_one_doc_keeps_word_reading_and_pos_apart():
    ctx = context(SEND, states((0, "CAN"), (5, "LVA")))
    assert choose_sense(SEND[2], "VERB", ctx).cameo == "074"
    assert choose_sense(SEND[2], "VERB", ctx, lemma="reject").cameo == "120"  # "send" read as "reject"
    assert choose_sense(SEND[2], "NOUN", ctx) is None  # no noun sense of "send"
    assert choose_sense(SEND[2], "VERB", ctx).cameo == "074"  # the first answer again


def test_verbal_attack_by_object():
    doc = build("""
        China     China     PROPN NNP nsubj  1
        attacked  attack    VERB  VBD ROOT   1
        the       the       DET   DT  det    3
        policy    policy    NOUN  NN  dobj   1
        .         .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "CHN")))
    assert is_verbal_attack(doc[1], ctx)


def test_modality_conditional_with_its_if_clause():
    ctx = context(SEND, states((0, "CAN"), (5, "LVA")))
    modality, negated, condition = modality_of(SEND[2], ctx)
    assert (modality, negated, condition.text) == ("conditional", False, "if NATO asked")


def test_modality_would_in_speech_is_planned_elsewhere_hypothetical():
    doc = build("""
        Iran       Iran       PROPN NNP nsubj  1
        said       say        VERB  VBD ROOT   1
        it         it         PRON  PRP nsubj  4
        would      would      AUX   MD  aux    4
        retaliate  retaliate  VERB  VB  ccomp  1
        .          .          PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "IRN")))
    assert [t.text for t in chain(doc[4])] == ["retaliate", "said"]
    assert in_speech_complement(doc[4], ctx)
    assert modality_of(doc[4], ctx)[0] == "planned"
    alone = build("""
        Iran       Iran       PROPN NNP nsubj  2
        would      would      AUX   MD  aux    2
        retaliate  retaliate  VERB  VB  ROOT   2
    """)
    assert modality_of(alone[2], context(alone))[0] == "hypothetical"


def test_modality_intent_and_negators():
    doc = build("""
        Russia   Russia   PROPN NNP nsubj  1
        refused  refuse   VERB  VBD ROOT   1
        to       to       PART  TO  aux    3
        sign     sign     VERB  VB  xcomp  1
        but      but      CCONJ CC  cc     1
        plans    plan     VERB  VBZ conj   1
        to       to       PART  TO  aux    7
        talk     talk     VERB  VB  xcomp  5
        .        .        PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "RUS")))
    assert modality_of(doc[3], ctx) == ("asserted", True, None)  # "refused to sign"
    assert modality_of(doc[7], ctx) == ("planned", False, None)  # "plans to talk"


def test_attribution_by_speech_verb():
    doc = build("""
        Iran    Iran    PROPN NNP nsubj  1
        said    say     VERB  VBD ROOT   1
        Israel  Israel  PROPN NNP nsubj  3
        struck  strike  VERB  VBD ccomp  1
        Syria   Syria   PROPN NNP dobj   3
        .       .       PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "IRN"), (2, "ISR"), (4, "SYR")))
    assert attribution(doc[3], ctx) == ["IRN"]


def test_according_to():
    doc = build("""
        Israel     Israel     PROPN NNP nsubj  1
        struck     strike     VERB  VBD ROOT   1
        Syria      Syria      PROPN NNP dobj   1
        ,          ,          PUNCT ,   punct  1
        according  accord     VERB  VBG prep   1
        to         to         ADP   IN  prep   4
        Iran       Iran       PROPN NNP pobj   5
        .          .          PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "ISR"), (2, "SYR"), (6, "IRN")))
    assert according_to(doc[0:8], ctx) == ["IRN"]
    assert attribution(doc[1], ctx) == ["IRN"]


def test_quotation_runs_on_over_sentences_that_open_with_a_quote_mark():
    doc = build("""
        Iran    Iran    PROPN NNP nsubj  1
        said    say     VERB  VBD ROOT   1
        :       :       PUNCT :   punct  1
        “       “       PUNCT ``  punct  1
        We      we      PRON  PRP nsubj  5
        warned  warn    VERB  VBD ccomp  1
        .       .       PUNCT .   punct  1
        “       “       PUNCT ``  punct  9
        Israel  Israel  PROPN NNP nsubj  9
        struck  strike  VERB  VBD ROOT   9
        .       .       PUNCT .   punct  9
        ”       ”       PUNCT ''  punct  9
        Talks   talk    NOUN  NNS nsubj  13
        ended   end     VERB  VBD ROOT   13
        .       .       PUNCT .   punct  13
    """)
    ctx = context(doc, states((0, "IRN"), (8, "ISR")))
    first, second, third = doc.sents
    track_quotes(first, ctx)
    assert ctx.quote_speaker == ["IRN"]  # "Iran said: “..." opens a quotation
    track_quotes(second, ctx)
    assert attribution(doc[9], ctx) == ["IRN"]  # a sentence that opens with a quote mark is still it
    track_quotes(third, ctx)
    assert ctx.quote_speaker == []


def test_label_frame():
    doc = build("""
        Russia      Russia      PROPN NNP nsubj  1
        described   describe    VERB  VBD ROOT   1
        the         the         DET   DT  det    4
        British     British     ADJ   JJ  amod   4
        statements  statement   NOUN  NNS dobj   1
        as          as          ADP   IN  prep   1
        militarist  militarist  NOUN  NN  pobj   5
        .           .           PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "RUS"), (3, "GBR")))
    assert [t.text for t in labels(doc[1])] == ["militarist"]
    assert label_code(labels(doc[1]), ctx) == "111"
    event = label_frame(doc[1], ctx)
    assert (event.cameo, event.source, event.target) == ("111", ["RUS"], ["GBR"])


def test_predicate_frame():
    doc = build("""
        Troops      troop       NOUN  NNS nsubj  1
        would       would       AUX   MD  aux    2
        be          be          AUX   VB  ROOT   2
        legitimate  legitimate  ADJ   JJ  amod   4
        targets     target      NOUN  NNS attr   2
        ,           ,           PUNCT ,   punct  2
        according   accord      VERB  VBG prep   2
        to          to          ADP   IN  prep   6
        Russia      Russia      PROPN NNP pobj   7
        .           .           PUNCT .   punct  2
    """)
    ctx = context(doc, states((8, "RUS")))
    event = predicate_frame(doc[2], ctx)
    assert event.cameo.startswith("13") and event.source == ["RUS"]


def test_date_and_place_of_an_act():
    doc = build(
        """
        Ministers  minister  NOUN  NNS nsubj  1
        met        meet      VERB  VBD ROOT   1
        in         in        ADP   IN  prep   1
        Paris      Paris     PROPN NNP pobj   2
        on         on        ADP   IN  prep   1
        Tuesday    Tuesday   PROPN NNP pobj   4
        .          .         PUNCT .   punct  1
    """,
        ents=[(5, 6, "DATE")],
    )
    ctx = context(doc, published="2024-05-02")  # a Thursday
    ctx.table.places[3] = {"id": "place:paris", "name": "Paris", "country": None}
    assert date_of(doc[1], ctx) == ("2024-04-30", "Tuesday")
    assert place_of(doc[1], ctx)["id"] == "place:paris" and ctx.places == [ctx.table.places[3]]


def event(id: str, cameo: str, source: list[str], target: list[str] = (), sentence: int = 0, **more) -> Event:
    evidence = Evidence(sentence_index=sentence, start=0, end=1, text="x")
    return Event(
        id=id,
        type="t",
        cameo=cameo,
        goldstein=0,
        quad_class=1,
        source=source,
        target=list(target),
        evidence=evidence,
        **more,
    )


def test_dedupe_keeps_the_most_informative_and_takes_the_others_date():
    plain = event("a", "190", ["RUS"], date="2022-02")
    targeted = event("b", "193", ["RUS"], ["UKR"], confidence=0.7)
    other = event("c", "190", ["RUS"], sentence=1)
    kept = dedupe([plain, targeted, other])
    assert [e.id for e in kept] == ["b", "c"] and kept[0].date == "2022-02"


def test_joint_acts_are_dyads_and_links_only_to_kept_events():
    signed = event("a", "057", ["TUR", "SWE"], responds_to=["gone"])
    fought = event("b", "190", ["TUR", "SWE"])
    ctx = context(SEND)  # the rule reads only the events and cameo.tsv's policies
    direct_joint_acts([signed, fought], ctx)
    drop_dangling_links([signed, fought])
    assert signed.target == ["TUR", "SWE"] and fought.target == [] and signed.responds_to == []


def test_a_joint_act_in_its_intent_form_is_a_dyad_too():
    agreed = event("a", "036", ["TUR", "GRC"])  # "agreed to resume talks": the intent form of 04x
    threat = event("b", "138", ["TUR", "GRC"])  # the intent form of a fight: no joint act
    ctx = context(SEND)
    assert ctx.ontology.asserted_has_policy("036", "joint") and not ctx.ontology.has_policy("036", "joint")
    direct_joint_acts([agreed, threat], ctx)
    assert agreed.target == ["TUR", "GRC"] and threat.target == []


def test_a_reaction_responds_to_the_act_it_names():
    doc = build("""
        Russia    Russia    PROPN NNP nsubj  1
        proposed  propose   VERB  VBD ROOT   1
        talks     talk      NOUN  NNS dobj   1
        .         .         PUNCT .   punct  1
        Ukraine   Ukraine   PROPN NNP nsubj  5
        rejected  reject    VERB  VBD ROOT   5
        the       the       DET   DT  det    7
        proposal  proposal  NOUN  NN  dobj   5
        .         .         PUNCT .   punct  5
    """)
    ctx = context(doc, states((0, "RUS"), (4, "UKR")))
    proposal = earlier_event(ctx, 1, ["RUS"], cameo="036")
    rejection = earlier_event(ctx, 5, ["UKR"], cameo="120")
    link([proposal, rejection], ctx)
    assert rejection.responds_to == [proposal.id] and rejection.target == ["RUS"]


def test_the_driver_codes_a_hand_built_doc():
    doc = build("""
        Poland     Poland    PROPN NNP nsubj  1
        expelled   expel     VERB  VBD ROOT   1
        two        two       NUM   CD  nummod 4
        Russian    Russian   ADJ   JJ  amod   4
        diplomats  diplomat  NOUN  NNS dobj   1
        .          .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "POL"), (3, "RUS")))
    [found] = code_events(ctx)
    assert (found.cameo, found.source, found.target, found.modality) == ("161", ["POL"], ["RUS"], "asserted")
    assert found.evidence.text == "Poland expelled two Russian diplomats."


MUST = build("""
    Peru      Peru      PROPN NNP nsubj  1
    said      say       VERB  VBD ROOT   1
    Chile     Chile     PROPN NNP nsubj  4
    must      must      AUX   MD  aux    4
    withdraw  withdraw  VERB  VB  ccomp  1
    its       its       PRON  PRP$ poss  6
    troops    troop     NOUN  NNS dobj   4
    .         .         PUNCT .   punct  1
    Peru      Peru      PROPN NNP nsubj  9
    said      say       VERB  VBD ROOT   9
    it        it        PRON  PRP nsubj  12
    must      must      AUX   MD  aux    12
    act       act       VERB  VB  ccomp  9
    .         .         PUNCT .   punct  9
""")


def test_obligation_frame_is_a_demand_on_the_complements_subject():
    ctx = context(MUST, states((0, "PER"), (2, "CHL"), (8, "PER")))
    demand = obligation_frame(MUST[1], ctx)
    assert demand is not None and (demand.cameo, demand.source, demand.target) == ("100", ["PER"], ["CHL"])
    assert obligation_frame(MUST[9], ctx) is None  # "it must act": the speaker's own side
    assert [(e.cameo, e.source, e.target) for e in code_events(ctx)] == [("100", ["PER"], ["CHL"])]


def test_a_coordinated_clause_with_its_own_subject_is_not_pledged():
    doc = build("""
        Japan     Japan     PROPN NNP nsubj  1
        pledged   pledge    VERB  VBD ROOT   1
        aid       aid       NOUN  NN  dobj   1
        and       and       CCONJ CC  cc     1
        Chile     Chile     PROPN NNP nsubj  5
        released  release   VERB  VBD conj   1
        funds     fund      NOUN  NNS dobj   5
        .         .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "JPN"), (4, "CHL")))
    assert modality_of(doc[5], ctx)[0] == "asserted"  # Chile's release happened


def test_a_quoted_label_hung_on_the_object():
    doc = build("""
        Peru        Peru        PROPN NNP nsubj  1
        called      call        VERB  VBD ROOT   1
        the         the         DET   DT  det    3
        withdrawal  withdrawal  NOUN  NN  dobj   1
        "           "           PUNCT ``  punct  3
        a           a           DET   DT  det    7
        political   political   ADJ   JJ  amod   7
        decision    decision    NOUN  NN  appos  3
        "           "           PUNCT ''  punct  1
        .           .           PUNCT .   punct  1
    """)
    assert [t.text for t in labels(doc[1])] == ["decision"]  # describing, not phoning
    ctx = context(doc, states((0, "PER")))
    assert code_events(ctx) == []


def test_the_dictionarys_patterns_code_only_a_main_verb():
    doc = build("""
        Chile     Chile     PROPN NNP nsubj  1
        shared    share     VERB  VBD ROOT   1
        evidence  evidence  NOUN  NN  dobj   1
        with      with      ADP   IN  prep   1
        Peru      Peru      PROPN NNP pobj   3
        .         .         PUNCT .   punct  1
        A         a         DET   DT  det    7
        state     state     NOUN  NN  nsubj  11
        that      that      PRON  WDT nsubj  9
        shared    share     VERB  VBD relcl  7
        evidence  evidence  NOUN  NN  dobj   9
        objected  object    VERB  VBD ROOT   11
        .         .         PUNCT .   punct  11
    """)
    ctx = context(doc, states((0, "CHL"), (4, "PER")))
    sense = choose_sense(doc[1], "VERB", ctx)
    assert sense is not None and sense.origin == "vendor" and sense.cameo == "064"  # "- * &EVIDENCE"
    assert main_clause(doc[1], ctx) and not main_clause(doc[9], ctx)
    assert choose_sense(doc[9], "VERB", ctx) is None  # a relative clause: no pattern of the dictionary


def test_less_willing_is_reluctance_not_intent():
    doc = build("""
        Chile     Chile     PROPN NNP nsubj  1
        is        be        AUX   VBZ ROOT   1
        less      less      ADV   RBR advmod 3
        willing   willing   ADJ   JJ  acomp  1
        to        to        PART  TO  aux    5
        talk      talk      VERB  VB  xcomp  3
        .         .         PUNCT .   punct  1
        Peru      Peru      PROPN NNP nsubj  8
        is        be        AUX   VBZ ROOT   8
        willing   willing   ADJ   JJ  acomp  8
        to        to        PART  TO  aux    11
        talk      talk      VERB  VB  xcomp  9
        .         .         PUNCT .   punct  8
    """)
    ctx = context(doc, states((0, "CHL"), (7, "PER")))
    assert modality_of(doc[5], ctx)[:2] == ("asserted", True)
    assert modality_of(doc[11], ctx)[:2] == ("planned", False)


def test_an_accusation_needs_the_speaker_on_the_side_acted_on():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        said      say       VERB  VBD ROOT   1
        Chile     Chile     PROPN NNP nsubj  3
        attacked  attack    VERB  VBD ccomp  1
        Peru      Peru      PROPN NNP dobj   3
        .         .         PUNCT .   punct  1
        Bolivia   Bolivia   PROPN NNP nsubj  7
        said      say       VERB  VBD ROOT   7
        Chile     Chile     PROPN NNP nsubj  9
        attacked  attack    VERB  VBD ccomp  7
        Peru      Peru      PROPN NNP dobj   9
        .         .         PUNCT .   punct  7
    """)
    ctx = context(doc, states((0, "PER"), (2, "CHL"), (4, "PER"), (6, "BOL"), (8, "CHL"), (10, "PER")))
    coded = [(e.cameo, e.source, e.target, e.evidence.sentence_index) for e in code_events(ctx)]
    assert ("112", ["PER"], ["CHL"], 0) in coded  # the side attacked accuses
    assert not [c for c in coded if c[0] == "112" and c[3] == 1]  # an observer only reports


def test_an_aid_verb_with_goods_and_nobody_to_receive_them_is_trade():
    doc = build("""
        Chile     Chile     PROPN NNP nsubj  1
        supplies  supply    VERB  VBZ ROOT   1
        copper    copper    NOUN  NN  dobj   1
        .         .         PUNCT .   punct  1
        Chile     Chile     PROPN NNP nsubj  5
        supplied  supply    VERB  VBD ROOT   5
        Peru      Peru      PROPN NNP dobj   5
        .         .         PUNCT .   punct  5
    """)
    ctx = context(doc, states((0, "CHL"), (4, "CHL"), (6, "PER")))
    assert [(e.cameo[:2], e.target) for e in code_events(ctx)] == [("07", ["PER"])]


def test_response_threat():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  1
        shelled   shell     VERB  VBD ROOT   1
        Chile     Chile     PROPN NNP dobj   1
        .         .         PUNCT .   punct  1
        Chile     Chile     PROPN NNP nsubj  6
        would     would     AUX   MD  aux    6
        respond   respond   VERB  VB  ROOT   6
        .         .         PUNCT .   punct  6
        Chile     Chile     PROPN NNP nsubj  11
        did       do        AUX   VBD aux    11
        not       not       PART  RB  neg    11
        respond   respond   VERB  VB  ROOT   11
        to        to        ADP   IN  prep   11
        questions question  NOUN  NNS pobj   12
        .         .         PUNCT .   punct  11
    """)
    ctx = context(doc, states((0, "PER"), (2, "CHL"), (4, "CHL"), (8, "CHL")))
    earlier_event(ctx, 1, ["PER"], cameo="195").target = ["CHL"]
    threat = response_threat(doc[6], ctx)  # an announced response: a threat at whoever acted against Chile
    assert threat is not None and (threat.cameo, threat.source, threat.target) == ("130", ["CHL"], ["PER"])
    assert response_threat(doc[11], ctx) is None  # an answer to questions, asserted: no threat
    assert response_threat(doc[1], ctx) is None


def test_threatened_acts_are_threats():
    doc = build("""
        Peru       Peru       PROPN NNP nsubj  1
        threatened threaten   VERB  VBD ROOT   1
        to         to         PART  TO  aux    3
        deliver    deliver    VERB  VB  xcomp  1
        blows      blow       NOUN  NNS dobj   3
        to         to         ADP   IN  prep   3
        Chile      Chile      PROPN NNP pobj   5
        .          .          PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "PER"), (6, "CHL")))
    assert threatened(doc[3], ctx) and not threatened(doc[1], ctx)


def test_a_finite_relative_clause_keeps_its_own_modality():
    doc = build("""
        Peru      Peru      PROPN NNP nsubj  2
        will      will      AUX   MD  aux    2
        release   release   VERB  VB  ROOT   2
        envoys    envoy     NOUN  NNS dobj   2
        whom      whom      PRON  WP  dobj   7
        it        it        PRON  PRP nsubj  7
        had       have      AUX   VBD aux    7
        seized    seize     VERB  VBN relcl  3
        .         .         PUNCT .   punct  2
    """)
    ctx = context(doc, states((0, "PER")))
    assert modality_of(doc[2], ctx)[0] == "planned"
    assert modality_of(doc[7], ctx)[0] == "asserted"  # "whom it had seized": told as done


def test_a_plural_noun_heading_a_clause_with_a_subject_is_its_verb():
    doc = build("""
        a         a         DET   DT  det    1
        decision  decision  NOUN  NN  ROOT   1
        that      that      PRON  WDT dobj   4
        Beijing   Beijing   PROPN NNP nsubj  4
        rejects   reject    NOUN  NNS relcl  1
        .         .         PUNCT .   punct  1
    """)
    assert verb_mistagged(doc[4]) and trigger_pos(doc[4]) == "VERB"
    assert not verb_mistagged(doc[1]) and trigger_pos(doc[1]) == "NOUN"
    ctx = context(doc, states((3, "CHN")))
    [found] = code_events(ctx)
    assert (found.cameo, found.source) == ("120", ["CHN"])


def test_a_coordinated_verb_with_its_own_tense_keeps_its_own_modality():
    doc = build("""
        She       she        PRON  PRP nsubj  1
        said      say        VERB  VBD ROOT   1
        she       she        PRON  PRP nsubj  5
        would     would      AUX   MD  aux    5
        not       not        PART  RB  neg    5
        recognise recognise  VERB  VB  ccomp  1
        it        it         PRON  PRP dobj   5
        and       and        CCONJ CC  cc     5
        called    call       VERB  VBD conj   5
        on        on         ADP   IN  prep   8
        Chile     Chile      PROPN NNP pobj   9
        .         .          PUNCT .   punct  1
    """)
    ctx = context(doc, states((10, "CHL")))
    assert finite_conjunct([doc[8], doc[5], doc[1]])
    assert modality_of(doc[8], ctx)[:2] == ("asserted", False)
    assert modality_of(doc[5], ctx)[:2] == ("planned", True)


def test_a_denied_hesitation_is_an_intent():
    doc = build("""
        Chile     Chile      PROPN NNP nsubj  3
        would     would      AUX   MD  aux    3
        not       not        PART  RB  neg    3
        hesitate  hesitate   VERB  VB  ROOT   3
        to        to         PART  TO  aux    5
        act       act        VERB  VB  xcomp  3
        .         .          PUNCT .   punct  3
        Peru      Peru       PROPN NNP nsubj  8
        hesitated hesitate   VERB  VBD ROOT   8
        to        to         PART  TO  aux    10
        act       act        VERB  VB  xcomp  8
        .         .          PUNCT .   punct  8
    """)
    ctx = context(doc, states((0, "CHL"), (7, "PER")))
    assert modality_of(doc[5], ctx)[:2] == ("hypothetical", False)  # "would" outside speech, not negated
    assert modality_of(doc[10], ctx)[:2] == ("asserted", True)  # hesitated: not done


def test_a_speaker_calling_an_act_a_threat_criticises_its_doer():
    doc = build("""
        Chile     Chile      PROPN NNP nsubj  1
        attacked  attack     VERB  VBD ROOT   1
        Peru      Peru       PROPN NNP dobj   1
        .         .          PUNCT .   punct  1
        Spain     Spain      PROPN NNP nsubj  5
        said      say        VERB  VBD ROOT   5
        the       the        DET   DT  det    7
        attack    attack     NOUN  NN  nsubj  8
        was       be         AUX   VBD ccomp  5
        a         a          DET   DT  det    10
        threat    threat     NOUN  NN  attr   8
        .         .          PUNCT .   punct  5
    """)
    ctx = context(doc, states((0, "CHL"), (2, "PER"), (4, "ESP")))
    assert copula_asserted(doc[8], ctx)
    earlier_event(ctx, 1, ["CHL"], cameo="195").target = ["PER"]
    found = predicate_frame(doc[8], ctx)
    assert (found.cameo, found.source, found.target) == ("111", ["ESP"], ["CHL"])
