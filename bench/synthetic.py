"""A deterministic synthetic corpus of extraction records, for bulk-import tests and load benchmarks.

No spaCy involved: records are made directly, so the corpus can be as big as wanted in a
second. Actors recur across articles (so merging is exercised), events link to each other
within an article, and the text fields carry what CSV and Cypher must survive: commas,
both kinds of quote, semicolons outside lists, backslashes and line breaks.
"""

from __future__ import annotations

import hashlib
import random

from newsgraph.extract.record import (
    Actor,
    Article,
    ArticleRecord,
    Event,
    Evidence,
    Involvement,
    Mention,
    Relation,
    actor_id,
)

# (code, type, goldstein, quad class): a spread over CAMEO roots and all four quad classes.
EVENT_TYPES = (
    ("010", "make_statement", 0.0, 1),
    ("036", "express_intent_to_meet", 4.0, 1),
    ("042", "make_visit", 1.9, 1),
    ("057", "sign_agreement", 8.0, 1),
    ("070", "provide_aid", 7.0, 2),
    ("0874", "retreat_militarily", 10.0, 2),
    ("111", "criticize_or_denounce", -2.0, 3),
    ("120", "reject", -4.0, 3),
    ("138", "threaten_military_force", -7.0, 3),
    ("163", "impose_embargo", -8.0, 3),
    ("173", "arrest_or_detain", -5.0, 4),
    ("190", "use_conventional_military_force", -10.0, 4),
)
MODALITIES = ("asserted", "asserted", "asserted", "planned", "conditional", "hypothetical", "reported")
ROLES = ("beneficiary", "about", "assisting")
TITLES = ("spokesperson", "minister", "president", "chief executive", "commander")
QUIRKS = ('"quoted", with commas', "O'Brien's", "a; b", "back\\slash", "line\nbreak", "plain")


def _words(rng: random.Random, n: int) -> str:
    vocab = ("talks", "border", "sanctions", "troops", "aid", "ceasefire", "ministry", "port", "vote", "deal")
    return " ".join(rng.choice(vocab) for _ in range(n))


def actor_pool(size: int, seed: int = 5) -> list[Actor]:
    """``size`` distinct actors: states (three-letter codes), people, organisations and groups."""
    rng = random.Random(seed)
    actors: list[Actor] = []
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for i in range(size):
        kind = ("state", "person", "person", "organization", "organization", "group")[i % 6]
        if kind == "state":
            code = "".join(letters[(i // 6 // 26**k) % 26] for k in range(3))
            name, iso = f"State {code}", code
        else:
            name, iso = f"{kind.title()} {i} {rng.choice(QUIRKS)}", None
        country = iso or (None if kind == "group" else "".join(rng.choice(letters) for _ in range(3)))
        actors.append(
            Actor(
                id=actor_id(kind, name, iso),
                name=name,
                kind=kind,
                country=country,
                aliases=[f"Alias {i}-{j}" for j in range(i % 3)],  # ";" is the CSV array delimiter
                cameo_code=iso,
            )
        )
    return actors


def synthetic_records(articles: int = 600, actors: int = 2400, events_per_article: int = 6,
                      seed: int = 5) -> list[ArticleRecord]:
    """``articles`` records over a pool of ``actors``; the same arguments give the same records."""
    rng = random.Random(seed)
    pool = actor_pool(actors, seed)
    records = []
    for a in range(articles):
        text = f"Article {a}. {rng.choice(QUIRKS)} " + _words(rng, 60)
        art_id = "sha256:" + hashlib.sha256(f"synthetic {seed} {a}".encode()).hexdigest()
        present = [pool[(a * 7 + k * 31) % len(pool)] for k in range(8)]  # 8 actors, overlapping pools
        record = ArticleRecord(
            article=Article(
                id=art_id, title=f"Headline {a}: {rng.choice(QUIRKS)}", source=f"Outlet {a % 17}",
                published=f"2025-{a % 12 + 1:02d}-{a % 28 + 1:02d}", url=f"https://example.org/{a}",
                path=f"synthetic/{a:06d}.txt", text=text,
            ),  # fmt: skip
            actors=[
                Actor(x.id, x.name, x.kind, x.country, list(x.aliases), x.cameo_code,
                      [Mention(k, k + 5, x.name[:5]) for k in range(1 + a % 3)])
                for x in present
            ],  # fmt: skip
        )
        for e in range(events_per_article):
            code, kind, goldstein, quad = rng.choice(EVENT_TYPES)
            source, target, other = rng.sample(present, 3)
            sentence = f"Sentence {e} of {a}: {rng.choice(QUIRKS)} {_words(rng, 8)}"
            previous = record.events[-1].id if record.events else None
            record.events.append(
                Event(
                    id=f"evt:{art_id[7:23]}:{e}", type=kind, cameo=code, goldstein=goldstein, quad_class=quad,
                    source=[source.id], target=[target.id],
                    involves=[Involvement(other.id, rng.choice(ROLES))] if e % 2 else [],
                    modality=rng.choice(MODALITIES), negated=e % 5 == 4,
                    date=f"2025-{a % 12 + 1:02d}" if e % 3 == 0 else None,
                    date_text="last month" if e % 3 == 0 else None,
                    place=f"City {rng.randrange(200)}" if e % 2 == 0 else None,
                    attributed_to=[present[0].id] if e % 4 == 1 else [],
                    conditional_on=[previous] if previous and e % 5 == 2 else [],
                    responds_to=[previous] if previous and e % 5 == 3 else [],
                    evidence=Evidence(e, e * 40, e * 40 + 30, sentence),
                    confidence=round(0.5 + (e % 5) / 10, 2), trigger=kind.split("_")[0],
                )  # fmt: skip
            )
        people = [x for x in present if x.kind == "person"]
        orgs = [x for x in present if x.kind == "organization"]
        states = [x for x in present if x.kind == "state"]
        groups = [x for x in present if x.kind == "group"]
        for person in people[:1]:
            for org in orgs[:1]:
                record.relations.append(
                    Relation("HOLDS_ROLE", person.id, org.id, {"title": rng.choice(TITLES)},
                             Evidence(0, 0, 20, "Role sentence, with a comma."))  # fmt: skip
                )
        for org in orgs[:1]:
            for state in states[:1]:
                record.relations.append(Relation("PART_OF", org.id, state.id))
        for state in states[:1]:
            for group in groups[:1]:
                record.relations.append(Relation("MEMBER_OF", state.id, group.id))
        records.append(record)
    return records
