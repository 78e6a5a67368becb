"""The actor resolver: a parsed Doc to its :class:`ActorTable`, pass by pass (``PASSES``)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from newsgraph.extract.actors.agents import agent_nouns
from newsgraph.extract.actors.context import Resolution, ResolverWords
from newsgraph.extract.actors.longnames import long_names
from newsgraph.extract.actors.names import capital_places, named_entities, place_extent, state_adjectives
from newsgraph.extract.actors.notnames import event_names, vehicle_names
from newsgraph.extract.actors.runs import (
    organisation_units,
    party_names,
    possessive_parents,
    role_names,
    team_names,
    unlabelled_names,
)
from newsgraph.extract.actors.table import ActorTable
from newsgraph.extract.actors.titles import known_roles, office_holders, titles
from newsgraph.extract.frames import Frames
from newsgraph.extract.gazetteer import Gazetteer

# In this order: long names the entities cut first, names next (agent nouns look for owners among
# them), titles last (they attach to the organisations agent nouns made).
PASSES: tuple[Callable[[Resolution], None], ...] = (
    long_names,
    vehicle_names,
    event_names,
    team_names,
    party_names,
    role_names,
    named_entities,
    capital_places,
    place_extent,
    unlabelled_names,
    organisation_units,
    possessive_parents,
    state_adjectives,
    agent_nouns,
    titles,
    known_roles,
    office_holders,
)


class ActorResolver:
    """Builds the :class:`ActorTable` of a Doc from its entities, agent nouns and titles."""

    def __init__(self, gazetteer: Gazetteer | None = None, frames: Frames | None = None):
        self.gaz = gazetteer or Gazetteer.load()
        frames = frames or Frames.load()
        office = {
            word
            for phrase in [*(t.title for t in self.gaz.titles()), *(a.phrase for a in self.gaz.agents())]
            for word in phrase.split()
        }
        self.words = ResolverWords(
            office_words=frozenset(office | frames.words("office_word")),
            not_actors=frames.words("not_actor"),
            gaz=self.gaz,
        )

    def __call__(self, doc: Doc) -> ActorTable:
        ctx = Resolution(doc=doc, gaz=self.gaz, words=self.words, table=ActorTable.for_doc(doc))
        for run in PASSES:
            run(ctx)
        ctx.table.order.sort()
        return ctx.table
