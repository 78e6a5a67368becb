"""Building an :class:`Event` record: code, modality, speaker, date, place, evidence, other actors."""

from __future__ import annotations

import hashlib

from spacy.attrs import ENT_TYPE
from spacy.tokens import Span, Token

from newsgraph.extract.actors.table import Place, sentence_evidence
from newsgraph.extract.dates import resolve_date
from newsgraph.extract.doctokens import tokens
from newsgraph.extract.events.attribution import attribution, same_side
from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.modality import chain, in_speech_complement, modality_of
from newsgraph.extract.events.tree import children, sentence
from newsgraph.extract.record import Event, Evidence, Involvement

# the deps of an act's own phrases, where other actors it is about are named
PHRASE_DEPS = frozenset(
    {"dobj", "prep", "pobj", "pcomp", "attr", "oprd", "amod", "compound", "poss", "nmod", "conj"}
)
INTENDED = frozenset({"planned", "conditional", "hypothetical"})  # modalities coded with CAMEO's intent form
THREAT = "130"  # CAMEO "threaten, not specified"


def make_event(
    token: Token, code: str, source: list[str], target: list[str], confidence: float, ctx: DocContext
) -> Event:
    """The event a trigger word codes, registered in ``ctx.by_trigger`` (and its if-clause in
    ``ctx.conditions``) for the links between events."""
    modality, negated, condition = modality_of(token, ctx)
    attributed = attribution(token, ctx)
    if modality in INTENDED:
        code = ctx.ontology.intent_of(code)
    if threatened(token, ctx) and not code.startswith("13"):
        code = THREAT  # "threatened to deliver devastating blows": a threat, whatever is threatened
    if (
        attributed
        and not same_side(attributed, source, ctx)
        and modality == "asserted"
        and in_speech_complement(token, ctx)
    ):
        modality = "reported"  # a third party's claim ("Iran said Israel struck ..."), not the article's
    info = ctx.ontology.get(code)
    date, date_text = date_of(token, ctx)
    place = place_of(token, ctx)
    sent = sentence(token)
    digest = hashlib.sha1(f"{ctx.text_digest}|{token.idx}|{code}".encode()).hexdigest()[:16]
    event = Event(
        id=f"evt:{digest}",
        type=info.type,
        cameo=info.code,
        goldstein=info.goldstein,
        quad_class=info.quad_class,
        source=source,
        target=target,
        involves=[Involvement(actor=a, role="about") for a in about(token, source, target, ctx)],
        modality=modality,
        negated=negated,
        date=date,
        date_text=date_text,
        place=place["id"] if place else None,
        attributed_to=attributed,
        evidence=evidence_of(sent, ctx),
        confidence=round(min(confidence, 0.95), 2),
        trigger=token.text,
    )
    if condition is not None:
        event.condition = condition.text
        ctx.conditions[event.id] = condition
    ctx.by_trigger[token.i] = event
    return event


def evidence_of(sent: Span, ctx: DocContext) -> Evidence:
    """A sentence's evidence, made once for all the events it tells (records never change it)."""
    evidence = ctx.evidence.get(sent.start)
    if evidence is None:
        evidence = ctx.evidence[sent.start] = sentence_evidence(sent, ctx.sentences.get(sent.start, 0))
    return evidence


def threatened(token: Token, ctx: DocContext) -> bool:
    """Is the act what a verb of threatening governs ("threatened to deliver blows", frames.tsv
    ``threat_verb``)?"""
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in ctx.frames["threat_verb"]


def date_of(token: Token, ctx: DocContext) -> tuple[str | None, str | None]:
    """The date expression attached to the word or its clause; the parser sometimes hangs
    "on Monday" on the subject ("ministers on Monday imposed"), so the subject is looked at too."""
    if ctx.date_words is None:  # the words of DATE entities, read once from the Doc's array
        date = ctx.doc.vocab.strings["DATE"]
        ctx.date_words = {i for i, kind in enumerate(ctx.doc.to_array(ENT_TYPE).tolist()) if kind == date}
    if not ctx.date_words:
        return None, None
    for word in chain(token)[:3]:
        subjects = [c for c in children(word) if c.dep_ in {"nsubj", "nsubjpass"}]
        for child in [*children(word), *(g for s in subjects for g in children(s) if g.dep_ == "prep")]:
            for t in (child, *[g for g in children(child) if g.dep_ == "pobj"]):
                if t.i in ctx.date_words:
                    ent = entity_in_sentence(t)
                    if ent is not None:
                        return resolve_date(ent.text, ctx.published, is_future(word, ctx)), ent.text
    return None, None


def entity_in_sentence(token: Token) -> Span | None:
    """The entity a word is part of, if it lies wholly within the word's sentence: what
    ``token.sent.ents`` has for it, read from the IOB tags around the word (``Span.ents`` rebuilds
    every entity of the Doc at each call, which made long articles slow)."""
    doc = token.doc
    if token.ent_iob_ not in ("B", "I"):
        return None
    start, end = token.i, token.i + 1
    words = tokens(doc)
    while start > 0 and words[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and words[end].ent_iob_ == "I":
        end += 1
    sent = sentence(token)
    return doc[start:end] if sent.start <= start and end <= sent.end else None


def is_future(word: Token, ctx: DocContext) -> bool:
    """Does a modal make the clause future ("will", "shall": aux frames that plan)?"""
    aux = ctx.frames["aux"]
    return any(aux.get(c.lower_) == "planned" for c in children(word))


def place_of(token: Token, ctx: DocContext) -> Place | None:
    """The place named after a place preposition on the word or its governor ("met in Paris")."""
    preps = ctx.data.place_preps
    for word in chain(token)[:2]:
        for child in children(word):
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in children(child):
                    place = ctx.table.places.get(pobj.i)
                    if place is not None:
                        ctx.places.append(place)
                        return place
    return None


def about(token: Token, source: list[str], target: list[str], ctx: DocContext) -> list[str]:
    """Other actors named in the act's own phrases (INVOLVES, role "about"): "attacked the US for
    seizing a Russian tanker" is also about Russia."""
    named: list[str] = []
    info = ctx.frames["info_source"]
    stack = [c for c in children(token) if c.dep_ in PHRASE_DEPS and c.lower_ not in info]
    while stack:  # down the act's own noun phrases, never into another clause
        word = stack.pop()
        actor = ctx.table.of(word)
        if actor and actor not in source and actor not in target:
            named.append(actor)
        stack += [c for c in children(word) if c.dep_ in PHRASE_DEPS]
    return list(dict.fromkeys(named))[:3]
