"""Labelling frames: acts no single verb codes, read from the label a speaker gives.

"described X as militarist declarations" is criticism of X (``label`` verbs, ``pejorative``
labels); "X would be legitimate targets, according to the ministry" is a threat by whoever says
it (``threat`` nouns as the predicate of "be"); "the ministry said Libya must hand over the suspects"
is a demand on Libya (a speech verb whose complement has an ``obligation`` modal). Words from
``data/frames.tsv``.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from newsgraph.extract.events.arguments import actors_in
from newsgraph.extract.events.attribution import attribution
from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.links import act_named
from newsgraph.extract.events.make import INTENDED, THREAT, make_event
from newsgraph.extract.events.modality import modality_of
from newsgraph.extract.events.sources import SUBJECTS, verb_source
from newsgraph.extract.events.targets import Trigger, find_target
from newsgraph.extract.events.tree import children
from newsgraph.extract.ontology import Sense
from newsgraph.extract.record import Event


def labels(verb: Token) -> list[Token]:
    """The label a naming verb gives: "called X *a threat*", "described X as *declarations*"."""
    found = [c for c in children(verb) if c.dep_ in {"oprd", "attr", "acomp"}]
    # "called the withdrawal \"a political decision\"": the parser hangs a quoted label on the object
    found += [a for c in children(verb) if c.dep_ == "dobj" for a in children(c) if a.dep_ == "appos"]
    found += [c for c in children(verb) if c.dep_ == "xcomp" and c.pos_ in {"NOUN", "ADJ"}]
    for prep in (c for c in children(verb) if c.dep_ == "prep" and c.lower_ == "as"):
        found += [g for g in children(prep) if g.dep_ == "pobj"]
    return found


def label_code(words: Iterable[Token], ctx: DocContext) -> str | None:
    """The CAMEO code a label gives: a threat word first, else a pejorative one; None for neither."""
    frames = ctx.frames
    for label in words:
        phrase = [label, *[c for c in children(label) if c.dep_ in {"amod", "compound", "conj"}]]
        for word in phrase:
            lemma = word.lemma_.lower()
            if lemma in frames["threat"]:
                return frames["threat"][lemma]
        for word in phrase:
            lemma = word.lemma_.lower()
            if frames["pejorative"].get(lemma):
                return frames["pejorative"][lemma]
    return None


def label_frame(verb: Token, ctx: DocContext) -> Event | None:
    """ "described X as Y", "will be considered Y", "cannot be interpreted as anything but Y"."""
    code = label_code(labels(verb), ctx)
    if code is None:
        return None
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in children(verb)):  # passive: the speaker labels
        source = attribution(verb, ctx)
        labelled = [c for c in children(verb) if c.dep_ == "nsubjpass"]
    else:
        source = verb_source(verb, ctx)
        labelled = [c for c in children(verb) if c.dep_ == "dobj"]
    target = [a for t in labelled for a in actors_in(t, ctx)]
    if not source:
        return None
    return make_event(verb, code, source, [a for a in target if a not in source], 0.55, ctx)


def predicate_frame(be: Token, ctx: DocContext) -> Event | None:
    """ "Any troops sent ... would be legitimate targets, according to the ministry.\""""
    code = label_code([c for c in children(be) if c.dep_ in {"attr", "acomp"}], ctx)
    source = attribution(be, ctx) if code else []
    if not source or code is None:
        return None
    subjects = [c for c in children(be) if c.dep_ in SUBJECTS]
    target = [a for t in subjects for a in actors_in(t, ctx)]
    if not target:  # "the transfers were a direct threat": aimed at who made them
        acts = [
            act_named(t, be, None, ctx) for t in subjects if (t.lemma_.lower(), "NOUN") in ctx.data.lemmas
        ]
        target = [a for act in acts if act is not None for a in act.source]
    return make_event(be, code, source, [a for a in target if a not in source], 0.5, ctx)


DEMAND = "100"  # CAMEO "make a demand": what saying that another side must act codes


def obliged(clause: Token, ctx: DocContext) -> bool:
    """Does a clause say its subject must act ("Libya must hand over", "the US has to act")?"""
    return any(c.dep_ == "aux" and c.lower_ in ctx.frames["obligation"] for c in children(clause))


def obligation_frame(verb: Token, ctx: DocContext) -> Event | None:
    """ "A senior minister said Libya must hand over the suspects": a demand by the speaker on the
    subject of the complement (an act of the speaker's own side is no demand: "we must act")."""
    for clause in (c for c in children(verb) if c.dep_ == "ccomp" and obliged(c, ctx)):
        subjects = [c for c in children(clause) if c.dep_ in SUBJECTS]
        source = verb_source(verb, ctx)
        target = [a for s in subjects for a in actors_in(s, ctx) if a not in source]
        if source and target:
            return make_event(verb, DEMAND, source, target, 0.6, ctx)
    return None


def is_response(verb: Token, ctx: DocContext) -> bool:
    """ "respond", "react", "take measures", "take further action" (frames.tsv ``response``,
    ``measure``), not an answer to a question ("respond to requests for comment": ``inquiry``)."""
    frames = ctx.frames
    if verb.lemma_.lower() in frames["response"]:
        answered = [g for c in children(verb) if c.dep_ == "prep" and c.lower_ == "to" for g in children(c)]
        return not any(g.lemma_.lower() in frames["inquiry"] for g in answered)
    return verb.lemma_.lower() == "take" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in frames["measure"] for c in children(verb)
    )


def response_threat(verb: Token, ctx: DocContext) -> Event | None:
    """ "Iran would respond proportionately", "China would take necessary measures", "Britain would
    take further action if the hacking continued": a response only announced is a threat (130),
    aimed at whom it answers (the target rules: "respond to", the terms clause, whoever last acted
    against the speaker's side)."""
    if not is_response(verb, ctx) or verb.pos_ != "VERB":  # the word first: most are no verb of response
        return None
    modality, negated, _ = modality_of(verb, ctx)
    source = verb_source(verb, ctx)
    if modality not in INTENDED or negated or not source:
        return None
    sense = Sense(lemma=verb.lemma_.lower(), pos="VERB", cameo=THREAT, preps=("to", "against"))
    target = [a for a in find_target(Trigger(verb, "VERB", sense, source), ctx) if a not in source]
    return make_event(verb, THREAT, source, target, 0.55, ctx)
