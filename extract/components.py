"""spaCy pipeline components of newsgraph, registered by name.

spaCy imports this module for every pipeline it loads (through the ``spacy_factories``
entry points), so it stays light: the resolver and the coder are imported when a component is made.

- ``newsgraph_actors`` (after the parser and the NER): the actor table on ``doc._.ng_actor_table``;
- ``newsgraph_events`` (after it): actors, events, relations, places and warnings on ``doc._.newsgraph``.

The extensions they pass data through are declared in ``extensions``.
"""

from __future__ import annotations

from spacy.language import Language

from newsgraph.extract import extensions  # noqa: F401  (declares the Doc extensions)

PARSED = ["doc.sents", "doc.ents", "token.dep", "token.pos", "token.tag", "token.lemma", "token.ent_type"]


@Language.factory(
    "newsgraph_actors",
    requires=PARSED,
    assigns=["doc._.ng_actor_table"],
)
def make_actor_resolver(nlp: Language, name: str):
    from newsgraph.extract.actors.component import ActorComponent

    return ActorComponent()


@Language.factory(
    "newsgraph_events",
    default_config={"published": None},
    requires=[*PARSED, "doc._.ng_actor_table"],  # and doc._.ng_published when the caller knows it
    assigns=["doc._.newsgraph"],
)
def make_event_coder(nlp: Language, name: str, published: str | None = None):
    from newsgraph.extract.events import EventCoder

    return EventCoder(published=published)
