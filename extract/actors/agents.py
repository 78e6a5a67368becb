"""Agent nouns: "foreign ministry", "armed forces", "troops" and the actor that owns them.

An agent noun owned by a state, person or organisation ("Russian foreign ministry", "Trump
administration", "Kremlin representatives") becomes an organisation PART_OF the owner, or
stands for the owner itself, or makes a sector group of the owner's country (``mode`` in
agents.tsv; groups in :mod:`.groups`); a bare "the ministry" joins the article's organisation of
that agent. The nouns are agents.tsv's first (the longest phrase ending at the noun), then the
Phoenix agent nouns and ethnic groups of :mod:`.sectors`.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from newsgraph.extract.actors.context import Resolution
from newsgraph.extract.actors.groups import (
    bare_group,
    bloc_group,
    ethnic_of,
    group_actor,
    mention_of,
    owned_groups,
    place_country,
    society,
    state_sector_group,
)
from newsgraph.extract.actors.references import resolve
from newsgraph.extract.actors.sectors import SectorNouns
from newsgraph.extract.actors.spans import clause_of, noun_phrase
from newsgraph.extract.doctokens import span_text, tokens
from newsgraph.extract.frames import Frames
from newsgraph.extract.gazetteer import Agent
from newsgraph.extract.record import ActorKind, actor_id

SPEECH = Frames.load().words("speech")  # "said", "announced": verbs that report a clause


def agent_nouns(ctx: Resolution) -> None:
    """Pass 3: every agent noun, with its owner when it has one."""
    bare: list[tuple[Token, Agent, Span]] = []
    heads = SectorNouns.load(ctx.gaz).heads  # an agent phrase ends in one: only those tokens are read
    words = tokens(ctx.doc)
    for token in (words[i] for i in sorted({*ctx.index.at(heads), *ctx.index.at_lemma(heads)})):
        if token.pos_ not in {"NOUN", "PROPN"} or token.i in ctx.table.token_actor or token.i in ctx.blocked:
            continue
        found = agent_phrase(ctx, token)  # asked before ``modifies_agent``: both only read the parse
        if found is None or modifies_agent(ctx, token):
            continue  # "military" of "military intelligence officers": part of the head's phrase
        agent, phrase = found
        if named_by_acronym(ctx, token, agent, phrase):
            continue
        owner = owner_of(ctx, token, phrase)
        if owner is None:
            bare.append((token, agent, phrase))
        else:
            owned_agent(ctx, token, agent, phrase, owner)
    for token, agent, phrase in bare:  # "the ministry", "foreign ministry spokesperson"
        bare_agent(ctx, token, agent, phrase)


def modifies_agent(ctx: Resolution, token: Token) -> bool:
    """A noun modifying an agent noun belongs to the head's phrase, not to an actor of its own."""
    head = token
    while head.dep_ in {"compound", "amod"} and head.head.i > head.i:
        head = head.head
        if head.pos_ == "NOUN" and agent_phrase(ctx, head) is not None:
            return True
    return False


def named_by_acronym(ctx: Resolution, token: Token, agent: Agent, phrase: Span) -> bool:
    """``acronym_names_organ``: "the MIVD military intelligence agency" is an organisation called
    MIVD, of the state its adjective or the headline names."""
    if agent.mode != "org":
        return False
    names = [c for c in token.children if c.i < phrase.start and c.tag_ == "NNP" and c.text.isupper()]
    if not names or not 2 <= len(names[0].text) <= 8 or ctx.gaz.lookup(names[0].text) is not None:
        return False
    name = names[0]
    country = next((iso for c in token.children if (iso := ctx.gaz.state_of_adjective(c.text))), None)
    country = country or ctx.main_state()
    kind = ActorKind.ORGANIZATION
    mention = ctx.doc[name.i : token.i + 1]
    cameo = f"{country}{agent.cameo}" if country else None
    ctx.table.add(actor_id(kind, name.text), name.text, kind, country, cameo, mention)
    if country and ctx.gaz.get(country):
        ctx.ensure(country)
        ctx.table.relate("PART_OF", actor_id(kind, name.text), country, mention)
    return True


