"""Unnamed sector groups: "Syrian rebels", "police in Niamey", "thousands of Iraqi Kurds".

A group-mode agent noun (agents.tsv, or a Phoenix noun, :mod:`.sectors`) makes one actor per
country, ethnic or religious group and agents.tsv row, with a stable id ("Syrian rebels" and
"Syrian insurgents" are ``group:syr-rebels`` in every article), kind ``group``, the country the
text ties it to, and the CAMEO code country + ethnic group + sector (``SYRKUROPP``). The rules:

- ``group_country``: the country is the owner's (an adjective, a possessive, "of Syria": see
  ``agents.owner_of``), else the home of its ethnic group ("Rohingya refugees": Myanmar), else
  the state of a place named in the clause ("police in Niamey"; not for refugees, whom a place
  names where they are, not whence), else none;
- ``group_joins_earlier``: a group noun with no country joins the article's one named group of its
  sector ("about 40 rebels" in a story of the ELN, COLREB: ``sector_joins_named_group``), else its
  one group of the same row and ethnic group ("Protesters threw stones" after "protesters ... in
  Nairobi");
- ``ethnic_modifier``: an ethnic or religious word among the noun's modifiers ("Kurdish
  protesters", "Kurdish-led authorities") goes between the country and the sector; people who
  voice a state (officials, authorities) with one are that group's own authorities, not the state;
- ``state_sector_group``: "Indian troops" (a state-mode row: the state acts in events) also make
  India's sector group INDMIL, PART_OF India;
- ``bloc_society_group``: "European manufacturers" are a group of their own, "Western forces" the
  West;
- ``coordinated_owners``: "Indian and Pakistani troops" are the Indian troops and the Pakistani
  troops;
- ``definite_refers_back``: "the rebels" after a named group is that group (the event coder
  resolves it), not a new one;
- ``quantity_head``: "thousands of protesters", "a crowd of government supporters": the quantity
  noun belongs to the mention, so a verb whose subject is "thousands" has the group as source;
- ``vague_noun``: "people", "men", "witnesses" (``vague_agent`` in frames.tsv) make no actor
  without an owner.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.actors.context import Resolution
from newsgraph.extract.actors.references import DEFINITE, resolve
from newsgraph.extract.actors.sectors import STATE_SECTORS, Ethnic, SectorNouns
from newsgraph.extract.actors.spans import LOCATIVE, clause_of, clean_span, same_clause
from newsgraph.extract.doctokens import sentences, span_text, tokens
from newsgraph.extract.frames import Frames
from newsgraph.extract.gazetteer import Agent
from newsgraph.extract.record import ActorKind, Mention, actor_id

QUANTITIES = Frames.load().words("quantity")
THINGS = Frames.load().words("agent_thing")
REFUGEES = "REF"  # coded by the country they fled, never by where they are
SHADOW_SECTORS = frozenset({"MIL", "COP", "SPY", "LEG"})  # a state's people who are a sector of their own


def ethnic_of(ctx: Resolution, token: Token) -> Ethnic | None:
    """The ethnic or religious group among a noun's left modifiers, or the noun itself ("Kurds")."""
    sectors = SectorNouns.load(ctx.gaz)
    ethnic = ctx.ethnic_words()
    if ethnic and ethnic[0] < token.i:  # an ethnic word before the noun: its subtree may hold it
        for left in (t for t in token.subtree if t.i < token.i):
            found = sectors.ethnic(left.text)
            if found is not None and left.dep_ in {"amod", "compound", "npadvmod", "nmod"}:
                return found
    return sectors.ethnic(token.text) if token.tag_ in {"NNPS", "NNS"} else None


def place_country(ctx: Resolution, token: Token, own: bool = False) -> str | None:
    """The state of a place named in the token's clause or above it ("police in Niamey": Niger;
    "soldiers seized power in Togo": Togo); with ``own``, in its own clause only."""
    sent, words = sentences(token.doc)[token.i], tokens(token.doc)
    clause = clause_of(token).i if own else None
    for other in (words[i] for i in placed_words(ctx, sent)):
        place = ctx.table.places.get(other.i)
        iso = place.get("country") if place else None
        if iso is None and other.dep_ == "pobj" and other.head.lower_ in LOCATIVE:
            actor = ctx.table.of(other)  # a state named as a place: "in Togo"
            iso = actor if actor and len(actor) == 3 and actor.isupper() else None
        if not iso or (own and clause_of(other).i != clause):  # the clause is asked last: it walks the tree
            continue
        if ctx.gaz.get(iso) is not None and same_clause(token, other):
            return iso
    return None


