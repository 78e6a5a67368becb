"""Pronouns and definite descriptions: "it", "they", "the ministry", "such units" to earlier actors.

Resolution is on demand (the event coder asks when a subject or object is no name) and reads only
the :class:`ActorTable`: the most salient compatible actor before the word wins. The words come
from ``data/frames.tsv`` (``pronoun``, ``determiner``, ``definite``, ``international``, ``generic``).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.actors.table import ActorTable
from newsgraph.extract.doctokens import sentences, tokens
from newsgraph.extract.frames import Frames
from newsgraph.extract.record import ActorKind

_FRAMES = Frames.load()
PRONOUNS = _FRAMES["pronoun"]  # word -> singular | plural | person
DETERMINERS = _FRAMES.words("determiner")  # "such units", "these forces": refer back
DEFINITE = _FRAMES.having("determiner", "definite")  # "the", "this", "that"
DEFINITE_KINDS = _FRAMES["definite"]  # "the country" -> state, "the bloc" -> organization
INTERNATIONAL = _FRAMES.words("international")  # "the bloc": an international body
GENERIC = _FRAMES.words("generic")  # "the state": never the last word of "United States"

STATE, PERSON, ORGANIZATION, GROUP = (
    ActorKind.STATE,
    ActorKind.PERSON,
    ActorKind.ORGANIZATION,
    ActorKind.GROUP,
)
BODIES = frozenset({STATE, ORGANIZATION, GROUP})  # what "it" and "they" may stand for
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "conj"})


def resolve(table: ActorTable, token: Token, exclude: set[str] | None = None) -> list[str]:
    """The actor(s) a pronoun or definite description refers to: the most salient compatible one."""
    exclude = exclude or set()
    number = PRONOUNS.get(token.lower_)
    if number == "plural":
        return last_coordination(table, token, exclude) or last(table, token, BODIES, exclude)
    if number == "singular":
        return possessive_its(table, token, exclude)
    if number == "person":
        return last(table, token, {PERSON}, exclude)
    return description(table, token, exclude)


def possessive_its(table: ActorTable, token: Token, exclude: set[str]) -> list[str]:
    """ "its" goes to the nearest singular noun ("Russia for its war"); "it" to the last state or body."""
    if token.dep_ == "poss":
        kind, near = nearest_singular(token, table)
        if kind == "thing":
            return []  # "the vessel ... and its seizure": "its" is the vessel, not an actor
        if near is not None and near not in exclude and main_subject_after(token) is None:
            return [near]
    return last(table, token, BODIES, exclude)


def description(table: ActorTable, token: Token, exclude: set[str]) -> list[str]:
    """ "the ministry", "the army", "such units", "the bloc", "the country"."""
    lemma = token.lemma_.lower()
    definite = any(c.lower_ in DEFINITE for c in token.children)
    if definite and token.pos_ == "NOUN" and lemma not in GENERIC:
        # "the ministry" -> the Russian Foreign Ministry; "the army" -> "the Sudanese army"
        earlier = [a for i, a in table.order if i < token.i and a not in exclude]
        ending = {a for a in set(earlier) if lemma in last_words(table, a)}  # once per actor, not per mention
        named = [a for a in earlier if a in ending]
        if named:
            return [named[-1]]
    if token.pos_ == "NOUN" and any(c.lower_ in DETERMINERS for c in token.children):
        earlier = earlier_owner(table, token, exclude)  # "such units" after "Western military units"
        if earlier:
            return earlier
    kind = DEFINITE_KINDS.get(lemma)
    if kind and definite and lemma in INTERNATIONAL:
        # "the bloc", "the alliance": an international body, not a ministry mentioned since
        national = {a.id for a in table.actors.values() if a.country}
        found = last(table, token, {ORGANIZATION, GROUP}, exclude | national)
        if found:
            return found
    if kind and definite:
        return last(table, token, {ActorKind(kind)}, exclude)
    return []


def last_words(table: ActorTable, actor: str) -> set[str]:
    """The last words of an actor's name and aliases, lower case: "ministry" of "Russian Foreign Ministry"."""
    return table.last_words(actor)