def owned_agent(ctx: Resolution, token: Token, agent: Agent, phrase: Span, owner: str) -> None:
    """ "Russian foreign ministry", "Trump administration", "Putin's shadow fleet", "US troops"."""
    owner_actor = ctx.table.actors[owner]
    ethnic = ethnic_of(ctx, token)
    if owner_actor.kind == ActorKind.STATE and (agent.mode == "group" or (ethnic and agent.mode == "state")):
        owned_groups(ctx, agent, owner, ethnic, token, phrase)  # "Syrian rebels"
        return
    if owner_actor.kind != ActorKind.STATE and not owner_actor.country and society(agent):
        bloc_group(ctx, agent, owner, token, phrase)  # "European manufacturers"; not "Western forces"
        return
    if owner_actor.kind == ActorKind.PERSON and agent.mode == "group":  # "Nzoghe's supporters"
        base = owner_actor.name.split()[-1]
        group_actor(ctx, agent, owner_actor.country, ethnic, mention_of(token, phrase), token, base=base)
        return
    if owner_actor.kind == ActorKind.PERSON and owner_actor.country:
        if agent.name == "Government":  # ``person_government``: "Ruto's government" is Kenya's
            agent_actor(ctx, agent, ctx.ensure(owner_actor.country).id, phrase, noun_phrase(token, phrase))
            return
        if agent.cameo != "GOV":  # "Putin's shadow fleet": the state's, not the person's
            ctx.table.mark(phrase, ctx.ensure(owner_actor.country).id, alias=False)
            return
    if agent.mode == "state" or owner_actor.kind not in {ActorKind.STATE, ActorKind.PERSON}:
        ctx.table.mark(phrase, owner, alias=False)  # "US officials": the US, but "Officials" is no name of it
        if agent.mode == "state" and owner_actor.kind == ActorKind.STATE:
            state_sector_group(ctx, agent, owner, token, phrase)  # "Indian troops": also INDMIL
    else:
        agent_actor(ctx, agent, owner, phrase, with_of_owner(token, noun_phrase(token, phrase)))


def with_of_owner(token: Token, mention: Span) -> Span:
    """``of_owner_in_name``: a capitalised organ with its owner after "of" is named with it ("the
    Armed Forces of the Philippines"), so that name is the organ's alias; "the army of Sudan" is not."""
    if not token.text[:1].isupper():
        return mention
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == mention.end):
        last = max(t.i for t in prep.subtree)
        if all(t.text[:1].isupper() or t.lower_ in {"of", "the"} for t in token.doc[prep.i : last + 1]):
            return token.doc[mention.start : last + 1]
    return mention


def bare_agent(ctx: Resolution, token: Token, agent: Agent, phrase: Span) -> None:
    """An agent noun with no owner: the state of the place named in the clause ("Police arrested
    protesters in Tbilisi"), else the article's one organ of that agent named before it
    (``refers_back_only``: "demanded that the government resume talks" is not the "government of
    Norway" of a later sentence); for a new organ, the place
    of its own clause, else the state that is the clause's subject, else a place of a clause above,
    else the headline's state (``article_state``); a group noun makes its group
    (:func:`.groups.bare_group`); "people" alone is nobody (``vague_noun``), "a national army" no
    organ (``indefinite_organ``)."""
    if agent.mode == "group" or (agent.mode == "state" and ethnic_of(ctx, token)):
        bare_group(ctx, token, agent, phrase)  # "protesters", "Kurdish-led authorities"
        return
    vague = SectorNouns.load(ctx.gaz).vague(span_text(phrase))
    if vague or any(c.lower_ in {"a", "an"} for c in token.children):
        return
    place = state_of_place(ctx, token)  # a state's agents act where they are
    if place is None and agent.mode == "state":  # "soldiers fired" after "Soldiers seized power in Togo"
        earlier = {ctx.table.actors[g].country for g in ctx.groups.get((agent.name, ""), [])}
        place = earlier.pop() if len(earlier) == 1 else None
    if place and agent.mode == "state":
        ctx.table.mark(phrase, place, alias=False)
        state_sector_group(ctx, agent, place, token, phrase)
        return
    # the article's one organ of that agent ("org:rus-foreign-ministry"), not a name ending alike
    same = [
        a
        for a in ctx.table.actors.values()
        if a.kind == ActorKind.ORGANIZATION
        and a.id == organ_id(a.country, agent.name)
        and (place is None or a.country == place)
        and not (a.mentions and a.mentions[0].start > token.idx)  # ``refers_back_only``
    ]
    if len(same) == 1:
        ctx.table.mark(phrase, same[0].id)  # "Constitutional Court": a name of the court
    elif not same and agent.mode == "org":
        own = place_country(ctx, token, own=True)  # the clause's own place, then its subject, then above
        state = own or subject_state(ctx, token) or place or ctx.main_state() or group_country(ctx, token)
        if state:
            agent_actor(ctx, agent, ctx.ensure(state).id, phrase, phrase)


@lru_cache(maxsize=1 << 12)
def organ_id(country: str | None, agent: str) -> str:
    """The id of a state's organ of an agents.tsv row ("org:rus-foreign-ministry"), made once."""
    return actor_id(ActorKind.ORGANIZATION, f"{country} {agent}")


