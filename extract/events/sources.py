"""Who does an act: the source, by named rules tried in order.

A rule is a plain function ``(token, ctx)`` that answers one of three ways:

- ``None``: the rule does not apply here; the next rule is tried;
- a list of actor ids: the source (an empty list: this act names none, stop looking);
- a governing ``Token``: the source is that word's own ("plans to help": whoever plans); the
  verb rules are tried again on it, at most ``MAX_HOPS`` words up the parse.

``VERB_SOURCE_RULES`` read a verb's clause, ``NOUN_SOURCE_RULES`` an event noun's phrase.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsgraph.extract.events.arguments import actors_of, governing_verb, noun_agent
from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.senses import codes_an_event, reacts, root_of
from newsgraph.extract.events.tree import children, conjuncts, lefts

Finding = list[str] | Token | None
Rule = Callable[[Token, DocContext], Finding]

SUBJECTS = frozenset({"nsubj", "csubj"})
VERBS = frozenset({"VERB", "AUX"})
ACCUSE_ROOT = "11"  # CAMEO disapprove: criticise, accuse, blame
MAX_HOPS = 7  # words up the parse a source is looked for (a chain of clauses is rarely longer)


# --- verb rules ------------------------------------------------------------------------------


def relative_pronoun(verb: Token, ctx: DocContext) -> Finding:
    """ "the state which struck": the noun the relative clause hangs from."""
    if verb.dep_ != "relcl":
        return None
    relative = ctx.frames["relative_pronoun"]
    if any(c.dep_ in SUBJECTS and c.lower_ in relative for c in children(verb)):
        return actors_of(verb.head, ctx)
    return None


def subject(verb: Token, ctx: DocContext) -> Finding:
    """ "Poland expelled two diplomats": the subject, when it names an actor."""
    for child in children(verb):
        if child.dep_ in SUBJECTS:
            found = actors_of(child, ctx)
            if found:
                return found
    return None


def passive_agent(verb: Token, ctx: DocContext) -> Finding:
    """ "was seized by Iran": the by-agent of a passive."""
    for child in children(verb):
        if child.dep_ == "agent":
            for pobj in children(child):
                found = actors_of(pobj, ctx)
                if found:
                    return found
    return None


def clause_root(verb: Token, ctx: DocContext) -> Finding:
    """ "Fighting continued.": a main verb with no named subject has no source (nothing above it)."""
    return [] if verb.dep_ == "ROOT" else None


def continued_act(verb: Token, ctx: DocContext) -> Finding:
    """ "Police arrested a lawyer. Two journalists were also detained.": an agentless passive that
    says "also" continues the latest act of its kind (same CAMEO root) in the last two sentences."""
    if not any(c.dep_ == "auxpass" for c in children(verb)) or any(c.dep_ == "agent" for c in children(verb)):
        return None
    if not any(c.dep_ == "advmod" and c.lower_ in ctx.frames["continuation"] for c in children(verb)):
        return None
    root = root_of(verb, ctx)
    first = sorted(s for s in ctx.sentences if s <= verb.i)[-3:][0]
    earlier = [e for i, e in sorted(ctx.by_trigger.items()) if first <= i < verb.i and e.cameo[:2] == root]
    return list(earlier[-1].source) if earlier and earlier[-1].source else None


def agentless_passive(verb: Token, ctx: DocContext) -> Finding:
    """ "if a ceasefire is reached": a passive with no named agent names no source."""
    return [] if any(c.dep_ in {"nsubjpass", "auxpass"} for c in children(verb)) else None


def accusation_reason(verb: Token, ctx: DocContext) -> Finding:
    """ "attacked the US for seizing a tanker": the object of the governing verb did the seizing;
    "three companies accused of supplying drones": the noun a participle of accusing describes."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ in ctx.frames["accusation"]:
        accuser = head.head
        if accuser.dep_ == "acl" and accuser.tag_ == "VBN" and root_of(accuser, ctx) == ACCUSE_ROOT:
            return actors_of(accuser.head, ctx)
        return [a for c in children(accuser) if c.dep_ == "dobj" for a in actors_of(c, ctx)]
    return None


def condition_clause(verb: Token, ctx: DocContext) -> Finding:
    """ "would respond if attacked": an if-clause has a subject of its own, or none."""
    conditions = ctx.frames["condition"]
    if verb.dep_ == "advcl" and any(m.lower_ in conditions for m in children(verb) if m.dep_ == "mark"):
        return []
    return None


def adjective_control(verb: Token, ctx: DocContext) -> Finding:
    """ "Putin was ready to meet": whoever is ready (in a headline, "Russia ready to talk", the
    adjective is the root and has the subject itself)."""
    head = verb.head
    return head.head if verb.dep_ == "xcomp" and head.pos_ == "ADJ" else None


