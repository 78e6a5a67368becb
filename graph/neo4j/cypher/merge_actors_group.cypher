// Actors of kind 'group': one file per kind so that the extra label comes from the schema, never from data.
// First sighting sets name, kind and the label; aliases grow as a union; country and cameo_code keep
// the first non-null value (the networkx builder follows the same rules).
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
ON CREATE SET a:Group, a.name = row.name, a.kind = row.kind
SET a.country = coalesce(a.country, row.country),
    a.cameo_code = coalesce(a.cameo_code, row.cameo_code),
    a.aliases = coalesce(a.aliases, []) + [x IN row.aliases WHERE NOT x IN coalesce(a.aliases, [])]
