// Recompute INTERACTS_WITH for every ordered pair touching the given actors: over the events that are
// not negated, how many, how many cooperative (quad class 1-2) or conflictual (3-4), mean Goldstein.
// One pass over the actors' events, grouped by pair (a per-pair re-match is quadratic on hub actors).
UNWIND $ids AS id
MATCH (a:Actor {id: id})
CALL (a) {
  MATCH (a)-[:SOURCE_OF]->(e:Event)-[:TARGETS]->(t:Actor)
  RETURN a AS s, e, t
  UNION
  MATCH (s:Actor)-[:SOURCE_OF]->(e:Event)-[:TARGETS]->(a)
  RETURN s, e, a AS t
}
WITH s, t, e
WHERE s <> t AND NOT coalesce(e.negated, false)
WITH s, t, collect(DISTINCT e) AS evs
MERGE (s)-[r:INTERACTS_WITH]->(t)
SET r.events = size(evs),
    r.cooperation = size([x IN evs WHERE x.quad_class IN [1, 2]]),
    r.conflict = size([x IN evs WHERE x.quad_class IN [3, 4]]),
    r.goldstein = round(reduce(g = 0.0, x IN evs | g + x.goldstein) / size(evs), 3)
