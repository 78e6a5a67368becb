"""spaCy pipeline components of newsgraph, registered by name.

spaCy imports this module for every pipeline it loads (through the ``spacy_factories``
entry point), so it stays light: the coders are imported when a component is made.

- ``newsgraph_paragraphs`` (before the parser): a line break starts a sentence, so that an
  outlet line or a headline never fuses with the first paragraph.
- ``newsgraph_events`` (after the NER): actors, events and relations on ``doc._.newsgraph``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsgraph_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


@Language.factory("newsgraph_events", default_config={"published": None})
def make_event_coder(nlp: Language, name: str, published: str | None = None):
    from newsgraph.extract.events import EventCoder

    return EventCoder(published=published)
