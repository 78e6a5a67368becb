"""Event coding as a spaCy pipeline component (``newsgraph_events``); being written."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("newsgraph_events")
def make_event_coder(nlp: Language, name: str):
    def coder(doc: Doc) -> Doc:
        return doc

    return coder
