"""PLOVER beside CAMEO: the category, mode and context of a CAMEO code.

PLOVER (the ontology POLECAT codes in, successor of CAMEO) is read from the Open Event Data
Alliance's CAMEO-to-PLOVER table as converted in ``data/vendor/cameo_plover.tsv`` (CC BY-SA 4.0;
a code takes its own row, else its longest prefix's). PLOVER drops CAMEO's roots 01 and 02. The
project decides:

- **02 (appeal) is REQUEST**, with the mode and context of the demand it mirrors: CAMEO numbers
  appeals (02x) and demands (10x) alike, code by code (0211 appeal for economic cooperation, 1011
  demand it; 026 appeal to meet, the table's 106 "demand meeting"), and PLOVER's REQUEST is "ask
  for", whether politely or not. So ``02`` + rest reads the row of ``10`` + rest.
- **01 (public statements) has no PLOVER category** (``None``): PLOVER codes no comment, and
  POLECAT has no event for one; exports leave the category empty.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from newsgraph.extract.dictionaries import Plover
from newsgraph.extract.record import Event

APPEAL_ROOT, DEMAND_ROOT = "02", "10"  # CAMEO numbers the two families alike, code by code


class PloverCoding(NamedTuple):
    """A CAMEO code's PLOVER coding; ``category`` is None for statements (root 01)."""

    category: str | None
    mode: str | None
    context: tuple[str, ...]


NO_CATEGORY = PloverCoding(None, None, ())


@cache
def plover_of(cameo: str | None) -> PloverCoding:
    """The PLOVER coding of a CAMEO code: ``plover_of("0211") == ("REQUEST", "assist", ("economic",))``."""
    if not cameo:
        return NO_CATEGORY
    if cameo.startswith(APPEAL_ROOT):
        cameo = DEMAND_ROOT + cameo[len(APPEAL_ROOT) :]
    row = Plover.load().lookup(cameo)
    if row is None or row.plover is None:
        return NO_CATEGORY
    return PloverCoding(row.plover, row.mode, row.context)


def code_plover(event: Event) -> None:
    """Set an event's PLOVER fields from its CAMEO code."""
    coding = plover_of(event.cameo)
    event.plover, event.plover_mode, event.plover_context = coding.category, coding.mode, list(coding.context)
