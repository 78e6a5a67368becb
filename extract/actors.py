"""Actor resolution: entity spans and agent nouns of a parsed Doc to canonical actors.

One :class:`ActorTable` per document maps tokens to actor ids, so that the event
coder can ask "which actor is this word?" in one dict look-up. The rules, in order:

1. named entities (the gazetteer's entity ruler runs before the statistical NER, so
   known names carry the gazetteer id): states, demonyms and capitals resolve to the
   state, seats of power and organisations to their entry, people to one actor per
   person (a later "Macron" joins "Emmanuel Macron");
2. agent nouns ("foreign ministry", "armed forces", "troops") owned by a state,
   person or organisation ("Russian foreign ministry", "Trump administration",
   "Kremlin representatives") become an organisation PART_OF the owner, or stand
   for the owner itself (``mode`` in agents.tsv); a bare "the ministry" joins the
   article's organisation of that agent;
3. titles before or beside a name ("French president Emmanuel Macron",
   "foreign ministry spokesperson Maria Zakharova") give HOLDS_ROLE and the person's country.

Pronouns and definite descriptions are resolved later, on demand, by :meth:`ActorTable.resolve`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.frames import Frames
from newsgraph.extract.gazetteer import Entry, Gazetteer
from newsgraph.extract.record import Actor, Evidence, Mention, Relation, actor_id

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Word lists of frames.tsv the resolver reads: "the country" refers back to a state ("definite"),
# "the bloc" to an international body ("international"), "the Zamzam camp" is a place ("place_noun").
_FRAMES = Frames.load()
DEFINITE_KINDS: dict[str, str | None] = _FRAMES["definite"]
INTERNATIONAL_NOUNS = set(_FRAMES["international"])
PLACE_NOUNS = set(_FRAMES["place_noun"])
ANAPHORIC = {"such", "these", "those", "this", "that", "the"}
PRONOUNS_SINGULAR = {"it", "its", "itself"}
PRONOUNS_PLURAL = {"they", "their", "them", "themselves"}
PRONOUNS_PERSON = {"he", "his", "him", "she", "her", "hers"}


@dataclass
class ActorTable:
    """The actors of one document and the tokens that refer to them."""

    actors: dict[str, Actor] = field(default_factory=dict)
    token_actor: dict[int, str] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    places: dict[int, dict] = field(default_factory=dict)  # token index -> {"id", "name", "country"}
    order: list[tuple[int, str]] = field(default_factory=list)  # (token index, actor id), text order

    def add(
        self, entry_id: str, name: str, kind: str, country: str | None, cameo: str | None, span: Span | None
    ) -> Actor:
        actor = self.actors.get(entry_id)
        if actor is None:
            actor = Actor(id=entry_id, name=name, kind=kind, country=country, cameo_code=cameo)
            self.actors[entry_id] = actor
        elif actor.country is None and country:
            actor.country = country
        if span is not None:
            self.mark(span, entry_id)
        return actor

    def mark(self, span: Span, entry_id: str) -> None:
        """Record a mention: its tokens now stand for the actor; its text becomes an alias."""
        actor = self.actors[entry_id]
        if all(t.i in self.token_actor for t in span):
            return
        for token in span:
            self.token_actor.setdefault(token.i, entry_id)
        text = span.text
        actor.mentions.append(Mention(start=span.start_char, end=span.end_char, text=text))
        if text != actor.name and text not in actor.aliases and not text.islower():
            actor.aliases.append(text)
        elif text.islower() and len(span) > 1 and text not in actor.aliases:
            actor.aliases.append(text)  # "western forces", "foreign ministry": still names
        self.order.append((span.start, entry_id))

    def relate(self, kind: str, source: str, target: str, span: Span, **properties: str) -> None:
        if source == target or any(
            r.type == kind and r.source == source and r.target == target for r in self.relations
        ):
            return
        sent = span.sent
        self.relations.append(
            Relation(
                type=kind,
                source=source,
                target=target,
                properties=dict(properties),
                evidence=Evidence(
                    sentence_index=_sentence_index(sent),
                    # the span of the stripped text: a sentence may begin with a whitespace token
                    start=sent.start_char + len(sent.text) - len(sent.text.lstrip()),
                    end=sent.end_char - len(sent.text) + len(sent.text.rstrip()),
                    text=sent.text.strip(),
                ),
            )
        )

    def of(self, token: Token) -> str | None:
        return self.token_actor.get(token.i)

    def resolve(self, token: Token, exclude: set[str] | None = None) -> list[str]:
        """The actor(s) a pronoun or definite description refers to: the most salient compatible one."""
        word = token.lower_
        exclude = exclude or set()
        if word in PRONOUNS_PLURAL:
            group = self._last_coordination(token, exclude)
            if group:
                return group
            return self._last(token, {"state", "group", "organization"}, exclude)
        if word in PRONOUNS_SINGULAR:
            if token.dep_ == "poss":  # "its" goes to the nearest singular noun: "Russia for its war"
                kind, near = _nearest_singular(token, self)
                if kind == "thing":
                    return []  # "the vessel ... and its seizure": "its" is the vessel, not an actor
                if near is not None and near not in exclude and _main_subject_after(token) is None:
                    return [near]
            return self._last(token, {"state", "organization", "group"}, exclude)
        if word in PRONOUNS_PERSON:
            return self._last(token, {"person"}, exclude)
        definite = any(c.lower_ in {"the", "this", "that"} for c in token.children)
        if definite and token.pos_ == "NOUN" and token.lemma_.lower() not in {"state", "country", "nation"}:
            # "the ministry" -> the Russian Foreign Ministry; "the army" -> "the Sudanese army"
            named = [
                a
                for i, a in self.order
                if i < token.i
                and a not in exclude
                and token.lemma_.lower()
                in {n.lower().split()[-1] for n in (self.actors[a].name, *self.actors[a].aliases) if n}
            ]
            if named:
                return [named[-1]]
        if token.pos_ == "NOUN" and any(c.lower_ in ANAPHORIC for c in token.children):
            earlier = self._earlier_owner(token, exclude)  # "such units" after "Western military units"
            if earlier:
                return earlier
        kind = DEFINITE_KINDS.get(token.lemma_.lower())
        if kind and definite and token.lemma_.lower() in INTERNATIONAL_NOUNS:
            # "the bloc", "the alliance": an international body, not a ministry mentioned since
            national = {a.id for a in self.actors.values() if a.country}
            found = self._last(token, {"organization", "group"}, exclude | national)
            if found:
                return found
        if kind and definite:
            return self._last(token, {kind}, exclude)
        return []

    def _earlier_owner(self, token: Token, exclude: set[str]) -> list[str]:
        """The owner of the last earlier mention of the same noun ("Western military units" for
        "all such units"), within the two sentences before."""
        doc = token.doc
        start = doc[max(token.sent.start - 1, 0)].sent.start
        for prev in reversed(doc[start : token.i]):
            if prev.lemma_ != token.lemma_ or prev.pos_ != "NOUN":
                continue
            for child in prev.children:
                found = self.of(child) if child.dep_ in {"amod", "compound", "poss", "nmod"} else None
                if found and found not in exclude:
                    return [found]
        return []

    def _last(self, token: Token, kinds: set[str], exclude: set[str]) -> list[str]:
        """The most salient earlier actor of ``kinds``: cataphora into the main clause first, then,
        sentence by sentence backwards, the main-clause subject, any subject, any mention."""
        main_subject = _main_subject_after(token)
        if main_subject is not None:
            found = self.of(main_subject)
            if found and self.actors[found].kind in kinds and found not in exclude:
                return [found]
        doc = token.doc

        def fits(i: int, actor: str) -> bool:
            return i < token.i and actor not in exclude and self.actors[actor].kind in kinds

        by_sentence: dict[int, list[tuple[int, str]]] = {}
        for i, actor in self.order:
            if fits(i, actor):
                by_sentence.setdefault(doc[i].sent.start, []).append((i, actor))
        for start in sorted(by_sentence, reverse=True)[:3]:
            mentions = by_sentence[start]
            for rank in (_is_main_subject, _is_subject, lambda t: True):
                chosen = [a for i, a in mentions if rank(doc[i])]
                if chosen:
                    return [chosen[-1] if rank is not _is_main_subject else chosen[0]]
        return []

    def _last_coordination(self, token: Token, exclude: set[str]) -> list[str]:
        """'they' after 'The UK and France signed ...': the last coordinated subject."""
        doc = token.doc
        for i, actor in reversed(self.order):
            if i >= token.i or actor in exclude:
                continue
            head = doc[i]
            conj = [self.of(c) for c in head.conjuncts if self.of(c)]
            if conj and head.dep_ in {"nsubj", "nsubjpass"}:
                return list(dict.fromkeys([actor, *conj]))
        return []


def _nearest_singular(token: Token, table: ActorTable) -> tuple[str, str | None]:
    """The nearest singular noun before a possessive "its" in its sentence: ("actor", id), ("thing", None)
    or ("none", None) when there is none."""
    for prev in reversed(token.doc[token.sent.start : token.i]):
        if prev.tag_ in {"NN", "NNP"} and prev.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}:
            actor = table.of(prev)
            if actor is not None and table.actors[actor].kind != "person":
                return "actor", actor
            return ("thing", None) if prev.ent_type_ == "" and actor is None else ("none", None)
    return "none", None


def _is_subject(token: Token) -> bool:
    node = token
    while node.dep_ in {"compound", "amod", "poss", "conj"} and node.head is not node:
        node = node.head
    return node.dep_ in {"nsubj", "nsubjpass"}


def _is_main_subject(token: Token) -> bool:
    node = token
    while node.dep_ in {"compound", "amod", "poss", "conj"} and node.head is not node:
        node = node.head
    return node.dep_ in {"nsubj", "nsubjpass"} and node.head.dep_ == "ROOT"


def _sentence_index(sent: Span) -> int:
    return sent.doc.user_data.get("newsgraph.sent_starts", {}).get(sent.start, 0)


def _main_subject_after(token: Token) -> Token | None:
    """A pronoun in a fronted clause refers forward to the main subject ("Despite its ..., Russia ...")."""
    root = token.sent.root
    if token.i > root.i:
        return None
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i > token.i]
    if not subjects:
        return None
    # only when the pronoun sits in a clause before the subject, not in the subject itself
    if any(token in s.subtree for s in subjects):
        return None
    return subjects[0]


def clean_span(span: Span) -> Span | None:
    """Drop leading determiners and trailing possessives/punctuation: "the Coalition of the Willing’s"."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].pos_ in {"DET", "PUNCT"} or doc[start].lower_ in {"the", "“", '"'}):
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].pos_ in {"PUNCT", "ADP", "DET", "CCONJ"}  # "The Armed Forces of"
        or doc[end - 1].lower_ in {"’s", "'s", "’", "'"}
    ):
        end -= 1
    return doc[start:end] if end > start else None


