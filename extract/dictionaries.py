"""The field's published dictionaries, as the project converted them (``data/vendor/``).

Typed readers and lookups for the files ``data/vendor/make_vendor.py`` writes from the
PETRARCH-2 / Phoenix dictionaries and the CAMEO-to-PLOVER table (sources and licences in
``data/vendor/README.md``). The actor resolver reads the agents, people, offices and
organisations (``extract/actors/sectors.py`` and ``known.py``); the verbs, discards and PLOVER
table wait for the event coder. Standard library only; each file is read once per folder, on
first use, and every lookup is a dictionary hit or a short scan.

- :class:`Phoenix`: people and their dated CAMEO codes ("who held office X in country C on D").
- :class:`Organizations`: international bodies, companies, non-state groups, national bodies.
- :class:`Agents`: agent nouns and their sector codes ("rebels" -> REB).
- :class:`Discards`: phrases of text that is no political news (sports, entertainment, history).
- :class:`Plover`: CAMEO code -> PLOVER category, mode and context (CC BY-SA 4.0 data).
- :func:`verb_lexicon`: the converted verb senses as an :class:`~newsgraph.extract.ontology.Lexicon`
  (the event coder's senses after the hand-written ``lexicon.tsv``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from newsgraph.extract.errors import NewsgraphError
from newsgraph.extract.ontology import Lexicon, Sense, sense_rank

VENDOR_DIR = Path(__file__).resolve().parent / "data" / "vendor"
_VENDOR_RESOLVED = VENDOR_DIR.resolve()
_NONE = "-"


# --- reading ------------------------------------------------------------------------------------


def _vendor_dir(directory: Path | str | None) -> Path:
    """The folder a ``load`` reads, resolved: the rules ask for the default one per article, and
    resolving a path each time (a stat per folder) was a cost of every article."""
    return Path(directory).resolve() if directory else _VENDOR_RESOLVED


def read_rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields in ``columns`` order) of a vendor TSV: "#" comment lines, then a header
    that must be ``columns``, then rows of exactly that many tab-separated fields."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise NewsgraphError(f"cannot read {path}: {exc.strerror or exc}") from exc
    header_seen = False
    for number, line in enumerate(text.split("\n"), 1):
        if not line or line[0] == "#":
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(fields) != columns:
                raise NewsgraphError(f"{path}:{number}: header must be {', '.join(columns)}")
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise NewsgraphError(
                f"{path}:{number}: expected {len(columns)} tab-separated fields, found {len(fields)}"
            )
        yield number, fields
    if not header_seen:
        raise NewsgraphError(f"{path}: no header line")


def _opt(value: str) -> str | None:
    return None if value in ("", _NONE) else value


def _items(value: str) -> tuple[str, ...]:
    return () if value in ("", _NONE) else tuple(value.split("|"))


def _date(value: str, path: Path, number: int) -> date | None:
    if value == _NONE:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise NewsgraphError(f"{path}:{number}: bad date {value!r}") from exc


_SEPARATORS = str.maketrans("_-.", "   ")


def name_key(name: str) -> str:
    """How names meet: "Hamid Karzai", "HAMID_KARZAI" and "hamid-karzai" share one key (case, accents,
    underscores, hyphens and dots folded; a leading "~" dropped)."""
    text = name.lstrip("~").casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.translate(_SEPARATORS).split())


def _name_index(items):  # type: ignore[no-untyped-def]
    """Folded name -> the items (people or organisations) that have it as name, key or variant."""
    index: dict[str, list] = {}
    for item in items:
        for name in (item.name, item.key, *item.variants):
            bucket = index.setdefault(name_key(name), [])
            if not bucket or bucket[-1] is not item:
                bucket.append(item)
    return index


# --- people and their offices ---------------------------------------------------------------------


class VendorPerson(NamedTuple):
    """A row of phoenix_people.tsv."""

    id: str  # person:<slug>
    name: str  # display name ("Mohammad Zia ul Haq")
    key: str  # the dictionary's primary phrase ("MOHAMMAD_ZIA_UL_HAQ"); "~" when lookup-only
    variants: tuple[str, ...]  # other phrases; "~" marks lookup-only ones
    country: str | None  # ISO alpha-3
    leader: bool  # head of state or government in CountryInfo's lists (heuristic, see the file)
    source: str


class Office(NamedTuple):
    """A row of phoenix_offices.tsv: a CAMEO code a person held, and when."""

    person: str
    code: str  # USAGOV
    country: str | None  # USA
    sector: str  # GOV
    start: date | None  # inclusive; None: open
    end: date | None  # inclusive; None: open

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, day: date) -> bool:
        """True when the code applies on ``day`` (an undated default row covers every day)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class Phoenix:
    """People of the Phoenix dictionaries with their offices, indexed by id, name and office.

    ``offices`` may be a function that reads them: they are read on the first question about an
    office, since a name lookup needs only the people (``newsgraph extract`` starts sooner)."""

    PEOPLE = ("id", "name", "key", "variants", "country", "leader", "source")
    OFFICES = ("person", "code", "country", "sector", "start", "end")

    def __init__(
        self,
        people: list[VendorPerson],
        offices: list[Office] | Callable[[], list[Office]],
        names: Callable[[], dict[str, list[str]]] | None = None,
    ):
        self._people = {p.id: p for p in people}
        self._names = names  # folded name -> person ids, when a cached index is at hand
        self._name_ids: dict[str, list[str]] | None = None  # read on the first by_name
        self._by_name: dict[str, list[VendorPerson]] | None = None  # built on the first by_name (no cache)
        self._source = offices
        self._offices: dict[str, list[Office]] | None = None
        self._by_seat: dict[tuple[str | None, str], list[Office]] = {}

    @classmethod
    def load(cls, directory: Path | None = None) -> Phoenix:
        return _load_phoenix(_vendor_dir(directory))

    def _office_index(self) -> dict[str, list[Office]]:
        if self._offices is None:
            offices = self._source() if callable(self._source) else self._source
            self._offices = {}
            for office in offices:
                self._offices.setdefault(office.person, []).append(office)
                if office.dated:
                    self._by_seat.setdefault((office.country, office.sector), []).append(office)
        return self._offices

    def person(self, person_id: str) -> VendorPerson:
        """The person with this id; KeyError when unknown."""
        return self._people[person_id]

    def by_name(self, name: str) -> list[VendorPerson]:
        """People whose display name, key or a variant is ``name`` (folded); [] when none."""
        key = name_key(name)
        if self._names is not None:  # the cached index: ids, turned into people only when asked for
            known = self._people  # an id the people lack (a hand-edited cache) is skipped
            return [known[i] for i in self._cached_names().get(key, ()) if i in known]
        if self._by_name is None:
            self._by_name = _name_index(self._people.values())
        return list(self._by_name.get(key, ()))

    def _cached_names(self) -> dict[str, list[str]]:
        if self._name_ids is None:
            assert self._names is not None
            self._name_ids = self._names()
        return self._name_ids

    def offices(self, person_id: str) -> list[Office]:
        """Every office row of the person, dated ones by start, then the default rows."""
        return list(self._office_index().get(person_id, ()))

    def codes_on(self, person_id: str, day: date) -> list[Office]:
        """The codes that apply to the person on ``day``, as PETRARCH chooses them: the dated rows
        covering the day, else the person's default (undated) rows."""
        rows = self._office_index().get(person_id, [])
        dated = [o for o in rows if o.dated and o.covers(day)]
        return dated or [o for o in rows if not o.dated]

    def holders(
        self, country: str, sector: str, day: date, *, prefix: bool = False, leaders_only: bool = False
    ) -> list[VendorPerson]:
        """People whose dated office of ``sector`` in ``country`` covers ``day``: who held office X in
        country C on date D ("PAK", "GOV", 1988-06-01 -> Mohammad Zia ul Haq among the ministers;
        with ``leaders_only`` the heads of state and government only).

        ``prefix`` also accepts longer sectors (GOV matches GOVJUD, GOVMIL).
        """
        self._office_index()
        if prefix:
            seats = [
                offices for (c, s), offices in self._by_seat.items() if c == country and s.startswith(sector)
            ]
        else:
            seats = [self._by_seat.get((country, sector), [])]
        found: dict[str, VendorPerson] = {}
        for offices in seats:
            for office in offices:
                if office.covers(day):
                    person = self._people[office.person]
                    if not leaders_only or person.leader:
                        found.setdefault(person.id, person)
        return list(found.values())

    def __iter__(self) -> Iterator[VendorPerson]:
        return iter(self._people.values())

    def __len__(self) -> int:
        return len(self._people)


