// name: events_between
// answers: All events between two actors, in either direction (as source and target or involved party), by date.
// params: actor (actor), other (actor)
MATCH (a:Actor)
WHERE toLower($actor) IN [toLower(a.id), toLower(a.name)] + [x IN coalesce(a.aliases, []) | toLower(x)]
WITH collect(a) AS xs
MATCH (b:Actor)
WHERE toLower($other) IN [toLower(b.id), toLower(b.name)] + [x IN coalesce(b.aliases, []) | toLower(x)]
WITH xs, collect(b) AS ys
MATCH (s:Actor)-[:SOURCE_OF]->(e:Event)-[r:TARGETS|INVOLVES]->(t:Actor)
WHERE (s IN xs AND t IN ys) OR (s IN ys AND t IN xs)
OPTIONAL CALL (e) {
  MATCH (e)-[:REPORTED_IN]->(first:Article)
  RETURN first AS art ORDER BY first.published, first.id LIMIT 1
}
RETURN DISTINCT e.date AS date, s.name AS source, e.type AS event, e.cameo AS cameo,
       t.name AS target, coalesce(r.role, 'target') AS as, e.goldstein AS goldstein, e.modality AS modality,
       e.negated AS negated, e.sentence AS sentence, art.title AS article,
       e.mentions AS reports
ORDER BY date IS NULL, date, source, event