def subject_state(ctx: Resolution, token: Token) -> str | None:
    """``clause_subject_state``: "Algeria pulled its team out on government orders": the state
    the clause's subject names owns a bare organ in it; ``reported_subject_state``: an organ that
    reports a clause ("..., the Justice Department said") is the state's that is its one subject."""
    clause = clause_of(token)
    clauses = [clause]
    if token.dep_ == "nsubj" and clause.lemma_.lower() in SPEECH:
        # ``reported_subject_state``: "The US charged seven men, the Justice Department said"
        clauses += [c for c in clause.children if c.dep_ in {"ccomp", "parataxis"}]
    for verb in clauses:
        for child in verb.children:
            subject = {"nsubj", "nsubjpass"} if verb is clause else {"nsubj"}  # reported: a named actor
            named = verb is clause or child.ent_type_ == "GPE"  # never "Ukrainian citizens were detained"
            actor = ctx.table.of(child) if child.dep_ in subject and named else None
            if actor and ctx.table.actors[actor].kind == ActorKind.STATE and not child.conjuncts:
                return actor  # one state: "Vietnam and the Philippines signed ..." names none
    return None


def group_country(ctx: Resolution, token: Token) -> str | None:
    """``clause_group_country``: a bare organ in a clause with a group of one country (its subject,
    or the noun a relative clause hangs on) is that country's: "the RSF, which has been fighting the
    army" (the Sudanese army), "Kenyan protesters clashed with police"."""
    clause = clause_of(token)
    words = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if clause.dep_ == "relcl":
        words.append(clause.head)
    countries = set()
    for word in words:
        actor = ctx.table.actors.get(ctx.table.of(word) or "")
        if actor is not None and actor.kind == ActorKind.GROUP and actor.country:
            countries.add(actor.country)
    found = countries.pop() if len(countries) == 1 else None
    return found if found and ctx.gaz.get(found) is not None else None


def agent_in_name(ctx: Resolution, span: Span) -> bool:
    """An ORG entity like "the Russian Armed Forces": a state's agent, not a new organisation."""
    gaz = ctx.gaz
    for cut in range(1, len(span)):
        owner_iso = gaz.state_of_adjective(span[:cut].text)
        if not owner_iso:
            known = gaz.lookup(span[:cut].text)
            owner_iso = known.country if known is not None else None
        agent = gaz.agent(span[cut:].text.lower())
        if owner_iso and agent:
            agent_actor(ctx, agent, owner_iso, span, span)
            return True
    return False


def state_of_place(ctx: Resolution, token: Token) -> str | None:
    """The state of a capital, city or state named as a place in the clause ("in Tbilisi" -> Georgia)."""
    iso = place_country(ctx, token)
    return ctx.ensure(iso).id if iso else None


def agent_phrase(ctx: Resolution, token: Token) -> tuple[Agent, Span] | None:
    """The longest agents.tsv phrase ending at ``token`` (its left modifiers included), else the
    longest plural Phoenix agent phrase, else a plural ethnic noun ("Kurds"); asked once per token."""
    if token.i not in ctx.agent_phrases:
        ctx.agent_phrases[token.i] = _agent_phrase(ctx, token)
    return ctx.agent_phrases[token.i]


