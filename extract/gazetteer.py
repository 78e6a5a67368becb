"""The gazetteer: states, seats of power, organisations, groups, people, agent nouns and titles.

Everything it knows lives in the TSV files of ``extract/data/`` (data, not code); this
module only reads them once per data directory and answers lookups from dictionaries,
because the extractor calls it for every candidate mention. Standard library only, so
the graph side and quick scripts can use it without loading spaCy.

Normalisation for :meth:`Gazetteer.lookup`: curly quotes are folded, a leading "the"
and a trailing possessive are dropped, then names of four letters or more match in any
case (and without accents: "Turkiye" finds "Türkiye") while short acronyms need their
exact case ("US" is the United States, "us" is nobody).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from threading import Lock

from newsgraph.extract.errors import NewsgraphError
from newsgraph.extract.record import ActorKind

DATA_DIR = Path(__file__).resolve().parent / "data"
NONE = ("", "-")
LOOKUP_ONLY = "~"  # an item written ~Word is known to lookups but left out of the spaCy patterns
MIN_FOLDED_LETTERS = 4  # shorter names are acronyms or common words: exact case only
LONG_NAME_CHARS = 12  # multi-word names at least this long also match with their later words in any case


@dataclass(frozen=True)
class Entry:
    id: str  # actor id: the ISO3 for states ("RUS"), else "org:…", "group:…", "person:…"
    name: str  # canonical name
    kind: str  # state | person | organization | group
    country: str | None  # ISO3 of the state it is or belongs to
    cameo_code: str | None
    aliases: tuple[str, ...] = ()
    part_of: str | None = None  # id of the actor it belongs to (Kremlin -> "RUS")
    title: str | None = None  # people: their title ("president")
    members: tuple[str, ...] = ()  # groups/IGOs: member ids
    adjectives: tuple[str, ...] = ()  # states: demonyms and adjectives ("Russian", "Russians")
    capitals: tuple[str, ...] = ()  # states: capitals used as metonyms ("Moscow")


@dataclass(frozen=True)
class Agent:
    """A row of agents.tsv: "foreign ministry" makes an organisation of the state that modifies it."""

    phrase: str  # canonical lower-case phrase
    name: str  # canonical name, title case for organisations ("Foreign Ministry")
    mode: str  # org (an organisation PART_OF the state) | state (the state itself) | group (not the state)
    cameo: str  # CAMEO sector suffix: GOV, MIL, ...


@dataclass(frozen=True)
class Title:
    """A row of titles.tsv."""

    title: str  # canonical lower-case title
    attaches: str  # state | agent | org
    agent: str | None  # the agents.tsv phrase the title attaches to, when attaches == "agent"
    cameo: str


# --- normalisation -----------------------------------------------------------------------

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$")
_SPACES = re.compile(r"\s+")
_HYPHEN_SPACES = re.compile(r"\s*-\s*")


@lru_cache(maxsize=1 << 16)  # pure, and asked for the same few words again and again
def _clean(text: str) -> str:
    """Fold quotes and spaces, drop a leading "the" and a trailing possessive."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", text).translate(_QUOTES)).strip()
    text = _LEADING_THE.sub("", text)
    return _POSSESSIVE.sub("", text).strip()


