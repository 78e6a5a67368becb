"""Event coding: CAMEO events from a parsed Doc, as a spaCy pipeline component (``newsgraph_events``).

For every word the lexicon knows (verbs and event nouns, ``data/lexicon.tsv``) the coder
reads its arguments off the dependency parse, the way a human coder reads a clause:

- source: the subject (active), the ``by`` agent (passive), the possessor or modifier of an
  event noun ("Russia's invasion", "US strikes"); missing subjects come from the clause that
  controls the word (``plans to help defend``: the one who plans; ``attacked the US for
  seizing``: the US), from coordination, or from a pronoun's antecedent;
- target: the direct object, the recipient (``to``, indirect object), the object of the
  lexicon's prepositions (``sanctions against``), the owner of a seized thing ("a Russian
  tanker"), the ``of`` object of a noun ("invasion of Ukraine"), the subject of a passive;
- modality from modals, intent verbs and if-clauses (``data/frames.tsv``), negation, the
  speaker of reported speech (``attributed_to``), the if-clause (``conditional_on``), the
  earlier act a reaction answers (``responds_to``), date and place.

Labelling frames code what no single verb does: "described X as militarist" (criticism),
"X would be legitimate targets" (a threat by whoever says it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace

from spacy.attrs import IS_ALPHA, IS_STOP
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.actors import ActorResolver, ActorTable
from newsgraph.extract.dates import resolve_date
from newsgraph.extract.frames import Frames
from newsgraph.extract.ontology import Lexicon, Ontology, Sense
from newsgraph.extract.record import Event, Evidence, Involvement, plain

SUBJECTS = {"nsubj", "csubj"}
CLAUSE_UP = {"xcomp", "conj", "advcl", "acl", "relcl", "pcomp", "ccomp", "prep", "pobj", "dobj", "appos"}
# Roots whose object is somebody else's act: the object's own source is not the reactor.
REACTION_ROOTS = {"09", "10", "11", "12", "13", "14"}
LIGHT_VERBS = {
    "launch",
    "carry",
    "conduct",
    "begin",
    "start",
    "stage",
    "make",
    "mount",
    "continue",
    "order",
    "announce",
    "unveil",
    "impose",
    "take",
    "hold",
    "give",
    "offer",
    "provide",
    "assist",
    "help",
    "join",
    "support",
    "lead",
    "complete",
    "step",
    "escalate",
    "extend",
    "renew",
    "expand",
    "tighten",
    "approve",
    "adopt",
}
JOINT_ROOTS = {"04", "05", "06"}  # meet, sign, cooperate: "Turkey and Sweden signed" binds both
PHRASE_DEPS = {"dobj", "prep", "pobj", "pcomp", "attr", "oprd", "amod", "compound", "poss", "nmod", "conj"}
MODALITY_RANK = {"asserted": 0, "planned": 1, "hypothetical": 2, "conditional": 3, "reported": 1}

if not Doc.has_extension("newsgraph"):
    Doc.set_extension("newsgraph", default=None)
if not Doc.has_extension("ng_actor_table"):
    Doc.set_extension("ng_actor_table", default=None)


class EventCoder:
    """The ``newsgraph_events`` component: sets ``doc._.newsgraph`` to actors, events, relations, places."""

    def __init__(self, published: str | None = None):
        self.lexicon = Lexicon.load()
        self.ontology = Ontology.load()
        self.frames = Frames.load()
        self.resolver = ActorResolver()
        self.published = published
        self._lemmas = self.lexicon.lemmas()

    def __call__(self, doc: Doc) -> Doc:
        _index_sentences(doc)
        if not _looks_english(doc):
            # the English model reads other languages as noise: say so rather than invent events
            doc.user_data["newsgraph.warning"] = "does not look like English text; no events extracted"
            doc._.newsgraph = {"actors": [], "events": [], "relations": [], "places": []}
            _finish(doc)
            return doc
        table = doc._.ng_actor_table or self.resolver(doc)
        published = doc.user_data.get("newsgraph.published", self.published)
        coder = _DocCoder(doc, table, self, published)
        events = coder.run()
        # plain data (the record's JSON shape), so Docs travel between processes (nlp.pipe n_process)
        doc._.newsgraph = {
            "actors": [plain(a) for a in table.actors.values()],
            "events": [plain(e) for e in events],
            "relations": [plain(r) for r in table.relations],
            "places": list({p["id"]: p for p in coder.places}.values()),
        }
        _finish(doc)
        return doc


def _looks_english(doc: Doc) -> bool:
    """English prose is about 40% stop words; other languages score near zero on English's list."""
    flags = doc.to_array([IS_ALPHA, IS_STOP])  # one array, not a Token object per word
    words = int(flags[:, 0].sum())
    if words < 30:
        return True
    return int((flags[:, 0] & flags[:, 1]).sum()) >= 0.15 * words