def _agent_phrase(ctx: Resolution, token: Token) -> tuple[Agent, Span] | None:
    lemma = token.lemma_.lower()
    heads = SectorNouns.load(ctx.gaz).heads
    if lemma not in heads and token.lower_ not in heads:
        return None
    left = [c for c in token.lefts if c.dep_ in {"compound", "amod"}]
    found = _longest(token, left, ctx.words.agent, {lemma, token.lower_})
    if found is not None and "{}" in found[0].name and not any(common_noun(c) for c in left):
        return None  # a generic "ministry" needs its words ("sports ministry"); "the ministry" refers back
    if found is not None and token.tag_ in {"NNS", "NNPS"}:  # a longer Phoenix phrase: "border patrol agents"
        longer = _longest(token, left, SectorNouns.load(ctx.gaz).phoenix, {token.lower_})
        if longer is not None and len(longer[1]) > len(found[1]):
            found = longer
    if found is not None and found[0].mode == "state" and token.tag_ == "NNS":
        return group_leaders(ctx, token, left) or found
    if found is not None:
        return found
    # "ministry of foreign affairs"
    of = [c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"]
    if of:
        objs = [c for c in of[0].children if c.dep_ == "pobj"]
        if objs:
            tail = token.doc[token.i : objs[0].i + 1]
            agent = ctx.gaz.agent(tail.text.lower())
            if agent is not None:
                return agent, tail
    if token.tag_ not in {"NNS", "NNPS"}:
        return None  # phoenix_plural_only: "a lawyer" is one unnamed person
    sectors = SectorNouns.load(ctx.gaz)
    found = _longest(token, left, sectors.phoenix, {token.lower_})
    if found is None and (ethnic := sectors.ethnic(token.text)) is not None:
        found = Agent(ethnic.plural.lower(), ethnic.plural, "group", ""), token.doc[token.i : token.i + 1]
    return found


def common_noun(token: Token) -> bool:
    """A noun of a generic organ's name: "sports" of "sports ministry", "handball" (which the
    tagger may call a proper noun) of "handball federation"."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.text.islower())


def group_leaders(ctx: Resolution, token: Token, left: list[Token]) -> tuple[Agent, Span] | None:
    """``group_leaders``: "refugee leaders", "rebel commanders" speak for the refugees and the rebels,
    not for a state: the group of the sector noun that modifies them."""
    sectors = SectorNouns.load(ctx.gaz)
    for word in left:
        agent = sectors.modifier(word.lower_) if word.pos_ in {"NOUN", "PROPN"} else None
        if agent is not None:
            return agent, token.doc[word.i : token.i + 1]
    return None


def _longest(token: Token, left: list[Token], lookup, heads: set[str]) -> tuple[Agent, Span] | None:  # type: ignore[no-untyped-def]
    """The longest phrase of ``left`` modifiers and one of ``heads`` that ``lookup`` knows."""
    lowered = [t.lower_ for t in left]
    for k in range(len(left), -1, -1):
        words = lowered[len(left) - k :]
        for head in heads:
            agent = lookup(" ".join([*words, head]))
            if agent is not None:
                start = left[len(left) - k].i if k else token.i
                return agent, Span(token.doc, start, token.i + 1)
    return None


def owner_of(ctx: Resolution, token: Token, phrase: Span) -> str | None:
    """The actor an agent noun belongs to: "Russian", "Russia's", "of Russia", "Trump", "Kremlin"."""
    candidates = [c for c in token.children if c.i < phrase.start or c.dep_ == "poss"]
    # "Kenyan riot police": the owner may modify a word of the phrase rather than its head
    candidates += [c for t in phrase if t.i < token.i for c in t.children if c.i < phrase.start]
    if token.dep_ == "compound":  # "Chinese foreign ministry spokesperson": "Chinese" hangs on the title
        candidates += [
            c for c in token.head.children if c.i < phrase.start and c.dep_ in {"amod", "compound", "poss"}
        ]
    for child in token.children:
        # only an "of" right after the phrase: in "officials, businesses and critics of China" the
        # parser often hangs the last conjunct's "of" on an earlier one
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == max(token.i, phrase.end - 1) + 1:
            candidates += [g for g in child.children if g.dep_ == "pobj"]
    for cand in candidates:
        found = ctx.table.of(cand)
        if found:
            return found
        if cand.dep_ == "poss" and cand.pos_ == "PRON":
            resolved = resolve(ctx.table, cand)
            if resolved:
                return resolved[0]
        iso = ctx.gaz.state_of_adjective(cand.text)
        entry = ctx.gaz.get(iso) if iso else None
        if entry is not None:
            ctx.add_state_mention(entry, ctx.doc[cand.i : cand.i + 1])
            return iso
    return None


def agent_actor(ctx: Resolution, agent: Agent, owner: str, phrase: Span, mention: Span) -> None:
    """The organisation (or group) an owned agent noun makes: "Russian Foreign Ministry" PART_OF Russia."""
    owner_actor = ctx.table.actors.get(owner) or ctx.ensure(owner)
    of_state = owner_actor.kind == ActorKind.STATE
    entry = ctx.gaz.get(owner) if of_state else None
    adjective = entry.adjectives[0] if entry and entry.adjectives else None
    if owner_actor.kind == ActorKind.PERSON:  # "Trump administration"
        base = owner_actor.name.split()[-1]
    else:
        base = adjective or owner_actor.name
    kind = ActorKind.GROUP if agent.mode == "group" else ActorKind.ORGANIZATION
    own_name = agent.name
    if "{}" in own_name:  # ``generic_ministry``: "Algerian sports ministry" is the Sports Ministry
        words = [t.text.capitalize() for t in mention if t.dep_ == "compound" and common_noun(t)]
        own_name = own_name.replace("{}", " ".join(words)).strip()
    name = f"{base} {own_name}" if kind == ActorKind.ORGANIZATION else f"{base} {agent.phrase.split('|')[0]}"
    country = owner_actor.country or (owner if of_state else None)
    cameo = f"{owner_actor.cameo_code or owner}{agent.cameo}" if of_state else None
    by_person = owner_actor.kind == ActorKind.PERSON
    new_id = actor_id(kind, f"{country or owner} {name if by_person else own_name}")
    ctx.table.add(new_id, name, kind, country, cameo, mention)
    ctx.organs.add(new_id)
    for token in phrase:
        ctx.table.token_actor[token.i] = new_id
    state = owner if of_state else country
    if kind == ActorKind.ORGANIZATION and state and ctx.gaz.get(state):
        ctx.ensure(state)
        ctx.table.relate("PART_OF", new_id, state, mention)
