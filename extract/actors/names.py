"""Named entities to actors and places: states, seats, organisations and people by name.

The gazetteer's entity ruler runs before the statistical NER, so known names carry the
gazetteer id. States, demonyms and capitals resolve to the state, seats of power and
organisations to their entry, people to one actor per person (a later "Macron" joins
"Emmanuel Macron"); a name used as a location ("talks in Paris") is a place, not an actor.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.actors import known
from newsgraph.extract.actors.agents import agent_in_name
from newsgraph.extract.actors.context import Resolution
from newsgraph.extract.actors.longnames import ORG_HEADS
from newsgraph.extract.actors.notnames import (
    nationality_of_organisation,
    not_a_name,
    own_state_agent,
    role_word,
    stated_country,
)
from newsgraph.extract.actors.sectors import SectorNouns
from newsgraph.extract.actors.spans import PLACE_NOUNS, clean_span, is_location, title_case_line
from newsgraph.extract.actors.table import ActorTable
from newsgraph.extract.doctokens import span_text, tokens
from newsgraph.extract.frames import Frames
from newsgraph.extract.gazetteer import Entry
from newsgraph.extract.ontology import Lexicon
from newsgraph.extract.record import ActorKind, actor_id

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAMED_HEADS = Frames.load().words("named_head") | ORG_HEADS  # "the group, known as APT31"
NAMING_VERBS = frozenset({"know", "call", "dub", "name", "brand"})
EVENT_NOUNS = frozenset(k for k in Lexicon.load().lemmas() if k[1] == "NOUN")  # (lemma, pos)


def named_entities(ctx: Resolution) -> None:
    """Pass 1: every entity span the NER or the gazetteer marked."""
    # one sense per discourse: a name used once as a place ("near Goma") is a place throughout
    ctx.place_names = {
        span_text(clean)
        for ent in ctx.ents
        if ent.label_ in {"PERSON", "ORG"}
        and (clean := clean_span(ent)) is not None
        and is_location(clean, wide=True)
    }
    for ent in ctx.ents:
        if ent.label_ in NAME_LABELS:
            entity(ctx, ent)
    ctx.entities_read = True


def entity(ctx: Resolution, ent: Span) -> None:
    span = clean_span(ent)
    span = role_word(ctx, ent.label_, span) if span is not None else None  # "Winger Salma Bennani"
    if span is None:
        return
    where = range(span.start, span.end)
    if all(i in ctx.table.token_actor for i in where) or any(i in ctx.blocked for i in where):
        return  # part of a long name read already ("Kenya" of "Law Society of Kenya"), or of a ship's
    entry = known_entry(ctx, ent, span)
    if entry is not None:
        known_name(ctx, ent, span, entry)
        return
    if span_text(span).lower() in ctx.words.not_actors or not_a_name(ctx, span):
        return  # "Patriot", "HIMARS": weapons, not actors; "mosques", "Rohingya", "as Russophobia"
    if ent.label_ == "PERSON" and len(span) == 1 and (span[0].lower_, "NOUN") in EVENT_NOUNS:
        return  # ``event_noun_no_name``: "Gunfire was heard": the lexicon's event noun, nobody's name
    if title_case_line(ent, ctx.title_case) or (
        len(span) == 1 and (span[0].pos_ == "ADJ" or span[0].lower_ in ctx.words.office_words)
    ):
        return  # Title Case headlines fool the NER ("Imposes Sanctions"); unknown names there are noise
    unknown_name(ctx, ent, span)


def known_name(ctx: Resolution, ent: Span, span: Span, entry: Entry) -> None:
    """A name the gazetteer knows, unless the text says it is a place or somebody else."""
    if (
        ent.label_ in PLACE_LABELS
        and entry.kind == ActorKind.STATE
        and is_location(span)
        and entry.name != span_text(span)
        and span_text(span) not in entry.aliases
    ):
        add_place(ctx.table, span, entry.country)  # "a meeting in Paris": a place, not France acting
        return
    if nationality_of_organisation(ctx, span, entry) or own_state_agent(ctx, span, entry):
        return  # "Danish ... Nordhavn Shipping"; "Pakistani Foreign Office" (the agent pass makes it)
    if entry.kind == ActorKind.PERSON:
        earlier = same_person(ctx, span)
        if earlier is not None and earlier != entry.id:  # "Sanchez" after Colombia's Pedro Sanchez
            ctx.table.mark(span, earlier)
            return
        other, stated = stated_country(ctx, span, entry)
        if other:
            new_id = actor_id(ActorKind.PERSON, " ".join(w for w in (span_text(span), stated) if w))
            ctx.table.add(new_id, span_text(span), ActorKind.PERSON, stated, None, span)
            return
    ctx.add_entry(entry, span)


def same_person(ctx: Resolution, span: Span) -> str | None:
    """An earlier person of the article with this name or last name ("Macron" after "Emmanuel Macron")."""
    last, name = span[-1].text, span_text(span)
    for actor in ctx.table.actors.values():
        if actor.kind == ActorKind.PERSON and (actor.name == name or actor.name.split()[-1] == last):
            return actor.id
    return None


def known_entry(ctx: Resolution, ent: Span, span: Span) -> Entry | None:
    """The gazetteer entry of a name: by the ruler's id, by name, or as a demonym or capital."""
    gaz = ctx.gaz
    ent_id = ent.ent_id_  # a Span's property spelled from the string store at each call
    entry = gaz.get(ent_id) if ent_id else None
    entry = entry or gaz.lookup(span_text(span))
    if entry is None and ent.label_ == "NORP":
        iso3 = gaz.state_of_adjective(span_text(span))
        entry = gaz.get(iso3) if iso3 else None
    if entry is None and ent.label_ == "GPE":
        iso3 = gaz.state_of_capital(span_text(span))
        entry = gaz.get(iso3) if iso3 else None
    return entry


