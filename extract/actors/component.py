"""The ``newsgraph_actors`` spaCy component: the Doc's :class:`ActorTable` on ``doc._.ng_actor_table``."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.actors.resolver import ActorResolver
from newsgraph.extract.actors.table import ActorTable
from newsgraph.extract.english import looks_english
from newsgraph.extract.extensions import register

register()


class ActorComponent:
    """Resolves the actors of a parsed Doc (after the parser and the NER) for ``newsgraph_events``.
    A Doc that does not look like English gets an empty table: the event coder codes nothing there."""

    def __init__(self) -> None:
        self.resolver = ActorResolver()

    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_actor_table = self.resolver(doc) if looks_english(doc) else ActorTable.for_doc(doc)
        return doc
