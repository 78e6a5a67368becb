"""A Doc's dependency tree and sentences read once per coding run, for the event rules.

spaCy answers ``token.children`` by scanning the word's whole subtree and making a new Token object
per child, ``token.sent`` by walking to the sentence's bounds (about 5 µs a call) and ``doc[i]`` by
making a new Token; the event rules ask these many times for each trigger word. The functions here
answer the same from lists made once per Doc over ``doctokens.tokens`` (kept in ``doc.user_data``
until :func:`release`, which the events component calls when it is done: the lists refer back to
their Doc).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import DEP, HEAD
from spacy.symbols import conj
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.doctokens import tokens

KEY = "newsgraph.events.tree"


@dataclass(frozen=True)
class Tree:
    doc: Doc
    words: list[Token]  # doctokens.tokens(doc)
    children: list[list[Token]]  # by token index, in text order (as ``Token.children``); read-only
    sentences: list[Span]  # as ``Doc.sents``
    sentence_of: list[int]  # by token index: its sentence's place in ``sentences``
    head_of: list[int]  # by token index: its head's index (a root is its own head)
    is_conj: list[bool]  # by token index: is its dep "conj"?
    conj_of: list[list[int]]  # by token index: its dependents of dep "conj" after it (``Token.conjuncts``)


def read(doc: Doc) -> Tree:
    """The tree of a Doc, made on first use."""
    last = _last[0]  # the rules ask about one Doc many times in a row: no dictionary look-up then
    if last is not None and last.doc is doc and len(last.words) == len(doc):
        return last
    made = doc.user_data.get(KEY)
    if made is None or len(made.words) != len(doc):  # a Doc edited after the tree was read gets a new one
        made = doc.user_data[KEY] = _read(doc)
    _last[0] = made
    return made


_last: list[Tree | None] = [None]  # the tree read last


def _read(doc: Doc) -> Tree:
    words = tokens(doc)
    kids: list[list[Token]] = [[] for _ in words]
    conj_of: list[list[int]] = [[] for _ in words]
    # each word's head as an offset from the word (0: a root, its own head), read without Tokens
    offsets = doc.to_array(HEAD).view("int64").tolist()
    is_conj = [dep == conj for dep in doc.to_array(DEP).tolist()]
    for i, offset in enumerate(offsets):
        if offset:
            kids[i + offset].append(words[i])
            if offset < 0 and is_conj[i]:
                conj_of[i + offset].append(i)
    sentences = list(doc.sents)
    sentence_of = [0] * len(words)
    for number, sent in enumerate(sentences):
        sentence_of[sent.start : sent.end] = [number] * (sent.end - sent.start)
    head_of = [i + offset for i, offset in enumerate(offsets)]
    return Tree(doc, words, kids, sentences, sentence_of, head_of, is_conj, conj_of)


def children(token: Token) -> list[Token]:
    """``token.children``: the word's immediate dependents, in text order (the tree's own list: never
    change it)."""
    tree, doc = _last[0], token.doc  # ``read`` inlined: the rules ask this most
    if tree is None or tree.doc is not doc or len(tree.words) != len(doc):
        tree = read(doc)
    return tree.children[token.i]


def lefts(token: Token) -> list[Token]:
    """``token.lefts``: the dependents before the word."""
    return [c for c in children(token) if c.i < token.i]


def subtree(token: Token) -> list[Token]:
    """``token.subtree``: the word and all its descendants, in ``Token.subtree``'s order."""
    kids = read(token.doc).children
    found: list[Token] = []

    def walk(word: Token) -> None:
        below = kids[word.i]
        for child in below:
            if child.i < word.i:
                walk(child)
        found.append(word)
        for child in below:
            if child.i > word.i:
                walk(child)

    walk(token)
    return found


def conjuncts(token: Token) -> tuple[Token, ...]:
    """``token.conjuncts``: the words coordinated with this one, without it (read as spaCy does: up
    the "conj" arcs to the first conjunct, then down its conjuncts after it)."""
    tree = read(token.doc)
    start = token.i
    while tree.is_conj[start] and tree.head_of[start] != start:
        start = tree.head_of[start]
    found = [start]
    for i in found:  # grows while read: conjuncts of conjuncts
        found += tree.conj_of[i]
    return tuple(tree.words[i] for i in found if i != token.i)


def sentence(token: Token) -> Span:
    """``token.sent``: the sentence the word is in."""
    tree = read(token.doc)
    return tree.sentences[tree.sentence_of[token.i]]


def sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)``."""
    return read(doc).sentences


def token_at(doc: Doc, i: int) -> Token:
    """``doc[i]`` (a non-negative index), without making a new Token."""
    return read(doc).words[i]


def release(doc: Doc) -> None:
    """Drop the tree (Docs leave the pipeline without it: it is no plain data)."""
    doc.user_data.pop(KEY, None)
    if _last[0] is not None and _last[0].doc is doc:
        _last[0] = None