def unknown_name(ctx: Resolution, ent: Span, span: Span) -> None:
    """A name the gazetteer does not know: a place, a person, an organisation or an agent of a state."""
    organised = span[-1].lower_ in ORG_HEADS and len(span) > 1  # "at Danske Bank": never a place
    located = span_text(span) in ctx.place_names or is_location(span, wide=True)
    earlier = same_person(ctx, span) if ent.label_ != "PERSON" and not located else None
    if earlier is not None:
        ctx.table.mark(span, earlier)  # ``person_once_named``: "Nzoghe's lawyers" after "Jean-Remy Nzoghe"
    elif named_as(span):
        organization(ctx, span)  # "the group, known as APT31": whatever the NER's label
        head = named_as_head(span)
        ident = ctx.table.of(span.root)
        if ident and head.i not in ctx.table.token_actor:  # "the group ... had targeted": APT31 did
            ctx.table.mark(span.doc[head.i : head.i + 1], ident, alias=False)
    elif ent.label_ in {"PERSON", "ORG"} and located and not organised:
        add_place(ctx.table, span, None)  # "refugees crossed at Adre": a place the NER took for a name
    elif ent.label_ == "PERSON" or titled_name(ctx, span) or (ent.label_ == "ORG" and person_like(ctx, span)):
        person(ctx, span)
    elif ent.label_ == "ORG":
        if ctx.gaz.agent(span_text(span).lower()) is not None:
            return  # "the Armed Forces (of the Philippines)": the agent-noun pass finds the owner
        if not agent_in_name(ctx, span):
            organization(ctx, span)
    elif ent.label_ in PLACE_LABELS:
        add_place(ctx.table, span, None)


def named_as(span: Span) -> bool:
    """``named_as``: a name a group or organisation is given by "known as", "called", "dubbed" ("the
    group, known as APT31") is that organisation's, never a place's; the noun named stands for it."""
    root = span.root
    verb = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "as" else root.head
    if verb.lemma_.lower() not in NAMING_VERBS or verb.dep_ not in {"acl", "relcl"}:
        return False
    return verb.head.lemma_.lower() in NAMED_HEADS


def named_as_head(span: Span) -> Token:
    """The noun a ``named_as`` name names: "group" of "the group, known as APT31"."""
    root = span.root
    verb = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "as" else root.head
    return verb.head


def organization(ctx: Resolution, span: Span) -> None:
    """An organisation the gazetteer does not know; "China's Ministry of State Security" is China's."""
    table = ctx.table
    owner = None
    for child in (c for t in span for c in t.children):
        if child.i < span.start and child.dep_ in {"poss", "amod", "compound"}:
            owner = table.of(child) or ctx.gaz.state_of_adjective(child.text)
            entry = ctx.gaz.get(owner) if owner else None
            if entry is not None and entry.kind == ActorKind.STATE:
                break
            owner = None
    known_org = known.organization(span_text(span), owner or ctx.main_state())  # "phoenix_organization"
    if known_org is not None:
        ctx.add_entry(known_org, span)
        if owner and ctx.gaz.get(owner) is not None and known_org.country == owner:
            ctx.ensure(owner)
        return
    kind = ActorKind.ORGANIZATION
    org = table.add(actor_id(kind, span_text(span)), span_text(span), kind, owner, None, span)
    if owner:
        ctx.ensure(owner)
        org.country = org.country or owner
        table.relate("PART_OF", org.id, owner, span)


