"""The ``watch`` job: poll feeds, extract and load only the items not seen before, remember them.

One round: take the state file's lock (a second watcher on the same state skips its round instead
of loading the same items twice), read each feed (``readers.iter_feed``; a feed that fails is one
line and the others go on), keep the items whose key (GUID, else link) the state does not hold,
extract them, load them with ``load_records`` (what ``newsgraph load`` uses), and only then add their
keys to the state, written atomically (a temporary file renamed over the old one). An interrupted
round therefore loses nothing: its items are still unseen and come again next round, and loading
an article twice changes nothing.

The state lives beside the local server's data: ``$NEWSGRAPH_HOME/watch/state.json``.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout

from newsgraph.extract.errors import NewsgraphError
from newsgraph.extract.fetch import Fetcher
from newsgraph.extract.readers import iter_feed
from newsgraph.extract.record import Article, ArticleRecord
from newsgraph.graph.neo4j.connection import Settings
from newsgraph.graph.neo4j.loader import load_records
from newsgraph.graph.neo4j.server import data_home

KEEP_KEYS = 10_000  # keys remembered per feed: far more than any feed lists at once
Report = Callable[[str], None]


def default_state_path() -> Path:
    return data_home() / "watch" / "state.json"


@dataclass
class Round:
    """What one round did, as the one line ``newsgraph watch`` prints."""

    feeds: int = 0
    new: int = 0
    events: int = 0
    problems: list[str] = field(default_factory=list)
    busy: bool = False

    def __str__(self) -> str:
        if self.busy:
            return "skipped: another watcher is running a round on this state file"
        feeds = f"{self.feeds} feed{'' if self.feeds == 1 else 's'}"
        if not self.new:
            line = f"{feeds}, nothing new"
        else:
            line = f"{feeds}, {self.new} new item{'' if self.new == 1 else 's'} loaded ({self.events} events)"
        return line + (f", {len(self.problems)} problem(s) on stderr" if self.problems else "")


class SeenState:
    """The keys already loaded, per feed, in a JSON file guarded by a lock file beside it."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.lock = FileLock(str(self.path) + ".lock")

    def read(self) -> dict[str, list[str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise NewsgraphError(f"{self.path}: not a watch state file ({exc}); fix or remove it") from exc
        feeds = data.get("feeds") if isinstance(data, dict) else None
        if not isinstance(feeds, dict):
            raise NewsgraphError(f"{self.path}: not a watch state file (no 'feeds'); fix or remove it")
        return {feed: list(keys) for feed, keys in feeds.items()}

    def write(self, feeds: dict[str, list[str]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"version": 1, "feeds": feeds}, ensure_ascii=False, indent=1)
        handle, temporary = tempfile.mkstemp(prefix=".state-", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self.path)  # atomic: a reader sees the old file or the new one
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


class Watcher:
    """Rounds over ``feeds`` into the Neo4j of ``settings``; the spaCy pipeline is loaded once."""

    def __init__(
        self,
        feeds: list[str],
        settings: Settings,
        state: SeenState,
        model: str | None = None,
        published: str | None = None,
        on_problem: Report | None = None,
    ):
        self.feeds, self.settings, self.state = feeds, settings, state
        self.model, self.published = model, published
        self._report = on_problem or (lambda _line: None)
        self._extractor = None

    def round(self) -> Round:
        result = Round(feeds=len(self.feeds))
        try:
            with self.state.lock.acquire(timeout=0):
                self._run(result)
        except Timeout:
            result.busy = True
        return result

    def _run(self, result: Round) -> None:
        seen = self.state.read()
        fetched: list[tuple[str, str, Article]] = []
        fetcher = Fetcher()
        try:
            for feed in self.feeds:
                known = set(seen.get(feed, []))
                for item, article in iter_feed(
                    feed, fetcher, self.published, self._problem(result), self._problem(result),
                    wanted=lambda item, known=known: item.key not in known,
                ):  # fmt: skip
                    fetched.append((feed, item.key, article))
        finally:
            fetcher.close()
        if not fetched:
            return
        load_records(self._counted(self._extract([a for _f, _k, a in fetched]), result), self.settings)
        for feed, key, _article in fetched:  # the load committed: now they count as seen
            keys = seen.setdefault(feed, [])
            keys.append(key)
            del keys[:-KEEP_KEYS]
        self.state.write(seen)
        result.new = len(fetched)

    def _extract(self, articles: list[Article]) -> Iterator[ArticleRecord]:
        if self._extractor is None:
            from newsgraph.extract.pipeline import Extractor

            self._extractor = Extractor(model=self.model)
        return self._extractor.extract_many(iter(articles))

    def _counted(self, records: Iterator[ArticleRecord], result: Round) -> Iterator[ArticleRecord]:
        for record in records:
            result.events += len(record.events)
            for warning in record.warnings:
                self._problem(result)(f"{record.article.url or record.article.path}: {warning}")
            yield record

    def _problem(self, result: Round) -> Report:
        def report(line: str) -> None:
            result.problems.append(line)
            self._report(line)

        return report


def parse_every(text: str) -> float:
    """Seconds from ``90``, ``30s``, ``15m``, ``2h``; at least 10 s (feeds are someone else's server)."""
    units = {"s": 1, "m": 60, "h": 3600}
    value = text.strip().lower()
    factor = units.get(value[-1:], None)
    number = value[:-1] if factor else value
    try:
        seconds = float(number) * (factor or 1)
    except ValueError:
        raise ValueError(f"{text!r} is not a duration (write 90, 30s, 15m or 2h)") from None
    if seconds < 10:
        raise ValueError(f"{text!r} is too often: poll every 10 s at most")
    return seconds
