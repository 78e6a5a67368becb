// name: actor_timeline
// answers: An actor's timeline: every event it initiates, is targeted by or is involved in, by event date (undated last, by publication).
// params: actor (actor)
MATCH (a:Actor)
WHERE toLower($actor) IN [toLower(a.id), toLower(a.name)] + [x IN coalesce(a.aliases, []) | toLower(x)]
CALL (a) {
  MATCH (a)-[:SOURCE_OF]->(e:Event)
  RETURN e, 'source' AS role
  UNION
  MATCH (e:Event)-[r:TARGETS|INVOLVES]->(a)
  RETURN e, CASE type(r) WHEN 'TARGETS' THEN 'target' ELSE r.role END AS role
}
OPTIONAL MATCH (src:Actor)-[:SOURCE_OF]->(e)
OPTIONAL MATCH (e)-[:TARGETS]->(tgt:Actor)
WITH a, e, role, collect(DISTINCT src.name) AS sources, collect(DISTINCT tgt.name) AS targets
RETURN e.date AS date, a.name AS actor, role, e.type AS event, e.cameo AS cameo, sources, targets,
       e.modality AS modality, e.negated AS negated, e.sentence AS sentence,
       e.first_reported AS published, e.mentions AS reports
ORDER BY date IS NULL, date, published, event
