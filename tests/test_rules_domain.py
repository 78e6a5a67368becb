"""The rules for text that is not political news (extract/events/domain.py) on hand-built Docs."""

from __future__ import annotations

import re
from pathlib import Path

from handmade import build, context, earlier_event, states

from newsgraph.extract.events.domain import (
    OFF_TOPIC_RULES,
    cues,
    figurative_fight,
    off_topic_role,
    off_topic_sentences,
    political,
)

MATCH = build("""
    Chile      Chile      PROPN NNP nsubj  1
    crushed    crush      VERB  VBD ROOT   1
    Peru       Peru       PROPN NNP dobj   1
    4-0        4-0        NUM   CD  npadvmod 1
    in         in         ADP   IN  prep   1
    the        the        DET   DT  det    7
    league     league     NOUN  NN  compound 7
    match      match      NOUN  NN  pobj   4
    .          .          PUNCT .   punct  1
    Chile      Chile      PROPN NNP compound 11
    coach      coach      NOUN  NN  compound 11
    Lopez      Lopez      PROPN NNP nsubj  12
    praised    praise     VERB  VBD ROOT   12
    the        the        DET   DT  det    14
    goalkeeper goalkeeper NOUN  NN  dobj   12
    .          .          PUNCT .   punct  12
    Peru       Peru       PROPN NNP nsubj  17
    expelled   expel      VERB  VBD ROOT   17
    Chile      Chile      PROPN NNP poss   20
    's         's         PART  POS case   18
    envoy      envoy      NOUN  NN  dobj   17
    .          .          PUNCT .   punct  17
""")


def test_rule_tuple():
    assert OFF_TOPIC_RULES == (figurative_fight, off_topic_role)


def test_off_topic_sentences_by_their_cues():
    ctx = context(MATCH, {0: ("CHL", "state"), 2: ("PER", "state"), 11: ("person:lopez", "person")})
    sents = list(MATCH.sents)
    assert cues(sents[0], ctx) >= 2  # a score, "league", "match"
    assert cues(sents[2], ctx) == 0  # an expulsion: no word of sport
    assert off_topic_sentences(ctx) == {0, 9}  # most sentences are sport: one cue is enough there


def test_figurative_fight_and_off_topic_role():
    ctx = context(MATCH, {0: ("CHL", "state"), 2: ("PER", "state"), 11: ("person:lopez", "person")})
    crushed = earlier_event(ctx, 1, ["CHL"], cameo="190")
    praised = earlier_event(ctx, 12, ["person:lopez"], cameo="051")
    expelled = earlier_event(ctx, 17, ["PER"], cameo="174")
    assert figurative_fight(crushed, MATCH[1], ctx) and not figurative_fight(praised, MATCH[12], ctx)
    assert off_topic_role(praised, MATCH[12], ctx)  # "Chile coach Lopez"
    assert not off_topic_role(crushed, MATCH[1], ctx)
    assert political([crushed, praised, expelled], ctx) == [expelled]  # the expulsion stays


def test_political_news_is_left_alone():
    doc = build("""
        Chile     Chile     PROPN NNP nsubj  1
        attacked  attack    VERB  VBD ROOT   1
        Peru      Peru      PROPN NNP dobj   1
        .         .         PUNCT .   punct  1
    """)
    ctx = context(doc, states((0, "CHL"), (2, "PER")))
    attack = earlier_event(ctx, 1, ["CHL"], cameo="190")
    assert off_topic_sentences(ctx) == set() and political([attack], ctx) == [attack]


def test_every_domain_rule_is_tried_alone_here():
    text = Path(__file__).read_text(encoding="utf-8")
    called = set(re.findall(r"(?<![\w.])(\w+)\(", text))
    assert not [rule.__name__ for rule in OFF_TOPIC_RULES if rule.__name__ not in called]
