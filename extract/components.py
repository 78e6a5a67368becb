"""spaCy pipeline components of newsgraph, registered by name.

spaCy imports this module for every pipeline it loads (through the ``spacy_factories``
entry points), so it stays light: the resolver and the coder are imported when a component is made.

- ``newsgraph_gazetteer_ruler`` (before the NER, ``pipeline.load_nlp``): spaCy's entity ruler over
  the gazetteer's names;
- ``newsgraph_actors`` (after the parser and the NER): the actor table on ``doc._.ng_actor_table``;
- ``newsgraph_events`` (after it): actors, events, relations, places and warnings on ``doc._.newsgraph``.

The extensions they pass data through are declared in ``extensions``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import EntityRuler

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


class GazetteerRuler(EntityRuler):
    """spaCy's entity ruler, unchanged but for one check: before each Doc, spaCy's counts the
    patterns of every label to warn when there are none, and the gazetteer has a label per actor
    (about 1,000, so that count was most of the ruler's time on a short line); this one stops at
    the first label with patterns."""

    def _require_patterns(self) -> None:
        if not any(self.phrase_patterns.values()) and not any(self.token_patterns.values()):
            super()._require_patterns()  # no patterns at all: spaCy's warning


@Language.factory(
    "newsgraph_gazetteer_ruler",
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    default_config={"phrase_matcher_attr": None, "overwrite_ents": False},
)
def make_gazetteer_ruler(nlp: Language, name: str, phrase_matcher_attr: str | None, overwrite_ents: bool):
    return GazetteerRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, overwrite_ents=overwrite_ents)
