"""The coder's driver: every word of a Doc, in order, to the events it codes, then the links."""

from __future__ import annotations

from bisect import bisect_left

from spacy.attrs import LEMMA
from spacy.tokens import Token

from newsgraph.extract.doctokens import tokens
from newsgraph.extract.events.arguments import actors_of
from newsgraph.extract.events.attribution import track_quotes
from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.domain import political
from newsgraph.extract.events.labelling import (
    label_frame,
    labels,
    obligation_frame,
    predicate_frame,
    response_threat,
)
from newsgraph.extract.events.links import accusations, dedupe, direct_joint_acts, drop_dangling_links, link
from newsgraph.extract.events.make import make_event
from newsgraph.extract.events.scope import not_an_act
from newsgraph.extract.events.senses import (
    VERBAL_ATTACK,
    choose_sense,
    is_verbal_attack,
    negated_acceptance,
    trigger_pos,
)
from newsgraph.extract.events.sources import find_source
from newsgraph.extract.events.targets import Trigger, find_target
from newsgraph.extract.events.tree import children, sentences
from newsgraph.extract.ontology import Sense
from newsgraph.extract.record import Event


def code_events(ctx: DocContext) -> list[Event]:
    """The events of a Doc, one per act, linked to each other."""
    events: list[Event] = []
    words = tokens(ctx.doc)
    positions = trigger_positions(ctx)
    for sent in sentences(ctx.doc):
        track_quotes(sent, ctx)
        for i in positions[bisect_left(positions, sent.start) : bisect_left(positions, sent.end)]:
            event = code_token(words[i], ctx)
            if event is not None:
                events.append(event)
    events = political(events, ctx)
    link(events, ctx)
    events += accusations(events, ctx)
    kept = dedupe(events)
    direct_joint_acts(kept, ctx)
    drop_dangling_links(kept)
    return kept


def trigger_positions(ctx: DocContext) -> list[int]:
    """The positions of the words whose lemma could code something (``CoderData.trigger_lemmas``); every
    other word codes nothing, so ``code_token`` is not asked (read from the lemma array: most words
    are no trigger, and making their Token objects and strings was most of the coder's time)."""
    doc = ctx.doc
    known, strings, could = ctx.data.trigger_lemmas, doc.vocab.strings, ctx.data.could_trigger
    lemmas = doc.to_array(LEMMA).tolist()
    for h in set(lemmas).difference(could):  # a lemma's string id is the same in every Doc: test it once
        could[h] = strings[h].lower() in known
    return [i for i, h in enumerate(lemmas) if could[h]]


def code_token(token: Token, ctx: DocContext) -> Event | None:
    """The event one word codes, if any: a labelling verb with its label, a lexicon word, a labelling
    verb without one, the copula of a predicate frame, or a speech verb saying another side must act."""
    pos = trigger_pos(token)
    lemma = token.lemma_.lower()
    labelling = token.pos_ == "VERB" and lemma in ctx.frames["label"]
    event = None
    if labelling and labels(token):  # "what it called aggressive manoeuvres"
        event = label_frame(token, ctx)
    elif (lemma, pos) in ctx.data.lemmas and has_sense(token, pos, ctx) and not not_an_act(token, ctx):
        event = code_trigger(token, pos, ctx)
    if event is not None:
        return event
    if labelling:
        return label_frame(token, ctx)
    if lemma == "be" and token.pos_ == "AUX" and copula_asserted(token, ctx):  # "X would be targets"
        return predicate_frame(token, ctx)
    if lemma in ctx.frames["speech"] and token.pos_ == "VERB":  # "said Libya must hand over"
        return obligation_frame(token, ctx)
    return response_threat(token, ctx)  # "Iran would respond", "would take further action"


def has_sense(token: Token, pos: str, ctx: DocContext) -> bool:
    """Does a lexicon word have a sense here (``code_trigger`` codes nothing without one)? Asked
    before the scope rules, which cost more and would be asked in vain."""
    return negated_acceptance(token, pos, ctx) is not None or choose_sense(token, pos, ctx) is not None


def copula_asserted(be: Token, ctx: DocContext) -> bool:
    """Is a copula what its sentence asserts, or what a speaker says ("told reporters that the
    transfers were a direct threat")?"""
    return be.dep_ == "ROOT" or be.dep_ == "ccomp" and be.head.lemma_.lower() in ctx.frames["speech"]


def code_trigger(token: Token, pos: str, ctx: DocContext) -> Event | None:
    """The event a lexicon word codes: its sense, its source (none: no event), its target."""
    rejection = negated_acceptance(token, pos, ctx)  # "would not accept": a rejection, not negated
    sense = rejection or choose_sense(token, pos, ctx)
    if sense is None:
        return None
    lemma = token.lemma_.lower()
    if (
        lemma in ctx.frames["intent"]
        and lemma not in ctx.frames["appeal"]
        and any(c.dep_ == "xcomp" and choose_sense(c, "VERB", ctx) for c in children(token))
    ):
        return None  # "pledged to send troops": the governed act is the event, in its intent form
    code = sense.cameo
    source = find_source(token, pos, ctx)
    if not source:
        return None
    if ctx.ontology.has_policy(code, "verbal_attack") and is_verbal_attack(token, ctx):
        code = VERBAL_ATTACK  # "attacked the US for seizing ...": a verbal attack
    found = find_target(Trigger(token, pos, sense, source), ctx)
    target = [a for a in found if a not in source]
    if found and not target and ctx.ontology.has_policy(code, "for_another"):
        return None  # "to protect its interests": aid or protection of oneself is no act between two
    if not target and traded_goods(token, sense, ctx):
        return None  # "China supplies 98 percent of the world's gallium": trade, not aid
    event = make_event(token, code, source, target, 0.6 + 0.1 * bool(target), ctx)
    if rejection is not None:
        event.negated = False  # the "not" is what makes it a rejection
    return event


def traded_goods(token: Token, sense: Sense, ctx: DocContext) -> bool:
    """Does an aid verb of no particular object ("supplied X": X is the recipient) have a thing as
    its object and nobody to receive it? Then it names trade, not aid."""
    if sense.objects or not ctx.ontology.has_policy(sense.cameo, "for_another"):
        return False
    objects = [c for c in children(token) if c.dep_ == "dobj"]
    return bool(objects) and not any(actors_of(o, ctx) for o in objects)
