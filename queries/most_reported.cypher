// name: most_reported
// answers: The most-reported events: each event once, with its reports (mentions), articles, outlets and when it was first and last reported; optionally the events of one actor.
// params: actor (actor, null), limit (int, 20)
MATCH (e:Event)
WHERE $actor IS NULL OR EXISTS {
  MATCH (e)-[:SOURCE_OF|TARGETS|INVOLVES]-(a:Actor)
  WHERE toLower($actor) IN [toLower(a.id), toLower(a.name)] + [x IN coalesce(a.aliases, []) | toLower(x)]
}
OPTIONAL MATCH (s:Actor)-[:SOURCE_OF]->(e)
OPTIONAL MATCH (e)-[:TARGETS]->(t:Actor)
WITH e, collect(DISTINCT s.name) AS sources, collect(DISTINCT t.name) AS targets
RETURN e.id AS event_id, e.type AS event, e.cameo AS cameo, sources, targets, e.date AS date,
       e.mentions AS reports, e.articles AS articles, e.sources AS outlets,
       e.first_reported AS first_reported, e.last_reported AS last_reported, e.sentence AS sentence
ORDER BY reports DESC, outlets DESC, first_reported, event_id
LIMIT $limit