def earlier_owner(table: ActorTable, token: Token, exclude: set[str]) -> list[str]:
    """The owner of the last earlier mention of the same noun ("Western military units" for
    "all such units"), within the two sentences before."""
    sents = sentences(token.doc)
    start = sents[max(sents[token.i].start - 1, 0)].start
    for prev in reversed(tokens(token.doc)[start : token.i]):
        if prev.lemma_ != token.lemma_ or prev.pos_ != "NOUN":
            continue
        for child in prev.children:
            found = table.of(child) if child.dep_ in {"amod", "compound", "poss", "nmod"} else None
            if found and found not in exclude:
                return [found]
    return []


def last(table: ActorTable, token: Token, kinds: set[ActorKind], exclude: set[str]) -> list[str]:
    """The most salient earlier actor of ``kinds``: cataphora into the main clause first, then,
    sentence by sentence backwards, the main-clause subject, any subject, any mention."""
    main_subject = main_subject_after(token)
    if main_subject is not None:
        found = table.of(main_subject)
        if found and table.actors[found].kind in kinds and found not in exclude:
            return [found]
    doc, sents = tokens(token.doc), sentences(token.doc)
    by_sentence: dict[int, list[tuple[int, str]]] = {}
    for i, actor in table.order:
        if i < token.i and actor not in exclude and table.actors[actor].kind in kinds:
            by_sentence.setdefault(sents[i].start, []).append((i, actor))
    for start in sorted(by_sentence, reverse=True)[:3]:
        mentions = by_sentence[start]
        main = [a for i, a in mentions if is_main_subject(doc[i])]
        if main:
            return [main[0]]  # the first main-clause subject of the sentence
        for rank in (is_subject, lambda t: True):
            chosen = [a for i, a in mentions if rank(doc[i])]
            if chosen:
                return [chosen[-1]]  # else the nearest subject, else the nearest mention
    return []


def last_coordination(table: ActorTable, token: Token, exclude: set[str]) -> list[str]:
    """'they' after 'The UK and France signed ...': the last coordinated subject."""
    doc = tokens(token.doc)
    for i, actor in reversed(table.order):
        if i >= token.i or actor in exclude:
            continue
        head = doc[i]
        conj = [table.of(c) for c in head.conjuncts if table.of(c)]
        if conj and head.dep_ in SUBJECT_DEPS:
            return list(dict.fromkeys([actor, *conj]))
    return []


def nearest_singular(token: Token, table: ActorTable) -> tuple[str, str | None]:
    """The nearest singular noun before a possessive "its" in its sentence: ("actor", id), ("thing", None)
    or ("none", None) when there is none."""
    for prev in reversed(tokens(token.doc)[sentences(token.doc)[token.i].start : token.i]):
        if prev.tag_ in {"NN", "NNP"} and prev.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}:
            actor = table.of(prev)
            if actor is not None and table.actors[actor].kind != PERSON:
                return "actor", actor
            return ("thing", None) if prev.ent_type_ == "" and actor is None else ("none", None)
    return "none", None


def _phrase_head(token: Token) -> Token:
    node = token
    while node.dep_ in MODIFIER_DEPS and node.head.i != node.i:
        node = node.head
    return node


def is_subject(token: Token) -> bool:
    return _phrase_head(token).dep_ in SUBJECT_DEPS


def is_main_subject(token: Token) -> bool:
    node = _phrase_head(token)
    return node.dep_ in SUBJECT_DEPS and node.head.dep_ == "ROOT"


def main_subject_after(token: Token) -> Token | None:
    """A pronoun in a fronted clause refers forward to the main subject ("Despite its ..., Russia ...")."""
    root = sentences(token.doc)[token.i].root
    if token.i > root.i:
        return None
    subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i > token.i]
    if not subjects:
        return None
    # only when the pronoun sits in a clause before the subject, not in the subject itself
    if any(token in s.subtree for s in subjects):
        return None
    return subjects[0]
