"""Event coding: CAMEO events from a parsed Doc, as the spaCy component ``newsgraph_events``.

For every word the lexicon knows (verbs and event nouns, ``data/lexicon.tsv``) the coder reads
its arguments off the dependency parse, the way a human coder reads a clause. One module per job:

- ``context``: ``DocContext``, the per-Doc state every rule receives, and ``CoderData``;
- ``senses``: the lexicon sense a word has here, and when a fight verb is a verbal attack;
- ``sources``: who does it, ``VERB_SOURCE_RULES`` and ``NOUN_SOURCE_RULES`` (subject, passive
  agent, control, possessor, light verb, ...);
- ``targets``: whom it is directed at, ``TARGET_RULES`` and ``TARGET_FALLBACKS`` (object,
  recipient preposition, owner, complement, ...);
- ``arguments``: from a word to the actors it stands for (names, coordinations, owners, pronouns);
- ``modality``: modals, intent verbs, if-clauses, negation (``data/frames.tsv``);
- ``attribution``: the speaker ("X said", "according to X", an open quotation);
- ``labelling``: acts read from a label ("described X as militarist": criticism);
- ``make``: the ``Event`` record (intent codes, date, place, evidence, other actors);
- ``links``: CONDITIONAL_ON, RESPONDS_TO, accusations, one event per act, joint dyads;
- ``coder``: the driver, word by word; ``component``: the spaCy component.

Every rule is a plain function of a token (or trigger) and the context, so it can be tried alone on
a hand-built Doc (``tests/test_rules_*.py``). CAMEO family policies (reactions, joint acts, ...) are
``cameo.tsv``'s ``policy`` column; word lists are ``frames.tsv`` rows.
"""

from newsgraph.extract.events.component import EventCoder

__all__ = ["EventCoder"]
