"""The CAMEO ontology (``data/cameo.tsv``) and the predicate lexicon (``data/lexicon.tsv``).

Both are data files, read once and cached: the event coder asks :meth:`Lexicon.senses` for every
token, so lookups are plain dict hits. Only the standard library is used.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsgraph.extract.errors import NewsgraphError

DATA_DIR = Path(__file__).resolve().parent / "data"
CAMEO_PATH = DATA_DIR / "cameo.tsv"
LEXICON_PATH = DATA_DIR / "lexicon.tsv"

POS_TAGS: tuple[str, ...] = ("VERB", "NOUN")
# How the event coder treats a code's family (cameo.tsv's ``policy`` column; its header says what each means).
POLICIES = frozenset(
    {"joint", "for_another", "joins_act", "reaction", "verbal_attack", "place_target", "voiced", "mission"}
)
_CODE = re.compile(r"\d{2,4}")
_LEMMA = re.compile(r"[a-z][a-z-]*")
_NONE = "-"


@dataclass(frozen=True)
class Code:
    """One CAMEO event code with GDELT's weights."""

    code: str
    type: str
    goldstein: float
    quad_class: int
    intent: str | None
    description: str
    policy: frozenset[str] = frozenset()  # this row's own policies; Ontology.has_policy adds the root's

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class Sense:
    """One way a predicate codes an event: the lemma, what it needs around it, and the code."""

    lemma: str
    pos: str
    cameo: str
    objects: frozenset[str] = frozenset()  # empty: any object
    preps: tuple[str, ...] = ()  # prepositions whose object is the target
    particle: str | None = None
    prep_required: bool = False  # the sense applies only with one of `preps` ("call on" vs "call")
    note: str = ""
    prep_objects: frozenset[str] = frozenset()  # words the required preposition's object needs
    prep_is_target: bool = True  # False: the object of `preps` is a thing ("appeal for funds")
    origin: str = "lexicon"  # "vendor": a pattern of the converted CAMEO verb dictionary

    @property
    def fits_any_context(self) -> bool:
        """Does ``Lexicon.match`` take this sense whatever the words around it?"""
        return self.particle is None and not self.objects and not self.prep_required and not self.prep_objects


class Ontology:
    """CAMEO codes by code and by type name."""

    def __init__(self, codes: dict[str, Code]):
        self._codes = codes
        self._by_type = {c.type: c for c in codes.values()}
        root_policy = {c.code: c.policy for c in codes.values() if len(c.code) == 2}
        self._policy = {c.code: c.policy | root_policy.get(c.root, frozenset()) for c in codes.values()}
        self._asserted: dict[str, list[str]] = {}  # intent code -> the codes it is the intent form of
        for c in codes.values():
            if c.intent is not None:
                self._asserted.setdefault(c.intent, []).append(c.code)

    @classmethod
    def load(cls, path: Path | None = None) -> Ontology:
        return _load_ontology(Path(path or CAMEO_PATH).resolve())

    def get(self, code: str) -> Code:
        """The code's entry; KeyError on an unknown code."""
        return self._codes[code]

    def intent_of(self, code: str) -> str:
        """The code for the act when only intended, pledged or threatened; the code itself when none."""
        return self._codes[code].intent or code

    def asserted_has_policy(self, code: str | None, policy: str) -> bool:
        """Does the code, or an act whose intent form it is, carry the policy? "agreed to resume
        talks" (036, the intent form of 04x meetings) is as joint as the talks."""
        if code is None:
            return False
        return self.has_policy(code, policy) or any(
            self.has_policy(a, policy) for a in self._asserted.get(code, ())
        )

    def has_policy(self, code: str | None, policy: str) -> bool:
        """Does the code (or its root) carry a family policy ("reaction", "joint", ...)? A root alone
        ("09") and None (no code) are accepted."""
        if code is None:
            return False
        return policy in (self._policy.get(code) or self._policy.get(code[:2], frozenset()))

    def by_type(self, type_name: str) -> Code:
        """The entry for a readable type name ("threaten_military_force"); KeyError when unknown."""
        return self._by_type[type_name]

    def root_of(self, code: str) -> Code:
        """The two-digit root entry of a code ("1384" -> the "13" row)."""
        return self._codes[code[:2]]

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __iter__(self) -> Iterator[Code]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)


