"""Readers for the TABARI/PETRARCH dictionary syntax (PETRARCH-2's ``dictionaries.rst``).

Parsing only: each reader returns the dictionary's records as they are written, with the
line they came from; deciding what the project keeps is the converters' business
(``convert_actors.py``, ``convert_verbs.py``, ``make_vendor.py``). Used only by
``make_vendor.py`` when a developer regenerates the vendor data; the project never runs it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

_BRACKET = re.compile(r"\[([^\]]*)\]")
_CONTROL = str.maketrans("", "", "\x1a")  # two stray SUB characters inside names of the countries file


def read_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of a dictionary file, control characters removed, newline dropped."""
    text = path.read_text(encoding="utf-8").translate(_CONTROL)
    return list(enumerate(text.split("\n"), 1))


def strip_comment(line: str) -> str:
    """The part before a "#" comment (PETRARCH's rule: everything after "#" is a comment)."""
    return line.split("#", 1)[0]


# --- dates -----------------------------------------------------------------------------------


class DateError(ValueError):
    """A date restriction that is no calendar date in YYMMDD or YYYYMMDD form."""


def parse_date(text: str) -> date:
    """YYMMDD or YYYYMMDD; YY 00-30 is 20YY, else 19YY (PETRARCH's dstr_to_ordate rule)."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise DateError(f"not a 6- or 8-digit date: {text!r}")
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise DateError(f"no such day: {text!r}") from exc


@dataclass(frozen=True)
class Restriction:
    """A bracketed code of an actor entry: ``[USAGOV 090120-170120]``, ``[AFGELI]``, ``[PAKGOV >130605]``."""

    code: str
    start: date | None  # inclusive; None: open (before the end date, or no date at all)
    end: date | None  # inclusive; None: open
    text: str  # as written, for error messages

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


_RESTRICTION = re.compile(r"^(?P<code>\S+)(?:\s+(?P<when>.+))?$")
_RANGE = re.compile(r"^(\d+)\s*-\s*(\d+)$")
_OPEN = re.compile(r"^([<>])\s*(\d+)$")


def parse_restriction(text: str) -> Restriction:
    """Parse the inside of one bracket; raises DateError on a malformed or inverted date."""
    match = _RESTRICTION.match(text.strip())
    if not match:
        raise DateError(f"empty restriction: [{text}]")
    code, when = match.group("code"), (match.group("when") or "").strip()
    if not when:
        return Restriction(code, None, None, text)
    if rng := _RANGE.match(when):
        start, end = parse_date(rng.group(1)), parse_date(rng.group(2))
        if end < start:
            raise DateError(f"end before start: [{text}]")
        return Restriction(code, start, end, text)
    if opened := _OPEN.match(when):
        day = parse_date(opened.group(2))
        return (
            Restriction(code, None, day, text)
            if opened.group(1) == "<"
            else Restriction(code, day, None, text)
        )
    raise DateError(f"unreadable date restriction: [{text}]")


# --- actor dictionaries ---------------------------------------------------------------------


@dataclass
class ActorRecord:
    """A primary phrase, its "+" synonyms and its restrictions, as one block of an .actors file."""

    file: str
    line: int
    names: list[str]  # primary first, then synonyms, dictionary form ("HAMID_KARZAI")
    restrictions: list[Restriction] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    merged: int = 0  # code-less primaries folded in ahead of this one (PETRARCH shares their codes)
    bracketed: bool = False  # the record wrote at least one [...] (even a null or malformed one)


@dataclass
class ActorFile:
    records: list[ActorRecord]
    problems: Counter[str]  # what the reader skipped, by reason
    examples: dict[str, list[str]]  # a few examples per reason


def _name(text: str) -> str:
    """A phrase as the dictionary means it: words joined by "_", no trailing "_" (PETRARCH drops it)."""
    words = [w for w in re.split(r"[\s_]+", text.split(";", 1)[0].strip()) if w]
    return "_".join(words)


class _ActorReader:
    """One pass over an .actors file: its records as written, and what was skipped, by reason.

    A class because the three kinds of line (a primary phrase, a "+" synonym, an indented
    restriction) all add to the record being read and to the same problem counts.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.raw: list[ActorRecord] = []  # every record, code-less ones included
        self.current: ActorRecord | None = None
        self.problems: Counter[str] = Counter()
        self.examples: dict[str, list[str]] = {}

    def problem(self, reason: str, text: str) -> None:
        """Count a skipped line or record; the first five examples of a reason go to the report."""
        self.problems[reason] += 1
        self.examples.setdefault(reason, [])
        if len(self.examples[reason]) < 5:
            self.examples[reason].append(text)

    def read(self) -> list[ActorRecord]:
        """Every record of the file, in order, before code-less ones share codes."""
        for number, line in read_lines(self.path):
            stripped = line.strip()
            if not stripped or stripped.startswith("#") or stripped.startswith("<!"):
                continue
            body, _, comment = line.partition("#")
            where = f"{self.path.name}:{number}"
            if line[0] in "\t ":
                self._indented(number, body, comment.strip(), where)
            elif line[0] == "+":
                self._synonym(body, comment.strip(), where)
            else:
                self._primary(number, body, comment.strip(), where)
        return self.raw

    def _start(self, number: int, name: str, comment: str) -> ActorRecord:
        """A new record: the lines that follow add to it."""
        self.current = ActorRecord(self.path.name, number, [name], comments=[comment])
        self.raw.append(self.current)
        return self.current

    def _primary(self, number: int, body: str, comment: str, where: str) -> None:
        """An unindented phrase starts a record, with whatever codes its line brackets."""
        name = _name(body.split("[", 1)[0])
        if not name:
            self.problem("line without a phrase", where)
            return
        self._add_codes(self._start(number, name, comment), body, where)

    def _synonym(self, body: str, comment: str, where: str) -> None:
        """A "+" line adds a name (and any codes) to the current record."""
        if self.current is None:
            self.problem("synonym before any name", where)
            return
        name = _name(body[1:].split("[", 1)[0])
        if name:
            self.current.names.append(name)
        self._add_codes(self.current, body, where)
        self.current.comments.append(comment)

    def _indented(self, number: int, body: str, comment: str, where: str) -> None:
        """An indented line holds restrictions of the current record, or (with a name) starts one."""
        head = body.split("[", 1)[0].strip()
        if head and self.current is not None and "[" in body:
            # "\tJOHN_MCCLOY_\t[IGOUNODEVWBK ...]": a name on an indented line starts a record
            self._start(number, _name(head), comment)
            self.problem("indented line holding a new name (read as a new record)", f"{where}: {head}")
        if self.current is None:
            self.problem("restriction before any name", where)
            return
        self._add_codes(self.current, body, where)
        self.current.comments.append(comment)

    def _add_codes(self, record: ActorRecord, body: str, where: str) -> None:
        """Every [...] of a line becomes a restriction; a null or malformed one is counted instead."""
        for inside in _BRACKET.findall(body):
            record.bracketed = True
            if inside.strip() in ("---", ""):
                self.problem("null code [---] (the entry codes nothing)", f"{where}: [{inside}]")
                continue
            try:
                record.restrictions.append(parse_restriction(inside))
            except DateError as exc:
                self.problem("malformed or inverted date restriction", f"{where}: {exc}")


