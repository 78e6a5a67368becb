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
from newsgraph.extract.events.attribution import same_side
from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.links import act_named, referenced
from newsgraph.extract.events.scope import foreground
from newsgraph.extract.events.senses import choose_sense, reacts, small_clauses
from newsgraph.extract.events.tree import children, conjuncts, sentence
from newsgraph.extract.gazetteer import Gazetteer
from newsgraph.extract.ontology import Sense


@dataclass(frozen=True)
class Trigger:
    """The word that codes an act, as the target rules see it."""

    token: Token
    pos: str  # VERB or NOUN
    sense: Sense  # the lexicon sense chosen (its prepositions mark the target)
    source: list[str]  # who does it: never its own target


TargetRule = Callable[[Trigger, DocContext], "list[str] | None"]
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
FORCE_ROOTS = frozenset({"15", "17", "18", "19", "20"})  # acts of force, aimed "on", "at", "against"
DependentRule = Callable[[Token, Trigger, DocContext], "list[str] | None"]


def target_preps(trigger: Trigger, ctx: DocContext) -> set[str]:
    """The prepositions whose object is the target: the sense's own (when its prepositions mark the
    target, not a thing it needs: "appeal for funds"), else frames.tsv's recipient_prep."""
    sense = trigger.sense
    return set(sense.preps) if sense.preps and sense.prep_is_target else set(ctx.frames["recipient_prep"])


def is_preposition(token: Token) -> bool:
    """A preposition hanging from a word ("sanctions on Iran"; "providing photographs to Macedonia",
    which the parser calls a dative)."""
    return token.dep_ == "prep" or token.dep_ == "dative" and token.pos_ == "ADP"


