"""The mention table of one document: which tokens stand for which actor, and the relations found."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.doctokens import sentences, span_text
from newsgraph.extract.record import Actor, ActorKind, Event, Evidence, Mention, Relation

Place = dict  # {"id": "place:...", "name": ..., "country": ISO3 or None}: the record's place shape


def sentence_starts(doc: Doc) -> dict[int, int]:
    """Sentence number by the token index where the sentence starts (evidence carries the number)."""
    return {sent.start: number for number, sent in enumerate(doc.sents)}


def sentence_evidence(sent: Span, number: int) -> Evidence:
    """The evidence of a fact: its sentence, stripped (a sentence may begin with a whitespace token)."""
    text = span_text(sent)
    return Evidence(
        sentence_index=number,
        start=sent.start_char + len(text) - len(text.lstrip()),
        end=sent.end_char - len(text) + len(text.rstrip()),
        text=text.strip(),
    )


@dataclass
class ActorTable:
    """The actors of one document and the tokens that refer to them."""

    actors: dict[str, Actor] = field(default_factory=dict)
    token_actor: dict[int, str] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    places: dict[int, Place] = field(default_factory=dict)  # token index -> place
    order: list[tuple[int, str]] = field(default_factory=list)  # (token index, actor id), text order
    sentences: dict[int, int] = field(default_factory=dict)  # sentence start token -> sentence number
    sector_groups: set[str] = field(default_factory=set)  # unnamed groups: actors only when they take part
    _evidence: dict[int, Evidence] = field(default_factory=dict, repr=False)  # sentence start -> its evidence
    _last_words: dict[str, tuple[Actor, int, set[str]]] = field(default_factory=dict, repr=False)

    @classmethod
    def for_doc(cls, doc: Doc) -> ActorTable:
        return cls(sentences=sentence_starts(doc))

    def add(
        self, entry_id: str, name: str, kind: str, country: str | None, cameo: str | None, span: Span | None
    ) -> Actor:
        actor = self.actors.get(entry_id)
        if actor is None:
            # the record keeps the plain string: its JSON is the contract
            actor = Actor(
                id=entry_id, name=name, kind=ActorKind(kind).value, country=country, cameo_code=cameo
            )
            self.actors[entry_id] = actor
        elif actor.country is None and country:
            actor.country = country
        if span is not None:
            self.mark(span, entry_id)
        return actor

    def mark(self, span: Span, entry_id: str, alias: bool = True) -> None:
        """Record a mention: its tokens now stand for the actor; its text becomes an alias unless
        ``alias`` is False (``aliases_from_names``: "Jets" of a headline's "US Jets Strike" is no
        name of the United States, though it stands for it)."""
        actor = self.actors[entry_id]
        where = range(span.start, span.end)  # indices, not Tokens: spaCy makes a Token per word read
        if all(i in self.token_actor for i in where):
            return
        for i in where:
            self.token_actor.setdefault(i, entry_id)
        text = span_text(span)
        actor.mentions.append(Mention(start=span.start_char, end=span.end_char, text=text))
        self.order.append((span.start, entry_id))
        if not alias:
            return
        if text != actor.name and text not in actor.aliases and not text.islower():
            actor.aliases.append(text)
        elif text.islower() and len(span) > 1 and text not in actor.aliases:
            actor.aliases.append(text)  # "western forces", "foreign ministry": still names

    def relate(self, kind: str, source: str, target: str, span: Span, **properties: str) -> None:
        if source == target or any(
            r.type == kind and r.source == source and r.target == target for r in self.relations
        ):
            return
        sent = sentences(span.doc)[span.start]
        if sent.start not in self._evidence:  # relations share sentences: read each one's text once
            self._evidence[sent.start] = sentence_evidence(sent, self.sentences.get(sent.start, 0))
        found = self._evidence[sent.start]  # copied: the pipeline shifts each record's evidence
        evidence = Evidence(found.sentence_index, found.start, found.end, found.text)
        self.relations.append(
            Relation(type=kind, source=source, target=target, properties=dict(properties), evidence=evidence)
        )

    def last_words(self, actor: str) -> set[str]:
        """The last words of an actor's name and aliases, lower case ("ministry" of "Russian Foreign
        Ministry"), made again only when the actor has gained an alias (names never change)."""
        found = self.actors[actor]
        known = self._last_words.get(actor)
        if known is None or known[0] is not found or known[1] != len(found.aliases):
            words = {name.lower().split()[-1] for name in (found.name, *found.aliases) if name}
            known = self._last_words[actor] = (found, len(found.aliases), words)
        return known[2]

    def of(self, token: Token) -> str | None:
        return self.token_actor.get(token.i)

    def taking_part(self, events: list[Event]) -> list[Actor]:
        """The record's actors: all but the unnamed groups with no country that are no event's
        source, target or claimant and in no relation (``group_takes_part``: "told reporters",
        "the details of 40 million voters" make no actor, as an analyst codes "protesters" only
        as someone's source or target)."""
        named = {r.source for r in self.relations} | {r.target for r in self.relations}
        for event in events:
            named.update(event.source, event.target, event.attributed_to)
        groups = self.sector_groups
        return [a for a in self.actors.values() if a.country or a.id not in groups or a.id in named]
