"""Rows printed for a person at a terminal: a table that fits its width, or one block per record.

A table never breaks a header and never wraps a value one word per line: the widest columns (an
evidence sentence, a title) are left out first until the rest fits, values that still do not fit
end in an ellipsis, and a last line names what was left out. ``wide`` keeps every column and every
value at full length (the lines may then exceed the terminal: pipe into ``less -S``); ``vertical``
prints each record as a block of ``column  value`` lines with values wrapped, nothing cut. JSON and
CSV output never go through here: they always carry the full values.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

# A column shown narrower than this (or its header, when longer) cannot be read.
MIN_READABLE = 10
# A column whose widest value is at least this long is text to read, not to scan: left out first.
LONG_TEXT = 30
# What each column costs beyond its text in rich's default box: one space either side and a rule.
COLUMN_OVERHEAD = 3


def cell_text(value: Any) -> str:
    """A value as one line of table text (lists joined by commas, maps as JSON, None empty)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(cell_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return " ".join(str(value).split())  # a sentence's line breaks would break the row


def print_rows(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str, title: str, *, wide: bool = False,
    vertical: bool = False,
) -> None:  # fmt: skip
    """Rows as ``table`` (fits the terminal), or ``json`` and ``csv`` with every value in full."""
    if fmt == "json":
        records = [dict(zip(columns, row, strict=True)) for row in rows]
        print(json.dumps(records, ensure_ascii=False, indent=1, default=str))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_csv_cell(v) for v in row] for row in rows])
    else:
        print_table(title, columns, rows, wide=wide, vertical=vertical)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def fit_columns(headers: Sequence[str], cells: Sequence[Sequence[str]], width: int) -> dict[int, int]:
    """The columns to show at ``width`` and the width of each (by column index).

    The widest long columns are left out first, then the last ones, until every column left gets
    its readable minimum; the room that remains goes to the columns whose values are longer.
    """
    natural = [max([len(h), *(len(row[i]) for row in cells)]) for i, h in enumerate(headers)]
    # a long text cut to a few characters says nothing: it gets room to be read, or is left out
    floor = [
        max(len(h), min(natural[i], LONG_TEXT if natural[i] >= LONG_TEXT else MIN_READABLE))
        for i, h in enumerate(headers)
    ]
    shown = list(range(len(headers)))

    def room() -> int:
        return width - 1 - sum(floor[i] + COLUMN_OVERHEAD for i in shown)

    long_first = sorted((i for i in shown if natural[i] >= LONG_TEXT), key=lambda i: (-natural[i], -i))
    for i in long_first:
        if room() >= 0:
            break
        shown.remove(i)
    while room() < 0 and len(shown) > 1:
        shown.pop()
    widths = {i: floor[i] for i in shown}
    spare = max(room(), 0)
    while spare > 0:
        wanting = [i for i in shown if widths[i] < natural[i]]
        if not wanting:
            break
        share = max(1, spare // len(wanting))
        for i in wanting:
            extra = min(share, natural[i] - widths[i], spare)
            widths[i] += extra
            spare -= extra
    return widths


def print_table(
    title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], *, wide: bool = False,
    vertical: bool = False, console: Console | None = None,
) -> None:  # fmt: skip
    """Print ``rows`` under ``title`` to fit the terminal (see the module docstring)."""
    console = console or Console(highlight=False)
    cells = [[cell_text(v) for v in row] for row in rows]
    if vertical:
        _print_records(console, title, columns, cells)
        return
    if wide:
        natural = {i: max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)}
        needed = sum(w + COLUMN_OVERHEAD for w in natural.values()) + 1
        console = Console(highlight=False, width=max(console.width, needed), file=console.file)
        shown = natural
    else:
        shown = fit_columns(columns, cells, console.width)
    table = Table(title=title, title_justify="left", box=box.HEAVY_HEAD)
    for i, width in shown.items():
        # a fixed width of at least the header's: a header is never folded ("goldst/ein"), and a
        # value too long is cut with an ellipsis, never wrapped one word per line
        table.add_column(columns[i], no_wrap=True, overflow="ellipsis", width=width)
    for row in cells:
        table.add_row(*(Text(row[i]) for i in shown))  # Text: article text is data, never rich markup
    console.print(table)
    hidden = [columns[i] for i in range(len(columns)) if i not in shown]
    if hidden:
        console.print(
            Text(
                f"not shown at {console.width} columns: {', '.join(hidden)} "
                "(--wide shows every column, --vertical one record per block, --format json full values)"
            ),
            style="dim",
        )


def _print_records(console: Console, title: str, columns: Sequence[str], cells: list[list[str]]) -> None:
    console.print(Text(title))
    for number, row in enumerate(cells, 1):
        console.print(
            Text(f"-[ record {number} ]" + "-" * max(0, min(console.width, 60) - 14 - len(str(number))))
        )
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column(overflow="fold")
        for column, value in zip(columns, row, strict=True):
            grid.add_row(Text(column), Text(value))
        console.print(grid)
