"""From a word of the parse to the actors it stands for: names, coordinations, owners, pronouns."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.actors.references import resolve
from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.tree import children, conjuncts, lefts, subtree
from newsgraph.extract.gazetteer import Gazetteer

NAME_MODIFIERS = frozenset({"amod", "compound", "nmod"})
# the deps a noun phrase hangs from a verb by, through prepositions ("assisted with in a crackdown")
PHRASE_LINKS = frozenset({"pobj", "prep", "dobj", "conj", "appos", "attr", "nsubjpass"})


def actors_of(token: Token, ctx: DocContext, exclude: list[str] | None = None) -> list[str]:
    """The actor(s) a nominal stands for: its own mention, its coordination, a pronoun's antecedent
    (never ``exclude``: "Anwar said he would not meet him" - "him" is not Anwar). Remembered for the
    Doc: the source, target and scope rules ask about the same words; the answer reads the parse and
    the actor table, which may change (``DocContext.table_state`` is in the key)."""
    key = (token.i, tuple(exclude or ()), ctx.table_state())
    found = ctx.actors_of.get(key)
    if found is None:
        found = ctx.actors_of[key] = named_actors(token, ctx, exclude)
    return list(found)


def named_actors(token: Token, ctx: DocContext, exclude: list[str] | None = None) -> list[str]:
    """``actors_of`` itself, unremembered."""
    table = ctx.table
    found: list[str] = []
    for part in (token, *conjuncts(token)):
        actor = table.of(part)
        coordinated = [  # "American and British warplanes": the coordinated owners too
            table.of(c)
            for m in children(part)
            if actor is not None and m.dep_ in NAME_MODIFIERS and table.of(m) == actor
            for c in conjuncts(m)
            if table.of(c)
        ]
        if actor is None and part.pos_ in {"PRON", "NOUN", "DET"}:
            resolved = resolved_once(part, ctx, exclude)
            actor = resolved[0] if len(resolved) == 1 else None
            if len(resolved) > 1:
                found += resolved
        if actor is None:  # "his Chinese counterpart Wang Yi": the named apposition
            named = [
                table.of(c)
                for c in children(part)
                if c.dep_ in {"appos", "compound"} and c.i > part.i and table.of(c)
            ]
            actor = named[0] if named else None
        if actor is None and part.pos_ in {"NOUN", "PROPN"}:
            owners = owners_in(part, ctx)
            found += [a for a in owners[1:] if a not in found]
            actor = owners[0] if owners else None
        if actor is None and part.pos_ == "NOUN":
            found += [a for a in included(part, ctx) if a not in found]
        for one in (actor, *coordinated):
            if one and one not in found:
                found.append(one)
    return found


def resolved_once(token: Token, ctx: DocContext, exclude: list[str] | None = None) -> list[str]:
    """``references.resolve`` of a pronoun or description, remembered for the Doc: several rules ask
    about the same word. Its answer reads only the parse and the actor table, which gains actors while
    events are coded (``targets.state_named``): ``DocContext.table_state`` is part of the key."""
    key = (token.i, tuple(exclude or ()), ctx.table_state())
    found = ctx.resolved.get(key)
    if found is None:
        found = ctx.resolved[key] = resolve(ctx.table, token, set(exclude or ()))
    return list(found)


def included(noun: Token, ctx: DocContext) -> list[str]:
    """ "arrested at least 63 people, including two journalists", "holding 20 hostages, among them two
    police officers": a noun that names no actor stands for the actors its "including" or "among"
    phrase names (frames.tsv ``inclusion_prep``)."""
    preps = ctx.frames["inclusion_prep"]
    return [
        a
        for c in children(noun)
        if c.dep_ == "prep" and c.lower_ in preps
        for p in children(c)
        if p.dep_ == "pobj"
        for a in actors_of(p, ctx)
    ]


def owners_in(noun: Token, ctx: DocContext) -> list[str]:
    """Actors that modify a noun ("Russian tanker", "American and British warplanes", "Putin's fleet");
    a named modifier before a possessive pronoun ("its European partners": the Europeans)."""
    table = ctx.table
    pronoun: list[str] = []
    for child in children(noun):
        if child.dep_ in {"poss", "compound", "amod", "nmod"}:
            actor = table.of(child)
            if actor is None and child.dep_ == "poss" and child.pos_ == "PRON":
                pronoun = pronoun or resolved_once(child, ctx)[:1]
                continue
            if actor:
                more = [table.of(c) for c in conjuncts(child) if table.of(c)]
                return list(dict.fromkeys([actor, *more]))
            for grand in children(child):  # "a British-flagged tanker", "Russian-owned"
                if grand.dep_ in {"npadvmod", "amod", "compound"} and table.of(grand):
                    return [table.of(grand)]
    return pronoun or office_of(noun, ctx)


def office_of(noun: Token, ctx: DocContext) -> list[str]:
    """ "the president of Armenia", "the government of Sudan", "21 members of the PKK": a title's or a
    member word's "of" names the state or group it belongs to (frames.tsv ``member_noun``)."""
    preps = [c for c in children(noun) if c.dep_ == "prep" and c.lower_ == "of"]
    if not preps:
        return []
    member = noun.lemma_.lower() in ctx.frames["member_noun"]
    if not member and Gazetteer.load().title(noun.lower_) is None:
        return []
    for prep in preps:
        for pobj in (c for c in children(prep) if c.dep_ == "pobj"):
            actor = ctx.table.of(pobj)
            known = ctx.table.actors.get(actor) if actor else None
            if known is not None and (known.kind == "state" or member):
                return [actor]
    return []


