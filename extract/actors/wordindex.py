"""Where each word of a Doc stands: a pass whose trigger words the Doc lacks skips it.

Most passes look for a few words ("tanker", "party", "mission", an agent noun) and used to ask every
token; spaCy makes a Token object and a string for each such question. :class:`WordIndex` reads the
Doc's word and lemma ids in one array each (``Doc.to_array``), groups the token indices by id and
spells each id once, so a pass asks ``index.at(VEHICLES)`` and reads only the tokens it names.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc


class WordIndex:
    """Token indices of one Doc by lower-case word (``at``) and by lower-case lemma (``at_lemma``)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.lower = _positions(doc, LOWER, str)
        self._lemma: dict[str, list[int]] | None = None  # made on first use

    @property
    def lemma(self) -> dict[str, list[int]]:
        if self._lemma is None:
            self._lemma = _positions(self.doc, LEMMA, str.lower)
        return self._lemma

    def at(self, words: Collection[str]) -> list[int]:
        """The indices, in text order, of the tokens whose lower-case form is one of ``words``."""
        return _where(self.lower, words)

    def at_lemma(self, words: Collection[str]) -> list[int]:
        """The indices, in text order, of the tokens whose lemma in lower case is one of ``words``."""
        return _where(self.lemma, words)


def _where(index: dict[str, list[int]], words: Collection[str]) -> list[int]:
    found = [i for word in index if word in words for i in index[word]]  # the Doc's words are fewer
    found.sort()
    return found


def _positions(doc: Doc, attr: int, fold: Callable[[str], str]) -> dict[str, list[int]]:
    by_id: dict[int, list[int]] = {}
    for i, key in enumerate(doc.to_array(attr).tolist()):
        by_id.setdefault(key, []).append(i)
    strings, index = doc.vocab.strings, {}
    for key, where in by_id.items():
        word = fold(strings[key])
        index[word] = sorted(index[word] + where) if word in index else where  # "Operation", "operation"
    return index
