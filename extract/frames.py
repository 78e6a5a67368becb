"""The function-word frames of ``data/frames.tsv``: speech verbs, modals, conditions, labels, ..."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


class Frames:
    """``frames.tsv`` as ``frame -> {lemma: value}``; a missing value is ``None``."""

    def __init__(self, table: dict[str, dict[str, str | None]]):
        self._table = table

    def __getitem__(self, frame: str) -> dict[str, str | None]:
        return self._table.get(frame, {})

    @classmethod
    @lru_cache(maxsize=4)
    def load(cls, path: Path | None = None) -> Frames:
        table: dict[str, dict[str, str | None]] = defaultdict(dict)
        lines = (path or DATA / "frames.tsv").read_text(encoding="utf-8").splitlines()
        rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
        for lemma, frame, value in rows[1:]:  # rows[0] is the header
            table[frame][lemma] = None if value == "-" else value
        return cls(dict(table))
