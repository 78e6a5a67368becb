"""Whom an act is directed at: the target, by named rules.

A rule is a plain function ``(trigger, ctx)`` returning actor ids, or ``None`` when it does not
apply. Every rule of ``TARGET_RULES`` adds what it finds ("expelled Russian diplomats from
Poland": both); when they find nobody, the first of ``TARGET_FALLBACKS`` that finds somebody
decides. The first of them, ``dependents``, asks ``DEPENDENT_RULES`` (``(dependent, trigger,
ctx)``: object, recipient preposition, named modifier) about each word that hangs from the
trigger, in text order, so the targets come in the order the text names them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.extract.events.arguments import actors_of, complement_actors, noun_agent
from newsgraph.extract.events.context import DocContext
from newsgraph.extract.ontology import Sense


@dataclass(frozen=True)
class Trigger:
    """The word that codes an act, as the target rules see it."""

    token: Token
    pos: str  # VERB or NOUN
    sense: Sense  # the lexicon sense chosen (its prepositions mark the target)
    source: list[str]  # who does it: never its own target


TargetRule = Callable[[Trigger, DocContext], "list[str] | None"]
DependentRule = Callable[[Token, Trigger, DocContext], "list[str] | None"]


def target_preps(trigger: Trigger, ctx: DocContext) -> set[str]:
    """The prepositions whose object is the target: the sense's own (when its prepositions mark the
    target, not a thing it needs: "appeal for funds"), else frames.tsv's recipient_prep."""
    sense = trigger.sense
    return set(sense.preps) if sense.preps and sense.prep_is_target else set(ctx.frames["recipient_prep"])


def direct_object(dependent: Token, trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "Poland expelled Russian diplomats", "a station was struck": a verb's object (never its source)."""
    if trigger.pos != "VERB" or dependent.dep_ not in {"dobj", "dative", "nsubjpass"}:
        return None
    return actors_of(dependent, ctx, trigger.source)


def recipient(dependent: Token, trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "sanctions against Iran", "sent troops to Latvia": the object of a target preposition."""
    if dependent.dep_ != "prep" or dependent.lower_ not in target_preps(trigger, ctx):
        return None
    # "of" marks the target of a noun ("invasion of Ukraine"), of a verb only where its sense says so
    if trigger.pos != "NOUN" and not trigger.sense.preps and dependent.lower_ == "of":
        return None
    return [a for p in dependent.children if p.dep_ == "pobj" for a in actors_of(p, ctx)]


def named_modifier(dependent: Token, trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "Russia's Ukraine invasion": an actor compound of an event noun with an agent (in "US
    strikes" the compound is the agent: the coder drops the source from the targets)."""
    actor = ctx.table.of(dependent)
    if trigger.pos != "NOUN" or dependent.dep_ != "compound" or actor is None:
        return None
    return [actor] if noun_agent(trigger.token, ctx) else None


DEPENDENT_RULES: tuple[DependentRule, ...] = (direct_object, recipient, named_modifier)


def dependents(trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """What the trigger's dependents name, in text order, each by the first of ``DEPENDENT_RULES``
    that applies to it."""
    found: list[str] = []
    for dependent in trigger.token.children:
        for rule in DEPENDENT_RULES:
            named = rule(dependent, trigger, ctx)
            if named is not None:
                found += named
                break
    return found


def described_noun(trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "an Australian writer detained in Beijing": the noun a participle describes was acted on."""
    token = trigger.token
    if trigger.pos == "VERB" and token.dep_ == "acl" and token.tag_ == "VBN":
        return actors_of(token.head, ctx)
    return None


TARGET_RULES: tuple[TargetRule, ...] = (dependents, described_noun)


def controlled_object(trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "pledged to help defend Ukraine": the object of a dependent verb of the same act."""
    if trigger.pos != "VERB":
        return None
    for child in trigger.token.children:
        if child.dep_ == "xcomp":
            found = [a for c in child.children if c.dep_ == "dobj" for a in actors_of(c, ctx)]
            if found:
                return found
    return None


def protected_party(trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "deploy forces to deter attacks against the country": whom the act's object is aimed at."""
    if trigger.pos != "VERB":
        return None
    preps = target_preps(trigger, ctx)
    found: list[str] = []
    for obj in (c for c in trigger.token.children if c.dep_ == "dobj"):
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in preps):
            found += [a for p in prep.children if p.dep_ == "pobj" for a in actors_of(p, ctx)]
    return found


def joined_act(trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "an operation which the UK assisted": helping whoever did the sentence's earlier act
    (cameo.tsv policy "joins_act")."""
    token = trigger.token
    if token.dep_ != "relcl" or not ctx.ontology.has_policy(trigger.sense.cameo, "joins_act"):
        return None
    earlier = [e for i, e in ctx.by_trigger.items() if token.sent.start <= i < token.i]
    return list(earlier[-1].source) if earlier else None


def complement_subject(trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "Iran warned that Israel would pay": the first actor of a speech or warning verb's complement."""
    lemma = trigger.token.lemma_.lower()
    if lemma in ctx.frames["speech"] or lemma in ctx.frames["complement_target"]:
        return complement_actors(trigger.token, ctx)
    return None


TARGET_FALLBACKS: tuple[TargetRule, ...] = (
    controlled_object,
    protected_party,
    joined_act,
    complement_subject,
)


def find_target(trigger: Trigger, ctx: DocContext) -> list[str]:
    """Everything ``TARGET_RULES`` find, else the first finding of ``TARGET_FALLBACKS``; no repeats."""
    found = [a for rule in TARGET_RULES for a in rule(trigger, ctx) or ()]
    for rule in TARGET_FALLBACKS:
        if found:
            break
        found = rule(trigger, ctx) or []
    return list(dict.fromkeys(found))
