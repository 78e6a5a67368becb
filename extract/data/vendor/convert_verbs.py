"""CAMEO.2.0.txt (PETRARCH-2's verb dictionary) -> lexicon rows a dependency-based coder can use.

PETRARCH-2 reads a block's verbs as synonyms: each verb has its own code or the block's, and
every pattern of the block applies to every verb of the block (its patterns are stored under
the block, ``PETRreader.read_verb_dictionary``). A verb listed in two blocks belongs to the
first (PETRARCH-2 keeps the first entry). This module keeps those semantics and rewrites each
(verb, pattern) pair as a row of ``lexicon.tsv``'s columns plus a few more (see the header of
``cameo_verbs.tsv``); what a dependency parse cannot check is dropped and counted by rule.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from tabari import PatternLine, VerbBlock, VerbDictionary

# Words after a verb that spaCy attaches as particles (dep "prt"): "crack down", "call off".
PARTICLE_WORDS = frozenset(
    """UP DOWN OUT OFF AWAY BACK ASIDE FORWARD FORTH ALONG APART TOGETHER OVER IN AROUND ABOUT
    THROUGH BEHIND""".split()
)
# Of those, the ones that are never prepositions, so "(ASIDE RIFT)" is a particle and an object.
PARTICLE_ONLY = frozenset("UP DOWN OUT OFF AWAY BACK ASIDE FORWARD FORTH APART TOGETHER".split())
PREPOSITIONS = frozenset(
    """FOR TO WITH AGAINST FROM INTO AT BY UPON AFTER OF TOWARD TOWARDS ONTO WITHOUT LIKE AS
    BETWEEN AMONG ACROSS UNDER ON IN OVER BEFORE BEHIND BEYOND DURING NEAR WITHIN ALONG AROUND
    ABOUT THROUGH OUTSIDE INSIDE AMID AMIDST UNTIL PAST VIA""".split()
)
DETERMINERS = frozenset("A AN THE".split())
MARKERS = frozenset("$ + ^ %".split())  # TABARI's source, target, skip and compound marks


@dataclass
class Constraint:
    """What a pattern (or a multi-word verb) requires around the verb."""

    objects: list[str] = field(default_factory=list)  # lemma items; "arms shipment": all words needed
    particle: str | None = None
    prep: str | None = None
    prep_objects: list[str] = field(default_factory=list)

    def merge(self, other: Constraint) -> Constraint | None:
        """Both constraints at once, or None when they fix the same slot differently."""
        if self.objects and other.objects:
            return None
        if self.particle and other.particle and self.particle != other.particle:
            return None
        if (
            self.prep
            and other.prep
            and (self.prep != other.prep or (self.prep_objects and other.prep_objects))
        ):
            return None
        return Constraint(
            self.objects or other.objects,
            self.particle or other.particle,
            self.prep or other.prep,
            self.prep_objects or other.prep_objects,
        )

    def size(self) -> int:
        return sum(bool(x) for x in (self.objects, self.particle, self.prep, self.prep_objects))


@dataclass
class Row:
    lemma: str
    cameo: str
    constraint: Constraint
    note: str
    reverse: str | None
    block: str
    origin: str  # verb: the verb's own code or a pattern written for it; block: a pattern of its block
    source: str  # "CAMEO.2.0.txt:812"


class Lemmas:
    """spaCy lemmas and tags of dictionary words, computed in one batch and cached."""

    def __init__(self, nlp):  # type: ignore[no-untyped-def]
        self.nlp = nlp
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        self.verb_index = set(self.lemmatizer.lookups.get_table("lemma_index")["verb"])
        self._nouns: dict[str, tuple[str, str]] = {}

    def verb(self, forms: list[str], head_is_base: bool) -> str:
        """The spaCy lemma most of a verb's written forms get ("LAY","LAYS","LAID" -> lay, not lie).

        The first form is the block's head word, a base form unless ``head_is_base`` is False
        ("+ANGERED_BY {}" writes an inflected form and no others); a base form is lemmatised as
        an infinitive, so "BRING" stays bring (without the hint the rules make it "bre").
        """
        from spacy.tokens import Doc

        if head_is_base and forms[0].lower() not in self.verb_index:
            # A head spaCy does not know as a base form, but whose lemma it knows, is itself an
            # inflection written as a head ("DETERRING", "WORRIED"); "BRING" and "NEED" are known.
            doc = Doc(self.nlp.vocab, words=[forms[0].lower()])
            doc[0].pos_ = "VERB"
            head_is_base = self.lemmatizer.rule_lemmatize(doc[0])[0] not in self.verb_index
        votes: Counter[str] = Counter()
        first = None
        for index, form in enumerate(forms):
            doc = Doc(self.nlp.vocab, words=[form.lower()])
            doc[0].pos_ = "VERB"
            if index == 0 and head_is_base:
                doc[0].set_morph("VerbForm=Inf")
            lemma = self.lemmatizer.rule_lemmatize(doc[0])[0]
            votes[lemma] += 1
            first = first or lemma
        best = max(votes.values())
        winners = [lemma for lemma, n in votes.items() if n == best]
        return first if first in winners else winners[0]  # type: ignore[return-value]

    def prepare(self, phrases: Iterable[str]) -> None:
        """Tag and lemmatise phrases as noun phrases ("the arms shipment"), as the coder will see them."""
        todo = sorted({p for p in phrases if p and p not in self._nouns})
        docs = self.nlp.pipe([f"the {p.lower()}" for p in todo], batch_size=512)
        for phrase, doc in zip(todo, docs, strict=True):
            tokens = list(doc[1:])
            # Joined as written ("50-caliber", "peace-keeping"), each word lemmatised.
            lemma = "".join(t.lemma_.lower() + t.whitespace_ for t in tokens).strip()
            tag = tokens[-1].tag_ if tokens else ""
            self._nouns[phrase] = (lemma, tag)

    def noun(self, phrase: str) -> tuple[str, str]:
        """(lemma phrase, tag of its head) of a prepared phrase."""
        if phrase not in self._nouns:
            self.prepare([phrase])
        return self._nouns[phrase]


@dataclass
class Report:
    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    remapped: Counter[tuple[str, str]] = field(default_factory=Counter)  # (code, parent) -> rows

    def count(self, rule: str, example: str = "", n: int = 1) -> None:
        self.counts[rule] += n
        if example and len(self.examples[rule]) < 6:
            self.examples[rule].append(example)


class CodeCheck:
    """Codes against cameo.tsv: kept, remapped to the nearest parent the codebook has, or dropped."""

    def __init__(self, codes: set[str], report: Report):
        self.codes = codes
        self.report = report

    def __call__(self, code: str, where: str) -> str | None:
        code = code.strip()
        if code.endswith("!"):
            self.report.count("code written with a stray '!' (080!): read without it", where)
            code = code[:-1]
        if not re.fullmatch(r"\d{2,4}", code):
            self.report.count("code is no CAMEO event code: row dropped", f"{where} [{code}]")
            return None
        if code in self.codes:
            return code
        for length in range(len(code) - 1, 1, -1):
            if code[:length] in self.codes:
                self.report.remapped[(code, code[:length])] += 1
                return code[:length]
        self.report.count("code with no parent in cameo.tsv: row dropped", f"{where} [{code}]")
        return None


def split_tokens(text: str) -> list[str]:
    """Pattern tokens: "(...)" prepositional phrases and "{...}" noun phrases stay whole."""
    return re.findall(r"\([^)]*\)|\{[^}]*\}|\S+", text)


class NounItems:
    """Lemma items of the nouns patterns name: a noun, a {noun phrase} or a &SYNSET, synsets expanded."""

    def __init__(self, synsets: dict[str, list[str]], lemmas: Lemmas, report: Report):
        self.lemmas = lemmas
        self.report = report
        self.synsets: dict[str, list[str]] = {}
        for name, members in synsets.items():
            # A trailing "_" on a member or on the label only stops PETRARCH making plurals;
            # lemmas make plurals moot, so it is dropped.
            self.synsets[name.rstrip("_")] = [m.rstrip("_").replace("_", " ") for m in members]

    def __call__(self, text: str, where: str) -> list[str] | None:
        """Lemma items for a noun, a {noun phrase} or a &SYNSET (with synsets inside phrases)."""
        text = text.strip()
        if text.startswith("{"):
            words = text.strip("{}").split()
        else:
            words = [text]
        words = [w for w in words if w.upper() not in DETERMINERS]
        choices: list[list[str]] = []
        for word in words:
            if word.startswith("&"):
                name = word.rstrip("_")
                if name not in self.synsets:
                    self.report.count(
                        "undefined synset: pattern dropped (PETRARCH ignores it too)", f"{where} {word}"
                    )
                    return None
                choices.append(self.synsets[name])
            else:
                choices.append([word.replace("_", " ")])
        phrases = [""]
        for options in choices:
            phrases = [f"{p} {o}".strip() for p in phrases for o in options]
        lemmas = [self.lemmas.noun(p)[0] for p in phrases]
        return list(dict.fromkeys(lem for lem in lemmas if lem))


class PatternParser:
    """A "- pre * post" pattern -> the Constraint it puts on the verb, or None (counted) when a
    dependency parse cannot check it (the lexicon has one object, one particle, one prep slot)."""

    def __init__(self, items: NounItems, lemmas: Lemmas, report: Report):
        self.items = items
        self.lemmas = lemmas
        self.report = report

    def __call__(self, line: PatternLine, where: str) -> Constraint | None:
        """The constraint of a "- pre * post" pattern, or None (counted) when a parse cannot check it."""
        text = line.text
        tokens = self._after_verb(text, where)
        if tokens is None:
            return None
        constraint = Constraint()
        nouns: list[str] = []
        preps: list[str] = []
        for token in tokens:
            if token.startswith("("):
                preps.append(token)
            elif token.upper() in PARTICLE_WORDS and not nouns and constraint.particle is None:
                constraint.particle = token.lower()
            else:
                nouns.append(token)
        if len(preps) > 1:
            self.report.count(
                "two or more prepositional phrases: dropped, the lexicon has one prep slot",
                f"{where} - {text}",
            )
            return None
        if len(nouns) > 1:
            self.report.count(
                "two or more nouns after the verb: dropped, the lexicon has one object slot",
                f"{where} - {text}",
            )
            return None
        if nouns and not self._object(nouns[0], constraint, where, text):
            return None
        if preps and not self._phrase(preps[0], constraint, where, text):
            return None
        return constraint

    def _after_verb(self, text: str, where: str) -> list[str] | None:
        """The tokens after "*", actor marks removed; None (counted) when there is no "*" or
        words come before it (the lexicon has no subject column)."""
        if "*" not in text:
            self.report.count("pattern without '*' (no verb position): dropped", where)
            return None
        pre, _, post = text.partition("*")
        if pre.strip():
            self.report.count(
                "words before the verb (subject or auxiliary): dropped, the lexicon has no subject column",
                f"{where} - {text}",
            )
            return None
        tokens = split_tokens(post)
        inner = [w for t in tokens if t.startswith("(") for w in t.strip("()").split()]
        if any(t in MARKERS for t in tokens + inner):
            self.report.count("actor position marks ($ + ^ %) removed, the rest kept", where)
        return [t for t in tokens if t not in MARKERS]

    def _object(self, head: str, constraint: Constraint, where: str, text: str) -> bool:
        """Set the direct object's items; False (counted) when the word is an adverb or unknown synset."""
        if not head.startswith(("{", "&")) and self.lemmas.noun(head.replace("_", " "))[1].startswith("RB"):
            self.report.count(
                "an adverb after the verb (POSITIVELY): dropped, no object to check", f"{where} - {text}"
            )
            return False
        items = self.items(head, where)
        if items is None:
            return False
        constraint.objects = items
        return True

    def _phrase(self, phrase: str, constraint: Constraint, where: str, text: str) -> bool:
        """Read a "(P NOUN)" phrase into the prep slot, or into the particle slot when P is never a
        preposition ("(ASIDE RIFT)"); False (counted) when it fits neither."""
        inside = [w for w in split_tokens(phrase.strip("()")) if w not in MARKERS]
        if not inside:
            self.report.count("empty prepositional phrase: dropped", where)
            return False
        word, rest = inside[0].upper(), inside[1:]
        rest = [w for w in rest if w.upper() not in DETERMINERS]
        if word in PARTICLE_ONLY:
            if constraint.particle or constraint.objects or len(rest) > 1:
                self.report.count("particle written as a phrase clashes with the rest: dropped", where)
                return False
            constraint.particle = word.lower()
            if rest:
                items = self.items(rest[0], where)
                if items is None:
                    return False
                constraint.objects = items
        elif word in PREPOSITIONS:
            constraint.prep = word.lower()
            if len(rest) > 1:
                self.report.count("preposition with two or more nouns: dropped", f"{where} - {text}")
                return False
            if rest:
                items = self.items(rest[0], where)
                if items is None:
                    return False
                constraint.prep_objects = items
        else:
            self.report.count("parenthesised phrase without a preposition: dropped", f"{where} - {text}")
            return False
        return True


