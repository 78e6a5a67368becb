"""Dates of events: "February 2022" -> "2022-02", "on Tuesday" -> a day when the publication date is known.

dateparser does the parsing; this module only decides the precision to keep (ISO with
a partial date allowed, as docs/design.md says) and refuses to guess a relative date with no
anchor: without a publication date "Tuesday" stays text.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache

YEAR = re.compile(r"^\s*(?:in\s+)?(1[89]\d\d|20\d\d)s?\s*$")
RELATIVE_WORDS = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|"
    r"last|next|this|ago|earlier|later|week|weekend)\b",
    re.I,
)


DURATION = re.compile(
    r"^\s*(?:for\s+|the\s+past\s+|the\s+last\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|several|many|few|a\s+few)\s+(?:more\s+)?(?:day|week|month|year|decade|hour)s?\s*$",
    re.I,
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
BARE_WEEKDAY = re.compile(r"^\s*(?:on\s+|last\s+|this\s+)?(" + "|".join(WEEKDAYS) + r")\s*$", re.I)


@lru_cache(maxsize=64)
def _parser(published: str | None):
    """One dateparser parser per publication date (making one costs more than parsing with it)."""
    from dateparser.date import DateDataParser  # imported here: slow to import, needed rarely

    settings: dict = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published:
        try:
            settings["RELATIVE_BASE"] = datetime.fromisoformat(published[:10])
        except ValueError:
            pass
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def resolve_date(text: str, published: str | None = None, future: bool = False) -> str | None:
    """An ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) for a date expression, or None.

    A bare weekday is news usage: the latest such day up to the publication day ("on Tuesday" in
    Tuesday's paper is that day), or for a future act (``future``) the next one from it."""
    text = text.strip()
    year = YEAR.match(text)
    if year:
        return year.group(1)
    if DURATION.match(text):
        return None  # "three months", "two years": how long, not when
    weekday = BARE_WEEKDAY.match(text)
    if weekday:
        if not published:
            return None
        try:
            base = datetime.fromisoformat(published[:10])
        except ValueError:
            return None
        wanted = WEEKDAYS.index(weekday.group(1).lower())
        shift = (wanted - base.weekday()) % 7 if future else -((base.weekday() - wanted) % 7)
        return (base + timedelta(days=shift)).date().isoformat()
    relative = bool(RELATIVE_WORDS.search(text))
    if relative and not published:
        return None
    data = _parser(published).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    period = data.period or "day"
    if period == "week":  # "last week": ISO has no partial week; keep the month when the week lies in one
        monday = data.date_obj.date() - timedelta(days=data.date_obj.weekday())
        sunday = monday + timedelta(days=6)
        return f"{monday.year:04d}-{monday.month:02d}" if monday.month == sunday.month else None
    if period == "year":
        return f"{data.date_obj.year:04d}"
    if period == "month":
        return f"{data.date_obj.year:04d}-{data.date_obj.month:02d}"
    if not relative and not re.search(r"\b\d{4}\b", text) and not published:
        return None  # "5 March" with no year and no anchor: leave it as text
    return data.date_obj.date().isoformat()
