"""Choosing the lexicon sense of a trigger word, and when a fight verb is a verbal attack."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.tree import children, conjuncts
from newsgraph.extract.ontology import Sense

VERBAL_ATTACK = "111"  # CAMEO "criticize or denounce": what a fight verb with a reason clause codes
MODIFIER_DEPS = frozenset({"compound", "amod"})


CLAUSE_HEADS = frozenset({"relcl", "ccomp", "advcl"})


def trigger_pos(token: Token) -> str:
    """The lexicon's part of speech for a word: proper nouns count as nouns ("Strikes" in a headline),
    and so does a noun, unless it is a ``verb_mistagged`` as one."""
    if verb_mistagged(token):
        return "VERB"
    return "NOUN" if token.pos_ in {"NOUN", "PROPN"} else token.pos_


def verb_mistagged(token: Token) -> bool:
    """ "a decision that Beijing rejects": a word the tagger calls a plural noun ("rejects") that the
    parser makes the head of a clause with a subject of its own is that clause's verb."""
    return (
        token.pos_ == "NOUN"
        and token.tag_ == "NNS"
        and token.dep_ in CLAUSE_HEADS
        and any(c.dep_ == "nsubj" for c in children(token))
    )


def objects(token: Token, pos: str) -> list[Token]:
    """Direct objects of a verb (with conjuncts), or the of-object / compounds of a noun."""
    if pos == "VERB":
        objs = [c for c in children(token) if c.dep_ in {"dobj", "nsubjpass", "attr", "dative"}]
        # "lifted the state of emergency", "ordered the closure of": the object's of-object too
        objs += [
            g
            for o in objs
            for c in children(o)
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in children(c)
            if g.dep_ == "pobj"
        ]
    else:
        objs = [c for c in children(token) if c.dep_ == "compound"]
    for c in children(token):  # "pour cold water on": an object inside another preposition is not it
        if c.dep_ == "prep" and c.lower_ == "of":
            objs += [g for g in children(c) if g.dep_ == "pobj"]
    return [o for obj in objs for o in (obj, *conjuncts(obj))]


def small_clauses(verb: Token) -> list[Token]:
    """ "declared two Russian diplomats persona non grata": what a verb says its object is (an object
    predicate, or the bare clause the parser makes of object and predicate: no marker, no auxiliary)."""
    return [
        c
        for c in children(verb)
        if c.dep_ == "oprd"
        or c.dep_ == "ccomp"
        and not any(g.dep_ in {"mark", "aux", "auxpass"} for g in children(c))
        and any(g.dep_ == "nsubj" for g in children(c))
    ]


def choose_sense(token: Token, pos: str, ctx: DocContext, lemma: str | None = None) -> Sense | None:
    """The lexicon sense that fits the word's objects, modifiers, particles and prepositions (those of
    ``lemma``, when given, instead of the word's own: a word read as another)."""
    # Coding, scope and target rules ask for one word's sense two or three times; it depends only on
    # the parse and the lexicon, so it is worked out once per Doc.
    key = (token.i, pos, lemma)
    if key not in ctx.senses:
        ctx.senses[key] = fitting_sense(token, pos, ctx, lemma or token.lemma_.lower())
    return ctx.senses[key]


def fitting_sense(token: Token, pos: str, ctx: DocContext, lemma: str) -> Sense | None:
    """``choose_sense`` itself, unremembered."""
    senses = ctx.lexicon.senses(lemma, pos)
    if senses and senses[0].origin == "vendor" and not main_clause(token, ctx):
        return None  # only the dictionary's patterns, and not a main verb: nothing to match (faster)
    if not senses or senses[0].fits_any_context:
        sense = senses[0] if senses else None  # the first sense fits whatever the context: no need to read it
    else:
        words, particles, prep_words = sense_context(token, pos, ctx, lemma)
        sense = ctx.lexicon.match(
            lemma,
            pos,
            objects=words,
            particles=particles,
            preps=prep_words,
            prep_objects=prep_words,
        )
    if sense is not None and sense.origin == "vendor" and not main_clause(token, ctx):
        return None  # the dictionary's patterns are written for a sentence's main verb, as PETRARCH codes
    return sense


