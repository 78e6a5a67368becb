"""The fixture records with their places declared and located (Paris; the North Atlantic, a sea of the
project's list), as the extractor would give them: for the geography, export and map tests."""

from __future__ import annotations

import copy

from fixtures_records import fixture_records

from newsgraph.extract.places import locate_places
from newsgraph.extract.record import ArticleRecord
from newsgraph.graph.schema import place_id


def located_records(extra_places: tuple[str, ...] = ()) -> list[ArticleRecord]:
    """``extra_places`` are names added to the first record as places of no event."""
    records = copy.deepcopy(fixture_records())
    for record in records:
        for event in record.events:
            if event.place and not any(p["id"] == event.place for p in record.places):
                record.places.append({"id": place_id(event.place), "name": event.place, "country": None})
                event.place = place_id(event.place)
    for name in extra_places:
        records[0].places.append({"id": place_id(name), "name": name, "country": None})
    for record in records:
        locate_places(record)
    return records
