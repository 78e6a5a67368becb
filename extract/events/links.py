"""Links between the events of one document, once all are coded: conditions, responses, accusations,
one event per act, dyads of joint acts."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from newsgraph.extract.events.attribution import according_to, same_side
from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.scope import foreground
from newsgraph.extract.events.senses import reacts
from newsgraph.extract.events.tree import children, sentence, token_at
from newsgraph.extract.record import Event

ACCUSE = "112"  # CAMEO "accuse": what a speaker does who says another side did something hostile
MATERIAL_CONFLICT = 4  # GDELT's quad class of material conflict (roots 14-20)
PROTEST = "14"


def link(events: list[Event], ctx: DocContext) -> None:
    """CONDITIONAL_ON: events inside an event's if-clause. RESPONDS_TO: the earlier act a reaction's
    object names ("rejected the proposals", "condemned the attack"); its source becomes the target."""
    for event in events:
        condition = ctx.conditions.get(event.id)
        if condition is not None:
            event.conditional_on = [
                e.id
                for i, e in ctx.by_trigger.items()
                if condition.start <= i < condition.end and e.id != event.id
            ]
        trigger = trigger_of(event, ctx)
        if trigger is None or not reacts(event.cameo, token_at(ctx.doc, trigger).lemma_.lower(), ctx):
            continue
        earlier = referenced(token_at(ctx.doc, trigger), event, ctx)
        if earlier is not None:
            event.responds_to = [earlier.id]
            if not event.target:
                event.target = [a for a in earlier.source if a not in event.source]


def trigger_of(event: Event, ctx: DocContext) -> int | None:
    """The token index of the word that coded an event (None for one made from another event)."""
    return next((i for i, e in ctx.by_trigger.items() if e is event), None)


def referenced(trigger: Token, event: Event, ctx: DocContext) -> Event | None:
    """The earlier event a reaction's object refers to: the same word ("the proposal" after "proposed",
    frames.tsv ``reference``) or the same kind of act ("the attack" after "struck")."""
    objects = [c for c in children(trigger) if c.dep_ in {"dobj", "nsubjpass"}]
    objects += [g for c in children(trigger) if c.dep_ == "prep" for g in children(c) if g.dep_ == "pobj"]
    for noun in objects:
        found = act_named(noun, trigger, event, ctx)
        if found is not None:
            return found
    return None


def act_named(noun: Token, trigger: Token, event: Event | None, ctx: DocContext) -> Event | None:
    """The act told before ``trigger`` that a noun names: the latest of the same word, else of the
    same code, else of the same root, told in the foreground if one is (a generic noun:
    ``generic_reference``; ``event`` is the reacting one)."""
    lemma = noun.lemma_.lower()
    wanted = set((ctx.frames["reference"].get(lemma) or "").split("|")) | {lemma}
    senses = ctx.lexicon.senses(lemma, "NOUN")
    code = senses[0].cameo if senses else None
    before = [
        (i, e) for i, e in sorted(ctx.by_trigger.items()) if i < trigger.i and e is not event and e.source
    ]
    for told in (foreground(before, trigger, ctx), before):  # background acts only when nothing else
        same_word = [e for i, e in told if token_at(ctx.doc, i).lemma_.lower() in wanted]
        same_code = [e for _i, e in told if code and e.cameo == code]  # "the hacking": a cyberattack
        same_kind = [e for _i, e in told if code and e.cameo[:2] == code[:2]]
        if same_word or same_code or same_kind:
            return (same_word or same_code or same_kind)[-1]
        if event is not None and lemma in ctx.frames["generic_act"]:
            found = generic_reference([e for _i, e in told], event, ctx)
            if found is not None:
                return found
    return None


def generic_reference(before: list[Event], event: Event, ctx: DocContext) -> Event | None:
    """ "welcomed the decision", "condemned the dangerous actions" (frames.tsv ``generic_act``): the
    latest earlier material act by another side; one the reaction approves of is not aimed at the
    approver's side ("Ukraine welcomed the decision" is not Russia's war on Ukraine)."""
    approves = event.quad_class in {1, 2}
    for earlier in reversed(before):
        if earlier.quad_class not in {2, 4} or earlier.negated:
            continue
        if (
            same_side(earlier.source, event.source, ctx)
            or approves
            and same_side(earlier.target, event.source, ctx)
        ):
            continue
        return earlier
    return None


def accusations(events: list[Event], ctx: DocContext) -> list[Event]:
    """A speaker who says another side did something hostile to the speaker's side accuses it (CAMEO
    112): "the coast guard said the Philippine boat had rammed a Chinese ship" is China accusing the
    Philippines; "Thai police said Burmese troops captured a rebel base" is a report, not an accusation."""
    made = []
    accuse = ctx.ontology.get(ACCUSE)
    for event in events:
        if event.modality != "reported" or event.quad_class != MATERIAL_CONFLICT or not event.attributed_to:
            continue
        if event.cameo[:2] == PROTEST:  # reporting a protest accuses nobody
            continue
        trigger = trigger_of(event, ctx)
        assert trigger is not None  # reported events come from trigger words
        if event.attributed_to == according_to(sentence(token_at(ctx.doc, trigger)), ctx):
            continue  # "according to MSF": a source of information, not an accuser
        target = [a for a in event.source if a not in event.attributed_to]
        if not target or not same_side(event.attributed_to, event.target, ctx):
            continue  # a witness, a news agency or an observer reports; the side acted on accuses
        made.append(
            replace(
                event,
                id=event.id.replace("evt:", "evt:acc-"),
                type=accuse.type,
                cameo=accuse.code,
                goldstein=accuse.goldstein,
                quad_class=accuse.quad_class,
                source=list(event.attributed_to),
                target=target,
                involves=[],
                modality="asserted",
                attributed_to=[],
                conditional_on=[],
                responds_to=[event.id],
                confidence=round(event.confidence * 0.8, 2),
            )
        )
    return made


def dedupe(events: list[Event]) -> list[Event]:
    """One event per act. In one sentence, the same code family from the same source is one act:
    keep the most informative (with a target, then the most confident), and let it take the date
    and place the others found ("starting the war ... in February 2022 with its invasion of Ukraine")."""
    groups: dict[tuple, list[Event]] = {}
    for event in events:
        assert event.evidence is not None
        key = (event.evidence.sentence_index, event.cameo[:2], tuple(sorted(event.source)))
        groups.setdefault(key, []).append(event)
    kept: list[Event] = []
    for group in groups.values():
        targets: dict[tuple, Event] = {}
        for event in [e for e in group if e.target] or group:
            key = tuple(sorted(event.target))
            if key not in targets or event.confidence > targets[key].confidence:
                targets[key] = event
        for event in targets.values():
            for other in group:
                event.date = event.date or other.date
                event.date_text = event.date_text or other.date_text
                event.place = event.place or other.place
        kept += targets.values()
    order = {id(e): n for n, e in enumerate(events)}
    return sorted(kept, key=lambda e: order[id(e)])


def direct_joint_acts(events: list[Event], ctx: DocContext) -> None:
    """A joint act of several sides with no other target ("Turkey and Sweden signed", "Turkey and
    Greece agreed to resume talks") is directed at each other, as CAMEO codes dyads (cameo.tsv
    policy "joint", of the act or of the act it is the intent form of)."""
    for event in events:
        if (
            len(event.source) > 1
            and not event.target
            and ctx.ontology.asserted_has_policy(event.cameo, "joint")
        ):
            event.target = list(event.source)


def drop_dangling_links(events: list[Event]) -> None:
    """Links only to events that are kept (a merged duplicate is gone)."""
    ids = {e.id for e in events}
    for event in events:
        event.responds_to = [i for i in event.responds_to if i in ids]
        event.conditional_on = [i for i in event.conditional_on if i in ids]
