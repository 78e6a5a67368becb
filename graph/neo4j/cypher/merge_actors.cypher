// Actors of every kind, one row each: {id, name, kind, country, cameo_code, aliases, labels}.
// `labels` is the extra label of the actor's kind (State, Person, Organization, Group), taken from the
// schema's KIND_LABELS by rows.py, never from data; an actor of another kind has none (the list is
// empty). First sighting sets name, kind and the label; aliases grow as a union; country and
// cameo_code keep the first non-null value (the networkx builder follows the same rules).
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
ON CREATE SET a:$(row.labels), a.name = row.name, a.kind = row.kind
SET a.country = coalesce(a.country, row.country),
    a.cameo_code = coalesce(a.cameo_code, row.cameo_code),
    a.aliases = coalesce(a.aliases, []) + [x IN row.aliases WHERE NOT x IN coalesce(a.aliases, [])]