def object_control(verb: Token, ctx: DocContext) -> Finding:
    """ "urged Iran to stop", "called on Georgia to ...", "was forced by X to pay": the one urged."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.pos_ not in VERBS:
        return None
    for child in children(head):
        if child.dep_ in {"dobj", "nsubjpass"}:
            return actors_of(child, ctx)
        if child.dep_ == "prep" and child.lower_ in ctx.frames["control_prep"]:
            found = [a for p in children(child) if p.dep_ == "pobj" for a in actors_of(p, ctx)]
            if found:  # "agreed on Monday to ...": a date, not the one who acts
                return found
    return None


def subject_control(verb: Token, ctx: DocContext) -> Finding:
    """ "plans to help": whoever plans."""
    return verb.head if verb.dep_ == "xcomp" and verb.head.pos_ in VERBS else None


def passive_conjunct(verb: Token, ctx: DocContext) -> Finding:
    """ "the minister was indicted by the court and will resign": an active verb coordinated with a
    passive one shares its subject, not its agent."""
    head = verb.head
    if verb.dep_ != "conj" or head.pos_ not in VERBS or any(c.dep_ == "auxpass" for c in children(verb)):
        return None
    if not any(c.dep_ == "aux" for c in children(verb)):  # "and will resign": a clause of its own tense
        return None
    for child in children(head):
        if child.dep_ == "nsubjpass":
            return actors_of(child, ctx) or None
    return None


def governing_clause(verb: Token, ctx: DocContext) -> Finding:
    """ "met and signed", "signed after meeting": the coordinated or governing verb's source. A past
    tense verb coordinated with a participle or gerund coordinates with the nearest past tense verb
    above it ("accused Ankara of targeting journalists and called on the US": whoever accused), when
    that one names its doer."""
    if verb.dep_ not in {"conj", "advcl", "pcomp"} or verb.head.pos_ not in VERBS:
        return None
    head = verb.head
    if verb.dep_ == "conj" and verb.tag_ == "VBD" and head.tag_ != "VBD":
        above = head
        for _ in range(6):
            if above.dep_ == "ROOT" or above.head.i == above.i:
                break
            above = above.head
            if above.pos_ in VERBS and above.tag_ == "VBD":
                # the parse's own attachment when the verb of the same tense names nobody
                return above if verb_source(above, ctx) else head
    return head


def reduced_relative(verb: Token, ctx: DocContext) -> Finding:
    """ "a writer detained in Beijing": the noun is the one acted on, not the doer."""
    return [] if verb.dep_ == "acl" and verb.tag_ == "VBN" else None


def noun_clause(verb: Token, ctx: DocContext) -> Finding:
    """ "Russia's decision to invade": the noun's agent, else the source of the verb the noun hangs from."""
    if verb.dep_ not in {"acl", "relcl", "pcomp", "pobj", "prep"}:
        return None
    head = verb.head
    noun = head if head.pos_ in {"NOUN", "PROPN"} else head.head
    return noun_agent(noun, ctx) or governing_verb(noun)


VERB_SOURCE_RULES: tuple[Rule, ...] = (
    relative_pronoun,
    subject,
    passive_agent,
    continued_act,
    clause_root,
    agentless_passive,
    accusation_reason,
    condition_clause,
    adjective_control,
    object_control,
    subject_control,
    passive_conjunct,
    governing_clause,
    reduced_relative,
    noun_clause,
)


# --- noun rules ------------------------------------------------------------------------------


def object_of_coding_verb(noun: Token, ctx: DocContext) -> Finding:
    """ "offered guarantees", "imposed sanctions" when "impose" codes them: the verb is the event; an
    act of another side named as the object is its own ("condemned Ukraine's attacks")."""
    if noun.dep_ == "dobj" and codes_an_event(noun.head, ctx):
        return None if others_material_act(noun, ctx) else []
    return None


def others_material_act(noun: Token, ctx: DocContext) -> bool:
    """Is an object noun a material act that another side, named by name, did ("condemned Ukraine's
    attacks")? Proposals and statements named as objects are what the verb reacts to, not reports."""
    if noun.lemma_.lower() in ctx.frames["proposal"]:
        return False
    senses = ctx.lexicon.senses(noun.lemma_.lower(), "NOUN")
    if not senses or ctx.ontology.get(senses[0].cameo).quad_class not in {2, 4}:
        return False
    named = [c for c in children(noun) if c.dep_ in {"poss", "compound", "amod"} and c.pos_ != "PRON"]
    agent = [a for c in named for a in actors_of(c, ctx)]
    return bool(agent) and not set(agent) & set(verb_source(noun.head, ctx))


def own_agent(noun: Token, ctx: DocContext) -> Finding:
    """ "Russia's invasion", "US strikes", "talks between A and B": the noun's own agent."""
    return noun_agent(noun, ctx) or None