def _finish(doc: Doc) -> None:
    """Drop what only this component needed (and msgpack cannot carry: int-keyed maps)."""
    doc.user_data["newsgraph.sentences"] = len(doc.user_data.pop("newsgraph.sent_starts", {}))
    doc.user_data.pop("newsgraph.title_case", None)
    doc._.ng_actor_table = None


def _index_sentences(doc: Doc) -> None:
    doc.user_data["newsgraph.sent_starts"] = {s.start: i for i, s in enumerate(doc.sents)}


class _DocCoder:
    """Codes the events of one document (state that lives only while one Doc is read)."""

    def __init__(self, doc: Doc, table: ActorTable, coder: EventCoder, published: str | None):
        self.doc, self.table, self.c, self.published = doc, table, coder, published
        self.sent_index = doc.user_data["newsgraph.sent_starts"]
        self.places: list[dict] = []
        self.by_trigger: dict[int, Event] = {}
        self.conditions: dict[str, Span] = {}  # event id -> its if-clause
        self.quote_speaker: list[str] = []

    # --- driver ----------------------------------------------------------------

    def run(self) -> list[Event]:
        events: list[Event] = []
        frames = self.c.frames
        for sent in self.doc.sents:
            self._track_quotes(sent)
            for token in sent:
                pos = "NOUN" if token.pos_ in {"NOUN", "PROPN"} else token.pos_
                key = (token.lemma_.lower(), pos)
                labelling = token.lemma_.lower() in frames["label"] and token.pos_ == "VERB"
                if labelling and self._labels(token):  # "what it called aggressive manoeuvres"
                    event = self._label_frame(token)
                elif key in self.c._lemmas:
                    event = self._code_trigger(token, pos)
                else:
                    event = None
                if event is not None:
                    events.append(event)
                elif labelling:
                    event = self._label_frame(token)
                    if event is not None:
                        events.append(event)
                elif token.lemma_.lower() == "be" and token.pos_ == "AUX" and token.dep_ == "ROOT":
                    event = self._predicate_frame(token)
                    if event is not None:
                        events.append(event)
        self._link(events)
        events += self._accusations(events)
        kept = _dedupe(events)
        for event in kept:  # a joint act of two sides is directed at each other: dyads, as CAMEO codes them
            if len(event.source) > 1 and not event.target and event.cameo[:2] in JOINT_ROOTS:
                event.target = list(event.source)
        ids = {e.id for e in kept}
        for event in kept:  # links only to events that are kept (a merged duplicate is gone)
            event.responds_to = [i for i in event.responds_to if i in ids]
            event.conditional_on = [i for i in event.conditional_on if i in ids]
        return kept

    def _accusations(self, events: list[Event]) -> list[Event]:
        """A speaker who says another side did something hostile accuses it (CAMEO 112):
        "the coast guard said the Philippine boat had intruded" is China accusing the Philippines."""
        made = []
        accuse = self.c.ontology.get("112")
        for event in events:
            if event.modality != "reported" or event.quad_class != 4 or not event.attributed_to:
                continue
            if event.attributed_to == self._according_to(self.doc[self._trigger_of(event)].sent):
                continue  # "according to MSF": a source of information, not an accuser
            target = [a for a in event.source if a not in event.attributed_to]
            if not target:
                continue
            made.append(
                replace(
                    event,
                    id=event.id.replace("evt:", "evt:acc-"),
                    type=accuse.type,
                    cameo=accuse.code,
                    goldstein=accuse.goldstein,
                    quad_class=accuse.quad_class,
                    source=list(event.attributed_to),
                    target=target,
                    involves=[],
                    modality="asserted",
                    attributed_to=[],
                    conditional_on=[],
                    responds_to=[event.id],
                    confidence=round(event.confidence * 0.8, 2),
                )
            )
        return made

    # --- the lexicon's words --------------------------------------------------

    def _code_trigger(self, token: Token, pos: str) -> Event | None:
        sense = self._sense(token, pos)
        if sense is None:
            return None
        if token.lemma_.lower() in self.c.frames["intent"] and any(
            c.dep_ == "xcomp" and self._sense(c, "VERB") for c in token.children
        ):
            return None  # "pledged to send troops": the governed act is the event, in its intent form
        code = sense.cameo
        source = self._source(token, pos, code)
        if not source:
            return None
        if code[:2] in {"18", "19"} and self._accusation(token):
            code = "111"  # "attacked the US for seizing ...": a verbal attack
        found = self._target(token, pos, sense, source)
        target = [a for a in found if a not in source]
        if found and not target and code[:2] in {"06", "07"}:
            return None  # "to protect its interests": aid or protection of oneself is no act between two
        return self._event(token, code, source, target, confidence=0.6 + 0.1 * bool(target))

    def _sense(self, token: Token, pos: str) -> Sense | None:
        """The lexicon sense that fits the word's objects, modifiers, particles and prepositions."""
        objects = self._objects(token, pos)
        words = {w.lemma_.lower() for w in objects}
        words |= {m.lemma_.lower() for w in objects for m in w.children if m.dep_ in {"compound", "amod"}}
        if pos == "NOUN":
            words |= {m.lemma_.lower() for m in token.children if m.dep_ in {"compound", "amod"}}
        particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
        preps = {c.lower_ for c in token.children if c.dep_ in {"prep", "agent"}}
        return self.c.lexicon.match(
            token.lemma_.lower(), pos, objects=words, particles=particles, preps=preps
        )

    def _objects(self, token: Token, pos: str) -> list[Token]:
        """Direct objects of a verb (with conjuncts), or the of-object / compounds of a noun."""
        if pos == "VERB":
            objs = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass", "attr", "dative"}]
            for c in token.children:  # "pour cold water on": object inside a prep is not it
                if c.dep_ == "prep" and c.lower_ in {"of"}:
                    objs += [g for g in c.children if g.dep_ == "pobj"]
        else:
            objs = [c for c in token.children if c.dep_ == "compound"]
            for c in token.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    objs += [g for g in c.children if g.dep_ == "pobj"]
        return [o for obj in objs for o in (obj, *obj.conjuncts)]

    # --- arguments ---------------------------------------------------------------

    def _source(self, token: Token, pos: str, code: str) -> list[str]:
        if pos == "VERB":
            return self._verb_source(token)
        gov = token.head
        if (
            token.dep_ == "dobj"
            and (gov.lemma_.lower(), "VERB") in self.c._lemmas
            and self._sense(gov, "VERB")
        ):
            return []  # "offer guarantees", "impose sanctions": the verb codes this act
        return self._noun_source(token, code)

    def _verb_source(self, verb: Token, depth: int = 0) -> list[str]:
        """Who does what a verb says: its subject, its passive agent, else the clause that controls it."""
        if depth > 6:
            return []
        passive = False
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                if child.lower_ in {"which", "that", "who"} and verb.dep_ == "relcl":
                    return self._actors_of(verb.head)
                found = self._actors_of(child)
                if found:
                    return found
            if child.dep_ == "agent":  # passive: "was seized by Iran"
                for pobj in child.children:
                    found = self._actors_of(pobj)
                    if found:
                        return found
            passive = passive or child.dep_ in {"nsubjpass", "auxpass"}
        head, dep = verb.head, verb.dep_
        if head is verb or passive:
            return []  # "if a ceasefire is reached": an agentless passive names no source
        if dep == "pcomp" and head.lower_ in self.c.frames["accusation"]:
            # "attacked the US for seizing": the object of the governing verb did it
            objects = [c for c in head.head.children if c.dep_ == "dobj"]
            return [a for c in objects for a in self._actors_of(c)]
        if dep == "advcl" and any(
            m.lower_ in self.c.frames["condition"] for m in verb.children if m.dep_ == "mark"
        ):
            return []  # an if-clause has a subject of its own
        if dep == "xcomp" and head.pos_ == "ADJ" and head.head is not head:
            return self._verb_source(head.head, depth + 1)  # "Putin was ready to meet": who is ready
        if dep == "xcomp" and head.pos_ in {"VERB", "AUX"}:
            # object control ("urged Iran to stop", "forced by X to pay": the one forced)
            for child in head.children:
                if child.dep_ in {"dobj", "nsubjpass"}:
                    return self._actors_of(child)
                if child.dep_ == "prep" and child.lower_ in {"on", "upon"}:  # "called on Georgia to ..."
                    return [a for p in child.children if p.dep_ == "pobj" for a in self._actors_of(p)]
            return self._verb_source(head, depth + 1)
        if dep in {"conj", "advcl", "pcomp"} and head.pos_ in {"VERB", "AUX"}:
            return self._verb_source(head, depth + 1)
        if dep == "acl" and verb.tag_ == "VBN":
            return []  # "a writer detained in Beijing": the noun is the one acted on
        if dep in {"acl", "relcl", "pcomp", "pobj", "prep"}:
            noun = head if head.pos_ in {"NOUN", "PROPN"} else head.head
            owner = self._noun_agent(noun)
            if owner:
                return owner
            gov = _governing_verb(noun)
            if gov is not None:
                return self._verb_source(gov, depth + 1)
        return []

    def _noun_source(self, noun: Token, code: str) -> list[str]:
        found = self._noun_agent(noun)
        if found:
            return found
        # an event noun inherits the agent of its conjuncts ("the landing by US troops ... and the capture")
        for conj in noun.conjuncts:
            found = self._noun_agent(conj)
            if found:
                return found
        gov = _governing_verb(noun)
        if gov is None:
            return []
        gov_root = self._root_of_trigger(gov)
        if gov_root in REACTION_ROOTS:
            return []
        if (
            gov.lemma_.lower() in LIGHT_VERBS
            or gov.lemma_.lower() in self.c.frames["speech"]
            or noun.dep_ in {"pobj"}
            and noun.head.lower_ in {"in", "with", "during"}
        ):
            return self._verb_source(gov)
        return []

    def _noun_agent(self, noun: Token) -> list[str]:
        """The possessor, ``by`` agent or actor modifier of a noun: "Russia's invasion", "US strikes"."""
        for child in noun.children:
            if child.dep_ == "poss":
                found = self._actors_of(child)
                if found:
                    return found
            if child.dep_ == "prep" and child.lower_ in {"by", "between"}:  # "talks between A and B"
                for pobj in child.children:
                    found = self._actors_of(pobj)
                    if found:
                        return found
        for child in noun.lefts:
            if child.dep_ in {"compound", "amod", "nmod"}:
                actor = self.table.of(child)
                if actor:
                    more = [self.table.of(c) for c in child.conjuncts if self.table.of(c)]
                    return list(dict.fromkeys([actor, *more]))
        return []

    def _actors_of(self, token: Token, exclude: list[str] | None = None) -> list[str]:
        """The actor(s) a nominal stands for: its own mention, its coordination, a pronoun's antecedent
        (never ``exclude``: "Anwar said he would not meet him" - "him" is not Anwar)."""
        found: list[str] = []
        for part in (token, *token.conjuncts):
            actor = self.table.of(part)
            coordinated = [  # "American and British warplanes": the coordinated owners too
                self.table.of(c)
                for m in part.children
                if actor is not None and m.dep_ in {"amod", "compound", "nmod"} and self.table.of(m) == actor
                for c in m.conjuncts
                if self.table.of(c)
            ]
            if actor is None and part.pos_ in {"PRON", "NOUN", "DET"}:
                resolved = self.table.resolve(part, set(exclude or ()))
                actor = resolved[0] if len(resolved) == 1 else None
                if len(resolved) > 1:
                    found += resolved
            if actor is None:  # "his Chinese counterpart Wang Yi": the named apposition
                named = [
                    self.table.of(c)
                    for c in part.children
                    if c.dep_ in {"appos", "compound"} and c.i > part.i and self.table.of(c)
                ]
                actor = named[0] if named else None
            if actor is None and part.pos_ in {"NOUN", "PROPN"}:
                owners = self._owner_in(part)
                found += [a for a in owners[1:] if a not in found]
                actor = owners[0] if owners else None
            for one in (actor, *coordinated):
                if one and one not in found:
                    found.append(one)
        return found

    def _owner_in(self, noun: Token) -> list[str]:
        """Actors that modify a noun ("Russian tanker", "American and British warplanes", "Putin's fleet")."""
        for child in noun.children:
            if child.dep_ in {"poss", "compound", "amod", "nmod"}:
                actor = self.table.of(child)
                if actor is None and child.dep_ == "poss" and child.pos_ == "PRON":
                    return self.table.resolve(child)[:1]
                if actor:
                    more = [self.table.of(c) for c in child.conjuncts if self.table.of(c)]
                    return list(dict.fromkeys([actor, *more]))
                for grand in child.children:  # "a British-flagged tanker", "Russian-owned"
                    if grand.dep_ in {"npadvmod", "amod", "compound"} and self.table.of(grand):
                        return [self.table.of(grand)]
        return []

    def _target(self, token: Token, pos: str, sense: Sense, source: list[str]) -> list[str]:
        found: list[str] = []
        preps = set(sense.preps) or set(self.c.frames["recipient_prep"])
        for child in token.children:
            dep = child.dep_
            if pos == "VERB" and dep in {"dobj", "dative", "nsubjpass"}:
                found += self._actors_of(child, source)
            elif (
                dep == "prep"
                and child.lower_ in preps
                and (pos == "NOUN" or sense.preps or child.lower_ != "of")
            ):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found += self._actors_of(pobj)
            elif pos == "NOUN" and dep == "compound" and self._noun_agent(token) and self.table.of(child):
                found.append(self.table.of(child))
        if pos == "VERB" and token.dep_ == "acl" and token.tag_ == "VBN":
            found += self._actors_of(token.head)  # "an Australian writer detained by ..."
        if pos == "VERB":  # "help defend Ukraine": the object of a dependent verb of the same act
            for child in token.children:
                if child.dep_ == "xcomp" and not found:
                    found += [a for c in child.children if c.dep_ == "dobj" for a in self._actors_of(c)]
        if not found and pos == "VERB":  # "deter attacks against the country": who it protects
            for obj in (c for c in token.children if c.dep_ == "dobj"):
                for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in preps):
                    found += [a for p in prep.children if p.dep_ == "pobj" for a in self._actors_of(p)]
        if not found and token.dep_ == "relcl" and sense.cameo[:2] in {"04", "05", "06", "07"}:
            # "an operation which the UK assisted": helping whoever ran the operation
            earlier = [e for i, e in self.by_trigger.items() if i < token.i and i >= token.sent.start]
            if earlier:
                found = list(earlier[-1].source)
        if not found and token.lemma_.lower() in self.c.frames["speech"] | {"warn": None}:
            found = self._complement_actors(token)
        return list(dict.fromkeys(found))

    def _complement_actors(self, verb: Token) -> list[str]:
        """The actors a warning or accusation is about: those named in its complement clause."""
        for child in verb.children:
            if child.dep_ == "ccomp":
                return [self.table.of(t) for t in child.subtree if self.table.of(t)][:1]
        return []

    # --- labelling frames ---------------------------------------------------------

    def _labels(self, verb: Token) -> list[Token]:
        """The label a naming verb gives: "called X *a threat*", "described X as *declarations*"."""
        labels = [c for c in verb.children if c.dep_ in {"oprd", "attr", "acomp"}]
        labels += [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in {"NOUN", "ADJ"}]
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
            labels += [g for g in prep.children if g.dep_ == "pobj"]
        return labels

    def _label_frame(self, verb: Token) -> Event | None:
        """ "described X as Y", "will be considered Y", "cannot be interpreted as anything but Y"."""
        code = self._label_code(self._labels(verb))
        if code is None:
            return None
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
        if passive:
            source = self._attribution(verb)
            labelled = [c for c in verb.children if c.dep_ == "nsubjpass"]
        else:
            source = self._verb_source(verb)
            labelled = [c for c in verb.children if c.dep_ == "dobj"]
        target = [a for t in labelled for a in self._actors_in(t)]
        if not source:
            return None
        return self._event(verb, code, source, [a for a in target if a not in source], confidence=0.55)

    def _predicate_frame(self, be: Token) -> Event | None:
        """ "Any troops sent ... would be legitimate targets, according to the ministry.\""""
        labels = [c for c in be.children if c.dep_ in {"attr", "acomp"}]
        code = self._label_code(labels)
        source = self._attribution(be) if code else []
        if not source:
            return None
        subjects = [c for c in be.children if c.dep_ in SUBJECTS]
        target = [a for t in subjects for a in self._actors_in(t)]
        return self._event(be, code, source, [a for a in target if a not in source], confidence=0.5)

    def _label_code(self, labels: Iterable[Token]) -> str | None:
        frames = self.c.frames
        for label in labels:
            words = [label, *[c for c in label.children if c.dep_ in {"amod", "compound", "conj"}]]
            for word in words:
                lemma = word.lemma_.lower()
                if lemma in frames["threat"]:
                    return frames["threat"][lemma]
            for word in words:
                lemma = word.lemma_.lower()
                if frames["pejorative"].get(lemma):
                    return frames["pejorative"][lemma]
        return None

    def _actors_in(self, phrase: Token) -> list[str]:
        """Actors named inside a noun phrase, agents ("by western forces") first."""
        agents = [
            a for t in phrase.subtree if t.dep_ == "agent" for p in t.children for a in self._actors_of(p)
        ]
        if agents:
            return agents
        direct = self._actors_of(phrase)
        if direct:
            return direct
        return list(dict.fromkeys(self.table.of(t) for t in phrase.subtree if self.table.of(t)))

    # --- modality, attribution, dates, places ---------------------------------------

    def _event(
        self, token: Token, code: str, source: list[str], target: list[str], confidence: float
    ) -> Event:
        sent = token.sent
        modality, negated, condition = self._modality(token)
        attributed = self._attribution(token)
        if modality in {"planned", "conditional", "hypothetical"}:
            code = self.c.ontology.intent_of(code)
        if (
            attributed
            and not self._same_side(attributed, source)
            and modality == "asserted"
            and self._in_speech_complement(token)
        ):
            modality = "reported"  # a third party's claim ("Iran said Israel struck ..."), not the article's
        info = self.c.ontology.get(code)
        date, date_text = self._date(token)
        place = self._place(token)
        digest = hashlib.sha1(f"{self.doc.text[:64]}|{token.idx}|{code}".encode()).hexdigest()[:16]
        event = Event(
            id=f"evt:{digest}",
            type=info.type,
            cameo=info.code,
            goldstein=info.goldstein,
            quad_class=info.quad_class,
            source=source,
            target=target,
            involves=[Involvement(actor=a, role="about") for a in self._about(token, source, target)],
            modality=modality,
            negated=negated,
            date=date,
            date_text=date_text,
            place=place["id"] if place else None,
            attributed_to=attributed,
            evidence=Evidence(
                sentence_index=self.sent_index.get(sent.start, 0),
                # the span of the stripped text: a sentence may begin with a whitespace token
                start=sent.start_char + len(sent.text) - len(sent.text.lstrip()),
                end=sent.end_char - len(sent.text) + len(sent.text.rstrip()),
                text=sent.text.strip(),
            ),
            confidence=round(min(confidence, 0.95), 2),
            trigger=token.text,
        )
        if condition is not None:
            event.condition = condition.text
            self.conditions[event.id] = condition
        self.by_trigger[token.i] = event
        return event

    def _chain(self, token: Token) -> list[Token]:
        """The word and the words that govern it up to the clause that asserts it."""
        chain = [token]
        current = token
        while current.head is not current and current.dep_ in CLAUSE_UP and len(chain) < 8:
            if current.dep_ == "ccomp":
                chain.append(current.head)
                break
            current = current.head
            chain.append(current)
        return chain

    def _modality(self, token: Token) -> tuple[str, bool, Span | None]:
        frames = self.c.frames
        modality, negated, condition = "asserted", False, None
        chain = self._chain(token)
        for i, word in enumerate(chain):
            if i > 0 and word.lemma_.lower() in frames["speech"]:
                break
            for child in word.children:
                lemma = child.lemma_.lower()
                if (
                    child.dep_ in {"aux", "auxpass"}
                    and lemma in frames["aux"]
                    or child.dep_ == "aux"
                    and child.lower_ in frames["aux"]
                ):
                    modality = _stronger(modality, frames["aux"].get(lemma) or frames["aux"][child.lower_])
                if child.dep_ == "neg" and i < 3:
                    negated = True
                if child.dep_ == "advcl":
                    marks = [m.lower_ for m in child.children if m.dep_ == "mark"]
                    if any(m in frames["condition"] for m in marks):
                        condition = self.doc[child.left_edge.i : child.right_edge.i + 1]
                        modality = "conditional"
            if i > 0 and word.lemma_.lower() in frames["intent"] and _governed(chain[:i]):
                modality = _stronger(modality, frames["intent"][word.lemma_.lower()] or "planned")
            if i > 0 and word.lemma_.lower() in frames["negator"] and chain[i - 1].dep_ == "xcomp":
                negated = True  # "refused to sign"; not "denied that ... was linked"
        if modality == "conditional" and condition is None:
            # "would" with no if-clause: in reported speech the future of the past ("said it would
            # retaliate": planned), elsewhere a hypothesis
            modality = "planned" if self._in_speech_complement(token) else "hypothetical"
        return modality, negated, condition

    def _trigger_of(self, event: Event) -> int:
        return next(i for i, e in self.by_trigger.items() if e is event)

    def _same_side(self, speakers: list[str], source: list[str]) -> bool:
        """Does a speaker speak for the source ("Wong said Canberra demanded": both Australia)?"""

        def sides(ids: list[str]) -> set[str]:
            return {x for a in ids for x in (a, self.table.actors[a].country) if x} if ids else set()

        return bool(sides(speakers) & sides(source))

    def _in_speech_complement(self, token: Token) -> bool:
        """Is the word inside what somebody says ("X said (that) ...")? A passive with no speaker
        ("famine had been confirmed") is not speech."""
        return any(
            w.lemma_.lower() in self.c.frames["speech"] and not any(c.dep_ == "auxpass" for c in w.children)
            for w in self._chain(token)[1:]
        )

    def _attribution(self, token: Token) -> list[str]:
        """Who the article says claims it: "X said (that) ...", "according to X", an open quotation."""
        sent = token.sent
        for word in self._chain(token)[1:]:
            if word.lemma_.lower() in self.c.frames["speech"]:
                found = self._verb_source(word)
                if found:
                    return found
        root = sent.root
        if root.lemma_.lower() in self.c.frames["speech"] and token.i > root.i:
            found = self._verb_source(root)
            if found:
                return found
        return self._according_to(sent) or list(self.quote_speaker)

    def _according_to(self, sent: Span) -> list[str]:
        """The source of information named by "according to X" in a sentence."""
        for word in sent:
            if word.lower_ == "according" and word.i + 1 < len(self.doc):
                for pobj in self.doc[word.i + 1].children:
                    if pobj.dep_ == "pobj":
                        found = self._actors_of(pobj)
                        if found:
                            return found
        return []

    def _track_quotes(self, sent: Span) -> None:
        """A quotation opened after "X said:" runs on over the next sentences until it closes."""
        text = sent.text
        opens, closes = text.count("“"), text.count("”")  # double quotes: "’" is also an apostrophe
        root = sent.root
        if root.lemma_.lower() in self.c.frames["speech"] and "“" in text:
            speaker = self._verb_source(root)
            if speaker and opens > closes:
                self.quote_speaker = speaker
                return
        if self.quote_speaker and not text.lstrip().startswith(("“", '"')) and opens <= closes:
            self.quote_speaker = []

    def _date(self, token: Token) -> tuple[str | None, str | None]:
        """The date expression attached to the word or its clause; the parser sometimes hangs
        "on Monday" on the subject ("ministers on Monday imposed"), so the subject is looked at too."""
        for word in self._chain(token)[:3]:
            subjects = [c for c in word.children if c.dep_ in {"nsubj", "nsubjpass"}]
            for child in [*word.children, *(g for s in subjects for g in s.children if g.dep_ == "prep")]:
                for t in (child, *[g for g in child.children if g.dep_ == "pobj"]):
                    if t.ent_type_ == "DATE":
                        ent = next((e for e in t.sent.ents if e.start <= t.i < e.end), None)
                        if ent is not None:
                            future = any(c.lower_ in {"will", "shall", "'ll"} for c in word.children)
                            return resolve_date(ent.text, self.published, future), ent.text
        return None, None

    def _place(self, token: Token) -> dict | None:
        for word in self._chain(token)[:2]:
            for child in word.children:
                if child.dep_ == "prep" and child.lower_ in {"in", "at", "near", "off"}:
                    for pobj in child.children:
                        place = self.table.places.get(pobj.i)
                        if place is not None:
                            self.places.append(place)
                            return place
        return None

    def _about(self, token: Token, source: list[str], target: list[str]) -> list[str]:
        """Other actors named in the act's own phrases (INVOLVES, role "about"): "attacked the US for
        seizing a Russian tanker" is also about Russia."""
        named: list[str] = []
        stack = [c for c in token.children if c.dep_ in PHRASE_DEPS and c.lower_ != "according"]
        while stack:  # down the act's own noun phrases, never into another clause
            word = stack.pop()
            actor = self.table.of(word)
            if actor and actor not in source and actor not in target:
                named.append(actor)
            stack += [c for c in word.children if c.dep_ in PHRASE_DEPS]
        return list(dict.fromkeys(named))[:3]

    def _accusation(self, token: Token) -> bool:
        """A fight verb with a reason clause ("attacked the US for seizing") or a non-physical object."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in self.c.frames["accusation"]:
                if any(g.pos_ == "VERB" or g.dep_ == "pcomp" for g in child.children):
                    return True
            if child.dep_ == "dobj" and child.lemma_.lower() in self.c.frames["reference"]:
                return True
            if child.dep_ == "dobj" and child.lemma_.lower() in self.c.frames["verbal_object"]:
                return True
        return False

    def _root_of_trigger(self, verb: Token) -> str | None:
        pos = "NOUN" if verb.pos_ in {"NOUN", "PROPN"} else verb.pos_
        senses = self.c.lexicon.senses(verb.lemma_.lower(), pos)
        return senses[0].cameo[:2] if senses else None

    # --- links between events -----------------------------------------------------

    def _link(self, events: list[Event]) -> None:
        """CONDITIONAL_ON: events inside an event's if-clause. RESPONDS_TO: the earlier act a reaction's
        object names ("rejected the proposals", "condemned the attack"); its source becomes the target."""
        for event in events:
            condition = self.conditions.get(event.id)
            if condition is not None:
                event.conditional_on = [
                    e.id
                    for i, e in self.by_trigger.items()
                    if condition.start <= i < condition.end and e.id != event.id
                ]
            if event.cameo[:2] not in REACTION_ROOTS:
                continue
            trigger = next((i for i, e in self.by_trigger.items() if e is event), None)
            if trigger is None:
                continue
            earlier = self._referenced(self.doc[trigger], event)
            if earlier is not None:
                event.responds_to = [earlier.id]
                if not event.target:
                    event.target = [a for a in earlier.source if a not in event.source]

    def _referenced(self, trigger: Token, event: Event) -> Event | None:
        reference = self.c.frames["reference"]
        objects = [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]
        objects += [g for c in trigger.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        for noun in objects:
            lemma = noun.lemma_.lower()
            wanted = set((reference.get(lemma) or "").split("|")) | {lemma}
            senses = self.c.lexicon.senses(lemma, "NOUN")
            root = senses[0].cameo[:2] if senses else None
            before = [
                (i, e)
                for i, e in sorted(self.by_trigger.items())
                if i < trigger.i and e is not event and e.source
            ]
            same_word = [e for i, e in before if self.doc[i].lemma_.lower() in wanted]
            same_kind = [e for _i, e in before if root and e.cameo[:2] == root]
            if same_word or same_kind:
                return (same_word or same_kind)[-1]
        return None


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun phrase hangs from, through prepositions: "assisted with in a crackdown" -> assisted."""
    current = noun
    for _ in range(4):
        head = current.head
        if head is current:
            return None
        if head.pos_ in {"VERB", "AUX"}:
            return head
        if current.dep_ not in {"pobj", "prep", "dobj", "conj", "appos", "attr", "nsubjpass"}:
            return None
        current = head
    return None


