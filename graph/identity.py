"""Event identity: which reports (one record event each) are one real-world event.

A pure function of the *set* of reports (:func:`cluster_reports`), so the networkx builder and the
Neo4j loader, loading in any order or in any number of pieces, find the same events. The rule is
written out, with examples, in docs/design.md ("Event identity"); in short:

1. **Key.** Reports can only be one event when they share a key: the CAMEO root and the acting
   side (actors taken at the level of their state, sorted). For the families CAMEO codes as joint
   acts (consult, cooperate: "A and B met") both sides together, without direction.
2. **Dates.** Within a key, reports with an event date to the day are the seeds: two days, two
   events. A report without such a date joins the one seed cluster it fits (a report whose sentence
   names no time, or only words of the news day: one dated on its publication day or up to
   :data:`WINDOW_DAYS` before; "at the weekend": the last weekend before publication; a month: a
   day in that month; other date words the resolver could not place: none), or, when none or
   several fit, stays with the other reports of its publication window (month).
3. **What and to whom.** Within a date, reports split by CAMEO code, target and place, where a
   general report (the root's "not specified below" code, no target, no place) joins the one more
   specific cluster it is compatible with, and stays apart when there are several.

An event's id is the smallest id of its reports: a function of the set, whatever the load order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from newsgraph.extract.ontology import Ontology

WINDOW_DAYS = 1  # an undated report is of its publication day or the day before (the news day)
# Date words the resolver cannot place that still say "within the news day" or "at the weekend"
NEWS_DAY_WORDS = re.compile(
    r"\b(same day|that day|hours (later|earlier|after|before)|afternoon|morning|evening|night|overnight"
    r"|tonight)\b",
    re.I,
)
WEEKEND_WORDS = re.compile(r"\bweekend\b", re.I)
FUTURE_WORDS = re.compile(r"\b(next|coming|later this)\b", re.I)


@dataclass(frozen=True, slots=True)
class Report:
    """What identity reads of one report: its key, code, targets, date, place and publication."""

    id: str  # the record's event id
    key: str  # identity_key(...)
    code: str  # CAMEO code
    targets: tuple[str, ...] = ()  # the acted-on side, state level, sorted (empty for joint acts)
    date: str | None = None  # the event date as the record gives it (partial allowed)
    place: str | None = None  # place id
    published: str | None = None  # the article's publication date
    date_text: str | None = None  # the date words of the sentence, when it has some

    @property
    def news_day(self) -> bool:
        """Is the report dated by its publication: its sentence names no time at all?"""
        return self.date is None and not self.date_text


# A cluster's profile: (anchor, code, targets, place); anchor is a day, a month, or "~" + a window start.
Profile = tuple[str, str, tuple[str, ...], str | None]


@cache
def _ontology() -> Ontology:
    return Ontology.load()


def is_joint(code: str) -> bool:
    """Is the code's family coded as a joint act (consult, cooperate), where direction means nothing?"""
    return _ontology().has_policy(code, "joint") if code in _ontology() else False


def identity_key(code: str, sources: Iterable[str], targets: Iterable[str]) -> tuple[str, tuple[str, ...]]:
    """(key, targets) of a report from its code and its actors at state level (:func:`state_level`).

    ``"16|POL"`` with targets ``("RUS",)``; a joint act of both sides, or one listing the same
    actors as source and target ("Thailand and Cambodia signed"), is ``"04|CHN+USA"`` with no targets.
    """
    src, tgt = sorted(set(sources)), sorted(set(targets))
    if is_joint(code) or (src and src == tgt):
        return f"{code[:2]}|{'+'.join(sorted(set(src) | set(tgt)))}", ()
    return f"{code[:2]}|{'+'.join(src)}", tuple(tgt)


def state_level(actor_id: str, countries: Mapping[str, str | None]) -> str:
    """An actor as identity compares it: its state when known (a ministry, an official), else itself."""
    return countries.get(actor_id) or actor_id


def general_code(code: str) -> str:
    """CAMEO's "not specified below" codes (``190``) stand for their root (``19``)."""
    return code[:2] if len(code) == 3 and code.endswith("0") else code


def covers(general: str, specific: str) -> bool:
    """Is ``general`` the same code as ``specific`` or one of its ancestors (19 -> 195 -> 1952)?"""
    return general_code(specific).startswith(general_code(general))


def _le(a: tuple[str, tuple[str, ...], str | None], b: tuple[str, tuple[str, ...], str | None]) -> bool:
    """Is profile part ``a`` (code, targets, place) as general as or more general than ``b``?"""
    return covers(a[0], b[0]) and (not a[1] or a[1] == b[1]) and (a[2] is None or a[2] == b[2])


def _compatible(a: tuple, b: tuple) -> bool:
    """Can two profile parts describe one event: codes on one line, no two different targets or places?"""
    codes = covers(a[0], b[0]) or covers(b[0], a[0])
    return codes and (not a[1] or not b[1] or a[1] == b[1]) and (a[2] is None or b[2] is None or a[2] == b[2])


def _join(a: tuple, b: tuple) -> tuple:
    """The most general part as specific as both (compatible) parts."""
    code = a[0] if covers(b[0], a[0]) else b[0]
    return general_code(code), a[1] or b[1], a[2] or b[2]