class Lexicon:
    """Predicate senses by (lemma, pos), most specific first."""

    def __init__(self, senses: dict[tuple[str, str], list[Sense]]):
        self._senses = senses
        self._lemmas = frozenset(senses)

    @classmethod
    def load(cls, path: Path | None = None) -> Lexicon:
        return _load_lexicon(Path(path or LEXICON_PATH).resolve())

    def senses(self, lemma: str, pos: str) -> list[Sense]:
        """Senses for a lemma and pos ("VERB"/"NOUN"), most specific first; [] when none.

        The list is shared: callers must not mutate it.
        """
        return self._senses.get((lemma, pos), [])

    def match(
        self,
        lemma: str,
        pos: str,
        objects: Collection[str] = (),
        particles: Collection[str] = (),
        preps: Collection[str] = (),
        prep_objects: Mapping[str, Collection[str]] | None = None,
    ) -> Sense | None:
        """The first sense the context fits, or None: the file's matching rules in one place.

        ``objects``: lemmas of the direct object (verbs) or of-object (nouns) and of their compound
        and adjectival modifiers, plus a noun trigger's own compounds and modifiers ("air strike",
        "military aid"); ``particles``: the verb's particles; ``preps``: prepositions attached to it;
        ``prep_objects``: for each of them, the lemmas of its object and the object's modifiers. An
        item of several words ("arms shipment") needs all its words among the lemmas.
        """
        for sense in self._senses.get((lemma, pos), ()):
            if sense.particle is not None and sense.particle not in particles:
                continue
            if sense.objects and not has_item(sense.objects, objects):
                continue
            if sense.prep_required and not any(p in preps for p in sense.preps):
                continue
            if sense.prep_objects and not any(
                has_item(sense.prep_objects, (prep_objects or {}).get(p, ())) for p in sense.preps
            ):
                continue
            return sense
        return None

    def behind(self, other: Lexicon, skip: Collection[str] = ()) -> Lexicon:
        """This lexicon with ``other``'s senses after its own for the same word, and ``other``'s words
        it lacks, except the lemmas in ``skip``: this one's senses always win where both fit."""
        merged = {key: list(senses) for key, senses in self._senses.items()}
        for key, senses in other._senses.items():
            if key[0] not in skip:
                merged.setdefault(key, []).extend(senses)
        return Lexicon(merged)

    def lemmas(self) -> frozenset[tuple[str, str]]:
        """Every (lemma, pos) pair the lexicon knows, for fast membership tests."""
        return self._lemmas

    def particles(self) -> frozenset[tuple[str, str]]:
        """(lemma, particle) pairs of phrasal senses ("crack", "down")."""
        return frozenset((s.lemma, s.particle) for s in self if s.particle)

    def __iter__(self) -> Iterator[Sense]:
        for senses in self._senses.values():
            yield from senses

    def __len__(self) -> int:
        return sum(len(s) for s in self._senses.values())


def sense_rank(sense: Sense, order: int) -> tuple[bool | int, ...]:
    """Most specific first: an object constraint, then a particle, then a preposition's object, then
    a required preposition; then the order of the file."""
    return (
        not sense.objects,
        sense.particle is None,
        not sense.prep_objects,
        not sense.prep_required,
        order,
    )


def has_item(items: frozenset[str], words: Collection[str]) -> bool:
    """Is one of ``items`` among ``words`` (an item of several words: all of them)?"""
    if not items.isdisjoint(words):
        return True
    return any(all(w in words for w in item) for item in _multi_word(items))


