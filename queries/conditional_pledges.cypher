// name: conditional_pledges
// answers: Conditional pledges and threats ("would ... if"): events with modality conditional or a CONDITIONAL_ON link, with their conditions; optionally by one source actor.
// params: actor (actor, null)
MATCH (e:Event)
WHERE e.modality = 'conditional' OR (e)-[:CONDITIONAL_ON]->(:Event)
OPTIONAL MATCH (s:Actor)-[:SOURCE_OF]->(e)
WITH e, collect(DISTINCT s) AS sources
WHERE $actor IS NULL
   OR any(s IN sources WHERE toLower($actor) IN [toLower(s.id), toLower(s.name)] + [x IN coalesce(s.aliases, []) | toLower(x)])
OPTIONAL MATCH (e)-[:TARGETS]->(t:Actor)
OPTIONAL MATCH (e)-[:CONDITIONAL_ON]->(c:Event)
OPTIONAL CALL (e) {
  MATCH (e)-[:REPORTED_IN]->(first:Article)
  RETURN first AS art ORDER BY first.published, first.id LIMIT 1
}
RETURN [s IN sources | s.name] AS sources, e.type AS event, e.cameo AS cameo,
       collect(DISTINCT t.name) AS targets, collect(DISTINCT c.type) AS conditions,
       e.sentence AS sentence, art.title AS article
ORDER BY event, sentence
