"""Names the field's dictionaries know: Phoenix people and organisations, office holders by date.

The project's own gazetteer files come first everywhere (the resolver asks here only for a name
they do not know). Lookups are dictionary hits on a folded name (``dictionaries.name_key``), built
on first use and kept in the user's cache under a hash of the data (``dictionaries.cached_index``);
the offices are read only when an office holder is asked for. No phrase patterns: loading the
spaCy pipeline costs nothing more. The rules:

- ``phoenix_person``: a full PERSON name (two words or more) the gazetteer lacks is the Phoenix
  person of that name when exactly one has it (their id, display name and country);
- ``phoenix_organization``: an organisation name is the Phoenix organisation of that name when
  exactly one has it; companies (CAMEO ``MNC``) are left out, since their names are mostly common
  words of business news; an international body (``IGO``, ``IMG``) gets no country;
- ``person_name_words``: the first and last words of the Phoenix people's names ("Adel" of "Adel
  Qudah", of "Ibrahim Adel"), which tell a person's name the NER took for an organisation
  (:func:`.names.person_like`);
- ``office_holder``: "the Pakistani president" (a ``head_title`` of frames.tsv and a country, no
  name) is the one head of state or government the Phoenix offices give that country on the
  article's publication date; none when two fit, when the article has no date or is newer than the
  dictionaries (their last dated office, ``HORIZON``: open-ended terms would name a 2014 leader).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from newsgraph.extract.dictionaries import Organizations, Phoenix, VendorOrganization, VendorPerson
from newsgraph.extract.gazetteer import Entry
from newsgraph.extract.record import ActorKind

COMPANY_CODES = ("MNC",)
INTERNATIONAL_CODES = ("IGO", "IMG")


def person(name: str) -> Entry | None:
    """``phoenix_person``: the one Phoenix person called ``name``, as a gazetteer entry."""
    found = _phoenix().by_name(name)
    if len(found) != 1:
        return None
    return _person_entry(found[0])


def organization(name: str, country: str | None = None) -> Entry | None:
    """``phoenix_organization``: the one non-company Phoenix organisation called ``name``; of several,
    the one of ``country`` (the state the text ties the name to: "Colombia's National Liberation
    Army" is the ELN, not Bolivia's)."""
    found = [o for o in _organizations().by_name(name) if not o.cameo.startswith(COMPANY_CODES)]
    if len({o.id for o in found}) > 1 and country:
        found = [o for o in found if o.country == country]
    if len({o.id for o in found}) != 1:
        return None
    return _organization_entry(found[0])


def is_organization(name: str) -> bool:
    """Any Phoenix organisation, companies included, is called ``name``."""
    return bool(_organizations().by_name(name))


@lru_cache(maxsize=1)
def _phoenix() -> Phoenix:
    return Phoenix.load()  # which resolves its folder's path at every call: once here


@lru_cache(maxsize=1)
def _organizations() -> Organizations:
    return Organizations.load()


@lru_cache(maxsize=1)
def person_name_words() -> tuple[frozenset[str], frozenset[str]]:
    """``person_name_words``: (first words, last words) of the Phoenix people's names of two words or
    more, folded; single-letter words and capitalised particles ("Al", "Bin") left out."""
    firsts: set[str] = set()
    lasts: set[str] = set()
    for found in Phoenix.load():
        words = [w for w in found.name.replace("-", " ").split() if len(w) > 2 and w.isalpha()]
        if len(words) >= 2:
            firsts.add(words[0].casefold())
            lasts.add(words[-1].casefold())
    return frozenset(firsts), frozenset(lasts)


def office_holder(country: str, published: str | None) -> Entry | None:
    """``office_holder``: the one head of state or government of ``country`` on the publication day."""
    day = _day(published)
    if day is None or day > horizon():
        return None
    leaders = Phoenix.load().holders(country, "GOV", day, leaders_only=True)
    return _person_entry(leaders[0]) if len(leaders) == 1 else None


@lru_cache(maxsize=1)
def horizon() -> date:
    """The last date the Phoenix offices know (an office's start or end): later, terms are unknown."""
    phoenix = Phoenix.load()
    days = [d for p in phoenix for o in phoenix.offices(p.id) for d in (o.start, o.end) if d is not None]
    return max(days)


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(str(published)[:10]) if published else None
    except ValueError:
        return None


def _person_entry(found: VendorPerson) -> Entry:
    return Entry(found.id, found.name, ActorKind.PERSON.value, found.country, None)


def _organization_entry(found: VendorOrganization) -> Entry:
    country = None if found.cameo.startswith(INTERNATIONAL_CODES) else found.country
    acronyms = tuple(v for v in found.variants if v.isupper() and v.isalpha() and len(v) <= 8)
    return Entry(found.id, found.name, found.kind, country, found.cameo, aliases=acronyms)