def placed_words(ctx: Resolution, sent: Span) -> list[int]:
    """The words of a sentence that may name a place, in text order: the places found, and the
    objects of a locative preposition ("in Togo"); no other word gives ``place_country`` a state."""
    words, inside = tokens(sent.doc), range(sent.start, sent.end)
    found = {i for i in ctx.table.places if i in inside}
    for prep in (words[i] for i in ctx.index.at(LOCATIVE) if i in inside):
        found.update(c.i for c in prep.children if c.dep_ == "pobj" and c.i in inside)
    return sorted(found)


def mention_of(token: Token, phrase: Span) -> Span:
    """The words that name the group: its modifiers, and a quantity noun it hangs from by "of"."""
    start = min([phrase.start] + [c.i for c in token.lefts if c.dep_ in {"amod", "compound", "poss"}])
    prep = token.head
    quantity = {prep.head.lower_, prep.head.lemma_.lower()} & QUANTITIES
    if token.dep_ == "pobj" and prep.lower_ == "of" and quantity:
        start = min(start, prep.head.i)  # "thousands of protesters", "a crowd of supporters"
        start = min([start] + [c.i for c in prep.head.lefts if c.dep_ in {"amod", "compound"}])
    span = Span(token.doc, start, token.i + 1)  # doc[start : token.i + 1], without its slice checks
    return clean_span(span) or span


def bare_group(ctx: Resolution, token: Token, agent: Agent, phrase: Span) -> None:
    """A group noun with no owner: its country from its ethnic group or the sentence's place."""
    mention = mention_of(token, phrase)
    if SectorNouns.load(ctx.gaz).vague(span_text(phrase)) or refers_back(ctx, token):
        return
    ethnic = ethnic_of(ctx, token)
    country = ethnic.home if ethnic and ethnic.home else None
    if country is None and agent.cameo != REFUGEES:
        country = place_country(ctx, token)
    if country is None:
        named = named_group(ctx, agent)
        earlier = [named] if named else ctx.groups.get((agent.name, ethnic.code if ethnic else ""), [])
        if len(set(earlier)) == 1:
            mark_group(ctx, earlier[0], mention, token)
            return
    group_actor(ctx, agent, country, ethnic, mention, token)


def owned_groups(
    ctx: Resolution, agent: Agent, owner: str, ethnic: Ethnic | None, token: Token, phrase: Span
) -> None:
    """``coordinated_owners``: "Indian and Pakistani troops" are two groups; the noun stands for the
    first, each adjective for its own group (the event coder reads coordinated modifiers so)."""
    mention = mention_of(token, phrase)
    first = group_actor(ctx, agent, owner, ethnic, mention, token)
    for modifier in (c for c in token.children if c.dep_ in {"amod", "compound"} and c.i < token.i):
        for other in modifier.conjuncts:
            iso = ctx.gaz.state_of_adjective(other.text)
            if iso and iso != owner and ctx.table.token_actor.get(other.i) in {None, first, iso}:
                ident = group_actor(ctx, agent, iso, ethnic, mention, token, mark=False)
                ctx.table.token_actor[other.i] = ident
                ctx.table.token_actor[modifier.i] = first


def state_sector_group(ctx: Resolution, agent: Agent, state: str, token: Token, phrase: Span) -> None:
    """``state_sector_group``: "Indian and Pakistani troops" act as India and Pakistan in events (the
    state-mode rows of agents.tsv), and the phrase also names each state's sector group ("Indian
    troops", INDMIL), PART_OF the state, so the graph and an analyst's CAMEO coding have them."""
    words = {token.lemma_.lower(), token.lower_, token.lower_.removesuffix("s")}  # "Jets" of a headline too
    if agent.cameo[:3] not in SHADOW_SECTORS or words & THINGS:
        return  # "Israeli jets" are Israel's weapons, no group of people
    mention = mention_of(token, phrase)
    owners = [state] + [
        iso
        for modifier in token.children
        if modifier.dep_ in {"amod", "compound"} and modifier.i < token.i
        for other in modifier.conjuncts
        if (iso := ctx.gaz.state_of_adjective(other.text)) and iso != state
    ]
    for owner in dict.fromkeys(owners):
        ident = group_actor(ctx, agent, owner, None, mention, token, mark=False)
        if ctx.gaz.get(owner) is not None:
            ctx.ensure(owner)
            ctx.table.relate("PART_OF", ident, owner, mention)


def society(agent: Agent) -> bool:
    """A group of society (protesters, businesses, journalists), not an organ of a state."""
    return agent.mode == "group" and agent.cameo[:3] not in STATE_SECTORS


