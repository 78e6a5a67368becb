"""Sector nouns: the agent nouns of agents.tsv and the Phoenix agents, ethnic and religious groups.

The project's ``agents.tsv`` decides first (its rows keep their modes); the converted Phoenix agent
dictionary (``data/vendor/phoenix_agents.tsv``, read through :mod:`newsgraph.extract.dictionaries`)
adds thousands of nouns with a CAMEO sector code, filtered by named rules:

- ``phoenix_plural_only``: a Phoenix noun makes an actor only in the plural ("lawyers", never "a
  lawyer": one unnamed person is too vague), and only with a suffix code (``~REB``);
- ``phoenix_no_things``: a phrase whose head names a thing, a place or a building (``agent_thing`` in
  frames.tsv: "attack helicopters", "schools", "villages") is none;
- ``phoenix_no_vague``: the sector ``PPL`` ("people (unspecified)") and the ``vague_agent`` nouns of
  frames.tsv ("victims", "witnesses", "detainees") are none;
- ``phoenix_joins_row``: a noun whose code is that of an agents.tsv row named in lower case joins the
  row ("guerrillas" and "insurgents" are the rebels of agents.tsv), else it takes the mode of its
  sector's row (GOV people speak for the state; every other sector is a group of its own) and is
  named by its own plural ("farmers", AGR).

Ethnic and religious groups come from ``data/ethnic.tsv`` ("Kurdish", "Kurds": KUR).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsgraph.extract.dictionaries import Agents
from newsgraph.extract.frames import Frames
from newsgraph.extract.gazetteer import Agent, Gazetteer

VAGUE_SECTORS = frozenset({"PPL"})  # Phoenix's "people (unspecified)"
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG"})  # CAMEO's organs of a state


@dataclass(frozen=True)
class Ethnic:
    """A row of ethnic.tsv: "Kurdish" -> KUR."""

    adjective: str  # as a name is written ("Kurdish")
    plural: str  # the group's own noun ("Kurds")
    code: str
    kind: str  # ethnic | religious
    home: str | None  # ISO3 of the state the group is coded with when the text names none


class SectorNouns:
    """Lookups of sector nouns and ethnic words, made once per gazetteer."""

    def __init__(self, gaz: Gazetteer, agents: Agents, frames: Frames, ethnic_path: Path):
        self._own = gaz
        things, self._vague = frames.words("agent_thing"), frames.words("vague_agent")
        rows: dict[str, Agent] = {}  # sector code -> the first agents.tsv row of it named in lower case
        for agent in gaz.agents():
            if agent.mode != "org" and agent.name.islower():
                rows.setdefault(agent.cameo, agent)
        self._phoenix: dict[str, Agent] = {}
        self._singular: dict[str, Agent] = {}  # "refugee" of "refugee leaders"
        for row in agents:
            if row.attach != "suffix" or row.sector in VAGUE_SECTORS:
                continue
            plural = row.plural or row.phrase  # "police {}": the phrase is its own plural
            head = row.phrase.split()[-1]
            if head in things or plural.split()[-1] in things or plural in self._vague:
                continue
            same = rows.get(row.sector)
            if same is not None:
                agent = same
            else:
                sector_row = rows.get(row.sector[:3])
                mode = sector_row.mode if sector_row is not None else "group"
                agent = Agent(plural, plural, mode, row.sector)
            self._phoenix.setdefault(plural, agent)
            self._singular.setdefault(row.phrase, agent)
        # the last words of every phrase: a noun that is none of them is no agent (a quick test)
        phrases = [*gaz.agent_phrases(), *self._phoenix, *self._singular]
        self.heads = frozenset(p.split()[-1] for p in phrases) | {p.split()[0] for p in gaz.agent_phrases()}
        self._ethnic: dict[str, Ethnic] = {}
        for names, code, kind, home in _ethnic_rows(ethnic_path):
            words = names.split("|")
            group = Ethnic(
                words[0].capitalize(),
                (words[1] if len(words) > 1 else words[0]).capitalize(),
                code,
                kind,
                None if home == "-" else home,
            )
            for word in words:
                self._ethnic.setdefault(word.lower(), group)
        self.heads |= frozenset(self._ethnic)

    @classmethod
    def load(cls, gaz: Gazetteer | None = None) -> SectorNouns:
        gaz = gaz or Gazetteer.load()
        return _load(gaz.data_dir, gaz)

    def phoenix(self, phrase: str) -> Agent | None:
        """The agent a plural Phoenix phrase makes ("guerrillas" -> the rebels row), or None."""
        return self._phoenix.get(" ".join(phrase.lower().split()))

    def modifier(self, word: str) -> Agent | None:
        """The group a singular sector noun names as a modifier ("refugee" of "refugee leaders")."""
        found = self._singular.get(word.lower())
        return found if found is not None and found.mode == "group" else None

    def vague(self, word: str) -> bool:
        """Too vague to be an actor without an owner: "people", "men", "witnesses"."""
        return word.lower() in self._vague

    def ethnic(self, word: str) -> Ethnic | None:
        """The ethnic or religious group of an adjective or noun ("Kurdish", "Kurds"), or None."""
        return self._ethnic.get(word.lower().replace("\u2019", "'"))


def _ethnic_rows(path: Path) -> list[list[str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    return [line.split("\t") for line in lines[1:]]


@lru_cache(maxsize=4)
def _load(data_dir: Path, gaz: Gazetteer) -> SectorNouns:
    return SectorNouns(gaz, Agents.load(data_dir / "vendor"), Frames.load(), data_dir / "ethnic.tsv")
