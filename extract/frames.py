"""The function-word frames of ``data/frames.tsv``: speech verbs, modals, conditions, labels, ..."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

DATA = Path(__file__).with_name("data")
_EMPTY: Mapping[str, str | None] = MappingProxyType({})


class Frames:
    """``frames.tsv`` as ``frame -> {lemma: value}``; a missing value is ``None``.

    The mappings are read-only: one cached ``Frames`` is shared by every rule and component."""

    def __init__(self, table: dict[str, dict[str, str | None]]):
        self._table = {frame: MappingProxyType(dict(rows)) for frame, rows in table.items()}

    def __getitem__(self, frame: str) -> Mapping[str, str | None]:
        return self._table.get(frame, _EMPTY)

    def words(self, frame: str) -> frozenset[str]:
        """The lemmas of a frame, for fast membership tests."""
        return frozenset(self[frame])

    def having(self, frame: str, item: str) -> frozenset[str]:
        """The lemmas of a frame whose value lists ``item`` ("in" has "event|name|wide")."""
        return frozenset(lemma for lemma, value in self[frame].items() if item in (value or "").split("|"))

    @classmethod
    @lru_cache(maxsize=4)
    def load(cls, path: Path | None = None) -> Frames:
        table: dict[str, dict[str, str | None]] = defaultdict(dict)
        lines = (path or DATA / "frames.tsv").read_text(encoding="utf-8").splitlines()
        rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
        for lemma, frame, value in rows[1:]:  # rows[0] is the header
            table[frame][lemma] = None if value == "-" else value
        return cls(dict(table))