def conjunct_agent(noun: Token, ctx: DocContext) -> Finding:
    """ "the landing by US troops ... and the capture": a coordinated event noun's agent; not a name
    that only modifies the other noun when this one has a determiner of its own ("US tariffs and the
    civil war in Myanmar": the war is not American)."""
    own_determiner = any(c.dep_ == "det" for c in children(noun))
    for conj in conjuncts(noun):
        found = noun_agent(conj, ctx)
        modifiers = {a for c in lefts(conj) if c.dep_ in {"compound", "amod"} for a in actors_of(c, ctx)}
        if found and not (own_determiner and set(found) <= modifiers):
            return found
    return None


def accused_act(noun: Token, ctx: DocContext) -> Finding:
    """ "accused Russia's intelligence service of a cyberattack", "accused China of being behind the
    attack", "Russia was behind the attack": the act an accusation (or "be behind") names is the
    accused one's (frames.tsv ``accusation``: the prepositions of the reason)."""
    if noun.dep_ != "pobj":
        return None
    prep, word = noun.head, noun.head.head
    if prep.lower_ == "behind" and word.lemma_.lower() == "be":
        subjects = [c for c in children(word) if c.dep_ in SUBJECTS]
        if subjects:
            return actors_of(subjects[0], ctx) or None
        if word.dep_ != "pcomp":
            return None
        prep, word = word.head, word.head.head  # "accused China of being behind"
    if prep.lower_ not in ctx.frames["accusation"]:
        return None
    verb = word.head if word.dep_ == "dobj" else word  # "of" hung on the accused: "the service of"
    if verb.pos_ != "VERB" or root_of(verb, ctx) != ACCUSE_ROOT:
        return None
    return [a for c in children(verb) if c.dep_ == "dobj" for a in actors_of(c, ctx)] or None


def reaction_object(noun: Token, ctx: DocContext) -> Finding:
    """ "condemned the invasion": whoever condemns it did not invade (cameo.tsv policy "reaction")."""
    verb = governing_verb(noun)
    if verb is not None and reacts(root_of(verb, ctx), verb.lemma_.lower(), ctx):
        return []
    return None


def light_verb(noun: Token, ctx: DocContext) -> Finding:
    """ "launched strikes", "announced sanctions": the light or speech verb's source does the act."""
    verb = governing_verb(noun)
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    return verb if lemma in ctx.frames["light"] or lemma in ctx.frames["speech"] else None


def participation(noun: Token, ctx: DocContext) -> Finding:
    """ "assisted in the crackdown": the governing verb's source takes part in the act."""
    verb = governing_verb(noun)
    if verb is not None and noun.dep_ == "pobj" and noun.head.lower_ in ctx.frames["participation_prep"]:
        return verb
    return None


def response_means(noun: Token, ctx: DocContext) -> Finding:
    """ "Beijing retaliated with an export ban": the means of a response is the responder's act."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in {"with", "by"} or prep.head.pos_ != "VERB":
        return None
    return prep.head if prep.head.lemma_.lower() in ctx.frames["response"] else None


NOUN_SOURCE_RULES: tuple[Rule, ...] = (
    object_of_coding_verb,
    own_agent,
    conjunct_agent,
    accused_act,
    reaction_object,
    response_means,
    light_verb,
    participation,
)


# --- drivers ---------------------------------------------------------------------------------


def first_finding(rules: tuple[Rule, ...], token: Token, ctx: DocContext) -> Finding:
    """The answer of the first rule that applies (None when none does)."""
    for rule in rules:
        found = rule(token, ctx)
        if found is not None:
            return found
    return None


def verb_source(verb: Token, ctx: DocContext) -> list[str]:
    """Who does what a verb says: its subject, its passive agent, else the clause that controls it.
    Remembered for the Doc (attribution asks for each event of a speaker's sentence); the rules read
    the parse, the actor table and the events coded so far (they only grow): the number of events and
    ``DocContext.table_state`` are in the key."""
    key = (verb.i, len(ctx.by_trigger), ctx.table_state())
    found = ctx.verb_sources.get(key)
    if found is None:
        found = ctx.verb_sources[key] = verb_doer(verb, ctx)
    return list(found)


def verb_doer(verb: Token, ctx: DocContext) -> list[str]:
    """``verb_source`` itself, unremembered."""
    token = verb
    for _ in range(MAX_HOPS):
        found = first_finding(VERB_SOURCE_RULES, token, ctx)
        if not isinstance(found, Token):
            return found or []
        token = found
    return []


def noun_source(noun: Token, ctx: DocContext) -> list[str]:
    """Who does what an event noun names: its possessor or agent, else its light verb's source."""
    found = first_finding(NOUN_SOURCE_RULES, noun, ctx)
    if isinstance(found, Token):
        return verb_source(found, ctx)
    return found or []


def find_source(token: Token, pos: str, ctx: DocContext) -> list[str]:
    return verb_source(token, ctx) if pos == "VERB" else noun_source(token, ctx)