class VerbParser:
    """A verb line ("+CRACK_DOWN_ON {+CRACKED_DOWN_ON}") -> its written forms and the constraint
    a multi-word verb's other words put on it, or None (counted) when a parse cannot check them."""

    def __init__(self, lemmas: Lemmas, report: Report):
        self.lemmas = lemmas
        self.report = report

    def __call__(self, text: str, where: str) -> tuple[list[str], bool, Constraint] | None:
        """(written forms of the verb word, whether the first is a base form, the constraint of a
        multi-word verb's other words)."""
        head, brace, rest = text.partition("{")
        forms = rest.replace(",", " ").rstrip("} ").split() if rest else []
        head = head.strip()
        head_is_base = not (brace and not forms)  # "{}": the head is the only, written, form
        if "_" not in head:
            return [head, *forms], head_is_base, Constraint()
        words = head.split("_")
        marked = [i for i, w in enumerate(words) if w.startswith("+")]
        if len(marked) != 1:
            self.report.count("multi-word verb without one '+' on its verb: dropped", f"{where} {text}")
            return None
        index = marked[0]
        if index > 0:
            self.report.count(
                "multi-word verb with words before the verb (RE_+ARREST): dropped", f"{where} {text}"
            )
            return None
        verb_forms = [words[0].lstrip("+")] + [
            f.split("_")[0].lstrip("+") for f in forms if f.startswith("+")
        ]
        constraint = self._other_words(words[1:], text, where)
        if constraint is None:
            return None
        return verb_forms, head_is_base, constraint

    def _other_words(self, words: list[str], text: str, where: str) -> Constraint | None:
        """The words after a multi-word verb's verb, read as a particle, a preposition and nouns."""
        constraint = Constraint()
        for word in words:
            upper = word.upper()
            if upper in ("AND", "OR"):
                self.report.count("two verbs joined (SHOOT_AND_KILL): dropped", f"{where} {text}")
                return None
            if (
                constraint.prep is None
                and upper in PARTICLE_WORDS
                and upper not in ("ON",)
                and not constraint.objects
            ):
                if constraint.particle:
                    self.report.count("multi-word verb with two particles: dropped", f"{where} {text}")
                    return None
                constraint.particle = word.lower()
            elif upper in PREPOSITIONS and constraint.prep is None:
                constraint.prep = word.lower()
            else:
                lemma, tag = self.lemmas.noun(word.lower())
                if tag.startswith(("JJ", "VBN", "RB")):
                    self.report.count(
                        "multi-word verb ending in an adjective or adverb (SET_FREE): dropped",
                        f"{where} {text}",
                    )
                    return None
                if constraint.prep:
                    constraint.prep_objects = [lemma]
                elif not constraint.objects:
                    constraint.objects = [lemma]
                else:
                    self.report.count("multi-word verb with two nouns: dropped", f"{where} {text}")
                    return None
        return constraint


