"""Span tests the actor rules share: a clean name span, a name used as a location, a headline line."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.doctokens import sentences, span_text, tokens
from newsgraph.extract.frames import Frames

_FRAMES = Frames.load()
LOCATIVE = _FRAMES.having("place_prep", "name")  # "in Paris", "near Goma": a location
LOCATIVE_WIDE = _FRAMES.having("place_prep", "wide")  # also "into Rafah", "towards Goma"
PLACE_NOUNS = _FRAMES.words("place_noun")  # "the Zamzam camp", "the town of Rafah"


def clean_span(span: Span) -> Span | None:
    """Drop leading determiners and trailing possessives/punctuation: "the Coalition of the Willing’s"."""
    start, end = span.start, span.end
    doc = span.doc
    words = tokens(doc)
    # quote marks and possessive endings are spelling, not words: they stay here, not in frames.tsv
    # a line break the NER swallowed ("Sportsdesk Wire\n") is no part of the name either
    while start < end and (
        words[start].pos_ in {"DET", "PUNCT", "SPACE"} or words[start].lower_ in {"the", "“", '"'}
    ):
        start += 1
    while end > start and (
        words[end - 1].tag_ == "POS"
        or words[end - 1].pos_ in {"PUNCT", "ADP", "DET", "CCONJ", "SPACE"}  # "The Armed Forces of"
        or words[end - 1].lower_ in {"’s", "'s", "’", "'"}
    ):
        end -= 1
    return Span(doc, start, end) if end > start else None  # doc[start:end], without its slice checks


def is_location(span: Span, wide: bool = False) -> bool:
    """A place name used as a location ("in Paris", "near Goma") rather than as an actor."""
    head = span.root
    preps = LOCATIVE_WIDE if wide else LOCATIVE
    if wide:
        while head.dep_ == "conj" and head.head.i != head.i:  # "near Goma and Bukavu"
            head = head.head
        if head.dep_ == "compound" and head.head.lemma_.lower() in PLACE_NOUNS:  # "the Zamzam camp"
            return True
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in PLACE_NOUNS:
            return True  # "the town of Rafah"
    return head.dep_ == "pobj" and head.head.lower_ in preps


def title_case_line(span: Span, seen: dict[int, bool]) -> bool:
    """Is the span in a headline-style sentence, most of whose words are capitalised?
    ``seen`` keeps the answer per sentence start for one Doc (once per sentence, not per entity)."""
    sent = sentences(span.doc)[span.start]
    if sent.start not in seen:
        text = span_text(sent).strip()
        if text[-1:] in {".", "!", "?"}:  # a headline has no full stop; a sentence of names does
            seen[sent.start] = False
        else:
            words = [w for w in (w.strip(".,;:!?\"'“”’") for w in text.split()) if w.isalpha() and len(w) > 3]
            seen[sent.start] = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
    return seen[sent.start]


def noun_phrase(token: Token, phrase: Span) -> Span:
    """The noun phrase of an agent noun without determiners: "Russian foreign ministry"."""
    start = min([phrase.start] + [c.i for c in token.lefts if c.dep_ in {"amod", "compound", "poss"}])
    span = Span(token.doc, start, token.i + 1)
    return clean_span(span) or span


def clause_of(token: Token) -> Token:
    """The verb heading the clause a word stands in (the sentence root when there is none)."""
    node = token
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        node = node.head
    return node


def same_clause(word: Token, place: Token) -> bool:
    """``place_in_clause``: a place counts for a word in its own clause or a clause above it ("Police
    arrested protesters in Tbilisi"; "Officials in Dhaka said the government ..."), never in a clause
    below or beside it ("Responding after a meeting in Paris, the ministry ...")."""
    target = clause_of(place).i
    node = clause_of(word)
    while True:
        if node.i == target:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