@lru_cache(maxsize=1 << 16)  # pure, and asked for the same few words again and again
def _fold(text: str) -> str:
    """Case- and accent-insensitive key: "Türkiye" and "turkiye" meet here."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text.replace("-", " ")).strip()


@lru_cache(maxsize=1 << 16)  # asked at every look-up that misses the exact names
def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))  # no Python step per character: asked per name of every article


@lru_cache(maxsize=1 << 16)  # pure, and asked for the same few words again and again
def _phrase(text: str) -> str:
    """Normalise an agent or title phrase: lower case, folded quotes, "secretary - general" rejoined."""
    text = _SPACES.sub(" ", text.translate(_QUOTES).lower()).strip()
    text = _HYPHEN_SPACES.sub("-", text)
    return _LEADING_THE.sub("", text)


# --- tokens for spaCy patterns --------------------------------------------------------------

# What spaCy's English tokenizer does to names: whitespace, a hyphen or slash between letters,
# a possessive 's, and edge punctuation split; abbreviations with inner dots ("U.S.") stay whole.
_INFIX = re.compile(r"(?<=[^\W\d_])([-/\u2013])(?=[^\W\d_])")
_EDGE_PREFIX = re.compile(r"^([(\"'\u2018\u201c])(?=.)")
_EDGE_SUFFIX = re.compile(r"(?<=.)([)\",\u2019\u201d]|'s|\u2019s|(?<=s)')$")
_ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.)+$|^(?:Jr|Sr|St|Gen|Lt|Col|Maj|Adm|Dr|Mr|Mrs|Ms)\.$")


def simple_tokens(text: str) -> list[str]:
    """Split a name the way spaCy's English tokenizer does (checked against it in the tests)."""
    tokens: list[str] = []
    for chunk in text.split():
        if chunk.isalpha():  # most words: no edge punctuation, no infix, nothing to split
            tokens.append(chunk)
            continue
        tail: list[str] = []
        while True:
            prefix = _EDGE_PREFIX.match(chunk)
            if not prefix:
                break
            tokens.append(prefix.group(1))
            chunk = chunk[1:]
        while not _ABBREVIATION.match(chunk):
            suffix = _EDGE_SUFFIX.search(chunk)
            if suffix:
                tail.insert(0, suffix.group(1))
                chunk = chunk[: suffix.start()]
            elif chunk.endswith(".") and len(chunk) > 1 and not re.search(r"\.\w", chunk):
                tail.insert(0, ".")
                chunk = chunk[:-1]
            else:
                break
        tokens.extend(t for t in _INFIX.split(chunk) if t)
        tokens.extend(tail)
    return tokens


# --- reading the data files ------------------------------------------------------------------