def _governed(path: list[Token]) -> bool:
    """Does an intent word govern the start of this path? Through to-infinitives and objects
    ("pledged to send", "pledged 30 million euros in aid"), not into a participle clause of its
    own ("agreed to a ceasefire brokered by Qatar": the brokering happened)."""
    return not any(w.dep_ in {"acl", "relcl", "advcl"} and w.tag_ in {"VBN", "VBD", "VBG"} for w in path)


def _stronger(current: str, new: str) -> str:
    return new if MODALITY_RANK.get(new, 0) > MODALITY_RANK.get(current, 0) else current


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per act. In one sentence, the same code family from the same source is one act:
    keep the most informative (with a target, then the most confident), and let it take the date
    and place the others found ("starting the war ... in February 2022 with its invasion of Ukraine")."""
    groups: dict[tuple, list[Event]] = {}
    for event in events:
        assert event.evidence is not None
        key = (event.evidence.sentence_index, event.cameo[:2], tuple(sorted(event.source)))
        groups.setdefault(key, []).append(event)
    kept: list[Event] = []
    for group in groups.values():
        with_target = [e for e in group if e.target]
        pool = with_target or group
        targets: dict[tuple, Event] = {}
        for event in pool:
            key = tuple(sorted(event.target))
            if key not in targets or event.confidence > targets[key].confidence:
                targets[key] = event
        for event in targets.values():
            for other in group:
                event.date = event.date or other.date
                event.date_text = event.date_text or other.date_text
                event.place = event.place or other.place
        kept += targets.values()
    order = {id(e): n for n, e in enumerate(events)}
    return sorted(kept, key=lambda e: order[id(e)])
