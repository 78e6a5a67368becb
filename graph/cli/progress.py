"""Progress bars on stderr for long work (rich, imported when a bar is shown: ``--help`` stays quick),
silent when stderr is not a terminal or in CI."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def wanted() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI") and not os.environ.get("NEWSGRAPH_NO_PROGRESS")


def progress_records(items: Iterable[T], total: int | None, label: str) -> Iterator[T]:
    """Yield ``items`` unchanged while a progress bar counts them."""
    if not wanted():
        yield from items
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)
