"""Records from what a user names on the command line: article files, folders, feeds, or record files.

A ``.jsonl`` written by ``newsgraph extract`` is read back as records (no second parse);
anything else is read as articles and extracted. Skipped inputs are reported through
``on_skip`` and counted, so the CLI can exit with "done, but some inputs were skipped".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from newsgraph.extract.fetch import is_url
from newsgraph.extract.readers import check_paths, count_articles, is_record_file, iter_articles
from newsgraph.extract.record import ArticleRecord, read_jsonl


class RecordSource:
    """Iterate to get one :class:`ArticleRecord` per article, in input order."""

    def __init__(
        self,
        paths: tuple[str, ...] | list[str],
        model: str | None = None,
        published: str | None = None,
        n_process: int = 1,
        on_skip: Callable[[str], None] | None = None,
    ):
        self.paths = check_paths(paths)  # a missing path is an InputError before any work
        self.model, self.published, self.n_process = model, published, n_process
        self.skipped: list[str] = []
        self.warnings: list[str] = []
        self._on_skip = on_skip

    def skip(self, message: str) -> None:
        self.skipped.append(message)
        if self._on_skip:
            self._on_skip(message)

    def warn(self, message: str) -> None:
        self.warnings.append(message)
        if self._on_skip:
            self._on_skip(message)

    def record_files(self) -> list[Path]:
        return [Path(p) for p in self.paths if is_record_file(Path(p))]

    def article_count(self) -> int | None:
        """How many articles at most; None when a feed URL is among the inputs (known once fetched)."""
        if any(is_url(p) for p in self.paths):
            return None
        articles = [p for p in self.paths if not is_record_file(Path(p))]
        return count_articles(articles) if articles else 0

    def __iter__(self) -> Iterator[ArticleRecord]:
        for path in self.record_files():
            try:
                yield from read_jsonl(path)
            except ValueError as exc:
                self.skip(str(exc))
        articles = [p for p in self.paths if not is_record_file(Path(p))]
        if not articles:
            return
        from newsgraph.extract.pipeline import Extractor

        extractor = Extractor(model=self.model, n_process=self.n_process)
        stream = iter_articles(articles, published=self.published, on_skip=self.skip, on_warn=self.warn)
        for record in extractor.extract_many(stream):
            for warning in record.warnings:
                self.warn(f"{record.article.path}: {warning}")
            yield record
