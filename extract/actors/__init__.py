"""Actor resolution: entity spans and agent nouns of a parsed Doc to canonical actors.

One :class:`ActorTable` per document maps tokens to actor ids, so that the event coder can ask
"which actor is this word?" in one dict look-up. :class:`ActorResolver` fills it in passes
(``resolver.PASSES``), each a module of its own:

1. ``names``: named entities (the gazetteer's entity ruler runs before the statistical NER, so
   known names carry the gazetteer id) and capitalised state adjectives;
2. ``agents``: agent nouns ("foreign ministry", "armed forces", "troops") owned by a state, person
   or organisation;
3. ``titles``: titles before or beside a name give HOLDS_ROLE and the person's country.

Pronouns and definite descriptions are resolved later, on demand, by ``references.resolve``.
The spaCy component ``newsgraph_actors`` (``component.ActorComponent``) puts the table on
``doc._.ng_actor_table``.
"""

from newsgraph.extract.actors.references import resolve
from newsgraph.extract.actors.resolver import ActorResolver
from newsgraph.extract.actors.table import ActorTable

__all__ = ["ActorResolver", "ActorTable", "resolve"]