def bloc_group(ctx: Resolution, agent: Agent, owner: str, token: Token, phrase: Span) -> None:
    """``bloc_society_group``: a society group of a bloc or region ("European manufacturers") is a
    group of its own, with no country; a bloc's organs ("Western forces") stay the bloc."""
    modifier = next((c for c in token.children if ctx.table.of(c) == owner and c.i < token.i), None)
    base = modifier.text if modifier is not None else ctx.table.actors[owner].name
    group_actor(ctx, agent, None, ethnic_of(ctx, token), mention_of(token, phrase), token, base=base)
    if modifier is not None:
        only_modifier(ctx, owner, modifier)


def only_modifier(ctx: Resolution, owner: str, modifier: Token) -> None:
    """``bloc_society_group``: a bloc named only as the group's adjective ("European manufacturers")
    is no actor of the article: its one mention was the group's."""
    table = ctx.table
    actor = table.actors[owner]
    mentions = [m for m in actor.mentions if not (m.start <= modifier.idx < m.end)]
    named = any(owner in (r.source, r.target) for r in table.relations)
    if mentions or named or any(i != modifier.i and a == owner for i, a in table.token_actor.items()):
        return
    del table.actors[owner]
    table.order[:] = [(i, a) for i, a in table.order if a != owner]


def named_group(ctx: Resolution, agent: Agent) -> str | None:
    """``sector_joins_named_group``: "about 40 rebels" in a story of one named rebel group (the ELN,
    coded COLREB) are that group's; a state's organ of the same sector is no such group ("lawyers"
    are not the Gabonese Judiciary)."""
    if not agent.cameo or agent.cameo[:3] in STATE_SECTORS:
        return None
    named = [
        a.id
        for a in ctx.table.actors.values()
        if a.id not in ctx.table.sector_groups
        and a.id not in ctx.organs  # a state's court is no named group of lawyers
        and (a.cameo_code or "").endswith(agent.cameo)
        and a.kind in {ActorKind.GROUP, ActorKind.ORGANIZATION}
    ]
    return named[0] if len(named) == 1 else None


def refers_back(ctx: Resolution, token: Token) -> bool:
    """``definite_refers_back``: "the rebels" after "M23" is M23, as the event coder resolves it."""
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children)
    return definite and bool(resolve(ctx.table, token, set(ctx.table.sector_groups)))


def group_actor(
    ctx: Resolution,
    agent: Agent,
    country: str | None,
    ethnic: Ethnic | None,
    mention: Span,
    token: Token,
    base: str | None = None,
    mark: bool = True,
) -> str:
    """The group of (country, ethnic group, agents.tsv row): named "Syrian Kurdish protesters",
    coded SYRKUROPP; ``base`` replaces the country adjective ("Nzoghe supporters")."""
    entry = ctx.gaz.get(country) if country else None
    adjective = entry.adjectives[0] if entry and entry.adjectives else (entry.name if entry else None)
    noun = agent.phrase.split("|")[0]
    own = ethnic is not None and noun == ethnic.plural.lower()  # "Kurds": the group is the ethnic group
    ethnic_word = None if own or ethnic is None else ethnic.adjective
    words = [base or adjective, ethnic_word, ethnic.plural if ethnic and own else noun]
    name = " ".join(w for w in words if w)
    ident = actor_id(ActorKind.GROUP, " ".join(w for w in [country, base, *words[1:]] if w))
    codes = [entry.cameo_code if entry else None, ethnic.code if ethnic else None, agent.cameo]
    cameo = "".join(c for c in codes if c) or None
    ctx.table.add(ident, name, ActorKind.GROUP, country, cameo, None)
    ctx.table.sector_groups.add(ident)
    ctx.groups.setdefault((agent.name, ethnic.code if ethnic else ""), []).append(ident)
    if mark:
        mark_group(ctx, ident, mention, token)
    else:  # the phrase names it, but its words stand for another actor (a second owner, the state)
        actor = ctx.table.actors[ident]
        actor.mentions.append(Mention(mention.start_char, mention.end_char, span_text(mention)))
        if span_text(mention) not in (actor.name, *actor.aliases):
            actor.aliases.append(span_text(mention))
    return ident


def mark_group(ctx: Resolution, ident: str, mention: Span, token: Token) -> None:
    """The mention and its words stand for the group; the bare phrase ("Kurdish protesters" of
    "hundreds of Kurdish protesters") and the noun ("protesters") are aliases, as the text names it."""
    table = ctx.table
    table.mark(mention, ident)
    for word in mention:
        table.token_actor[word.i] = ident
    actor = table.actors[ident]
    start = min([token.i] + [c.i for c in token.lefts if c.dep_ in {"amod", "compound"}])
    core = Span(token.doc, start, token.i + 1)
    for alias in (core.text, token.text.lower()):
        if alias != actor.name and alias not in actor.aliases:
            actor.aliases.append(alias)
