"""Modality, negation and conditions of an act, read up the chain of clauses that governs its word.

Modals (``aux``), intent verbs (``intent``), if-clauses (``condition``) and negators come from
``data/frames.tsv``. The strongest modality on the chain wins (``MODALITY_RANK``).
"""

from __future__ import annotations

from types import MappingProxyType

from spacy.tokens import Span, Token

from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.tree import children

# the deps a word's clause hangs from the clause that asserts it by
CLAUSE_UP = frozenset(
    {"xcomp", "conj", "advcl", "acl", "relcl", "pcomp", "ccomp", "prep", "pobj", "dobj", "appos"}
)
MODALITY_RANK = MappingProxyType(
    {"asserted": 0, "planned": 1, "hypothetical": 2, "conditional": 3, "reported": 1}
)


def chain(token: Token) -> list[Token]:
    """The word and the words that govern it up to the clause that asserts it."""
    words = [token]
    current = token
    while current.dep_ in CLAUSE_UP and len(words) < 8:  # the root's dep is ROOT: the climb ends there
        if current.dep_ == "ccomp":
            words.append(current.head)
            break
        current = current.head
        words.append(current)
    return words


FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def finite_relative(words: list[Token]) -> list[Token]:
    """The chain up to a finite relative clause: "they will release the ministers, whom they had taken
    hostage" asserts the hostage-taking on its own (the clause's own tense), not as planned."""
    for i, word in enumerate(words):
        auxiliaries = (c for c in children(word) if c.dep_ in {"aux", "auxpass"})
        if word.dep_ == "relcl" and (word.tag_ in FINITE or any(c.tag_ in FINITE for c in auxiliaries)):
            return words[: i + 1]
    return words


def finite_conjunct(words: list[Token]) -> bool:
    """ "said she would not recognise the result and called on her partners": a coordinated verb with a
    tense of its own ("called") is not under the modal or the negation of the verb it is coordinated
    with ("would not recognise"), whose clause it only shares a subject with."""
    if len(words) < 2 or words[0].dep_ != "conj" or words[0].tag_ not in FINITE - {"MD"}:
        return False
    head = words[1]
    return head.tag_ not in FINITE and any(c.dep_ in {"aux", "neg"} for c in children(head))


def modal_of(child: Token, ctx: DocContext) -> str | None:
    """The modality a modal auxiliary gives ("will": planned, "could": hypothetical), or None."""
    aux = ctx.frames["aux"]
    lemma = child.lemma_.lower()
    if child.dep_ in {"aux", "auxpass"} and lemma in aux or child.dep_ == "aux" and child.lower_ in aux:
        return aux.get(lemma) or aux[child.lower_]
    return None


def if_clause(child: Token, ctx: DocContext) -> Span | None:
    """The clause a condition word opens ("if the alliance asked"), or None."""
    if child.dep_ != "advcl":
        return None
    marks = [m.lower_ for m in children(child) if m.dep_ == "mark"]
    if any(m in ctx.frames["condition"] for m in marks):
        return child.doc[child.left_edge.i : child.right_edge.i + 1]
    return None


def modality_of(token: Token, ctx: DocContext) -> tuple[str, bool, Span | None]:
    """(modality, negated, if-clause) of the act a word names."""
    frames = ctx.frames
    modality, negated, condition = "asserted", False, None
    words = finite_relative(chain(token))
    own_tense = finite_conjunct(words)
    for i, word in enumerate(words):
        lemma = word.lemma_.lower()
        if i > 0 and lemma in frames["speech"]:
            break
        # "would not hesitate to take further action": a denied hesitation is an intent
        hesitant = i > 0 and lemma in frames["hesitation"] and words[i - 1].dep_ == "xcomp"
        if hesitant:
            if any(c.dep_ == "neg" for c in children(word)):
                modality = stronger(modality, "planned")
            else:
                negated = True  # "hesitated to act"
        for child in children(word) if not (own_tense and i == 1) else ():
            modal = modal_of(child, ctx)
            if modal is not None:
                modality = stronger(modality, modal)
            if child.dep_ == "neg" and i < 3 and not hesitant:
                negated = True
            clause = if_clause(child, ctx)
            if clause is not None:
                condition, modality = clause, "conditional"
        if i > 0 and lemma in frames["intent"] and governed(words[:i]):
            if any(c.dep_ == "advmod" and c.lower_ in frames["downgrade"] for c in children(word)):
                negated = True  # "less willing to participate": reluctance, no intent
            else:
                modality = stronger(modality, frames["intent"][lemma] or "planned")
        if i > 0 and lemma in frames["negator"] and words[i - 1].dep_ == "xcomp":
            negated = True  # "refused to sign"; not "denied that ... was linked"
    if modality == "conditional" and condition is None:
        # "would" with no if-clause: in reported speech the future of the past ("said it would
        # retaliate": planned), elsewhere a hypothesis
        modality = "planned" if in_speech_complement(token, ctx) else "hypothetical"
    return modality, negated, condition


def in_speech_complement(token: Token, ctx: DocContext) -> bool:
    """Is the word inside what somebody says ("X said (that) ...")? A passive with no speaker
    ("famine had been confirmed") is not speech."""
    speech = ctx.frames["speech"]
    return any(
        w.lemma_.lower() in speech and not any(c.dep_ == "auxpass" for c in children(w))
        for w in chain(token)[1:]
    )


def governed(path: list[Token]) -> bool:
    """Does an intent word govern the start of this path? Through to-infinitives and objects
    ("pledged to send", "pledged 30 million euros in aid"), not into a participle clause of its
    own ("agreed to a ceasefire brokered by Qatar": the brokering happened), nor into a coordinated
    clause with a subject of its own."""
    if any(w.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in children(w)) for w in path):
        return False  # "Japan pledged aid and the EU released funds": a clause with its own subject
    return not any(w.dep_ in {"acl", "relcl", "advcl"} and w.tag_ in {"VBN", "VBD", "VBG"} for w in path)


def stronger(current: str, new: str) -> str:
    return new if MODALITY_RANK.get(new, 0) > MODALITY_RANK.get(current, 0) else current