class ActorResolver:
    """Builds the :class:`ActorTable` of a Doc from its entities, agent nouns and titles."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gaz = gazetteer or Gazetteer.load()
        # words of titles and agent nouns ("Defense" in "US Defense Secretary"): never a name alone
        self._office_words = {
            word
            for phrase in [*(t.title for t in self.gaz.titles()), *(a.phrase for a in self.gaz.agents())]
            for word in phrase.split()
        } | set(_FRAMES["office_word"])
        self._not_actors = set(_FRAMES["not_actor"])

    def __call__(self, doc: Doc) -> ActorTable:
        table = ActorTable()
        # one sense per discourse: a name used once as a place ("near Goma") is a place throughout
        self._place_names = {
            clean.text
            for ent in doc.ents
            if ent.label_ in {"PERSON", "ORG"}
            and (clean := clean_span(ent)) is not None
            and _is_location(clean, wide=True)
        }
        for ent in doc.ents:
            if ent.label_ in NAME_LABELS:
                self._entity(table, ent)
        self._adjectives(doc, table)
        self._agents(doc, table)
        self._titles(doc, table)
        self._known_roles(doc, table)
        table.order.sort()
        return table

    # --- 1. named entities ---------------------------------------------------

    def _entity(self, table: ActorTable, ent: Span) -> None:
        span = clean_span(ent)
        if span is None:
            return
        entry = self.gaz.get(ent.ent_id_) if ent.ent_id_ else None
        entry = entry or self.gaz.lookup(span.text)
        if entry is None and ent.label_ == "NORP":
            iso3 = self.gaz.state_of_adjective(span.text)
            entry = self.gaz.get(iso3) if iso3 else None
        if entry is None and ent.label_ == "GPE":
            iso3 = self.gaz.state_of_capital(span.text)
            entry = self.gaz.get(iso3) if iso3 else None
        if entry is not None:
            if (
                ent.label_ in PLACE_LABELS
                and entry.kind == "state"
                and _is_location(span)
                and entry.name != span.text
                and span.text not in entry.aliases
            ):
                self._place(table, span, entry.country)  # "a meeting in Paris": a place, not France acting
                return
            self._add_entry(table, entry, span)
            return
        if span.text.lower() in self._not_actors:
            return  # "Patriot", "HIMARS": weapons, not actors
        if _title_case_line(ent) or (
            len(span) == 1 and (span[0].pos_ == "ADJ" or span[0].lower_ in self._office_words)
        ):
            return  # Title Case headlines fool the NER ("Imposes Sanctions"); unknown names there are noise
        if ent.label_ in {"PERSON", "ORG"} and (
            span.text in self._place_names or _is_location(span, wide=True)
        ):
            self._place(table, span, None)  # "refugees crossed at Adre": a place the NER took for a name
        elif ent.label_ == "PERSON" or self._titled_name(span):
            self._person(table, span)
        elif ent.label_ == "ORG":
            if self.gaz.agent(span.text.lower()) is not None:
                return  # "the Armed Forces (of the Philippines)": the agent-noun pass finds the owner
            if not self._agent_in_name(table, span):
                self._organization(table, span)
        elif ent.label_ in PLACE_LABELS:
            self._place(table, span, None)

    def _organization(self, table: ActorTable, span: Span) -> None:
        """An organisation the gazetteer does not know; "China's Ministry of State Security" is China's."""
        owner = None
        for child in (c for t in span for c in t.children):
            if child.i < span.start and child.dep_ in {"poss", "amod", "compound"}:
                owner = table.of(child) or self.gaz.state_of_adjective(child.text)
                if owner and (self.gaz.get(owner) or _NO).kind == "state":
                    break
                owner = None
        org = table.add(actor_id("organization", span.text), span.text, "organization", owner, None, span)
        if owner:
            self._ensure(table, owner)
            org.country = org.country or owner
            table.relate("PART_OF", org.id, owner, span)

    def _titled_name(self, span: Span) -> bool:
        """A name right after a title is a person's, whatever the NER says ("spokesperson Rahmat Hidayat")."""
        before = span.doc[span.start - 1] if span.start > 0 else None
        return (
            before is not None
            and before.pos_ in {"NOUN", "PROPN"}
            and self.gaz.title(before.lower_) is not None
            and 2 <= len(span) <= 4
            and all(t.text[:1].isupper() for t in span)
        )

    def _add_entry(self, table: ActorTable, entry: Entry, span: Span | None) -> Actor:
        actor = table.add(entry.id, entry.name, entry.kind, entry.country, entry.cameo_code, span)
        for alias in entry.aliases:  # known names make the actor findable by any of them
            if alias not in actor.aliases and alias != actor.name:
                actor.aliases.append(alias)
        if entry.part_of and entry.part_of != entry.id and entry.kind != "person":
            parent = self.gaz.get(entry.part_of)
            if parent is not None:
                table.add(parent.id, parent.name, parent.kind, parent.country, parent.cameo_code, None)
                if span is not None:
                    table.relate("PART_OF", entry.id, parent.id, span)
        return actor

    def _person(self, table: ActorTable, span: Span) -> None:
        known = self.gaz.lookup(span.text)
        if known is not None and known.kind == "person":
            self._add_entry(table, known, span)
            return
        last = span[-1].text
        for actor in table.actors.values():  # "Macron" after "Emmanuel Macron"
            if actor.kind == "person" and (actor.name == span.text or actor.name.split()[-1] == last):
                table.mark(span, actor.id)
                return
        table.add(actor_id("person", span.text), span.text, "person", None, None, span)

    def _place(self, table: ActorTable, span: Span, country: str | None) -> None:
        place = {
            "id": "place:" + actor_id("group", span.text).split(":", 1)[1],
            "name": span.text,
            "country": country,
        }
        for token in span:
            table.places[token.i] = place

    def _adjectives(self, doc: Doc, table: ActorTable) -> None:
        """Capitalised modifiers the NER left alone: "Western military units", "Russian oil tanker"."""
        for token in doc:
            if (
                token.i in table.token_actor
                or not token.text[:1].isupper()
                or token.dep_ not in {"amod", "compound", "nmod"}
                or token.is_sent_start
            ):
                continue
            iso = self.gaz.state_of_adjective(token.text)
            entry = self.gaz.get(iso) if iso else self.gaz.lookup(token.text)
            if entry is not None and entry.kind in {"state", "group"}:
                self._add_entry(table, entry, doc[token.i : token.i + 1])

    # --- 2. agent nouns ------------------------------------------------------

    def _agent_in_name(self, table: ActorTable, span: Span) -> bool:
        """An ORG entity like "the Russian Armed Forces": a state's agent, not a new organisation."""
        for cut in range(1, len(span)):
            owner_iso = self.gaz.state_of_adjective(span[:cut].text) or (
                (self.gaz.lookup(span[:cut].text) or _NO).country
            )
            agent = self.gaz.agent(span[cut:].text.lower())
            if owner_iso and agent:
                self._agent_actor(table, agent, owner_iso, span, span)
                return True
        return False

    def _agents(self, doc: Doc, table: ActorTable) -> None:
        bare: list[tuple[Token, object, Span]] = []
        for token in doc:
            if token.pos_ not in {"NOUN", "PROPN"} or token.i in table.token_actor:
                continue
            found = self._agent_phrase(token)
            if found is None:
                continue
            agent, phrase = found
            owner = self._owner(token, table, phrase)
            if owner is None:
                bare.append((token, agent, phrase))
                continue
            owner_actor = table.actors[owner]
            if owner_actor.kind == "person" and owner_actor.country:
                if agent.cameo != "GOV":  # "Putin's shadow fleet": the state's, not the person's
                    table.mark(phrase, self._ensure(table, owner_actor.country).id)
                    continue
            if agent.mode == "state" or owner_actor.kind not in {"state", "person"}:
                table.mark(phrase, owner)
            else:
                self._agent_actor(table, agent, owner, phrase, _np_span(token, phrase))
        for token, agent, phrase in bare:  # "the ministry", "foreign ministry spokesperson"
            same = [
                a
                for a in table.actors.values()
                if a.kind == "organization" and a.name.lower().endswith(agent.name.lower())
            ]
            if len(same) == 1:
                table.mark(phrase, same[0].id)
            elif not same and agent.mode in {"state", "org"}:
                # "Police arrested protesters in Tbilisi": a state's agents act where they are
                state = self._state_of_place(token, table)
                if state and agent.mode == "state":
                    table.mark(phrase, state)
                elif state:
                    self._agent_actor(table, agent, state, phrase, phrase)

    def _state_of_place(self, token: Token, table: ActorTable) -> str | None:
        """The state of a capital or city named in the clause ("in Tbilisi" -> Georgia)."""
        for other in token.sent:
            place = table.places.get(other.i)
            iso = place and place.get("country")
            if iso and self.gaz.get(iso):
                return self._ensure(table, iso).id
        return None

    def _agent_phrase(self, token: Token):
        """The longest agents.tsv phrase ending at ``token`` (its left modifiers included)."""
        left = [c for c in token.lefts if c.dep_ in {"compound", "amod"}]
        lemma = token.lemma_.lower()
        for k in range(len(left), -1, -1):
            words = [t.lower_ for t in left[len(left) - k :]]
            for head in {lemma, token.lower_}:
                agent = self.gaz.agent(" ".join([*words, head]))
                if agent is not None:
                    start = left[len(left) - k].i if k else token.i
                    return agent, token.doc[start : token.i + 1]
        # "ministry of foreign affairs"
        of = [c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"]
        if of:
            objs = [c for c in of[0].children if c.dep_ == "pobj"]
            if objs:
                tail = token.doc[token.i : objs[0].i + 1]
                agent = self.gaz.agent(tail.text.lower())
                if agent is not None:
                    return agent, tail
        return None

    def _owner(self, token: Token, table: ActorTable, phrase: Span) -> str | None:
        """The actor an agent noun belongs to: "Russian", "Russia's", "of Russia", "Trump", "Kremlin"."""
        doc = token.doc
        candidates = [c for c in token.children if c.i < phrase.start or c.dep_ == "poss"]
        if token.dep_ == "compound":  # "Chinese foreign ministry spokesperson": "Chinese" hangs on the title
            candidates += [
                c
                for c in token.head.children
                if c.i < phrase.start and c.dep_ in {"amod", "compound", "poss"}
            ]
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                candidates += [g for g in child.children if g.dep_ == "pobj"]
        for cand in candidates:
            found = table.of(cand)
            if found:
                return found
            if cand.dep_ == "poss" and cand.pos_ == "PRON":
                resolved = table.resolve(cand)
                if resolved:
                    return resolved[0]
            iso = self.gaz.state_of_adjective(cand.text)
            if iso and self.gaz.get(iso):
                entry = self.gaz.get(iso)
                table.add(
                    entry.id,
                    entry.name,
                    entry.kind,
                    entry.country,
                    entry.cameo_code,
                    doc[cand.i : cand.i + 1],
                )
                return iso
        return None

    def _agent_actor(self, table: ActorTable, agent, owner: str, phrase: Span, mention: Span) -> None:
        owner_actor = table.actors.get(owner) or self._ensure(table, owner)
        entry = self.gaz.get(owner) if owner_actor.kind == "state" else None
        adjective = entry.adjectives[0] if entry and entry.adjectives else None
        if owner_actor.kind == "person":  # "Trump administration"
            base = owner_actor.name.split()[-1]
        else:
            base = adjective or owner_actor.name
        kind = "group" if agent.mode == "group" else "organization"
        name = f"{base} {agent.name}" if kind == "organization" else f"{base} {agent.phrase.split('|')[0]}"
        country = owner_actor.country or (owner if owner_actor.kind == "state" else None)
        cameo = f"{owner_actor.cameo_code or owner}{agent.cameo}" if owner_actor.kind == "state" else None
        new_id = actor_id(kind, f"{country or owner} {name if owner_actor.kind == 'person' else agent.name}")
        table.add(new_id, name, kind, country, cameo, mention)
        for token in phrase:
            table.token_actor[token.i] = new_id
        state = owner if owner_actor.kind == "state" else country
        if kind == "organization" and state and self.gaz.get(state):
            self._ensure(table, state)
            table.relate("PART_OF", new_id, state, mention)

    def _ensure(self, table: ActorTable, actor: str) -> Actor:
        if actor in table.actors:
            return table.actors[actor]
        entry = self.gaz.get(actor)
        assert entry is not None, actor
        return self._add_entry(table, entry, None)

    # --- 3. titles -----------------------------------------------------------

    def _titles(self, doc: Doc, table: ActorTable) -> None:
        for actor in list(table.actors.values()):
            if actor.kind != "person":
                continue
            for mention in actor.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None:
                    self._title_of(table, actor, span)

    def _title_of(self, table: ActorTable, person: Actor, name: Span) -> None:
        head = name.root
        # "French president Emmanuel Macron": the modifiers left of the name
        left = [t for t in head.subtree if t.i < name.start and t.dep_ not in {"det", "punct", "case"}]
        left = [t for t in left if t.head.i >= t.i]
        appos = [c for c in head.children if c.dep_ == "appos"]
        phrases: list[list[Token]] = []
        if left:
            phrases.append(left)
        for a in appos:  # "Sergei Lavrov, Russia's foreign minister,"
            phrases.append([t for t in a.subtree if t.dep_ not in {"det", "punct", "case"} and t.i <= a.i])
        for words in phrases:
            lowered = [t.lower_ for t in words]
            for cut in range(len(words)):
                title = self.gaz.title(" ".join(lowered[cut:]))
                if title is None:
                    continue
                affiliation = self._affiliation(table, words[:cut], title, words, person)
                if affiliation is None:
                    continue
                target = table.actors[affiliation]
                if person.country is None:
                    person.country = target.country
                table.relate("HOLDS_ROLE", person.id, affiliation, name, title=title.title)
                return

    def _affiliation(
        self, table: ActorTable, words: list[Token], title, all_words: list[Token], person: Actor
    ) -> str | None:
        """What a title attaches to: a named actor before it ("foreign ministry", "NATO"), else a
        state named by a demonym or possessive anywhere in the phrase ("German Foreign Minister",
        "Russia's foreign minister"), else the article's one organisation of the title's agent."""
        for token in [*reversed(words), *reversed(all_words)]:  # nearest the title first
            found = table.of(token)
            if found is None and token.text[:1].isupper():
                iso = self.gaz.state_of_adjective(token.text)
                found = self._ensure(table, iso).id if iso else None
            if found and found != person.id:
                return found
        if title.attaches == "agent" and title.agent:
            agent = self.gaz.agent(title.agent)
            same = [
                a
                for a in table.actors.values()
                if a.kind == "organization"
                and agent
                and a.name.lower().endswith(agent.name.lower())
                and (person.country is None or a.country == person.country)
            ]
            if len(same) == 1:
                return same[0].id
        return None

    def _known_roles(self, doc: Doc, table: ActorTable) -> None:
        """People the gazetteer knows ("Vladimir Putin": president of Russia) hold their role."""
        for actor in list(table.actors.values()):
            entry = self.gaz.get(actor.id) if actor.kind == "person" else None
            if entry is None or not entry.title or not actor.mentions:
                continue
            if any(r.type == "HOLDS_ROLE" and r.source == actor.id for r in table.relations):
                continue
            target = entry.country  # the state they serve ("Vladimir Putin": president of Russia)
            if target and self.gaz.get(target):
                self._ensure(table, target)
                first = actor.mentions[0]
                span = doc.char_span(first.start, first.end, alignment_mode="expand")
                if span is not None:
                    table.relate("HOLDS_ROLE", actor.id, target, span, title=entry.title)


class _NoEntry:
    country = None
    kind = None


_NO = _NoEntry()


def _np_span(token: Token, phrase: Span) -> Span:
    """The noun phrase of an agent noun without determiners: "Russian foreign ministry"."""
    start = min([phrase.start] + [c.i for c in token.lefts if c.dep_ in {"amod", "compound", "poss"}])
    span = token.doc[start : token.i + 1]
    return clean_span(span) or span


LOCATIVE = {"in", "at", "near", "from", "outside", "across", "inside"}


def _is_location(span: Span, wide: bool = False) -> bool:
    """A place name used as a location ("in Paris", "near Goma") rather than as an actor."""
    head = span.root
    preps = LOCATIVE | {"into", "towards", "toward", "around", "through"} if wide else LOCATIVE
    if wide:
        while head.dep_ == "conj" and head.head is not head:  # "near Goma and Bukavu"
            head = head.head
        if head.dep_ == "compound" and head.head.lemma_.lower() in PLACE_NOUNS:  # "the Zamzam camp"
            return True
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in PLACE_NOUNS:
            return True  # "the town of Rafah"
    return head.dep_ == "pobj" and head.head.lower_ in preps


def _title_case_line(span: Span) -> bool:
    """Is the span in a headline-style sentence, most of whose words are capitalised?"""
    sent = span.sent
    cache = span.doc.user_data.setdefault("newsgraph.title_case", {})
    if sent.start not in cache:  # once per sentence, not once per entity
        words = [w for w in sent.text.split() if w.isalpha() and len(w) > 3]
        cache[sent.start] = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
    return cache[sent.start]
