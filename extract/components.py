"""spaCy pipeline components of newsgraph, registered by name.

spaCy imports this module for every pipeline it loads (through the ``spacy_factories``
entry point), so it stays light: the coders are imported when a component is made.

- ``newsgraph_events`` (after the NER): actors, events and relations on ``doc._.newsgraph``.
"""

from __future__ import annotations

from spacy.language import Language


@Language.factory("newsgraph_events", default_config={"published": None})
def make_event_coder(nlp: Language, name: str, published: str | None = None):
    from newsgraph.extract.events import EventCoder

    return EventCoder(published=published)