def _share_codes(raw: list[ActorRecord], reader: _ActorReader) -> list[ActorRecord]:
    """Fold code-less records into the next record that brackets codes, as PETRARCH shares them."""
    records: list[ActorRecord] = []
    pending: list[ActorRecord] = []
    for record in raw:
        if not record.bracketed:
            pending.append(record)
            continue
        if pending:
            names = [n for p in pending for n in p.names]
            record.names = names + record.names
            record.merged = len(pending)
            record.line = pending[0].line
            pending = []
        records.append(record)
    for record in pending:
        reader.problem("no code at all (nothing follows to share codes with)", f"{record.file}:{record.line}")
    return records


def _with_codes(records: list[ActorRecord], reader: _ActorReader) -> list[ActorRecord]:
    """Records left with at least one usable code; the rest bracketed only null or bad ones."""
    kept = []
    for record in records:
        if record.restrictions:
            kept.append(record)
        else:
            reader.problem("only null or malformed codes", f"{record.file}:{record.line} {record.names[0]}")
    return kept


def read_actor_file(path: Path) -> ActorFile:
    """Read a TABARI/PETRARCH .actors file into records.

    Both layouts in the Phoenix files are read: restrictions on their own tab-indented lines
    (PETRARCH) and several bracketed codes after the phrase on one line (older TABARI lines of
    the international file). A primary phrase without any code shares the codes of the next
    record that has some, as in PETRARCH's reader (it only advances its code index once a
    record brings codes), so it becomes one of that record's names.
    """
    reader = _ActorReader(path)
    records = _with_codes(_share_codes(reader.read(), reader), reader)
    return ActorFile(records, reader.problems, reader.examples)


# --- agents -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgentEntry:
    line: int
    singular: str  # dictionary form, "_" between words that must be consecutive
    plural: str | None  # None: the dictionary gives none ("{}")
    plural_given: bool  # True when written in {...}, False when formed by PETRARCH's regular rule
    code: str  # "~COP" (appended to the actor's code) or "IGO~" (put in front of it)
    comment: str


def regular_plural(word: str) -> str:
    """PETRARCH's regular plural: Y -> IES, S -> ES, else S."""
    if word.endswith("Y"):
        return word[:-1] + "IES"
    if word.endswith("S"):
        return word + "ES"
    return word + "S"


