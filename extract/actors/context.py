"""What the actor resolver knows while it reads one Doc: one dataclass every pass receives."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice

from spacy.tokens import Doc, Span

from newsgraph.extract.actors.sectors import SectorNouns
from newsgraph.extract.actors.spans import title_case_line
from newsgraph.extract.actors.table import ActorTable
from newsgraph.extract.actors.wordindex import WordIndex
from newsgraph.extract.gazetteer import Agent, Entry, Gazetteer
from newsgraph.extract.record import Actor, ActorKind

MEMO = 1 << 16  # the most answers a resolver keeps per question (title, agent) before it starts again


@dataclass(frozen=True)
class ResolverWords:
    """Word lists the passes read, made once per resolver (from the gazetteer and frames.tsv)."""

    office_words: frozenset[str]  # "Defense" in "US Defense Secretary": never a name alone
    not_actors: frozenset[str]  # "Patriot", "HIMARS": weapons the NER calls organisations
    gaz: Gazetteer
    _titles: dict[str, bool] = field(default_factory=dict, compare=False)  # word -> title(), as asked
    _agents: dict[str, Agent | None] = field(default_factory=dict, compare=False)  # phrase -> agent()

    def title(self, word: str) -> bool:
        """Is one word a title the gazetteer knows ("spokesperson")? Its answer kept per word."""
        found = self._titles.get(word)
        if found is None:
            if len(self._titles) > MEMO:  # a long run meets many words: keep the memory bounded
                self._titles.clear()
            found = self._titles[word] = self.gaz.title(word) is not None
        return found

    def titles(self, words: Iterable[str]) -> list[str]:
        """The words that are titles (``title``), asked of all the words of a Doc at once."""
        known = self._titles
        return [w for w in words if known.get(w) or (w not in known and self.title(w))]

    def agent(self, phrase: str) -> Agent | None:
        """The gazetteer's agent row of a lower-case phrase ("foreign ministry"), its answer kept."""
        if phrase not in self._agents:
            if len(self._agents) > MEMO:
                self._agents.clear()
            self._agents[phrase] = self.gaz.agent(phrase)
        return self._agents[phrase]


@dataclass
class Resolution:
    """The per-Doc state of actor resolution: the Doc, the gazetteer, and the table being filled."""

    doc: Doc
    gaz: Gazetteer
    words: ResolverWords
    table: ActorTable
    place_names: set[str] = field(default_factory=set)  # names used once as places (one sense per text)
    title_case: dict[int, bool] = field(default_factory=dict)  # sentence start -> a headline-style line
    groups: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (agent row, ethnic) -> group ids
    blocked: set[int] = field(default_factory=set)  # tokens of vessel and operation names: no actor, no place
    _main_state: str | None = None  # main_state(), once per Doc ("" when there is none)
    _headline: list[int] | None = None  # main_state()'s tokens: those of the first three lines, if headlines
    entities_read: bool = False  # set by the entity pass: main_state() is final from then on
    agent_phrases: dict = field(default_factory=dict)  # token index -> agents.agent_phrase's answer
    organs: set[str] = field(default_factory=set)  # organisations made of a state's agent noun (its army)
    index: WordIndex = field(init=False)  # where each word stands: passes skip Docs without their words
    ents: list[Span] = field(init=False)  # doc.ents, read once: Doc.ents builds its spans at every call
    _ethnic: list[int] | None = None  # ethnic_words(), once per Doc

    def __post_init__(self) -> None:
        self.index = WordIndex(self.doc)
        self.ents = list(self.doc.ents)

    def ethnic_words(self) -> list[int]:
        """The indices of the Doc's ethnic and religious words ("Kurdish", "Rohingya"), in text order."""
        if self._ethnic is None:
            sectors = SectorNouns.load(self.gaz)
            self._ethnic = self.index.at([w for w in self.index.lower if sectors.ethnic(w) is not None])
        return self._ethnic

    def main_state(self) -> str | None:
        """``article_state``: the one state the headline names (a headline-style line among the first
        three), so a bare "interior ministry" or "Defence Minister X" of a Kenyan story is Kenya's;
        none when the headline names two ("UK Blames China ...") or the text has no headline."""
        if self._main_state is None:
            if self._headline is None:  # the token indices of the headline-style lines, found once
                lines = [s for s in islice(self.doc.sents, 3) if title_case_line(s, self.title_case)]
                self._headline = [i for line in lines for i in range(line.start, line.end)]
            states = {
                actor
                for i in self._headline
                if (actor := self.table.token_actor.get(i))
                and self.gaz.get(actor)
                and self.gaz.get(actor).kind == ActorKind.STATE
            }
            states |= {
                place["country"]
                for i in self._headline
                if (place := self.table.places.get(i)) and place.get("country")
            }
            found = next(iter(states)) if len(states) == 1 else ""
            if not self.entities_read:
                return found or None  # the entity pass is still reading the headline: ask again later
            self._main_state = found
        return self._main_state or None

    def add_entry(self, entry: Entry, span: Span | None) -> Actor:
        """Add a gazetteer entry (with its aliases and the actor it is part of) to the table."""
        table = self.table
        actor = table.add(entry.id, entry.name, entry.kind, entry.country, entry.cameo_code, span)
        for alias in entry.aliases:  # known names make the actor findable by any of them
            if alias not in actor.aliases and alias != actor.name:
                actor.aliases.append(alias)
        if entry.part_of and entry.part_of != entry.id and entry.kind != ActorKind.PERSON:
            parent = self.gaz.get(entry.part_of)
            if parent is not None:
                table.add(parent.id, parent.name, parent.kind, parent.country, parent.cameo_code, None)
                if span is not None:
                    table.relate("PART_OF", entry.id, parent.id, span)
        return actor

    def ensure(self, actor: str) -> Actor:
        """The table's actor of a gazetteer id, added (with no mention) when not there yet."""
        if actor in self.table.actors:
            return self.table.actors[actor]
        entry = self.gaz.get(actor)
        assert entry is not None, actor
        return self.add_entry(entry, None)

    def add_state_mention(self, entry: Entry, span: Span) -> Actor:
        """A mention of a gazetteer actor by a demonym ("Russian"), without its aliases and parents."""
        return self.table.add(entry.id, entry.name, entry.kind, entry.country, entry.cameo_code, span)
