"""Names that are not names, and names the text knows better than the gazetteer.

Each function is one named rule the entity pass (:mod:`.names`) asks before it adds an actor:

- ``vehicle_names`` (pass 0, with the long names): the capitalised name beside a vessel, aircraft
  or operation noun (``vehicle_noun`` in frames.tsv: "the tanker Marlin Luanda", "Operation
  Midnight Hammer") is no place, no state and no actor: its words are blocked;
- ``event_names`` (pass 0 too): a run of capitalised words ending in an event noun (``event_name``
  in frames.tsv: Championship, Cup, Games, Olympics ...; a possessive 's may join its words) names a
  tournament or a meeting, not an actor: "the African Women's Handball Championship" makes no
  "African Women" (a state or group named before a possessive stays: "Kenya's Cup final");
- ``not_a_name``: an unknown "name" in lower case ("mosques"), an ethnic group's noun the NER
  calls an organisation ("Rohingya"), or a name only given as a description ("dismissed the
  accusation as Russophobia") makes no actor;
- ``nationality_of_organisation``: a demonym before an organisation named with no country
  ("Danish container group Nordhavn Shipping") gives it its country, and is not the state acting;
- ``own_state_agent``: a state's organ the gazetteer knows by a generic name ("Foreign Office"
  is the UK's) preceded by another state's adjective or possessive ("Pakistani Foreign Office")
  is that state's (the agent-noun pass makes it);
- ``stated_country`` and ``stated_title``: a title with a state beside a person's name, or a
  minister's title the gazetteer's person of that name does not hold ("Colombia's defence
  minister Pedro Sanchez", "Defence Minister Pedro Sanchez" in a Colombian story), make another
  person than the gazetteer's (Spain's prime minister), of the text's state;
- ``role_word``: a person's name the NER opened with a role (``role_noun`` in frames.tsv) or a
  one-word title ("Winger Salma Bennani", "Minister Ahmed Ali") is the name without it (the title
  pass then reads the title beside it).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.actors.context import Resolution
from newsgraph.extract.actors.sectors import SectorNouns
from newsgraph.extract.actors.titles import title_phrases
from newsgraph.extract.doctokens import sentences, span_text, tokens
from newsgraph.extract.frames import Frames
from newsgraph.extract.gazetteer import Entry
from newsgraph.extract.record import ActorKind

VEHICLES = Frames.load().words("vehicle_noun")
EVENT_NAMES = Frames.load().words("event_name")
NAMING_VERBS = frozenset({"know", "name", "call", "dub", "refer", "identify"})
LEADERS = Frames.load().words("head_title")
NAMING = frozenset({"named", "called", "dubbed", '"', "\u201c", "'", "\u2018"})
ROLES = Frames.load().words("role_noun")


def vehicle_names(ctx: Resolution) -> None:
    """``vehicle_names``: block the name after (or before) a vessel, aircraft or operation noun."""
    doc = ctx.doc
    words, sents = tokens(doc), sentences(doc)
    for token in (words[i] for i in ctx.index.at_lemma(VEHICLES)):
        start = token.i + 1
        while start < len(doc) and words[start].lower_ in NAMING:
            start += 1
        end, sent = start, sents[token.i]
        while end < len(doc) and words[end].text[:1].isupper() and sents[end] is sent:
            end += 1
        if token.text[:1].isupper() and token.lower_ == "operation":  # "Operation Midnight Hammer"
            start = token.i
        if end - start >= 1 and not all(i in ctx.table.token_actor for i in range(start, end)):
            ctx.blocked.update(range(start, end))
        before = token.i  # "the Marlin Luanda tanker", never the flag ("a Philippine Supply Boat")
        while before > sent.start and words[before - 1].text[:1].isupper():
            if words[before - 1].dep_ != "compound" or words[before - 1].ent_type_ in {"NORP", "GPE"}:
                break
            before -= 1
        if before < token.i and not words[before].is_sent_start:
            ctx.blocked.update(range(before, token.i))


def event_names(ctx: Resolution) -> None:
    """``event_names``: block the words of a tournament's or a meeting's name."""
    doc = ctx.doc
    words, sents = tokens(doc), sentences(doc)
    for token in (words[i] for i in ctx.index.at(EVENT_NAMES)):
        if not token.text[:1].isupper() or token.is_sent_start:
            continue
        start, first = token.i, sents[token.i].start
        while start > first:
            before = words[start - 1]
            joined = before.lower_ in {"'s", "\u2019s"} and start - 2 >= first
            owner = words[start - 2] if joined else None
            if owner is not None and not owner.ent_id_ and owner.ent_type_ not in {"GPE", "PERSON"}:
                start -= 2  # "Women's": part of the name; never "Kenya's"
            elif before.text[:1].isupper() and before.text.isalpha() and not before.is_sent_start:
                start -= 1
            else:
                break
        if start < token.i:
            ctx.blocked.update(range(start, token.i + 1))


def not_a_name(ctx: Resolution, span: Span) -> bool:
    """``not_a_name``: lower case, an ethnic group's noun, or a description after "as"."""
    if span_text(span).islower():
        return True
    if len(span) == 1 and SectorNouns.load(ctx.gaz).ethnic(span_text(span)) is not None:
        return True
    root = span.root  # "dismissed it as Russophobia"; never "a group known as Sandworm"
    return root.dep_ == "pobj" and root.head.lower_ == "as" and root.head.head.lemma_ not in NAMING_VERBS


