"""Where each word of a Doc stands: a pass whose trigger words the Doc lacks skips it.

Most passes look for a few words ("tanker", "party", "mission", an agent noun) and used to ask every
token; spaCy makes a Token object and a string for each such question. :class:`WordIndex` reads the
Doc's word and lemma ids in one array (``Doc.to_array``) and groups the token indices by their
lower-case spelling, so a pass asks ``index.at(VEHICLES)`` and reads only the tokens it names.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc

# word or lemma id -> its spelling in lower case, for every Doc (an id is the hash of its string)
_SPELLING: dict[int, str] = {}


class WordIndex:
    """Token indices of one Doc by lower-case word (``at``) and by lower-case lemma (``at_lemma``)."""

    def __init__(self, doc: Doc) -> None:
        self.lower: dict[str, list[int]] = {}
        self.lemma: dict[str, list[int]] = {}
        self._asked: dict[tuple[bool, Collection[str]], list[int]] = {}  # a word list's answer, once per Doc
        strings, spelling = doc.vocab.strings, _SPELLING
        if len(spelling) > 1 << 17:  # a long run meets many words: keep the memory bounded
            spelling.clear()
        for i, (word, lemma) in enumerate(doc.to_array([LOWER, LEMMA]).tolist()):
            spelled = spelling.get(word) or spelling.setdefault(word, strings[word].lower())
            self.lower.setdefault(spelled, []).append(i)
            spelled = spelling.get(lemma) or spelling.setdefault(lemma, strings[lemma].lower())
            self.lemma.setdefault(spelled, []).append(i)

    def at(self, words: Collection[str]) -> list[int]:
        """The indices, in text order, of the tokens whose lower-case form is one of ``words`` (the
        same list for the same frozenset or tuple of words: read it, do not change it)."""
        return self._ask(False, words)

    def at_lemma(self, words: Collection[str]) -> list[int]:
        """The indices, in text order, of the tokens whose lemma in lower case is one of ``words``."""
        return self._ask(True, words)

    def _ask(self, lemma: bool, words: Collection[str]) -> list[int]:
        if not isinstance(words, (frozenset, tuple)):  # a list or set made for one question
            return _where(self.lemma if lemma else self.lower, words)
        key = (lemma, words)
        if key not in self._asked:
            self._asked[key] = _where(self.lemma if lemma else self.lower, words)
        return self._asked[key]


def _where(index: dict[str, list[int]], words: Collection[str]) -> list[int]:
    if len(words) < len(index):  # a few trigger words: look each up (once each)
        found = [i for word in set(words) if word in index for i in index[word]]
    else:  # a lexicon larger than the Doc: read the Doc's words
        found = [i for word in index if word in words for i in index[word]]
    found.sort()
    return found
