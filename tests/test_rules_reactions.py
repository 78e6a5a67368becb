"""Rules of reactions and refusals, each on a hand-built Doc (no statistical model): a refusal to
accept is a rejection (``senses.negated_acceptance``), a reaction to "the decision" answers the
latest act of another side (``links.generic_reference``)."""

from __future__ import annotations

from handmade import build, context, earlier_event, states

from newsgraph.extract.events.coder import code_events
from newsgraph.extract.events.links import act_named, link
from newsgraph.extract.events.senses import negated_acceptance
from newsgraph.extract.events.targets import Trigger, terms_party
from newsgraph.extract.ontology import Sense

NOT_ACCEPT = build("""
    Berlin      Berlin      PROPN NNP nsubj  3
    would       would       AUX   MD  aux    3
    not         not         PART  RB  neg    3
    accept      accept      VERB  VB  ROOT   3
    Tehran      Tehran      PROPN NNP poss   6
    's          's          PART  POS case   4
    meddling    meddling    NOUN  NN  dobj   3
    .           .           PUNCT .   punct  3
    Chile       Chile       PROPN NNP nsubj  9
    accepted    accept      VERB  VBD ROOT   9
    the         the         DET   DT  det    12
    peace       peace       NOUN  NN  compound 12
    plan        plan        NOUN  NN  dobj   9
    .           .           PUNCT .   punct  9
    Peru        Peru        PROPN NNP nsubj  17
    did         do          AUX   VBD aux    17
    not         not         PART  RB  neg    17
    accept      accept      VERB  VB  ROOT   17
    the         the         DET   DT  det    20
    peace       peace       NOUN  NN  compound 20
    plan        plan        NOUN  NN  dobj   17
    .           .           PUNCT .   punct  17
""")


def test_a_refusal_to_accept_is_a_rejection():
    ctx = context(NOT_ACCEPT, states((0, "DEU"), (4, "IRN"), (8, "CHL"), (14, "PER")))
    assert negated_acceptance(NOT_ACCEPT[3], "VERB", ctx).cameo == "120"
    assert negated_acceptance(NOT_ACCEPT[9], "VERB", ctx) is None  # accepted: no "not"
    assert negated_acceptance(NOT_ACCEPT[17], "VERB", ctx).cameo == "127"  # reject's sense for a plan
    coded = {(e.source[0], e.cameo, tuple(e.target), e.negated) for e in code_events(ctx)}
    assert coded == {("DEU", "120", ("IRN",), False), ("CHL", "030", (), False), ("PER", "127", (), False)}


WELCOMED = build("""
    Russia      Russia      PROPN NNP nsubj  1
    bombed      bomb        VERB  VBD ROOT   1
    Ukraine     Ukraine     PROPN NNP dobj   1
    .           .           PUNCT .   punct  1
    The         the         DET   DT  det    5
    EU          EU          PROPN NNP nsubj  6
    sanctioned  sanction    VERB  VBD ROOT   6
    Russia      Russia      PROPN NNP dobj   6
    .           .           PUNCT .   punct  6
    Russia      Russia      PROPN NNP nsubj  10
    bombed      bomb        VERB  VBD ROOT   10
    Ukraine     Ukraine     PROPN NNP dobj   10
    again       again       ADV   RB  advmod 10
    .           .           PUNCT .   punct  10
    Ukraine     Ukraine     PROPN NNP nsubj  15
    welcomed    welcome     VERB  VBD ROOT   15
    the         the         DET   DT  det    17
    decision    decision    NOUN  NN  dobj   15
    .           .           PUNCT .   punct  15
""")


def test_a_reaction_to_the_decision_answers_the_latest_act_of_another_side():
    ctx = context(
        WELCOMED,
        {
            0: ("RUS", "state"),
            2: ("UKR", "state"),
            5: ("org:eu", "organization"),
            7: ("RUS", "state"),
            9: ("RUS", "state"),
            11: ("UKR", "state"),
            14: ("UKR", "state"),
        },
    )
    earlier_event(ctx, 1, ["RUS"], cameo="190").target = ["UKR"]
    earlier_event(ctx, 6, ["org:eu"], cameo="163").target = ["RUS"]
    earlier_event(ctx, 10, ["RUS"], cameo="190").target = ["UKR"]
    welcome = earlier_event(ctx, 15, ["UKR"], cameo="051")
    link(list(ctx.by_trigger.values()), ctx)
    # Russia's second strike is later, but Ukraine does not welcome an act against itself
    assert welcome.target == ["org:eu"] and welcome.responds_to == ["evt:test-6"]
    condemn = earlier_event(ctx, 15, ["UKR"], cameo="111")
    link([condemn], ctx)
    assert condemn.target == ["RUS"] and condemn.responds_to == ["evt:test-10"]


def test_the_act_a_noun_names_is_of_the_same_code_before_the_same_root():
    doc = build("""
        Peru        Peru        PROPN NNP nsubj  1
        hacked      hack        VERB  VBD ROOT   1
        Chile       Chile       PROPN NNP dobj   1
        .           .           PUNCT .   punct  1
        Chile       Chile       PROPN NNP nsubj  5
        arrested    arrest      VERB  VBD ROOT   5
        Peruvians   Peruvians   PROPN NNPS dobj  5
        .           .           PUNCT .   punct  5
        Chile       Chile       PROPN NNP nsubj  11
        would       would       AUX   MD  aux    11
        not         not         PART  RB  neg    11
        act         act         VERB  VB  ROOT   11
        unless      unless      SCONJ IN  mark   15
        the         the         DET   DT  det    14
        hacking     hacking     NOUN  NN  nsubj  15
        continued   continue    VERB  VBD advcl  11
        .           .           PUNCT .   punct  11
    """)
    ctx = context(doc, states((0, "PER"), (2, "CHL"), (4, "CHL"), (6, "PER"), (8, "CHL")))
    earlier_event(ctx, 1, ["PER"], cameo="176").target = ["CHL"]
    earlier_event(ctx, 5, ["CHL"], cameo="173").target = ["PER"]
    hacking = act_named(doc[14], doc[11], None, ctx)
    assert hacking is not None and hacking.source == ["PER"]  # the cyberattack (176), not the arrest (173)
    acted = Trigger(doc[11], "VERB", Sense(lemma="act", pos="VERB", cameo="130"), ["CHL"])
    assert terms_party(acted, ctx) == ["PER"]  # "unless the hacking continued": whoever hacked
