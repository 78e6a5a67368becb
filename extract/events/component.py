"""The ``newsgraph_events`` spaCy component: CAMEO events of a parsed Doc on ``doc._.newsgraph``."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.actors.resolver import ActorResolver
from newsgraph.extract.doctokens import release
from newsgraph.extract.english import NOT_ENGLISH, looks_english
from newsgraph.extract.events import tree
from newsgraph.extract.events.coder import code_events
from newsgraph.extract.events.context import CoderData, DocContext
from newsgraph.extract.extensions import register
from newsgraph.extract.record import plain

register()


class EventCoder:
    """Sets ``doc._.newsgraph`` to the Doc's actors, events, relations, places and warnings.

    It reads the actor table ``newsgraph_actors`` put on ``doc._.ng_actor_table`` (the normal
    pipeline: ``newsgraph_actors`` then ``newsgraph_events``). Added alone to a pipeline, it
    resolves the actors itself, so ``nlp.add_pipe("newsgraph_events")`` is enough for a quick start.
    The publication date is ``doc._.ng_published``, else the ``published`` of its config."""

    def __init__(self, published: str | None = None):
        self.data = CoderData.load()
        self.published = published
        self._resolver: ActorResolver | None = None  # made on first need: loading the gazetteer costs

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self._code(doc)
        finally:
            release(doc)  # the token list rules shared (doctokens) leaves with the Doc's actor table
            tree.release(doc)

    def _code(self, doc: Doc) -> Doc:
        table = doc._.ng_actor_table
        doc._.ng_actor_table = None  # read once; an ActorTable is no plain data (Docs must serialise)
        if not looks_english(doc):  # say so rather than invent events
            doc._.newsgraph = {
                "actors": [],
                "events": [],
                "relations": [],
                "places": [],
                "warnings": [NOT_ENGLISH],
            }
            return doc
        if table is None:
            self._resolver = self._resolver or ActorResolver()
            table = self._resolver(doc)
        ctx = DocContext(doc=doc, table=table, data=self.data, published=doc._.ng_published or self.published)
        events = code_events(ctx)
        actors = table.taking_part(events)
        kept = {a.id for a in actors}
        for event in events:  # an "about" group too vague to be an actor is no dangling reference
            event.involves = [i for i in event.involves if i.actor in kept]
        doc._.newsgraph = {
            "actors": [plain(a) for a in actors],
            "events": [plain(e) for e in events],
            "relations": [plain(r) for r in table.relations],
            "places": list({p["id"]: p for p in ctx.places}.values()),
            "warnings": [],
        }
        return doc
