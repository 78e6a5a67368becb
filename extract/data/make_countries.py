"""Refresh countries.tsv from pycountry, keeping every hand-written column.

countries.tsv is edited by hand (common names, aliases, demonyms, capitals,
CAMEO codes); pycountry supplies what hand-writing misses: every ISO 3166-1
code and the official names. Running this script

- adds a row for any ISO 3166-1 country not yet in the file,
- folds pycountry's name, common name and official name into ``aliases``,
- fills an empty ``cameo`` with the ISO3 code,

and never removes or rewrites a hand-written value, so it can be re-run after
editing the file or upgrading pycountry:

    .venv/bin/python extract/data/make_countries.py
"""

from __future__ import annotations

import re
from pathlib import Path

import pycountry

HERE = Path(__file__).resolve().parent
TSV = HERE / "countries.tsv"
COLUMNS = ("iso3", "name", "aliases", "adjectives", "capitals", "cameo")

HEADER = """\
# Countries: every ISO 3166-1 country (plus Kosovo), one row each. Edited by hand;
# make_countries.py adds missing ISO codes and official names from pycountry.
# iso3       ISO 3166-1 alpha-3, the actor id of the state
# name       the common English short name a journalist uses
# aliases    other names (official, short, historic); "|" separates items
# adjectives demonyms and adjectives, singular and plural
# capitals   capitals and cities used as metonyms for the government
# cameo      CAMEO country code (the ISO3, except where CAMEO differs: ROM for Romania)
# "-" or empty means none. An item written ~Word is known to lookups but left out of
# the spaCy patterns, because in running text it is mostly something else.
"""


def split(cell: str) -> list[str]:
    return [] if cell in ("", "-") else cell.split("|")


def bare(name: str) -> str:
    return name.lstrip("~").casefold()


def pycountry_names(country: object) -> list[str]:
    """Names pycountry knows, skipping inverted forms ("Korea, Republic of") that text never uses."""
    names = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(country, attr, None)
        if not value:
            continue
        match = re.fullmatch(r"(.+?) \((.+)\)", value)  # "Falkland Islands (Malvinas)"
        parts = [match.group(1), match.group(2)] if match else [value]
        parts = [p for p in parts if not p.endswith(" part")]  # "(French part)" is no name
        names.extend(uninvert(p) for p in parts)
    return list(dict.fromkeys(n for n in names if n))


def uninvert(name: str) -> str:
    """ "Virgin Islands, British" -> "British Virgin Islands"; other comma forms are dropped."""
    if ", " not in name:
        return name
    head, _, tail = name.partition(", ")
    if tail.endswith((" of", " of the")) or " " not in tail:
        return f"{tail} {head}"
    return "" if ", " in head or " and " not in tail else name


def read(path: Path) -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    if not path.exists():
        return rows
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("iso3\t"):
            continue
        cells = (line.split("\t") + [""] * len(COLUMNS))[: len(COLUMNS)]
        rows[cells[0]] = cells
    return rows


def merge(rows: dict[str, list[str]]) -> dict[str, list[str]]:
    for country in pycountry.countries:
        iso3 = country.alpha_3
        names = pycountry_names(country)
        if iso3 not in rows:
            rows[iso3] = [iso3, names[0], "-", "-", "-", iso3]
        row = rows[iso3]
        aliases = split(row[2])
        known = {bare(row[1])} | {bare(a) for a in aliases}
        for name in names:
            if bare(name) not in known:
                aliases.append(name)
                known.add(bare(name))
        row[2] = "|".join(aliases) or "-"
    for row in rows.values():
        if row[5] in ("", "-"):
            row[5] = row[0]
    return rows


def write(rows: dict[str, list[str]], path: Path) -> None:
    lines = [HEADER.rstrip("\n"), "\t".join(COLUMNS)]
    lines += ["\t".join(cell or "-" for cell in rows[iso3]) for iso3 in sorted(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    table = merge(read(TSV))
    write(table, TSV)
    print(f"{TSV.name}: {len(table)} rows")
