"""Titles and roles: "French president Emmanuel Macron", "Sergei Lavrov, Russia's foreign minister".

A title before or beside a person's name gives HOLDS_ROLE to what the title attaches to (a
state, an organisation, an agent of a state) and the person's country; people the gazetteer
knows with a title ("Vladimir Putin": president) hold it even when the article names none.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.actors import known
from newsgraph.extract.actors.context import Resolution
from newsgraph.extract.doctokens import tokens
from newsgraph.extract.frames import Frames
from newsgraph.extract.gazetteer import Title
from newsgraph.extract.record import Actor, ActorKind

HEADS = Frames.load().words("head_title")  # "president", "prime minister": one person per state


def titles(ctx: Resolution) -> None:
    """Pass 4: the titles around every mention of every person."""
    for actor in list(ctx.table.actors.values()):
        if actor.kind != ActorKind.PERSON:
            continue
        for mention in actor.mentions:
            span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                title_of(ctx, actor, span)


def title_phrases(name: Span) -> list[list[Token]]:
    """The word runs that may hold a title: left of the name, and each apposition."""
    head = name.root
    # "French president Emmanuel Macron": the modifiers left of the name
    left = [t for t in head.subtree if t.i < name.start and t.dep_ not in {"det", "punct", "case"}]
    left = [t for t in left if t.head.i >= t.i]
    phrases: list[list[Token]] = [left] if left else []
    for a in (c for c in head.children if c.dep_ == "appos"):  # "Sergei Lavrov, Russia's foreign minister,"
        phrases.append([t for t in a.subtree if t.dep_ not in {"det", "punct", "case"} and t.i <= a.i])
    if head.dep_ == "appos" and head.head.i < name.start:  # "Colombia's defence minister Pedro Sanchez"
        title = head.head
        phrases.append(
            [t for t in title.subtree if t.i <= title.i and t.dep_ not in {"det", "punct", "case"}]
        )
    return phrases


def title_of(ctx: Resolution, person: Actor, name: Span) -> None:
    for words in title_phrases(name):
        lowered = [t.lower_ for t in words]
        for cut in range(len(words)):
            title = ctx.gaz.title(" ".join(lowered[cut:]))
            if title is None:
                continue
            affiliation = affiliation_of(ctx, words[:cut], title, words, person)
            if affiliation is None:
                continue
            target = ctx.table.actors[affiliation]
            if person.country is None:
                person.country = target.country
            ctx.table.relate("HOLDS_ROLE", person.id, affiliation, name, title=title.title)
            return


def affiliation_of(
    ctx: Resolution, words: list[Token], title: Title, all_words: list[Token], person: Actor
) -> str | None:
    """What a title attaches to: a named actor before it ("foreign ministry", "NATO"), else a
    state named by a demonym or possessive anywhere in the phrase ("German Foreign Minister",
    "Russia's foreign minister"), else the article's one organisation of the title's agent, else
    the headline's one state for a state's title (``article_state``)."""
    for token in [*reversed(words), *reversed(all_words)]:  # nearest the title first
        found = ctx.table.of(token)
        if found is None and token.text[:1].isupper():
            iso = ctx.gaz.state_of_adjective(token.text)
            found = ctx.ensure(iso).id if iso else None
        if found and found != person.id:
            return found
    if title.attaches == "agent" and title.agent:
        agent = ctx.gaz.agent(title.agent)
        same = [
            a
            for a in ctx.table.actors.values()
            if a.kind == ActorKind.ORGANIZATION
            and agent
            and a.name.lower().endswith(agent.name.lower())
            and (person.country is None or a.country == person.country)
        ]
        if len(same) == 1:
            return same[0].id
    state = ctx.main_state()  # ``article_state``: "Defence Minister Pedro Sanchez" in a Colombian story
    if title.attaches in {"state", "agent"} and state and person.country in {None, state}:
        return ctx.ensure(state).id
    return None


def known_roles(ctx: Resolution) -> None:
    """Pass 5: people the gazetteer knows ("Vladimir Putin": president of Russia) hold their role."""
    table = ctx.table
    for actor in list(table.actors.values()):
        entry = ctx.gaz.get(actor.id) if actor.kind == ActorKind.PERSON else None
        if entry is None or not entry.title or not actor.mentions:
            continue
        if any(r.type == "HOLDS_ROLE" and r.source == actor.id for r in table.relations):
            continue
        target = entry.country  # the state they serve ("Vladimir Putin": president of Russia)
        if target and ctx.gaz.get(target):
            ctx.ensure(target)
            first = actor.mentions[0]
            span = ctx.doc.char_span(first.start, first.end, alignment_mode="expand")
            if span is not None:
                table.relate("HOLDS_ROLE", actor.id, target, span, title=entry.title)


def office_holders(ctx: Resolution) -> None:
    """Pass 6 (``office_holder``): "the Pakistani president", a head's title with a state and no name,
    is the one person the Phoenix offices give that state's leadership on the publication day."""
    published = ctx.doc._.ng_published
    if not published:
        return
    words = tokens(ctx.doc)
    for token in (words[i] for i in ctx.index.at_lemma(HEADS)):
        if token.i in ctx.table.token_actor or token.pos_ != "NOUN":
            continue
        if any(c.ent_type_ == "PERSON" for c in (*token.children, token.head)):
            continue  # "President Zia", "Zia, the president": a name is there
        modifiers = [c for c in token.children if c.dep_ in {"amod", "compound", "poss"} and c.i < token.i]
        state = next((iso for c in modifiers if (iso := state_named(ctx, c))), None)
        holder = known.office_holder(state, published) if state else None
        if holder is None:
            continue
        span = ctx.doc[min(c.i for c in modifiers) : token.i + 1]
        ctx.table.add(holder.id, holder.name, holder.kind, holder.country, None, span)
        for word in span:
            ctx.table.token_actor[word.i] = holder.id
        ctx.ensure(state)
        ctx.table.relate("HOLDS_ROLE", holder.id, state, span, title=token.lemma_.lower())


def state_named(ctx: Resolution, token: Token) -> str | None:
    """The state a modifier names: a demonym ("Pakistani") or a state's possessive ("Pakistan's")."""
    iso = ctx.gaz.state_of_adjective(token.text)
    if iso is None:
        found = ctx.table.of(token)
        iso = found if found and ctx.gaz.get(found) and ctx.gaz.get(found).kind == ActorKind.STATE else None
    return iso