@dataclass(frozen=True)
class _Verb:
    """A verb of a block that the block owns, with the code its own row takes."""

    lemma: str
    constraint: Constraint
    code: str
    word: str  # the head as written, upper case: a pattern's comment names it when written for it
    where: str


class Converter:
    """The whole verb dictionary -> rows: each block's verbs and patterns, then duplicates removed."""

    def __init__(self, dictionary: VerbDictionary, lemmas: Lemmas, codes: set[str]):
        self.dictionary = dictionary
        self.lemmas = lemmas
        self.report = Report()
        self.check = CodeCheck(codes, self.report)
        self.items = NounItems(dictionary.synsets, lemmas, self.report)
        self.pattern = PatternParser(self.items, lemmas, self.report)
        self.verb = VerbParser(lemmas, self.report)

    def prepare(self) -> None:
        """Lemmatise every noun the patterns and synsets use, in one spaCy batch."""
        phrases: set[str] = set()
        for members in self.items.synsets.values():
            phrases.update(members)
        for block in self.dictionary.blocks:
            for line in block.patterns:
                for token in re.findall(r"[A-Z][A-Z'\-_.]*", line.text):
                    phrases.add(token.replace("_", " "))
            for verb in block.verbs:
                for word in verb.text.split("{")[0].split("_")[1:]:
                    phrases.add(word.lower())
        self.lemmas.prepare(phrases)

    def rows(self) -> list[Row]:
        self.prepare()
        rows: list[Row] = []
        owner: dict[tuple, str] = {}  # verb identity -> the block that owns it
        for block in self.dictionary.blocks:
            verbs = self._verbs(block, owner)
            rows.extend(self._verb_rows(block, verbs))
            rows.extend(self._pattern_rows(block, verbs))
        for line in self.dictionary.transformations:
            self.report.count("verb-verb transformation (~ line): not convertible, dropped", line)
        return self._dedupe(rows)

    def _verbs(self, block: VerbBlock, owner: dict[tuple, str]) -> list[_Verb]:
        """The block's verbs, lemmatised; a verb an earlier block owns is left to that block."""
        verbs: list[_Verb] = []
        for line in block.verbs:
            where = f"CAMEO.2.0.txt:{line.line}"
            parsed = self.verb(line.text, where)
            if parsed is None:
                continue
            forms, head_is_base, constraint = parsed
            lemma = self.lemmas.verb(forms, head_is_base)
            if not re.fullmatch(r"[a-z][a-z-]*", lemma):
                self.report.count("verb lemma is not lower-case letters: dropped", f"{where} {line.text}")
                continue
            if lemma != forms[0].lower():
                self.report.count(
                    "verb written in another form than its spaCy lemma (lemmatised)", f"{forms[0]} -> {lemma}"
                )
            identity = (lemma, constraint.particle, constraint.prep, tuple(constraint.objects))
            if identity in owner:
                self.report.count(
                    "verb listed again in a later block: PETRARCH keeps the first", f"{where} {lemma}"
                )
                continue
            owner[identity] = block.name
            code = line.code if line.code is not None else block.code
            verbs.append(_Verb(lemma, constraint, code, forms[0].upper(), where))
        return verbs

    def _verb_rows(self, block: VerbBlock, verbs: list[_Verb]) -> list[Row]:
        """A row per verb for its own code (or the block's); none for the null code."""
        out: list[Row] = []
        for verb in verbs:
            if verb.code.strip() in ("---", ""):
                self.report.count("verb whose code is null (---): no row of its own, patterns still apply")
                continue
            primary, _, reverse = verb.code.partition(":")
            checked = self.check(primary, verb.where) if primary else None
            if checked is None:
                continue
            reverse_code = self._reverse(reverse, verb.where)
            out.append(
                Row(
                    verb.lemma,
                    checked,
                    verb.constraint,
                    f"{block.name} block",
                    reverse_code,
                    block.name,
                    "verb",
                    verb.where,
                )
            )
        return out

    def _pattern_rows(self, block: VerbBlock, verbs: list[_Verb]) -> list[Row]:
        """A row per (pattern, verb) of the block, as PETRARCH applies every pattern to every verb."""
        out: list[Row] = []
        for line in block.patterns:
            where = f"CAMEO.2.0.txt:{line.line}"
            primary, _, reverse = line.code.partition(":")
            if primary.strip() in ("---", ""):
                if primary.strip() == "---":
                    self.report.count(
                        "pattern with the null code [---] (blocks coding): dropped, lexicon codes are codes",
                        where,
                    )
                else:
                    self.report.count("pattern with only a reverse code ([:173]): dropped", where)
                continue
            constraint = self.pattern(line, where)
            if constraint is None:
                continue
            checked = self.check(primary, where)
            if checked is None:
                continue
            written_for = {w.strip().upper() for w in re.split(r"[,\s]+", line.comment) if w.strip()}
            for verb in verbs:
                merged = verb.constraint.merge(constraint)
                if merged is None:
                    self.report.count("multi-word verb and pattern fix the same slot: pair dropped", where)
                    continue
                origin = "verb" if verb.word in written_for else "block"
                note = f"- {line.text} [{line.code}]"
                reverse_code = self._reverse(reverse, where)
                out.append(Row(verb.lemma, checked, merged, note, reverse_code, block.name, origin, where))
        return out

    def _reverse(self, code: str, where: str) -> str | None:
        code = code.strip()
        if not code or code == "---":
            return None
        return self.check(code, where)

    def _dedupe(self, rows: list[Row]) -> list[Row]:
        """One row per lemma and constraint: the first, as PETRARCH matches the first it stored."""
        seen: dict[tuple, Row] = {}
        # A pattern written for the verb itself beats one its block inherits from another verb.
        rows = sorted(rows, key=lambda r: r.origin != "verb")
        for row in rows:
            c = row.constraint
            key = (row.lemma, tuple(sorted(c.objects)), c.particle, c.prep, tuple(sorted(c.prep_objects)))
            if key in seen:
                if seen[key].cameo != row.cameo:
                    self.report.count(
                        "same verb and pattern with another code: the first kept", f"{row.lemma} {row.source}"
                    )
                else:
                    self.report.count("same verb and pattern repeated: one kept")
                continue
            seen[key] = row
        kept = list(seen.values())
        kept.sort(key=lambda r: (r.lemma, -r.constraint.size(), int(r.source.rsplit(":", 1)[1])))
        return kept