@lru_cache(maxsize=4)
def _load_phoenix(directory: Path) -> Phoenix:
    people_path = directory / "phoenix_people.tsv"
    people = [
        VendorPerson(ident, name, key, _items(variants), _opt(country), leader == "yes", source)
        for _, (ident, name, key, variants, country, leader, source) in read_rows(people_path, Phoenix.PEOPLE)
    ]
    path = directory / "phoenix_offices.tsv"

    def offices() -> list[Office]:
        return [
            Office(person, code, _opt(country), sector, _date(start, path, n), _date(end, path, n))
            for n, (person, code, country, sector, start, end) in read_rows(path, Phoenix.OFFICES)
        ]

    def names() -> dict[str, list[str]]:
        return cached_index(people_path, lambda: _name_ids(people))

    return Phoenix(people, offices, names)


def _name_ids(items) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return {key: [item.id for item in found] for key, found in _name_index(items).items()}


def cache_folder() -> Path:
    """Where built indexes are kept: ``NEWSGRAPH_CACHE``, else ``~/.cache/newsgraph``."""
    return Path(os.environ.get("NEWSGRAPH_CACHE") or Path.home() / ".cache" / "newsgraph")


def cached_index(path: Path, build: Callable[[], dict[str, list[str]]]) -> dict[str, list[str]]:
    """A name index of a data file, kept in the user's cache (``NEWSGRAPH_CACHE``, else
    ``~/.cache/newsgraph``) under a hash of the file's bytes and of this module's code (which folds
    the names), so it is built once per version of either; a cache that cannot be read, is not an
    index, or cannot be written is rebuilt, quietly (it is only a cache)."""
    digest = hashlib.sha256(path.read_bytes() + Path(__file__).read_bytes()).hexdigest()[:16]
    folder = cache_folder()
    cache = folder / f"{path.stem}-names-{digest}.json"
    try:
        found = json.loads(cache.read_text(encoding="utf-8"))
        if isinstance(found, dict) and all(isinstance(ids, list) for ids in found.values()):
            return found
    except (OSError, ValueError):
        pass
    index = build()
    partial = cache.with_suffix(f".{os.getpid()}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
        partial.replace(cache)  # whole or not at all: parallel workers may write it too
    except OSError:
        with contextlib.suppress(OSError):  # no half-written file left behind
            partial.unlink(missing_ok=True)
    return index


# --- organisations ----------------------------------------------------------------------------------


class VendorOrganization(NamedTuple):
    """A row of phoenix_organizations.tsv."""

    id: str  # org:<slug> | group:<slug>
    name: str
    key: str
    variants: tuple[str, ...]
    kind: str  # organization | group
    country: str | None
    cameo: str
    source: str


class Organizations:
    COLUMNS = ("id", "name", "key", "variants", "kind", "country", "cameo", "source")

    def __init__(
        self, orgs: list[VendorOrganization], names: Callable[[], dict[str, list[str]]] | None = None
    ):
        self._orgs = {o.id: o for o in orgs}
        self._names = names  # folded name -> organisation ids, when a cached index is at hand
        self._by_name: dict[str, list[str]] | None = None  # read or built on the first by_name

    @classmethod
    def load(cls, directory: Path | None = None) -> Organizations:
        return _load_organizations(_vendor_dir(directory))

    def get(self, org_id: str) -> VendorOrganization:
        return self._orgs[org_id]

    def by_name(self, name: str) -> list[VendorOrganization]:
        """Organisations whose name, key, a variant or an acronym is ``name`` (folded)."""
        if self._by_name is None:
            self._by_name = self._names() if self._names else _name_ids(self._orgs.values())
        known = self._orgs  # an id the organisations lack (a hand-edited cache) is skipped
        return [known[i] for i in self._by_name.get(name_key(name), ()) if i in known]

    def __iter__(self) -> Iterator[VendorOrganization]:
        return iter(self._orgs.values())

    def __len__(self) -> int:
        return len(self._orgs)


@lru_cache(maxsize=4)
def _load_organizations(directory: Path) -> Organizations:
    path = directory / "phoenix_organizations.tsv"
    rows = read_rows(path, Organizations.COLUMNS)
    orgs = [
        VendorOrganization(ident, name, key, _items(variants), kind, _opt(country), cameo, source)
        for _, (ident, name, key, variants, kind, country, cameo, source) in rows
    ]
    return Organizations(orgs, lambda: cached_index(path, lambda: _name_ids(orgs)))


# --- agents -------------------------------------------------------------------------------------------


class VendorAgent(NamedTuple):
    """A row of phoenix_agents.tsv: "rebel" -> ~REB, added after the country's code (SYR + REB)."""

    phrase: str  # singular, lower case ("riot police")
    plural: str | None
    code: str  # "~REB" or "IGO~"
    attach: str  # suffix | prefix
    sector: str  # REB
    sector_name: str  # "rebels"


class Agents:
    COLUMNS = ("phrase", "plural", "code", "attach", "sector", "sector_name")

    def __init__(self, agents: list[VendorAgent]):
        self._agents = agents
        self._by_phrase: dict[str, VendorAgent] = {}
        for agent in agents:
            for phrase in (agent.phrase, agent.plural):
                if phrase:
                    self._by_phrase.setdefault(phrase, agent)

    @classmethod
    def load(cls, directory: Path | None = None) -> Agents:
        return _load_agents(_vendor_dir(directory))

    def get(self, phrase: str) -> VendorAgent | None:
        """The agent of a lower-case singular or plural phrase ("rebels", "riot police"), or None."""
        return self._by_phrase.get(" ".join(phrase.lower().split()))

    def __iter__(self) -> Iterator[VendorAgent]:
        return iter(self._agents)

    def __len__(self) -> int:
        return len(self._agents)


@lru_cache(maxsize=4)
def _load_agents(directory: Path) -> Agents:
    rows = read_rows(directory / "phoenix_agents.tsv", Agents.COLUMNS)
    return Agents(
        [
            VendorAgent(phrase, _opt(plural), code, attach, sector, sector_name)
            for _, (phrase, plural, code, attach, sector, sector_name) in rows
        ]
    )


# --- discards ----------------------------------------------------------------------------------------


class Discard(NamedTuple):
    """A row of phoenix_discards.tsv."""

    phrase: str  # lower case
    scope: str  # sentence | story
    match: str  # word | stem
    note: str | None


class Discards:
    """PETRARCH's discard test: a phrase found after a blank (or at the start), case-insensitively;
    a ``word`` phrase must also end at a blank, punctuation or the end, a ``stem`` may continue."""

    COLUMNS = ("phrase", "scope", "match", "note")

    def __init__(self, discards: list[Discard]):
        self._discards = discards
        self._by_phrase = {d.phrase: d for d in discards}
        # One compiled alternation, longest phrases first so "world cup" wins over "world".
        parts = []
        for d in sorted(discards, key=lambda d: -len(d.phrase)):
            body = r"\s+".join(re.escape(w) for w in d.phrase.split())
            parts.append(body + (r"(?=[\s\W]|$)" if d.match == "word" else ""))
        self._pattern = (
            re.compile(r"(?:^|(?<=\s))(" + "|".join(parts) + ")", re.IGNORECASE) if parts else None
        )

    @classmethod
    def load(cls, directory: Path | None = None) -> Discards:
        return _load_discards(_vendor_dir(directory))

    def find(self, text: str) -> list[Discard]:
        """The discard phrases ``text`` holds, in order of appearance."""
        return [discard for _, discard in self.spans(text)]

    def spans(self, text: str) -> list[tuple[int, Discard]]:
        """(character offset, discard) of every discard phrase ``text`` holds, in order: one pass over
        a whole article, whose sentences the caller finds by offset."""
        if self._pattern is None:
            return []
        found = []
        for match in self._pattern.finditer(text):
            key = " ".join(match.group(1).lower().split())
            if key in self._by_phrase:
                found.append((match.start(1), self._by_phrase[key]))
        return found

    def __iter__(self) -> Iterator[Discard]:
        return iter(self._discards)

    def __len__(self) -> int:
        return len(self._discards)


@lru_cache(maxsize=4)
def _load_discards(directory: Path) -> Discards:
    rows = read_rows(directory / "phoenix_discards.tsv", Discards.COLUMNS)
    return Discards([Discard(phrase, scope, match, _opt(note)) for _, (phrase, scope, match, note) in rows])


# --- PLOVER --------------------------------------------------------------------------------------------


class PloverCode(NamedTuple):
    """A row of cameo_plover.tsv (CC BY-SA 4.0, Open Event Data Alliance)."""

    cameo: str
    plover: str | None  # None for CAMEO roots 01 and 02, which PLOVER drops
    mode: str | None
    context: tuple[str, ...]
    description: str | None


class Plover:
    COLUMNS = ("cameo", "plover", "mode", "context", "description", "source")

    def __init__(self, codes: list[PloverCode]):
        self._codes = {c.cameo: c for c in codes}

    @classmethod
    def load(cls, directory: Path | None = None) -> Plover:
        return _load_plover(_vendor_dir(directory))

    def lookup(self, cameo: str) -> PloverCode | None:
        """The row of the code itself, else of its longest prefix in the table (176 -> 17); None when
        not even its root is listed."""
        for length in range(len(cameo), 1, -1):
            row = self._codes.get(cameo[:length])
            if row is not None:
                return row
        return None

    def __iter__(self) -> Iterator[PloverCode]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)


