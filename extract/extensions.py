"""The Doc extensions newsgraph's spaCy components pass data through, declared here once.

- ``doc._.ng_published`` (in): the article's publication date (ISO), so "on Tuesday" resolves;
  set it before the Doc reaches ``newsgraph_events`` (the Extractor does).
- ``doc._.ng_actor_table`` (between components): the :class:`ActorTable` ``newsgraph_actors``
  makes and ``newsgraph_events`` reads; the event coder releases it once read (it is no plain
  data, so a Doc that keeps it could not be serialised).
- ``doc._.newsgraph`` (out): actors, events, relations, places and warnings in the record's JSON
  shape (plain data, so Docs can cross processes).
"""

from __future__ import annotations

from spacy.tokens import Doc

EXTENSIONS: dict[str, object] = {"ng_published": None, "ng_actor_table": None, "newsgraph": None}


def register() -> None:
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register()
