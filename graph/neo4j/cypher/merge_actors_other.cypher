// Actors whose kind is none of state, person, organization, group: the Actor label only.
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
ON CREATE SET a.name = row.name, a.kind = row.kind
SET a.country = coalesce(a.country, row.country),
    a.cameo_code = coalesce(a.cameo_code, row.cameo_code),
    a.aliases = coalesce(a.aliases, []) + [x IN row.aliases WHERE NOT x IN coalesce(a.aliases, [])]