@lru_cache(maxsize=4)
def _load_plover(directory: Path) -> Plover:
    rows = read_rows(directory / "cameo_plover.tsv", Plover.COLUMNS)
    return Plover(
        [
            PloverCode(cameo, _opt(plover), _opt(mode), _items(context), _opt(description))
            for _, (cameo, plover, mode, context, description, _source) in rows
        ]
    )


# --- verbs ---------------------------------------------------------------------------------------------

VERB_COLUMNS = (
    "lemma",
    "pos",
    "cameo",
    "object",
    "prep",
    "particle",
    "note",
    "prep_object",
    "reverse",
    "block",
    "origin",
    "source",
)


class VerbSense(NamedTuple):
    """A row of cameo_verbs.tsv with the columns the Lexicon's Sense does not keep."""

    lemma: str
    cameo: str
    objects: tuple[str, ...]  # an item of several words needs all of them
    prep: str | None  # required preposition
    particle: str | None
    prep_objects: tuple[str, ...]
    reverse: str | None
    block: str
    origin: str  # verb | block
    note: str  # the PETRARCH pattern, or "<BLOCK> block"
    source: str  # line of CAMEO.2.0.txt


def read_verbs(directory: Path | None = None, with_block: bool = False) -> list[VerbSense]:
    """Every row of cameo_verbs.tsv (and of cameo_verbs_block.tsv when ``with_block``)."""
    folder = Path(directory or VENDOR_DIR)
    names = ["cameo_verbs.tsv"] + (["cameo_verbs_block.tsv"] if with_block else [])
    senses = []
    for name in names:
        for _, fields in read_rows(folder / name, VERB_COLUMNS):
            (
                lemma,
                _pos,
                cameo,
                objects,
                prep,
                particle,
                note,
                prep_objects,
                reverse,
                block,
                origin,
                source,
            ) = fields
            senses.append(
                VerbSense(
                    lemma,
                    cameo,
                    _items(objects),
                    _opt(prep.lstrip("!")),
                    _opt(particle),
                    _items(prep_objects),
                    _opt(reverse),
                    block,
                    origin,
                    note,
                    source,
                )
            )
    return senses


