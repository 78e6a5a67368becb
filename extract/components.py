"""spaCy pipeline components of newsgraph, registered by name.

spaCy imports this module for every pipeline it loads (through the ``spacy_factories``
entry points), so it stays light: the resolver and the coder are imported when a component is made.

- ``newsgraph_gazetteer_ruler`` (before the NER, ``pipeline.load_nlp``): spaCy's entity ruler over
  the gazetteer's names;
- ``newsgraph_attribute_ruler`` (in place of the model's ``attribute_ruler``, ``pipeline.load_nlp``):
  spaCy's attribute ruler finding the same matches faster;
- ``newsgraph_actors`` (after the parser and the NER): the actor table on ``doc._.ng_actor_table``;
- ``newsgraph_events`` (after it): actors, events, relations, places and warnings on ``doc._.newsgraph``.

The extensions they pass data through are declared in ``extensions``.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, EntityRuler
from spacy.tokens import Doc

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


MATCH_MEMO = 50_000  # token kinds the attribute ruler remembers before starting afresh (flat memory)


class IndexedAttributeRuler(AttributeRuler):
    """spaCy's attribute ruler finding the same matches, in the same order, faster.

    spaCy's Matcher tries each of the model's ~180 patterns at every token: about 15 us a token, a
    tenth of the whole model's time on news. Most patterns are one token long, so which of them
    match a token depends only on the token's values of the attributes they test (tag, lower-case
    form, dependency, ...): those answers are remembered by value, and only the longer patterns go
    through a Matcher over the Doc. Setting the attributes is spaCy's own ``set_annotations``."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._plan: _MatchPlan | None = None

    def add(self, patterns: Iterable, attrs: dict, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._plan = None

    def clear(self) -> None:
        super().clear()
        self._plan = None

    def match(self, doc: Doc):
        if self._plan is None:
            self._plan = _MatchPlan(self)
        if self._plan.attr_ids is None:  # a pattern this plan cannot key by value: spaCy's way
            return super().match(doc)
        return self._plan.match(doc)


class _MatchPlan:
    """The attribute ruler's patterns split into one-token ones (answered per token kind) and the rest."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.single = Matcher(ruler.vocab)
        self.multi = Matcher(ruler.vocab)
        self.order: dict[int, int] = {}  # match id -> the rule's position (later rules win, as in spaCy)
        self.memo: dict[tuple, tuple] = {}
        names: set[str] = set()
        for position in range(len(ruler.attrs)):
            key = str(position)
            self.order[ruler.vocab.strings.add(key)] = position
            patterns = ruler.matcher.get(key)[1]
            one_token = ruler.indices[position] in (0, -1) and all(
                len(p) == 1 and "OP" not in p[0] for p in patterns
            )
            (self.single if one_token else self.multi).add(key, patterns)
            if one_token:
                names.update(name.upper() for p in patterns for name in p[0])
        names = {"ORTH" if n == "TEXT" else n for n in names}
        self.attr_ids = [IDS[n] for n in sorted(names)] if names <= IDS.keys() and "_" not in names else None

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        matches = []
        values = doc.to_array(self.attr_ids).reshape(len(doc), -1).tolist() if len(doc) else []
        if len(self.memo) > MATCH_MEMO:
            self.memo.clear()
        for i, row in enumerate(values):
            kind = tuple(row)
            found = self.memo.get(kind)
            if found is None:
                found = self.memo[kind] = tuple(
                    sorted((self.order[m], m) for m, _, _ in self.single(doc[i : i + 1], allow_missing=True))
                )
            matches.extend((position, m, i, i + 1) for position, m in found)
        if len(self.multi):
            found = self.multi(doc, allow_missing=True, as_spans=False)
            matches.extend((self.order[m], m, start, end) for m, start, end in found)
        matches.sort()
        return matches


@Language.factory(
    "newsgraph_attribute_ruler",
    assigns=["token.pos", "token.morph", "token.lemma"],
    default_config={"validate": False},
)
def make_attribute_ruler(nlp: Language, name: str, validate: bool):
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)
