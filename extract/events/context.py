"""What the event coder knows while it reads one Doc: one dataclass every rule receives."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from newsgraph.extract.actors.table import ActorTable, Place
from newsgraph.extract.dictionaries import verb_lexicon
from newsgraph.extract.doctokens import tokens
from newsgraph.extract.frames import Frames
from newsgraph.extract.ontology import Lexicon, Ontology, Sense
from newsgraph.extract.record import Event, Evidence


@dataclass(frozen=True)
class CoderData:
    """The data files the rules read, loaded once and shared (read-only) by every Doc."""

    lexicon: Lexicon  # lexicon.tsv, then the converted CAMEO verb dictionary: words that code events
    ontology: Ontology  # cameo.tsv: codes, weights, intent forms, family policies
    frames: Frames  # frames.tsv: speech verbs, modals, prepositions, labels, ...
    lemmas: frozenset[tuple[str, str]]  # every (lemma, pos) the lexicon knows, for one set test per token
    place_preps: frozenset[str]  # prepositions that name where an act happened ("met in Paris")
    trigger_lemmas: frozenset[str]  # every lemma a word needs to code anything (coder.trigger_positions)
    could_trigger: dict[int, bool] = field(default_factory=dict, compare=False, hash=False)  # id -> trigger?

    @staticmethod
    @lru_cache(maxsize=1)
    def load() -> CoderData:
        frames = Frames.load()
        # The hand-written senses win; speech verbs attribute, they code no event of their own, and
        # light verbs' objects are the acts ("took part in the strikes": the strikes).
        skip = frames.words("speech") | frames.words("light")
        lexicon = Lexicon.load().behind(verb_lexicon(defaults=False), skip=skip)
        lemmas = lexicon.lemmas()
        # code_token's tests all start from the lemma: a lexicon word, a labelling or speech verb, the
        # copula of a predicate frame, a verb of response ("respond", "take measures")
        triggers = {lemma for lemma, _ in lemmas} | {"be", "take"}
        triggers |= frames.words("label") | frames.words("speech") | frames.words("response")
        return CoderData(
            lexicon,
            Ontology.load(),
            frames,
            lemmas,
            frames.having("place_prep", "event"),
            frozenset(triggers),
        )


Remembered = dict[tuple, list[str]]  # actor ids by what a rule was asked (see DocContext)


@dataclass
class DocContext:
    """The per-Doc state of event coding. The rules read it; only the coder's driver, ``make`` and
    ``attribution.track_quotes`` write to it (events by trigger, places, conditions, the open quotation;
    ``senses.choose_sense`` keeps its answers in it)."""

    doc: Doc
    table: ActorTable  # the document's actors and the tokens that name them
    data: CoderData
    published: str | None = None  # the article's publication date: "on Tuesday" resolves against it
    places: list[Place] = field(default_factory=list)  # places events happened in, in order
    by_trigger: dict[int, Event] = field(default_factory=dict)  # trigger token index -> its event
    conditions: dict[str, Span] = field(default_factory=dict)  # event id -> its if-clause
    quote_speaker: list[str] = field(default_factory=list)  # who speaks in the open quotation
    off_topic: set[int] | None = None  # starts of sentences of sport or business news (events/domain.py)
    date_words: set[int] | None = None  # the token indices of DATE entities (events/make.py date_of)
    evidence: dict[int, Evidence] = field(default_factory=dict)  # sentence start -> its evidence (make.py)
    # answers remembered for the Doc, keyed by the word, the sentence or the verb and table_state():
    resolved: Remembered = field(default_factory=dict)  # arguments.resolved_once
    according: Remembered = field(default_factory=dict)  # attribution.according_to
    actors_of: Remembered = field(default_factory=dict)  # arguments.actors_of
    verb_sources: Remembered = field(default_factory=dict)  # sources.verb_source
    word_cues: list[int] | None = None  # by token index: how much the word reads as off topic (domain.py)
    senses: dict[tuple[int, str, str | None], Sense | None] = field(default_factory=dict)  # see choose_sense
    frames: Frames = field(init=False)  # data.frames, data.lexicon, data.ontology, as attributes: the rules
    lexicon: Lexicon = field(init=False)  # read them very often
    ontology: Ontology = field(init=False)
    text: str = field(init=False)  # the Doc's text, once: Doc.text and Span.text join Token objects
    text_digest: str = field(init=False)  # a digest of the Doc's whole text: part of every event id

    def __post_init__(self) -> None:
        self.frames, self.lexicon, self.ontology = self.data.frames, self.data.lexicon, self.data.ontology
        self.text = "".join([t.text_with_ws for t in tokens(self.doc)])  # = Doc.text
        # The whole text, as the article id: reading the same text again gives the same event ids,
        # and two versions of one story (the same outlet line and headline, another body) share
        # none, so the loader never takes one's report for the other's.
        self.text_digest = hashlib.sha1(self.text.encode()).hexdigest()

    def table_state(self) -> tuple[int, int]:
        """Part of the key of what the rules remember about the actor table (actors_of, resolve,
        verb_source, according_to): while events are coded the table only grows (targets.state_named
        adds states), and a rule tried alone may see a mention taken away; either changes a size."""
        return len(self.table.actors), len(self.table.token_actor)

    def span_text(self, span: Span) -> str:
        """``span.text``, cut from the Doc's text instead of joined from new Token objects."""
        return self.text[span.start_char : span.end_char]

    @property
    def sentences(self) -> dict[int, int]:
        """Sentence number by the token index where the sentence starts."""
        return self.table.sentences