def noun_agent(noun: Token, ctx: DocContext) -> list[str]:
    """The possessor, agent-preposition object or actor modifier of a noun: "Russia's invasion",
    "the landing by US troops", "talks between A and B", "US strikes"; for a noun of what is done to
    somebody (frames.tsv ``patient_noun``) only the agent preposition ("the arrest by police")."""
    table = ctx.table
    # "Israel's destruction", "the president's release": the possessor of a noun of what is done to
    # somebody is the one it is done to, unless an of-phrase names that ("Russia's expulsion of envoys")
    patient = noun.lemma_.lower() in ctx.frames["patient_noun"] and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in children(noun)
    )
    for child in children(noun):
        if child.dep_ == "poss" and not patient:
            found = actors_of(child, ctx)
            if found:
                return found
        if child.dep_ == "prep" and child.lower_ in ctx.frames["agent_prep"]:
            for pobj in children(child):
                found = actors_of(pobj, ctx)
                if found:
                    return found
    for child in lefts(noun):
        if child.dep_ in NAME_MODIFIERS and not patient:
            actor = table.of(child)
            if actor:
                more = [table.of(c) for c in conjuncts(child) if table.of(c)]
                return list(dict.fromkeys([actor, *more]))
    return []


def actors_in(phrase: Token, ctx: DocContext) -> list[str]:
    """Actors named inside a noun phrase, agents ("by western forces") first."""
    agents = [a for t in subtree(phrase) if t.dep_ == "agent" for p in children(t) for a in actors_of(p, ctx)]
    if agents:
        return agents
    direct = actors_of(phrase, ctx)
    if direct:
        return direct
    return list(dict.fromkeys(ctx.table.of(t) for t in subtree(phrase) if ctx.table.of(t)))


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun phrase hangs from, through prepositions: "assisted with in a crackdown" -> assisted."""
    current = noun
    for _ in range(4):
        head = current.head  # the root heads itself: a root verb governs itself
        if head.pos_ in {"VERB", "AUX"}:
            return head
        if current.dep_ not in PHRASE_LINKS:  # not ROOT either: the climb ends at the root
            return None
        current = head
    return None


def complement_actors(verb: Token, ctx: DocContext, exclude: list[str] | None = None) -> list[str]:
    """The actor a warning or a statement is about: the first one named in its complement clause
    that is not the speaker's own ("warned that police will not tolerate rallies by Kifaya")."""
    for child in children(verb):
        if child.dep_ == "ccomp":
            named = [ctx.table.of(t) for t in subtree(child) if ctx.table.of(t)]
            return [a for a in named if a not in (exclude or [])][:1]
    return []