def verb_lexicon(directory: Path | None = None, with_block: bool = False, defaults: bool = True) -> Lexicon:
    """The converted verb senses as the project's :class:`Lexicon` (cached per folder).

    ``defaults=False`` leaves out the rows that code a verb alone, with no object, particle or
    preposition (a block's default code: "control" 060, "take" 130): the event coder uses only the
    patterns, since the defaults code most verbs of news text as something.

    Every row is kept: ``Lexicon.match`` checks object items of several words ("arms shipment") and
    the object a required preposition needs ("accuse (OF TORTURE)": ``prep_objects``). The object of
    a vendor row's preposition is a thing the sense needs, not its target ("appeal for funds"), so
    ``prep_is_target`` is False. Senses are ranked as the Lexicon reader ranks a file's
    (``sense_rank``), the main file before the block file (``with_block``).
    """
    return _verb_lexicon(Path(directory or VENDOR_DIR).resolve(), with_block, defaults)


@lru_cache(maxsize=4)
def _verb_lexicon(directory: Path, with_block: bool, defaults: bool) -> Lexicon:
    senses: dict[tuple[str, str], list[tuple[tuple[bool | int, ...], Sense]]] = {}
    for order, verb in enumerate(read_verbs(directory, with_block)):
        if not defaults and not (verb.objects or verb.prep or verb.particle):
            continue
        sense = Sense(
            lemma=verb.lemma,
            pos="VERB",
            cameo=verb.cameo,
            objects=frozenset(verb.objects),
            preps=(verb.prep,) if verb.prep else (),
            particle=verb.particle,
            prep_required=verb.prep is not None,
            note=verb.note,
            prep_objects=frozenset(verb.prep_objects),
            prep_is_target=False,
            origin="vendor",
        )
        senses.setdefault((verb.lemma, "VERB"), []).append((sense_rank(sense, order), sense))
    return Lexicon({key: [s for _, s in sorted(found, key=lambda p: p[0])] for key, found in senses.items()})