@lru_cache(maxsize=4096)
def _multi_word(items: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(item.split()) for item in items if " " in item)


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each data line of a TSV with a header line and "#" comments."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise NewsgraphError(f"cannot read {path}: {exc.strerror or exc}") from exc
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and line[0] != "#"]
    if not lines:
        raise NewsgraphError(f"{path}: no header line")
    header = tuple(lines[0][1].split("\t"))
    if header[: len(columns)] != columns:
        raise NewsgraphError(f"{path}:{lines[0][0]}: header must start with {', '.join(columns)}")
    # Plain tab splitting, no CSV quoting: descriptions and notes may hold quote marks.
    for number, line in lines[1:]:
        fields = line.split("\t")
        if len(fields) != len(header):
            raise NewsgraphError(
                f"{path}:{number}: expected {len(header)} tab-separated fields, found {len(fields)}"
            )
        yield number, dict(zip(header, fields, strict=True))


def _optional(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", _NONE) else value


def _items(value: str) -> list[str]:
    value = value.strip()
    return [] if value in ("", _NONE) else [item.strip() for item in value.split("|") if item.strip()]


@lru_cache(maxsize=8)
def _load_ontology(path: Path) -> Ontology:
    codes: dict[str, Code] = {}
    columns = ("code", "type", "goldstein", "quad_class", "intent", "description")
    for number, row in _rows(path, columns):
        where = f"{path}:{number}"
        code = row["code"].strip()
        if not _CODE.fullmatch(code):
            raise NewsgraphError(f"{where}: bad CAMEO code {code!r}")
        if code in codes:
            raise NewsgraphError(f"{where}: code {code} listed twice")
        try:
            goldstein = float(row["goldstein"])
            quad_class = int(row["quad_class"])
        except ValueError as exc:
            raise NewsgraphError(f"{where}: bad goldstein or quad_class ({exc})") from exc
        if not -10.0 <= goldstein <= 10.0 or quad_class not in (1, 2, 3, 4):
            raise NewsgraphError(f"{where}: goldstein must be in -10..10 and quad_class in 1..4")
        policy = frozenset(_items(row.get("policy", _NONE)))  # an optional last column
        if not policy <= POLICIES:
            raise NewsgraphError(f"{where}: unknown policy {', '.join(sorted(policy - POLICIES))}")
        codes[code] = Code(
            code=code,
            type=row["type"].strip(),
            goldstein=goldstein,
            quad_class=quad_class,
            intent=_optional(row["intent"]),
            description=row["description"].strip(),
            policy=policy,
        )
    for entry in codes.values():
        if entry.intent is not None and entry.intent not in codes:
            raise NewsgraphError(f"{path}: intent {entry.intent} of code {entry.code} is not a known code")
    return Ontology(codes)


@lru_cache(maxsize=8)
def _load_lexicon(path: Path) -> Lexicon:
    found: dict[tuple[str, str], list[tuple[tuple[bool | int, ...], Sense]]] = {}
    columns = ("lemma", "pos", "cameo", "object", "prep", "particle", "note")  # then an optional prep_object
    for number, row in _rows(path, columns):
        where = f"{path}:{number}"
        lemma, pos, cameo = row["lemma"].strip(), row["pos"].strip(), row["cameo"].strip()
        if not _LEMMA.fullmatch(lemma):
            raise NewsgraphError(f"{where}: lemma {lemma!r} must be lower-case letters")
        if pos not in POS_TAGS:
            raise NewsgraphError(f"{where}: pos must be VERB or NOUN, not {pos!r}")
        if not _CODE.fullmatch(cameo):
            raise NewsgraphError(f"{where}: bad CAMEO code {cameo!r}")
        prep = row["prep"].strip()
        required = prep.startswith("!")
        sense = Sense(
            lemma=lemma,
            pos=pos,
            cameo=cameo,
            objects=frozenset(item.lower() for item in _items(row["object"])),
            preps=tuple(_items(prep.lstrip("!"))),
            particle=_optional(row["particle"]),
            prep_required=required,
            note=row["note"].strip(),
            prep_objects=frozenset(item.lower() for item in _items(row.get("prep_object", _NONE))),
        )
        rank = sense_rank(sense, number)
        found.setdefault((lemma, pos), []).append((rank, sense))
    return Lexicon({key: [s for _, s in sorted(pairs, key=lambda p: p[0])] for key, pairs in found.items()})