def read_agent_file(path: Path) -> tuple[list[AgentEntry], Counter[str]]:
    """Agents: ``PHRASE {PLURAL} [~CODE]``; ``!MARKER!`` substitution sets expanded as PETRARCH does."""
    problems: Counter[str] = Counter()
    markers: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for number, line in read_lines(path):
        body, _, comment = line.partition("#")
        body = body.strip()
        if not body or line.startswith("<!"):
            continue
        if "!" in body and "=" in body:
            label, _, items = body.partition("=")
            markers[label.strip().strip("!")] = [item.strip() for item in items.split(",") if item.strip()]
            continue
        code_match = _BRACKET.search(body)
        if not code_match:
            problems["agent line without a [code]"] += 1
            continue
        code = code_match.group(1).strip()
        phrase = body[: code_match.start()].strip()
        plural: str | None
        plural_given = "{" in phrase
        if plural_given:
            inside = phrase[phrase.find("{") + 1 : phrase.find("}")]
            plural = _name(inside) or None
            phrase = phrase[: phrase.find("{")].strip()
        else:
            plural = None
        if "!" in phrase:
            marker = re.search(r"!([^!]+)!", phrase)
            if not marker or marker.group(1) not in markers:
                problems["undefined substitution marker"] += 1
                continue
            # Every item replaces the marker, without plurals of its own (dictionaries.rst).
            for item in markers[marker.group(1)]:
                expanded = phrase[: marker.start()] + item + phrase[marker.end() :]
                entries.append(AgentEntry(number, _name(expanded), None, True, code, comment.strip()))
            continue
        singular = _name(phrase)
        if not plural_given:
            plural = regular_plural(singular)
        entries.append(AgentEntry(number, singular, plural, plural_given, code, comment.strip()))
    return entries, problems


# --- discards ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Discard:
    line: int
    phrase: str  # upper case as written, words separated by one space
    story: bool  # "+": the whole story is not coded, else only the sentence
    whole_word: bool  # trailing "_": the match must end at a blank or punctuation, else it is a stem
    comment: str


def read_discard_file(path: Path) -> list[Discard]:
    found: list[Discard] = []
    for number, line in read_lines(path):
        if line.startswith("#") or not line.strip():
            continue
        body, _, comment = line.partition("#")
        text = body.strip()
        if not text:
            continue
        story = text.startswith("+")
        text = text.lstrip("+").strip()
        whole_word = text.endswith("_")
        phrase = " ".join(text.rstrip("_").replace("_", " ").split())
        if phrase:
            found.append(Discard(number, phrase, story, whole_word, comment.strip()))
    return found


# --- verb dictionary --------------------------------------------------------------------------


@dataclass
class VerbLine:
    line: int
    text: str  # "+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF}", code and comment removed
    code: str | None  # the verb's own code, None: the block's
    comment: str


@dataclass
class PatternLine:
    line: int
    text: str  # "- * (FOR {FINANCIAL AID})" without the leading "-", code and comment
    code: str
    comment: str  # usually the verb the pattern was first written for ("# RUSH")


@dataclass
class VerbBlock:
    line: int
    name: str  # "--- ACCELERATE [---] ---" -> ACCELERATE
    code: str  # the block's default code ("---": the verbs alone code nothing)
    verbs: list[VerbLine] = field(default_factory=list)
    patterns: list[PatternLine] = field(default_factory=list)


@dataclass
class VerbDictionary:
    synsets: dict[str, list[str]]  # "&CURRENCY" -> ["MONEY", "CURRENCY", "CASH_", ...] as written
    blocks: list[VerbBlock]
    transformations: list[str]  # "~ a (a b ATTACK) SAY = a b 015" lines
    problems: Counter[str]


_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")


def read_verb_file(path: Path) -> VerbDictionary:
    """CAMEO.2.0.txt: synsets (``&NAME`` and ``+`` lines), then ``---`` blocks of verbs and ``-`` patterns."""
    synsets: dict[str, list[str]] = {}
    blocks: list[VerbBlock] = []
    transformations: list[str] = []
    problems: Counter[str] = Counter()
    synset: str | None = None
    block: VerbBlock | None = None
    in_patterns = False
    for number, line in read_lines(path):
        if line.startswith("####### VERB PATTERNS"):
            in_patterns = True
            continue
        if line.startswith("#") or not line.strip():
            continue
        body, _, comment = line.partition("#")
        body = body.strip()
        if not body:
            continue
        if not in_patterns:
            if body.startswith("&"):
                synset = body
                synsets[synset] = []
            elif body.startswith("+") and synset:
                synsets[synset].append(body[1:].strip())
            else:
                problems["line outside any synset"] += 1
            continue
        if body.startswith("---"):
            match = _BLOCK.match(body)
            if not match:
                problems["unreadable block header"] += 1
                block = None
                continue
            block = VerbBlock(number, match.group(1), match.group(2).strip())
            blocks.append(block)
            continue
        if body.startswith("~"):
            transformations.append(body)
            continue
        if block is None:
            problems["line outside any block"] += 1
            continue
        code_match = re.search(r"\[([^\]]*)\]\s*$", body)
        code = code_match.group(1).strip() if code_match else None
        text = body[: code_match.start()].strip() if code_match else body
        if body.startswith("-"):
            if code is None:
                problems["pattern without a code"] += 1
                continue
            block.patterns.append(PatternLine(number, text[1:].strip(), code, comment.strip()))
        else:
            block.verbs.append(VerbLine(number, text, code, comment.strip()))
    return VerbDictionary(synsets, blocks, transformations, problems)