def person_like(ctx: Resolution, span: Span) -> bool:
    """``person_like_org``: an organisation the NER made of two or three capitalised words, none an
    organisation, office or agent word, a state's name or adjective, that no dictionary knows as an
    organisation, and whose first or last word begins or ends a known person's name ("led by Nourhan
    Adel": Adel), is a person's name."""
    words = [t.text for t in span]
    if not 2 <= len(words) <= 3 or not all(
        w.isalpha() and w[:1].isupper() and not w.isupper() for w in words
    ):
        return False
    lowered = {w.lower() for w in words}
    if lowered & ORG_HEADS or lowered & ctx.words.office_words or lowered & SectorNouns.load(ctx.gaz).heads:
        return False
    if any(ctx.gaz.lookup(w) or ctx.gaz.state_of_adjective(w) for w in words) or known.is_organization(
        span_text(span)
    ):
        return False
    firsts, lasts = known.person_name_words()
    return words[0].casefold() in firsts or words[-1].casefold() in lasts


def titled_name(ctx: Resolution, span: Span) -> bool:
    """A name right after a title is a person's, whatever the NER says ("spokesperson Rahmat Hidayat")."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return (
        before is not None
        and before.pos_ in {"NOUN", "PROPN"}
        and ctx.words.title(before.lower_)
        and 2 <= len(span) <= 4
        and all(t.text[:1].isupper() for t in span)
    )


def person(ctx: Resolution, span: Span) -> None:
    found = ctx.gaz.lookup(span_text(span))
    if found is not None and found.kind == ActorKind.PERSON:
        ctx.add_entry(found, span)
        return
    earlier = same_person(ctx, span)  # "Macron" after "Emmanuel Macron"
    if earlier is not None:
        ctx.table.mark(span, earlier)
        return
    vendor = known.person(span_text(span)) if len(span) > 1 else None  # "phoenix_person"
    if vendor is not None:
        ctx.add_entry(vendor, span)
        return
    name = span_text(span)
    ctx.table.add(actor_id(ActorKind.PERSON, name), name, ActorKind.PERSON, None, None, span)


def add_place(table: ActorTable, span: Span, country: str | None) -> None:
    place = {
        "id": "place:" + actor_id(ActorKind.GROUP, span_text(span)).split(":", 1)[1],
        "name": span_text(span),
        "country": country,
    }
    for token in span:
        table.places[token.i] = place


def capital_places(ctx: Resolution) -> None:
    """``the_capital``: "gathered in the capital" of a story whose headline names one state is a place,
    that state's capital ("Lome"), so the clause's groups take its country."""
    state = ctx.main_state()
    entry = ctx.gaz.get(state) if state else None
    if entry is None or not entry.capitals:
        return
    words = tokens(ctx.doc)
    for token in (words[i] for i in ctx.index.at(("capital",))):
        if (
            token.tag_ == "NN"
            and token.i not in ctx.table.token_actor
            and any(c.lower_ == "the" for c in token.children)
            and not any(c.dep_ in {"compound", "amod", "poss", "prep"} for c in token.children)
        ):
            capital = entry.capitals[0]
            place = {"id": "place:" + actor_id(ActorKind.GROUP, capital).split(":", 1)[1], "name": capital}
            ctx.table.places[token.i] = {**place, "country": entry.id}


def place_extent(ctx: Resolution) -> None:
    """``place_noun_joins``: the place noun after a place's name is part of the place ("Cabo Delgado
    province", "the Zamzam camp"); ``possessed_place``: a place with no country takes the state that
    possesses it or that it lies in ("Mozambique's northern Cabo Delgado province", "Goma in Congo")."""
    table = ctx.table
    for i, place in list(table.places.items()):
        token = ctx.doc[i]
        head = token.head
        noun = token.dep_ == "compound" and head.lemma_.lower() in PLACE_NOUNS
        if noun and head.i not in table.token_actor:
            table.places.setdefault(head.i, place)
    for i, place in table.places.items():
        if place.get("country"):
            continue
        token = ctx.doc[i]
        owners = [c for w in (token, token.head) for c in w.children if c.dep_ == "poss"]
        owners += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children]
        for owner in owners:
            actor = table.actors.get(table.of(owner) or "")
            if actor is not None and actor.kind == ActorKind.STATE:
                place["country"] = actor.id
                break


def state_adjectives(ctx: Resolution) -> None:
    """Pass 2: capitalised modifiers the NER left alone: "Western military units", "Russian oil tanker"."""
    doc, table, gaz = ctx.doc, ctx.table, ctx.gaz
    for token in tokens(doc):
        if (
            token.dep_ not in {"amod", "compound", "nmod"}  # the cheapest test first: most words fail it
            or token.i in table.token_actor
            or token.i in ctx.blocked
            or not token.text[:1].isupper()
            or token.is_sent_start
        ):
            continue
        iso = gaz.state_of_adjective(token.text)
        entry = gaz.get(iso) if iso else gaz.lookup(token.text)
        if entry is not None and entry.kind in {ActorKind.STATE, ActorKind.GROUP}:
            ctx.add_entry(entry, doc[token.i : token.i + 1])
