"""Every Token of a Doc made once: ``tokens(doc)`` for the coding pipeline's rules.

spaCy makes a new :class:`~spacy.tokens.Token` object for each ``doc[i]`` and on every pass of
``for token in doc``; the actor and event rules pass over an article's tokens many times, and
making those objects was the largest single cost of the coding pipeline. ``tokens(doc)`` makes the
list on first use and keeps it in ``doc.user_data`` until :func:`release` (the events component
calls it when it is done: the list refers back to its Doc, a cycle only the garbage collector frees).
``sentences(doc)`` does the same for each token's sentence (``token.sent`` scans the Doc for the
sentence's bounds and makes a new Span at every call, some microseconds each), and ``span_text(span)``
for a span's text (spaCy joins the text of every token of a span or Doc at each ``.text``).
"""

from __future__ import annotations

from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc, Span, Token

KEY = "newsgraph.tokens"
SENTENCES = "newsgraph.sentences"
TEXT = "newsgraph.text"
_SPELLED: dict[int, str] = {}  # word id -> its text, for every Doc (an id is the hash of its string)


def tokens(doc: Doc) -> list[Token]:
    """``list(doc)``, the same list for every caller until the Doc is released."""
    made = doc.user_data.get(KEY)
    if made is None or len(made) != len(doc):  # a Doc edited after the list was made gets a new one
        made = doc.user_data[KEY] = list(doc)
    return made


def sentences(doc: Doc) -> list[Span]:
    """The sentence of every token by its index (``sentences(doc)[token.i]`` is ``token.sent``),
    each sentence one Span shared by its tokens, until the Doc is released."""
    made = doc.user_data.get(SENTENCES)
    if made is None or len(made) != len(doc):
        made = doc.user_data[SENTENCES] = [sent for sent in doc.sents for _ in range(len(sent))]
    return made


def span_text(span: Span) -> str:
    """``span.text``, cut from the Doc's text made once (until the Doc is released)."""
    doc = span.doc
    whole = doc.user_data.get(TEXT)
    if whole is None:
        whole = doc.user_data[TEXT] = _text(doc)
    return whole[span.start_char : span.end_char]


def _text(doc: Doc) -> str:
    """``doc.text`` from the words' ids, each spelled once per process (spaCy decodes a new string
    from its store for every token's ``text_with_ws``); a token's whitespace is one space or none."""
    strings, spelled = doc.vocab.strings, _SPELLED
    if len(spelled) > 1 << 17:  # a long run meets many words: keep the memory bounded
        spelled.clear()
    parts = []
    for orth, space in doc.to_array([ORTH, SPACY]).tolist():
        word = spelled.get(orth)
        if word is None:
            word = spelled[orth] = strings[orth]
        parts.append(word + " " if space else word)
    return "".join(parts)


def release(doc: Doc) -> None:
    """Drop the lists (Docs leave the pipeline without them: they are no plain data)."""
    doc.user_data.pop(KEY, None)
    doc.user_data.pop(SENTENCES, None)
    doc.user_data.pop(TEXT, None)