def _rows(path: Path, columns: int) -> Iterator[list[str]]:
    """Rows of a TSV data file: header line skipped, "#" lines are comments."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise NewsgraphError(f"cannot read gazetteer file {path}: {exc.strerror or exc}") from exc
    header_seen = False
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) < columns:
            raise NewsgraphError(f"{path.name}:{number}: expected {columns} tab-separated columns")
        yield cells[:columns]


def _items(cell: str) -> list[str]:
    return [] if cell in NONE else [item.strip() for item in cell.split("|") if item.strip()]


def _value(cell: str) -> str | None:
    return None if cell in NONE else cell


def _bare(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item.removeprefix(LOOKUP_ONLY) for item in items))


# --- the gazetteer ----------------------------------------------------------------------------


class Gazetteer:
    """Names, metonyms, agents and titles of world politics, from the TSV files in ``data_dir``."""

    _cache: dict[Path, Gazetteer] = {}
    _lock = Lock()

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._entries: dict[str, Entry] = {}
        self._surfaces: list[tuple[str, str, str]] = []  # (surface as written, label, id), in priority order
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        self._adjectives_exact: dict[str, str] = {}
        self._adjectives_folded: dict[str, str] = {}
        self._capitals_exact: dict[str, str] = {}
        self._capitals_folded: dict[str, str] = {}
        self._agents: dict[str, Agent] = {}
        self._titles: dict[str, Title] = {}
        self._patterns: list[dict] | None = None
        self._read()

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Gazetteer:
        """The gazetteer of ``data_dir`` (default: the package's data), read once and cached."""
        if data_dir is None and DATA_DIR in cls._cache:  # the rules ask for it per article: no path resolving
            return cls._cache[DATA_DIR]
        key = Path(data_dir or DATA_DIR).resolve()
        with cls._lock:
            if key not in cls._cache:
                cls._cache[key] = cls(key)
            return cls._cache[key]

    # --- lookups ----------------------------------------------------------------------------

    def get(self, actor_id: str) -> Entry | None:
        return self._entries.get(actor_id)

    def lookup(self, text: str) -> Entry | None:
        """The actor a name or alias denotes: "the Kremlin", "Russia’s", "NATO", "Türkiye"."""
        found = _find(_clean(text), self._exact, self._folded)
        return self._entries[found] if found else None

    def state_of_adjective(self, word: str) -> str | None:
        """ISO3 of the state a demonym names: "Russian"/"Russians" -> "RUS"; "Western" -> None."""
        return _find(_clean(word), self._adjectives_exact, self._adjectives_folded)

    def state_of_capital(self, text: str) -> str | None:
        """ISO3 of the state whose government a capital stands for: "Kyiv" -> "UKR"."""
        return _find(_clean(text), self._capitals_exact, self._capitals_folded)

    def agent(self, phrase: str) -> Agent | None:
        """The agent row of a lower-case lemma phrase: "foreign ministry", "ministry of foreign affairs"."""
        key = _phrase(phrase)
        return self._agents.get(key) or self._agents.get(key.replace("-", " "))

    def title(self, phrase: str) -> Title | None:
        """The title row of a phrase, by its longest known ending:
        "foreign ministry spokesperson" -> spokesperson, "former prime minister" -> prime minister."""
        words = _phrase(phrase).split(" ")
        for start in range(len(words)):
            key = " ".join(words[start:])
            found = self._titles.get(key) or self._titles.get(key.replace("-", " "))
            if found:
                return found
        return None

    def entries(self) -> Iterator[Entry]:
        return iter(self._entries.values())

    def agents(self) -> Iterator[Agent]:
        return iter(dict.fromkeys(self._agents.values()))

    def agent_phrases(self) -> Iterator[str]:
        """Every phrase agents.tsv knows, variants included ("foreign office", "mfa")."""
        return iter(self._agents)

    def titles(self) -> Iterator[Title]:
        return iter(dict.fromkeys(self._titles.values()))

    # --- spaCy patterns -----------------------------------------------------------------------

    def ruler_patterns(self, tokenize: Callable[[str], list[str]] | None = None) -> list[dict]:
        """Token patterns for spaCy's ``entity_ruler``, each with ``id`` set to the entry id.

        States and their names and capitals are GPE, demonyms NORP, organisations ORG,
        informal blocs NORP, people PERSON. Tokens match by exact text (so "us", "chad" and
        "turkey" in lower case never match); later words of long multi-word names match in any
        case ("Western Powers"). A surface that two entries share goes to the first of them in
        file order (countries, seats, organisations, people). ``tokenize`` defaults to a
        stdlib imitation of spaCy's English tokenizer; pass ``lambda s: [t.text for t in
        nlp.make_doc(s)]`` for another language's rules.
        """
        if tokenize is None and self._patterns is not None:
            return [dict(p) for p in self._patterns]
        split = tokenize or simple_tokens
        patterns: list[dict] = []
        seen: set[tuple] = set()
        for surface, label, actor_id in self._surfaces:
            if surface.startswith(LOOKUP_ONLY):
                continue
            variants = {surface, surface.replace("'", "\u2019")}
            for variant in sorted(variants):
                tokens = split(variant)
                if not tokens or _letters(variant) < 2:
                    continue
                pattern = _token_pattern(tokens, len(variant))
                key = tuple(tuple(sorted(t.items())) for t in pattern)
                if key in seen:
                    continue
                seen.add(key)
                patterns.append({"label": label, "pattern": pattern, "id": actor_id})
        if tokenize is None:
            self._patterns = patterns
            return [dict(p) for p in patterns]
        return patterns

    # --- building -----------------------------------------------------------------------------

    def _read(self) -> None:
        aliases: list[tuple[str, str]] = []  # registered after every canonical name, so names win
        self._read_countries(aliases)
        self._read_seats(aliases)
        self._read_organizations(aliases)
        self._read_people(aliases)
        for alias, actor_id in aliases:
            _register(alias, actor_id, self._exact, self._folded)
        for phrase_cell, name, mode, cameo in _rows(self.data_dir / "agents.tsv", 4):
            phrases = _items(phrase_cell)
            agent = Agent(phrases[0], name, mode, cameo)
            for phrase in phrases:
                self._agents.setdefault(_phrase(phrase), agent)
        for title_cell, attaches, agent_phrase, cameo in _rows(self.data_dir / "titles.tsv", 4):
            variants = _items(title_cell)
            title = Title(variants[0], attaches, _value(agent_phrase), cameo)
            for variant in variants:
                self._titles.setdefault(_phrase(variant), title)

    def _read_countries(self, aliases: list[tuple[str, str]]) -> None:
        for iso3, name, alias_cell, adjective_cell, capital_cell, cameo in _rows(
            self.data_dir / "countries.tsv", 6
        ):
            names, adjectives, capitals = _items(alias_cell), _items(adjective_cell), _items(capital_cell)
            self._add(
                Entry(
                    iso3,
                    name.removeprefix(LOOKUP_ONLY),
                    ActorKind.STATE.value,
                    iso3,
                    _value(cameo) or iso3,
                    aliases=_bare(names),
                    adjectives=_bare(adjectives),
                    capitals=_bare(capitals),
                ),
                name,
                names,
                "GPE",
                aliases,
            )
            for capital in capitals:
                _register(capital, iso3, self._capitals_exact, self._capitals_folded)
                self._surfaces.append((capital, "GPE", iso3))
            for adjective in adjectives:
                _register(adjective, iso3, self._adjectives_exact, self._adjectives_folded)
                self._surfaces.append((adjective, "NORP", iso3))

    def _read_seats(self, aliases: list[tuple[str, str]]) -> None:
        for actor_id, name, alias_cell, kind, country, cameo, part_of in _rows(
            self.data_dir / "seats.tsv", 7
        ):
            names = _items(alias_cell)
            self._add(
                Entry(
                    actor_id,
                    name.removeprefix(LOOKUP_ONLY),
                    kind,
                    _value(country),
                    _value(cameo),
                    aliases=_bare(names),
                    part_of=_value(part_of),
                ),
                name,
                names,
                "ORG",
                aliases,
            )

    def _read_organizations(self, aliases: list[tuple[str, str]]) -> None:
        for actor_id, name, alias_cell, kind, country, cameo, members in _rows(
            self.data_dir / "organizations.tsv", 7
        ):
            names = _items(alias_cell)
            label = "NORP" if kind == ActorKind.GROUP and _value(cameo) is None else "ORG"
            self._add(
                Entry(
                    actor_id,
                    name.removeprefix(LOOKUP_ONLY),
                    kind,
                    _value(country),
                    _value(cameo),
                    aliases=_bare(names),
                    members=tuple(_items(members)),
                ),
                name,
                names,
                label,
                aliases,
            )

    def _read_people(self, aliases: list[tuple[str, str]]) -> None:
        for actor_id, name, alias_cell, country, title, org in _rows(self.data_dir / "people.tsv", 6):
            names = _items(alias_cell)
            self._add(
                Entry(
                    actor_id,
                    name.removeprefix(LOOKUP_ONLY),
                    ActorKind.PERSON.value,
                    _value(country),
                    None,
                    aliases=_bare(names),
                    part_of=_value(org) or _value(country),
                    title=_value(title),
                ),
                name,
                names,
                "PERSON",
                aliases,
            )

    def _add(
        self, entry: Entry, name: str, names: list[str], label: str, aliases: list[tuple[str, str]]
    ) -> None:
        if entry.id in self._entries:
            raise NewsgraphError(f"gazetteer: actor id {entry.id} is defined twice")
        self._entries[entry.id] = entry
        _register(name, entry.id, self._exact, self._folded)
        for surface in [name, *names]:
            aliases.append((surface, entry.id))
            self._surfaces.append((surface, label, entry.id))


def _register(surface: str, actor_id: str, exact: dict[str, str], folded: dict[str, str]) -> None:
    key = _clean(surface.removeprefix(LOOKUP_ONLY))
    if not key:
        return
    exact.setdefault(key, actor_id)
    if _letters(key) >= MIN_FOLDED_LETTERS:
        folded.setdefault(_fold(key), actor_id)


def _find(key: str, exact: dict[str, str], folded: dict[str, str]) -> str | None:
    if not key:
        return None
    found = exact.get(key)
    if found is None and _letters(key) >= MIN_FOLDED_LETTERS:
        found = folded.get(_fold(key))
    return found


def _token_pattern(tokens: list[str], length: int) -> list[dict[str, str]]:
    """Exact text per token; "the" and the later words of long names in any case."""
    pattern = []
    for index, token in enumerate(tokens):
        lower = token.lower()
        if lower in ("the", "of", "and", "for", "in", "on") and (index > 0 or len(tokens) > 1):
            pattern.append({"LOWER": lower})
        elif index > 0 and length >= LONG_NAME_CHARS and token.isalpha() and not token.isupper():
            pattern.append({"LOWER": lower})
        else:
            pattern.append({"ORTH": token})
    return pattern
