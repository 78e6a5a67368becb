"""Text that is not political news: sport, entertainment and company results, where the words of war
and diplomacy are figures of speech ("fired Turkey ahead", "crushed Bulgaria", "attack the market").

A sentence is *off topic* when its cues reach ``CUES_NEEDED``: a word of ``frames.tsv``'s ``off_topic``
list counts one, a match score ("3-1") two, and in a sentence with a cue already, a phrase of
PETRARCH's discard list (``Discards``, without its history cues) two; in an article where at least half the
sentences are off topic,
one cue is enough. An event of an off-topic sentence is dropped when one of ``OFF_TOPIC_RULES``
says so; others stay ("Algeria's sports ministry ordered its players home" is a government's act).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from functools import cache

from spacy.attrs import LEMMA, LOWER, SHAPE
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.dictionaries import Discards
from newsgraph.extract.doctokens import tokens
from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.tree import children, sentence, sentences, token_at
from newsgraph.extract.record import Event

OffTopicRule = Callable[[Event, Token, DocContext], bool]
CUES_NEEDED = 2
SCORE = re.compile(r"^\d{1,3}-\d{1,3}$")  # "3-1", "29-27" (dates and ranges have 4 digits or words)
HISTORY_CUE = re.compile(r"^\d+$|\b(ago|later)$")  # discard rows for chronologies, not for news topics
FIGURATIVE_ROOTS = frozenset({"15", "18", "19", "20"})  # force, assault, fight, mass violence


def cues(sent: Span, ctx: DocContext) -> int:
    """How strongly a sentence reads as sport, entertainment or business news. The discard phrases
    are looked for only in a sentence with a cue already (a regular expression of 500 phrases is
    the costly part)."""
    found = cued(sent, ctx)
    if found:
        text = ctx.span_text(sent)
        found += 2 * sum(1 for d in discards().find(text) if not HISTORY_CUE.search(d.phrase))
    return found


def cued(sent: Span, ctx: DocContext) -> int:
    """The cues of a sentence's own words (a sentence without one has no cue: the discard phrases
    count only in a sentence with a cue already)."""
    if ctx.word_cues is None:
        ctx.word_cues = word_cues(ctx.doc, ctx.frames["off_topic"])
    return sum(ctx.word_cues[sent.start : sent.end])


@cache
def discards() -> Discards:
    """PETRARCH's discard list (``Discards.load`` resolves its folder's path at every call)."""
    return Discards.load()


def word_cues(doc: Doc, words: Collection[str]) -> list[int]:
    """The cue each word of a Doc gives: 1 for a word of ``words`` (its lower case or its lemma), 2
    for a match score. Read from the Doc's arrays of string ids, not from Tokens."""
    strings = doc.vocab.strings
    known = {get_string_id(w) for w in words}
    lowers, lemmas, shapes = (doc.to_array(attr).tolist() for attr in (LOWER, LEMMA, SHAPE))
    numeric = {h for h in set(shapes) if strings[h][:1] == "d"}  # the shapes of words starting with a digit
    return [
        1
        if lower in known or lemma in known
        else 2
        if shape in numeric and SCORE.match(strings[lower])
        else 0
        for lower, lemma, shape in zip(lowers, lemmas, shapes, strict=True)
    ]


def off_topic_sentences(ctx: DocContext) -> set[int]:
    """The start tokens of the Doc's off-topic sentences (computed once per Doc)."""
    if ctx.off_topic is None:
        counts = {sent.start: cues(sent, ctx) for sent in sentences(ctx.doc)}
        strong = [start for start, n in counts.items() if n >= CUES_NEEDED]
        needed = 1 if counts and 2 * len(strong) >= len(counts) else CUES_NEEDED
        ctx.off_topic = {start for start, n in counts.items() if n >= needed}
    return ctx.off_topic


def figurative_fight(event: Event, trigger: Token, ctx: DocContext) -> bool:
    """ "Arda Guler fired Turkey ahead", "Spain crushed Bulgaria", "help it attack the market": force
    and fighting in sport or business text are figures of speech."""
    return event.cameo[:2] in FIGURATIVE_ROOTS


def off_topic_role(event: Event, trigger: Token, ctx: DocContext) -> bool:
    """ "Turkey coach Vincenzo Montella praised his players": a source named with a role of sport or
    business (frames.tsv ``off_topic_role``) acts in the game or the market, not in politics."""
    roles = ctx.frames["off_topic_role"]
    sent = sentence(trigger)
    for token in tokens(trigger.doc)[sent.start : sent.end]:
        if ctx.table.of(token) in event.source:
            if any(w.lemma_.lower() in roles for w in (*children(token), *children(token.head), token.head)):
                return True
    return False


OFF_TOPIC_RULES: tuple[OffTopicRule, ...] = (figurative_fight, off_topic_role)


def political(events: list[Event], ctx: DocContext) -> list[Event]:
    """The events that are not figures of speech of off-topic text (``OFF_TOPIC_RULES``)."""
    if not any(
        e.cameo[:2] in FIGURATIVE_ROOTS or e.source[:1] and e.source[0].startswith("person:") for e in events
    ):
        return events  # nothing a rule could drop: the sentences need no reading
    if not any(cued(sentence(token_at(ctx.doc, i)), ctx) for i in ctx.by_trigger):
        return events  # no act told in a sentence with a cue word: none is off topic, whatever the others
    off_topic = off_topic_sentences(ctx)
    if not off_topic:
        return events
    kept = []
    for event in events:
        index = next((i for i, e in ctx.by_trigger.items() if e is event), None)
        trigger = token_at(ctx.doc, index) if index is not None else None
        if trigger is None or sentence(trigger).start not in off_topic:
            kept.append(event)
        elif not any(rule(event, trigger, ctx) for rule in OFF_TOPIC_RULES):
            kept.append(event)
    return kept
