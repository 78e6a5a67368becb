"""Hand-built spaCy Docs for the rule tests: the parse written out as a table, no statistical model.

    doc = build('''
        Poland    Poland    PROPN NNP nsubj  1
        expelled  expel     VERB  VBD ROOT   1
        diplomats diplomat  NOUN  NNS dobj   1
        .         .         PUNCT .   punct  1
    ''')

One token per line: word, lemma, coarse POS, fine tag, dependency label, head (the token index it
hangs from; the root points at itself). Each root starts a sentence. ``actors`` marks tokens as
actors of an :class:`ActorTable` by hand, so an event rule is tried without the gazetteer either.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

import spacy
from spacy.tokens import Doc, Span

from newsgraph.extract.actors.table import ActorTable
from newsgraph.extract.events.context import CoderData, DocContext
from newsgraph.extract.record import Event

VOCAB = spacy.blank("en").vocab
NO_SPACE_BEFORE = {".", ",", ":", ";", "?", "!", "'s", "’s", "”"}


def build(rows: str, ents: Iterable[tuple[int, int, str] | tuple[int, int, str, str]] = ()) -> Doc:
    """A Doc from a parse table; ``ents`` as (start, end, label) or (start, end, label, gazetteer id)."""
    columns = [line.split() for line in textwrap.dedent(rows).strip().splitlines()]
    for number, row in enumerate(columns):
        assert len(row) == 6, f"row {number}: word lemma POS TAG dep head, not {row}"
    words, lemmas, pos, tags, deps, heads = (list(c) for c in zip(*columns, strict=True))
    heads = [int(h) for h in heads]
    for i, (dep, head) in enumerate(zip(deps, heads, strict=True)):
        assert (dep == "ROOT") == (head == i), f"token {i} ({words[i]}): only the ROOT heads itself"
    spaces = [i + 1 < len(words) and words[i + 1] not in NO_SPACE_BEFORE for i in range(len(words))]
    doc = Doc(VOCAB, words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads)
    doc.ents = [Span(doc, e[0], e[1], label=e[2], span_id=e[3] if len(e) > 3 else 0) for e in ents]
    return doc


def actors(doc: Doc, marks: dict[int | tuple[int, int], tuple[str, str]]) -> ActorTable:
    """An actor table marked by hand: {token or (start, end): (actor id, kind)}; a state's id is its
    country ("RUS"), others have none."""
    table = ActorTable.for_doc(doc)
    for where, (actor, kind) in sorted(
        marks.items(), key=lambda m: m[0] if isinstance(m[0], int) else m[0][0]
    ):
        start, end = (where, where + 1) if isinstance(where, int) else where
        span = doc[start:end]
        table.add(actor, span.text, kind, actor if kind == "state" else None, None, span)
    return table


def context(
    doc: Doc, marks: dict[int | tuple[int, int], tuple[str, str]] | None = None, published: str | None = None
) -> DocContext:
    """The event coder's per-Doc context over a hand-built Doc and a hand-marked actor table."""
    return DocContext(doc=doc, table=actors(doc, marks or {}), data=CoderData.load(), published=published)


def states(*pairs: tuple[int, str]) -> dict[int | tuple[int, int], tuple[str, str]]:
    """Marks for states only: states((0, "POL"), (3, "RUS"))."""
    return {i: (iso3, "state") for i, iso3 in pairs}


def earlier_event(ctx: DocContext, trigger: int, source: list[str], cameo: str = "190") -> Event:
    """An event as if coded earlier at token ``trigger`` (for rules that look back at events)."""
    info = ctx.ontology.get(cameo)
    event = Event(
        id=f"evt:test-{trigger}",
        type=info.type,
        cameo=cameo,
        goldstein=info.goldstein,
        quad_class=info.quad_class,
        source=source,
        trigger=ctx.doc[trigger].text,
    )
    ctx.by_trigger[trigger] = event
    return event