def sense_context(
    token: Token, pos: str, ctx: DocContext, lemma: str
) -> tuple[set[str], set[str], dict[str, set[str]]]:
    """What a lexicon sense may ask of a word's context (``Lexicon.match``): the lemmas of its objects
    and their modifiers, its particles, and its prepositions with their objects' lemmas."""
    found = objects(token, pos)
    words = {w.lemma_.lower() for w in found}
    words |= {m.lemma_.lower() for w in found for m in children(w) if m.dep_ in MODIFIER_DEPS}
    if pos == "NOUN":
        words |= {m.lemma_.lower() for m in children(token) if m.dep_ in MODIFIER_DEPS}
    else:  # "declined to comment", "refused to release": the governed verb tells the sense too
        words |= {c.lemma_.lower() for c in children(token) if c.dep_ == "xcomp" and c.pos_ == "VERB"}
        for clause in small_clauses(token):  # "declared two diplomats persona non grata"
            words.add(clause.lemma_.lower())
            words |= {c.lemma_.lower() for c in children(clause) if c.dep_ in {"dobj", *MODIFIER_DEPS}}
        if lemma in ctx.frames["complement_target"]:  # "warned that famine had been confirmed"
            words |= {
                s.lemma_.lower()
                for c in children(token)
                if c.dep_ == "ccomp"
                for s in children(c)
                if s.dep_ in {"nsubj", "nsubjpass"}
            }
    particles = {c.lower_ for c in children(token) if c.dep_ == "prt"}
    prep_words: dict[str, set[str]] = {}
    for prep in (c for c in children(token) if c.dep_ in {"prep", "agent"}):
        found = prep_words.setdefault(prep.lower_, set())
        for pobj in (g for g in children(prep) if g.dep_ == "pobj"):
            found.add(pobj.lemma_.lower())
            found |= {m.lemma_.lower() for m in children(pobj) if m.dep_ in MODIFIER_DEPS}
    for clause in (c for c in children(token) if c.dep_ == "advcl"):  # "called for X to be freed"
        if any(m.dep_ == "mark" and m.lower_ == "for" for m in children(clause)):
            prep_words.setdefault("for", set())
    return words, particles, prep_words


def reacts(code: str | None, lemma: str, ctx: DocContext) -> bool:
    """Does an act answer another side's act it names: a reaction family (cameo.tsv policy
    ``reaction``: "condemned the attack"), or a verb of approving (frames.tsv ``approval``:
    "welcomed the decision", "praised the move")?"""
    return ctx.ontology.has_policy(code, "reaction") or lemma in ctx.frames["approval"]


REJECT = "reject"  # the lexicon word whose senses a refusal to accept takes


def negated_acceptance(token: Token, pos: str, ctx: DocContext) -> Sense | None:
    """ "would not accept Iran's complicity", "will not recognise the result", "would not allow the
    refugees to settle": a verb of accepting (frames.tsv ``acceptance``) negated by its own "not" or
    "never" is a rejection (CAMEO 12: refuse to accept), with the sense "reject" has for the same
    objects ("did not accept the peace plan": 127). None when the word is no such verb."""
    if pos != "VERB" or token.lemma_.lower() not in ctx.frames["acceptance"]:
        return None
    if not any(c.dep_ == "neg" for c in children(token)):
        return None
    return choose_sense(token, pos, ctx, lemma=REJECT)


def main_clause(verb: Token, ctx: DocContext) -> bool:
    """Does a verb head what its sentence asserts: the main clause, a coordinated one, what a speaker
    says, or what an intent word or an adjective governs ("is ready to contribute")?"""
    for _ in range(6):
        while verb.dep_ == "conj":
            verb = verb.head
        if verb.dep_ == "ROOT":
            return True
        head = verb.head
        if verb.dep_ == "ccomp" and head.lemma_.lower() in ctx.frames["speech"]:
            verb = head
        elif verb.dep_ == "xcomp" and (head.lemma_.lower() in ctx.frames["intent"] or head.pos_ == "ADJ"):
            verb = head
        else:
            return False
    return False


def codes_an_event(verb: Token, ctx: DocContext) -> bool:
    """Is this verb a lexicon trigger whose sense fits here ("impose" with "sanctions")?"""
    return (verb.lemma_.lower(), "VERB") in ctx.data.lemmas and choose_sense(verb, "VERB", ctx) is not None


def root_of(token: Token, ctx: DocContext) -> str | None:
    """The CAMEO root of a word's first lexicon sense, whatever its context; None if it has none."""
    senses = ctx.lexicon.senses(token.lemma_.lower(), trigger_pos(token))
    return senses[0].cameo[:2] if senses else None


def is_verbal_attack(token: Token, ctx: DocContext) -> bool:
    """A fight verb with a reason clause ("attacked the US for seizing") or a non-physical object
    ("attacked the policy", "attacked the proposal")."""
    frames = ctx.frames
    for child in children(token):
        if child.dep_ == "prep" and child.lower_ in frames["accusation"]:
            if any(g.pos_ == "VERB" or g.dep_ == "pcomp" for g in children(child)):
                return True
        if child.dep_ == "dobj" and child.lemma_.lower() in frames["reference"]:
            return True
        if child.dep_ == "dobj" and child.lemma_.lower() in frames["verbal_object"]:
            return True
    return False