def direct_object(dependent: Token, trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "Poland expelled Russian diplomats", "a station was struck", "a company that the US accused": a
    verb's object (never its source)."""
    if (
        trigger.pos != "VERB"
        or dependent.dep_ not in {"dobj", "dative", "nsubjpass"}
        or is_preposition(dependent)
    ):
        return None
    token = trigger.token
    if token.dep_ == "relcl" and dependent.lower_ in ctx.frames["relative_pronoun"]:
        # "a shipping company that it accused of ...": the relative pronoun is the noun it stands for
        return actors_of(token.head, ctx, trigger.source)
    return actors_of(dependent, ctx, trigger.source)


SMALL_CLAUSE_DEPS = frozenset({"oprd", "ccomp"})  # the deps senses.small_clauses reads


def small_clause_subject(dependent: Token, trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "declared two Russian diplomats persona non grata", parsed as a clause "diplomats persona": the
    subject of the bare clause a verb governs is the verb's object (``senses.small_clauses``)."""
    if trigger.pos != "VERB" or dependent.dep_ not in SMALL_CLAUSE_DEPS:  # the cheap test first
        return None
    if dependent not in small_clauses(trigger.token):
        return None
    return [a for c in children(dependent) if c.dep_ == "nsubj" for a in actors_of(c, ctx, trigger.source)]


def recipient(dependent: Token, trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "sanctions against Iran", "sent troops to Latvia": the object of a target preposition."""
    if not is_preposition(dependent) or dependent.lower_ not in target_preps(trigger, ctx):
        return None
    # "of" marks the target of a noun ("invasion of Ukraine"), of a verb only where its sense says so
    if trigger.pos != "NOUN" and not trigger.sense.preps and dependent.lower_ == "of":
        return None
    objects = [p for p in children(dependent) if p.dep_ == "pobj"]
    found = [a for p in objects for a in actors_of(p, ctx)]
    if not found and trigger.sense.prep_required:  # "arrived in Tbilisi": the place stands for its state
        found = [s for p in objects if (s := state_named(p, ctx)) is not None]
    return found


def named_modifier(dependent: Token, trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "Russia's Ukraine invasion": an actor compound of an event noun with an agent (in "US
    strikes" the compound is the agent: the coder drops the source from the targets)."""
    actor = ctx.table.of(dependent)
    if trigger.pos != "NOUN" or dependent.dep_ != "compound" or actor is None:
        return None
    return [actor] if noun_agent(trigger.token, ctx) else None


def proposal_owner(dependent: Token, trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "rejected an offer from Kabul", "conceded to demands from UNITA", "dismissed an appeal by the
    president": whoever made the offer, demand or appeal (frames.tsv ``proposal``, ``owner_prep``)."""
    if dependent.dep_ in {"dobj", "nsubjpass"}:
        nouns = [dependent, *conjuncts(dependent)]
    elif is_preposition(dependent) and dependent.lower_ in target_preps(trigger, ctx) | {"to"}:
        nouns = [p for p in children(dependent) if p.dep_ == "pobj"]
    else:
        return None
    proposals, owner_preps = ctx.frames["proposal"], ctx.frames["owner_prep"]
    found: list[str] = []
    for noun in (n for n in nouns if n.lemma_.lower() in proposals):
        found += noun_agent(noun, ctx)
        for prep in (c for c in children(noun) if c.dep_ == "prep" and c.lower_ in owner_preps):
            found += [a for p in children(prep) if p.dep_ == "pobj" for a in actors_of(p, ctx)]
    return list(dict.fromkeys(found)) or None


def both_parties(dependent: Token, trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "urged both countries to exercise restraint", "called on the two sides to talk": the two sides
    of the latest conflict between two others told before it (frames.tsv ``both_parties``)."""
    if dependent.dep_ in {"dobj", "dative"} and not is_preposition(dependent):
        nouns = [dependent]
    elif is_preposition(dependent):
        nouns = [p for p in children(dependent) if p.dep_ == "pobj"]
    else:
        return None
    words = ctx.frames["both_parties"]
    if not any(
        n.lemma_.lower() in words and any(c.lower_ in {"both", "two"} for c in children(n)) for n in nouns
    ):
        return None
    for index, event in sorted(ctx.by_trigger.items(), reverse=True):
        if index >= trigger.token.i or event.quad_class < 3 or not event.source or not event.target:
            continue
        pair = [event.source[0], event.target[0]]
        if pair[0] != pair[1] and not set(pair) & set(trigger.source):
            return pair
    return None


DEPENDENT_RULES: tuple[DependentRule, ...] = (
    both_parties,
    proposal_owner,
    direct_object,
    small_clause_subject,
    recipient,
    named_modifier,
)


# the deps of the dependents ``DEPENDENT_RULES`` read (objects, prepositions, small clauses, compounds)
DEPENDENT_DEPS = frozenset({"dobj", "dative", "nsubjpass", "prep", "oprd", "ccomp", "compound"})


def dependents(trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """What the trigger's dependents name, in text order, each by the first of ``DEPENDENT_RULES``
    that applies to it."""
    found: list[str] = []
    for dependent in children(trigger.token):
        if dependent.dep_ not in DEPENDENT_DEPS:
            continue  # no rule applies: the test each rule starts with, made once
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
    """ "pledged to help defend Ukraine", "threatened to deliver blows to the US", "refused to respond
    to a demand from the US", "refused to deploy troops in Iraq", a noun's "proposals to offer Ukraine
    guarantees": whom the governed verb's act is aimed at, by the dependent rules, else its place
    (the governed act's family decides)."""
    clause_deps = {"xcomp"} if trigger.pos == "VERB" else {"acl", "relcl"}  # "proposals to offer ..."
    for child in children(trigger.token):
        if child.dep_ not in clause_deps or child.pos_ != "VERB":
            continue
        if child.dep_ == "relcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in children(child)):
            continue  # an infinitive the parser took for a relative clause: "a call for X to be deployed"
        sense = choose_sense(child, "VERB", ctx) or trigger.sense
        governed = Trigger(child, "VERB", sense, trigger.source)
        found = dependents(governed, ctx) or protected_party(governed, ctx) or located_object(governed, ctx)
        if found:
            return found
    return None


def protected_party(trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "deploy forces to deter attacks against the country": whom the act's object is aimed at; the
    sense's own prepositions (and for material acts "on", "at", "against") also deeper in the object's
    or a preposition's phrase ("signed agreements on trade with Albanese", "opened fire with mortars
    on Indian posts")."""
    if trigger.pos != "VERB":
        return None
    preps = target_preps(trigger, ctx)
    own = set(trigger.sense.preps) if trigger.sense.prep_is_target else set()
    if trigger.sense.cameo[:2] in FORCE_ROOTS:  # "opened fire with mortars on Indian posts"
        own |= set(ctx.frames["attack_prep"])
    found: list[str] = []
    objects = [c for c in children(trigger.token) if c.dep_ == "dobj"]
    reaction = reacts(trigger.sense.cameo, trigger.token.lemma_.lower(), ctx)
    for obj in objects:
        aimed = preps
        if reaction and obj.lemma_.lower() in ctx.frames["patient_noun"]:
            # "condemned the arrest of the journalists": a reaction is aimed at who did the act it
            # names (events/links.py), not at whom it was done to (frames.tsv patient_noun)
            aimed = preps - {"of"}
        for prep in (c for c in children(obj) if is_preposition(c) and c.lower_ in aimed):
            found += prep_actors(prep, ctx)
    if found or not own:
        return found
    phrases = objects + [c for c in children(trigger.token) if is_preposition(c)]
    for phrase in phrases:
        deeper = [
            t for t in within_phrase(phrase) if is_preposition(t) and t.lower_ in own and t.i != phrase.i
        ]
        found += [a for prep in deeper for a in prep_actors(prep, ctx)]
    return found


def prep_actors(prep: Token, ctx: DocContext) -> list[str]:
    """The actors a preposition's object names; none for a border ("on the Thai border" is beside
    Thailand, not Thailand: frames.tsv ``border_noun``)."""
    borders = ctx.frames["border_noun"]
    return [
        a
        for p in children(prep)
        if p.dep_ == "pobj" and p.lemma_.lower() not in borders
        for a in actors_of(p, ctx)
    ]


CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj"})


def within_phrase(token: Token) -> list[Token]:
    """A phrase's words, without the clauses inside it ("protesters who marched on parliament")."""
    words, stack = [], [token]
    while stack:
        word = stack.pop()
        words.append(word)
        stack += [c for c in children(word) if c.dep_ not in CLAUSE_DEPS]
    return sorted(words, key=lambda t: t.i)


def joined_act(trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "an operation which the UK assisted": helping whoever did the sentence's earlier act
    (cameo.tsv policy "joins_act")."""
    token = trigger.token
    if token.dep_ != "relcl" or not ctx.ontology.has_policy(trigger.sense.cameo, "joins_act"):
        return None
    earlier = [e for i, e in ctx.by_trigger.items() if sentence(token).start <= i < token.i]
    return list(earlier[-1].source) if earlier else None


def complement_subject(trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "Iran warned that Israel would pay": the first actor of a speech or warning verb's complement."""
    lemma = trigger.token.lemma_.lower()
    if lemma in ctx.frames["speech"] or lemma in ctx.frames["complement_target"]:
        return complement_actors(trigger.token, ctx, trigger.source)
    return None


def asked_party(trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "demanded that the US cancel", "its demand that Israel ease": who is asked to act, the subject
    of the clause an appeal or demand governs (frames.tsv ``appeal``)."""
    appeal = ctx.frames["appeal"]
    token = trigger.token
    askers = [token] if token.lemma_.lower() in appeal else []
    askers += [
        c for c in children(token) if c.dep_ == "dobj" and c.lemma_.lower() in appeal
    ]  # "reiterated its demand that"
    if trigger.pos == "NOUN" and token.dep_ == "dobj" and token.lemma_.lower() in appeal:
        askers.append(token.head)  # "reiterated its demand that Israel ease": the clause is the verb's
    for clause in (c for a in askers for c in children(a) if c.dep_ in {"ccomp", "acl", "advcl"}):
        for subject in (c for c in children(clause) if c.dep_ in {"nsubj", "nsubjpass"}):
            found = actors_of(subject, ctx, trigger.source)
            if found:
                return found
    # "demanded political reforms by the government": the doer of the act asked for is asked
    for asked in (c for a in askers for c in children(a) if c.dep_ == "dobj"):
        for prep in (c for c in children(asked) if is_preposition(c) and c.lower_ == "by"):
            found = [a for p in children(prep) if p.dep_ == "pobj" for a in actors_of(p, ctx, trigger.source)]
            if found:
                return found
    # "called for sanctions against Nigeria": whom the asked-for act would be aimed at
    preps = set(ctx.frames["recipient_prep"]) - {"for", "of"}
    for asked in (
        p for a in askers for c in children(a) if is_preposition(c) and c.lower_ == "for" for p in children(c)
    ):
        for prep in (c for c in children(asked) if is_preposition(c) and c.lower_ in preps):
            found = [a for p in children(prep) if p.dep_ == "pobj" for a in actors_of(p, ctx, trigger.source)]
            if found:
                return found
    return None


def is_purpose(clause: Token) -> bool:
    """An infinitive clause of purpose: "opened fire to disperse", "sent inspectors to monitor"."""
    return clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(clause))


def purpose_object(trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "opened fire to disperse demonstrators": the object of the act's purpose clause."""
    for clause in (c for c in children(trigger.token) if is_purpose(c)):
        found = [a for c in children(clause) if c.dep_ == "dobj" for a in actors_of(c, ctx, trigger.source)]
        if found:
            return found
    return None


def purpose_of_act(trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "sent inspectors to Iran to monitor the plant": a purpose clause's act is aimed where the act
    it serves is (that act's target, else its recipient)."""
    token = trigger.token
    if not is_purpose(token):
        return None
    served = ctx.by_trigger.get(token.head.i)
    if served is not None and served.target:
        return list(served.target)
    preps = set(ctx.frames["recipient_prep"])
    return [
        a
        for c in children(token.head)
        if is_preposition(c) and c.lower_ in preps
        for p in children(c)
        if p.dep_ == "pobj"
        for a in actors_of(p, ctx, trigger.source)
    ] or None


def located_object(trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "lifted the curfew in Abidjan", "fired shells at targets in Jericho", "rioted at a jail in
    Israel", "fire against Kampuchean camps", "attacked a town in Mozambique's north": a state, or the
    state of a place (or its owner), named in the act's own phrases, or the state whose adjective a
    thing aimed at carries (cameo.tsv policy
    ``place_target``: material acts, where CAMEO codes the place for its state)."""
    if not ctx.ontology.has_policy(trigger.sense.cameo, "place_target"):
        return None
    preps = set(ctx.frames["place_prep"]) | set(ctx.frames["recipient_prep"])
    aimed = set(ctx.frames["attack_prep"])  # "against Kampuchean camps", not "near the Thai border"
    phrases = [
        (c, True) for c in children(trigger.token) if c.dep_ in {"dobj", "nsubjpass"} or is_preposition(c)
    ]
    for _ in range(5):  # the act's object, its prepositions, their objects: "at targets in Jericho"
        nested: list[tuple[Token, bool]] = []
        for word, direct in phrases:
            if is_preposition(word):
                if word.lower_ in preps:
                    nested += [
                        (c, direct and word.lower_ in aimed) for c in children(word) if c.dep_ == "pobj"
                    ]
                continue
            for part in (word, *conjuncts(word)):
                if part.lemma_.lower() in ctx.frames["border_noun"]:
                    continue  # "a stronghold on the Thai border": beside a state is not in it
                named = [part]
                if direct:
                    named += [
                        m for m in children(part) if m.dep_ in {"amod", "compound"} and m.pos_ != "NOUN"
                    ]
                # "in Mozambique's northern province": a place a state owns is in that state
                named += [m for m in children(part) if m.dep_ == "poss" and m.pos_ == "PROPN"]
                for name in named:
                    state = state_named(name, ctx)
                    if state is not None:
                        return [state]
                nested += [(c, False) for c in children(part) if is_preposition(c)]
        phrases = nested
    return None


def state_named(token: Token, ctx: DocContext) -> str | None:
    """The state a word names, as an actor of the table: a state's own mention, or a place with a
    country ("Abidjan" -> CIV, added to the table when the text names the state nowhere else)."""
    actor = ctx.table.of(token)
    if actor is not None:
        known = ctx.table.actors.get(actor)
        return actor if known is not None and known.kind == "state" else None
    gazetteer = Gazetteer.load()
    place = ctx.table.places.get(token.i)
    iso = place.get("country") if place else None
    if not iso and token.ent_type_ == "GPE":  # "blockade Paris": a capital the table did not mark
        iso = gazetteer.state_of_capital(token.text)
    if not iso:
        return None
    if iso in ctx.table.actors:
        return iso
    entry = gazetteer.get(iso)
    if entry is None or entry.kind != "state":
        return None
    ctx.table.add(entry.id, entry.name, entry.kind, entry.country, entry.cameo_code, None)
    return entry.id


def retaliated_party(trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "The Houthis vowed retaliation" after "US warplanes struck the Houthis", "Beijing retaliated
    with an export ban" after US sanctions on China: a retaliation is aimed at whoever last acted
    against the retaliating side (frames.tsv ``retaliation``)."""
    token = trigger.token
    words = ctx.frames["retaliation"]
    near = [token, *(c for c in children(token) if c.dep_ in {"dobj", "xcomp"})]
    if token.dep_ == "pobj" and token.head.lower_ in {"with", "by"}:  # "retaliated with an export ban"
        near.append(token.head.head)
    if not any(w.lemma_.lower() in words for w in near):
        return None
    earlier = [(i, e) for i, e in sorted(ctx.by_trigger.items()) if i < token.i]
    for told in (foreground(earlier, token, ctx), earlier):  # background acts only when nothing else
        for _index, event in reversed(told):
            # "ordered the closure of Russia's consulate" acted against Russia: sides at the level of states
            if event.quad_class == 4 and same_side(event.target, trigger.source, ctx):
                return [a for a in event.source if not same_side([a], trigger.source, ctx)] or None
    return None


def voiced_target(trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "began a hunger strike to protest against Sweden's decision", "blocked a road to show their
    disapproval of US policy": a protest is aimed where what it voices is (its purpose or participle
    clause, which events/scope.py ``protest_content`` keeps from coding an act of its own)."""
    token = trigger.token
    if trigger.sense.cameo[:2] != "14":
        return None
    verb = token.head if trigger.pos == "NOUN" and token.dep_ == "dobj" else token
    for clause in (c for c in children(verb) if c.dep_ == "advcl" and c.pos_ == "VERB"):
        for word in (clause, *(c for c in children(clause) if c.dep_ == "dobj")):
            pos = "VERB" if word is clause else "NOUN"
            sense = choose_sense(word, pos, ctx) if (word.lemma_.lower(), pos) in ctx.data.lemmas else None
            found = find_target(Trigger(word, pos, sense, trigger.source), ctx) if sense else None
            if found:
                return found
    return None


def terms_party(trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "would not meet him unless the military halted its strikes", "would continue its offensive
    until the ELN stops attacking", "would take further action if the hacking continued": an act on
    terms another side must meet is aimed at that side, the subject of the terms clause or the doer
    of the act it names (frames.tsv ``terms``)."""
    token = trigger.token
    verb = token.head if trigger.pos == "NOUN" and token.dep_ in {"dobj", "nsubjpass"} else token
    terms = ctx.frames["terms"]
    for clause in (c for c in children(verb) if c.dep_ == "advcl"):
        if not any(m.dep_ == "mark" and m.lower_ in terms for m in children(clause)):
            continue
        subjects = [c for c in children(clause) if c.dep_ in {"nsubj", "nsubjpass"}]
        found = [a for s in subjects for a in actors_of(s, ctx, trigger.source)]
        # "if the hacking continued": whoever did the act the subject names
        acts = [act_named(s, token, None, ctx) for s in subjects if not found]
        found += [a for act in acts if act is not None for a in act.source if a not in trigger.source]
        if found:
            return found
    return None


def answered_party(trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "condemned the coup and suspended its development aid", "condemned the attack and pledged aid":
    an act coordinated with a reaction answers the act the reaction names (events/links.py
    ``referenced``): a conflictual one is aimed at that act's doer, aid at whom the act was done to."""
    token = trigger.token
    if trigger.pos != "VERB" or token.dep_ != "conj" or any(c.dep_ in SUBJECTS for c in children(token)):
        return None
    verb, reaction = token, None
    while verb.dep_ == "conj" and reaction is None:  # "condemned the attack, cut its aid and pledged"
        verb = verb.head
        found = ctx.by_trigger.get(verb.i)
        reaction = found if found and reacts(found.cameo, verb.lemma_.lower(), ctx) else None
    if reaction is None:
        return None
    answered = referenced(verb, reaction, ctx)
    if answered is None:
        return None
    helps = ctx.ontology.get(trigger.sense.cameo).quad_class in {1, 2}
    return [a for a in (answered.target if helps else answered.source) if a not in trigger.source] or None


def conjunct_party(trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "raised the case with the Chinese ambassador and demanded consular access": a verb that shares
    its subject with the verb it is coordinated with deals with the same other side (that verb's
    target, else the object of its "with", "to" or "on")."""
    token = trigger.token
    if trigger.pos != "VERB" or token.dep_ != "conj" or token.head.pos_ != "VERB":
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in children(token)):
        return None  # a clause of its own: "X met Y and Z said ..."
    other = token.head
    earlier = ctx.by_trigger.get(other.i)
    if earlier is not None and earlier.target:
        return [a for a in earlier.target if a not in trigger.source] or None
    preps = {"with", "to", "on"}
    phrases = [other, *(c for c in children(other) if c.dep_ == "dobj")]  # "raised the case with X"
    return [
        a
        for w in phrases
        for c in children(w)
        if is_preposition(c) and c.lower_ in preps
        for p in children(c)
        if p.dep_ == "pobj"
        for a in actors_of(p, ctx, trigger.source)
    ] or None


def defied_party(trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "declined to resign despite growing pressure by the anti-corruption commission": a rejection
    made despite another side's pressure or calls is aimed at that side (frames.tsv ``defiance_prep``;
    the owner of the noun: possessor, compound or ``owner_prep``)."""
    token = trigger.token
    if trigger.sense.cameo[:2] != "12":
        return None
    owner_preps = set(ctx.frames["owner_prep"])
    found: list[str] = []
    for word in (token, *(c for c in children(token) if c.dep_ == "xcomp")):
        for prep in (
            c for c in children(word) if is_preposition(c) and c.lower_ in ctx.frames["defiance_prep"]
        ):
            for noun in (p for p in children(prep) if p.dep_ == "pobj"):
                found += noun_agent(noun, ctx)
                for owner in (c for c in children(noun) if is_preposition(c) and c.lower_ in owner_preps):
                    found += [a for p in children(owner) if p.dep_ == "pobj" for a in actors_of(p, ctx)]
    return [a for a in dict.fromkeys(found) if a not in trigger.source] or None


def proposal_aim(trigger: Trigger, ctx: DocContext) -> list[str] | None:
    """ "rejected a call for its peacekeepers to be deployed in East Timor": a rejected proposal with
    no maker named is aimed where the act it proposes would be (frames.tsv ``proposal``)."""
    if trigger.pos != "VERB" or trigger.sense.cameo[:2] != "12":
        return None
    proposals = ctx.frames["proposal"]
    for noun in (c for c in children(trigger.token) if c.dep_ == "dobj" and c.lemma_.lower() in proposals):
        found = controlled_object(Trigger(noun, "NOUN", trigger.sense, trigger.source), ctx)
        if found:
            return found
    return None


TARGET_FALLBACKS: tuple[TargetRule, ...] = (
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


def find_target(trigger: Trigger, ctx: DocContext) -> list[str]:
    """Everything ``TARGET_RULES`` find, else the first finding of ``TARGET_FALLBACKS``; no repeats.
    When the rules find only the source's own ("review its aid to Georgia"), the fallbacks are tried
    too; if they find nobody either, the source's own is kept (the coder drops aid to oneself)."""
    found = [a for rule in TARGET_RULES for a in rule(trigger, ctx) or ()]
    own = found if found and set(found) <= set(trigger.source) else []
    if own:
        found = []
    for rule in TARGET_FALLBACKS:
        if found:
            break
        found = rule(trigger, ctx) or []
    return list(dict.fromkeys(found or own))
