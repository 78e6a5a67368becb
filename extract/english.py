"""Does a Doc look like English? The English model reads other languages as noise."""

from __future__ import annotations

from spacy.attrs import IS_ALPHA, IS_STOP
from spacy.tokens import Doc

NOT_ENGLISH = "does not look like English text; no events extracted"


def looks_english(doc: Doc) -> bool:
    """English prose is about 40% stop words; other languages score near zero on English's list."""
    flags = doc.to_array([IS_ALPHA, IS_STOP])  # one array, not a Token object per word
    words = int(flags[:, 0].sum())
    if words < 30:
        return True
    return int((flags[:, 0] & flags[:, 1]).sum()) >= 0.15 * words
