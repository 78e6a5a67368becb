"""Who the article says claims an act: "X said (that) ...", "according to X", an open quotation."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.doctokens import tokens
from newsgraph.extract.events.arguments import actors_of
from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.modality import chain
from newsgraph.extract.events.sources import verb_source
from newsgraph.extract.events.tree import children, sentence

OPEN_QUOTE, CLOSE_QUOTE = "“", "”"  # double quotes only: "’" is also an apostrophe


def attribution(token: Token, ctx: DocContext) -> list[str]:
    """The speaker of the clause a word is in: a speech verb above it, a speech verb as the
    sentence's root before it, "according to X", else the speaker of an open quotation."""
    speech = ctx.frames["speech"]
    for word in chain(token)[1:]:
        if word.lemma_.lower() in speech:
            found = verb_source(word, ctx)
            if found:
                return found
    sent = sentence(token)
    root = sent.root
    if root.lemma_.lower() in speech and token.i > root.i:
        found = verb_source(root, ctx)
        if found:
            return found
    return according_to(sent, ctx) or list(ctx.quote_speaker)


def according_to(sent: Span, ctx: DocContext) -> list[str]:
    """The source of information named by "according to X" in a sentence (worked out once per
    sentence: every event of it asks; the answer reads the actor table: ``DocContext.table_state``)."""
    key = (sent.start, ctx.table_state())
    if key not in ctx.according:
        ctx.according[key] = information_source(sent, ctx)
    return list(ctx.according[key])


def information_source(sent: Span, ctx: DocContext) -> list[str]:
    """``according_to`` itself, unremembered."""
    words = tokens(ctx.doc)
    markers = ctx.frames["info_source"]
    for word in words[sent.start : sent.end]:
        if word.lower_ in markers and word.i + 1 < len(words):
            for pobj in children(words[word.i + 1]):
                if pobj.dep_ == "pobj":
                    found = actors_of(pobj, ctx)
                    if found:
                        return found
    return []


def same_side(speakers: list[str], source: list[str], ctx: DocContext) -> bool:
    """Does a speaker speak for the source ("Wong said Canberra demanded": both Australia)?"""

    def sides(ids: list[str]) -> set[str]:
        return {x for a in ids for x in (a, ctx.table.actors[a].country) if x} if ids else set()

    return bool(sides(speakers) & sides(source))


def track_quotes(sent: Span, ctx: DocContext) -> None:
    """A quotation opened after "X said:" runs on over the next sentences until it closes
    (``ctx.quote_speaker``: the speaker while one is open)."""
    text = ctx.span_text(sent)
    opens, closes = text.count(OPEN_QUOTE), text.count(CLOSE_QUOTE)
    if OPEN_QUOTE in text and sent.root.lemma_.lower() in ctx.frames["speech"]:  # the quote first: cheaper
        speaker = verb_source(sent.root, ctx)
        if speaker and opens > closes:
            ctx.quote_speaker = speaker
            return
    if ctx.quote_speaker and not text.lstrip().startswith((OPEN_QUOTE, '"')) and opens <= closes:
        ctx.quote_speaker = []