def nationality_of_organisation(ctx: Resolution, span: Span, entry: Entry) -> bool:
    """``nationality_of_organisation``: "Danish container group Nordhavn Shipping" is Danish."""
    if entry.kind != ActorKind.STATE or len(span) != 1:
        return False
    node: Token = span.root
    for _ in range(3):
        if node.dep_ not in {"amod", "compound", "nmod"} or node.head.i == node.i:
            return False
        node = node.head
        owner = ctx.table.of(node)
        actor = ctx.table.actors.get(owner) if owner else None
        if actor is not None and actor.kind == ActorKind.ORGANIZATION and actor.country is None:
            actor.country = entry.id
            return True
    return False


def own_state_agent(ctx: Resolution, span: Span, entry: Entry) -> bool:
    """``own_state_agent``: "Pakistani Foreign Office" is Pakistan's, not the UK's Foreign Office."""
    if entry.kind != ActorKind.ORGANIZATION or not entry.country:
        return False
    if ctx.gaz.agent(span_text(span).lower()) is None:
        return False
    for child in span.root.children:
        if child.i < span.start and child.dep_ in {"amod", "compound", "poss", "nmod"}:
            iso = state_of(ctx, child)
            if iso and iso != entry.country:
                return True
    return False


def stated_country(ctx: Resolution, span: Span, entry: Entry) -> tuple[bool, str | None]:
    """Is a known person's name somebody else's here, and whose? ``stated_country``: a title with a
    state beside the name that is not the gazetteer's ("Colombia's defence minister Pedro Sanchez");
    ``stated_title``: a minister's or leader's title the gazetteer's person does not hold ("Defence
    Minister Pedro Sanchez" in a Colombian story: the article's state, not Spain's prime minister)."""
    if entry.kind != ActorKind.PERSON:
        return False, None
    own = ctx.gaz.title(entry.title) if entry.title and not entry.title.startswith("former") else None
    for words in title_phrases(span):
        title = ctx.gaz.title(" ".join(t.lower_ for t in words))  # by its longest known ending
        if title is None:
            continue
        states = [iso for t in words if (iso := state_of(ctx, t))]
        if states and states[0] != entry.country:
            return True, states[0]
        office = "minister" in title.title or title.title in LEADERS
        if own is not None and office and title.title != own.title:
            return True, states[0] if states else ctx.main_state()
    return False, None


def state_of(ctx: Resolution, token: Token) -> str | None:
    """The state a word names: "Pakistani", "Colombia('s)", "Russia"."""
    entry = ctx.gaz.get(token.ent_id_) if token.ent_id_ else None
    if entry is not None and entry.kind == ActorKind.STATE:
        return entry.id
    iso = ctx.gaz.state_of_adjective(token.text)
    if iso is None and token.text[:1].isupper():
        known = ctx.gaz.lookup(token.text)
        iso = known.id if known is not None and known.kind == ActorKind.STATE else None
    return iso


def role_word(ctx: Resolution, label: str, span: Span) -> Span:
    """``role_word``: a person's name without the role or one-word title the NER put before it."""
    first = span[0]
    role = first.lower_ in ROLES or ctx.words.title(first.lower_)
    if label == "PERSON" and len(span) >= 3 and role and all(t.text[:1].isupper() for t in span[1:]):
        return span[1:]
    return span