def _day(value: str | None) -> date | None:
    if value and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def cluster_reports(reports: Iterable[Report]) -> dict[str, str]:
    """Report id -> event id for every report: the same set of reports gives the same answer."""
    by_key: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        by_key[report.key].append(report)
    event_of: dict[str, str] = {}
    for group in by_key.values():
        for members in key_clusters(group).values():
            event = min(member.id for member in members)
            for member in members:
                event_of[member.id] = event
    return event_of


def key_clusters(reports: list[Report]) -> dict[Profile, list[Report]]:
    """The clusters of one key's reports, by profile (steps 2 and 3 of the module's rule)."""
    reports = sorted(reports, key=lambda r: r.id)  # the input's order never matters
    clusters: dict[Profile, list[Report]] = {}
    seeds: dict[str, list[Report]] = defaultdict(list)
    vague: list[Report] = []
    for report in reports:
        day = _day(report.date)
        (seeds[day.isoformat()] if day else vague).append(report)
    for day, members in seeds.items():
        for part, group in by_specificity(members).items():
            clusters[(day, *part)] = group
    joined, rest = _join_seeds(vague, list(clusters))
    for profile, group in joined.items():
        clusters[profile] += group
    for anchor, members in _vague_groups(rest).items():
        for part, group in by_specificity(members).items():
            clusters[(anchor, *part)] = group
    return clusters


def _part(report: Report) -> tuple[str, tuple[str, ...], str | None]:
    return general_code(report.code), report.targets, report.place


def by_specificity(reports: list[Report]) -> dict[tuple, list[Report]]:
    """Reports of one date by (code, targets, place): the most specific profiles are clusters, and a
    more general report joins the one cluster above it, or stays apart when several are above it."""
    profiles: dict[tuple, list[Report]] = defaultdict(list)
    for report in reports:
        profiles[_part(report)].append(report)
    # every profile two compatible ones make together ("19 in Sumy" and "195" make "195 in Sumy") ...
    closure = set(profiles)
    while extra := {_join(a, b) for a in closure for b in closure if _compatible(a, b)} - closure:
        closure |= extra
    # ... whose most specific members are the candidate events
    leaves = sorted((p for p in closure if not any(q != p and _le(p, q) for q in closure)), key=_order)
    clusters: dict[tuple, list[Report]] = {}
    for profile in sorted(profiles, key=_order):
        above = [leaf for leaf in leaves if _le(profile, leaf)]
        clusters.setdefault(above[0] if len(above) == 1 else profile, []).extend(profiles[profile])
    return clusters


def _fits(report: Report, profile: Profile) -> bool:
    """Does a report without a day fit a seed cluster: compatible code, targets and place, and date?"""
    day, *part = profile
    if not _compatible(_part(report), tuple(part)):
        return False
    if report.date:  # a month or a year: the day lies in it
        return day.startswith(report.date)
    window = news_window(report)
    return window is not None and window[0] <= date.fromisoformat(day) <= window[1]


def news_window(report: Report) -> tuple[date, date] | None:
    """The days a report without a date can be of, counted back from its publication.

    No date words, or words that place it only within its news day ("in the afternoon", "on the
    same day", "hours later"): the publication day or WINDOW_DAYS before. "At the weekend": the
    last Saturday and Sunday up to the publication. Other words the resolver could not place
    ("earlier this month", "next weekend"): none, the publication says nothing of when it was."""
    published = _day(report.published)
    words = report.date_text or ""
    if published is None or FUTURE_WORDS.search(words):
        return None
    if report.news_day or NEWS_DAY_WORDS.search(words):
        return published - timedelta(days=WINDOW_DAYS), published
    if WEEKEND_WORDS.search(words):
        sunday = published - timedelta(days=(published.weekday() + 1) % 7)
        return sunday - timedelta(days=1), sunday
    return None


def _join_seeds(
    vague: list[Report], seeds: list[Profile]
) -> tuple[dict[Profile, list[Report]], list[Report]]:
    """Reports without a day that fit exactly one seed cluster join it; when those that would add
    something the seed lacks (a finer code, a target, a place) disagree among themselves, they stay out."""
    joined: dict[Profile, list[Report]] = defaultdict(list)
    rest: list[Report] = []
    for report in vague:
        fits = [p for p in seeds if _fits(report, p)]
        if len(fits) == 1:
            joined[fits[0]].append(report)
        else:
            rest.append(report)
    for profile, members in joined.items():
        finer = [m for m in members if not _le(_part(m), profile[1:])]
        out = [a for a in finer if any(not _compatible(_part(a), _part(b)) for b in finer)]
        joined[profile] = [m for m in members if m not in out]
        rest += out
    return joined, rest


def _vague_groups(reports: list[Report]) -> dict[str, list[Report]]:
    """Reports that joined no seed: by their month (or year), or undated ones by publication window:
    a window opens at the earliest publication date and holds WINDOW_DAYS more days."""
    groups: dict[str, list[Report]] = defaultdict(list)
    undated: list[tuple[date | None, Report]] = []
    for report in reports:
        if report.date:
            groups[report.date].append(report)
        else:
            undated.append((_day(report.published), report))
    undated.sort(key=lambda pr: (pr[0] is None, pr[0] or date.min, pr[1].id))
    start: date | None = None
    for published, report in undated:
        if published is None:
            groups["~"].append(report)
            continue
        if start is None or published - start > timedelta(days=WINDOW_DAYS):
            start = published
        groups[f"~{start.isoformat()}"].append(report)
    return groups


def _order(part: tuple) -> tuple:
    return part[0], part[1], part[2] or ""
