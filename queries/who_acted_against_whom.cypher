// name: who_acted_against_whom
// answers: Who did what to whom: every source -> target event, most hostile (lowest Goldstein) first; give cameo_root ('19' fight, '03' intent to cooperate ...) to keep one CAMEO root, or plover ('ASSAULT', 'request' ...) to keep one PLOVER category.
// params: cameo_root (string, null), plover (string, null), limit (int, 50)
MATCH (s:Actor)-[:SOURCE_OF]->(e:Event)-[:TARGETS]->(t:Actor)
WHERE ($cameo_root IS NULL OR e.cameo_root = right('0' + toString($cameo_root), 2))
  AND ($plover IS NULL OR e.plover = toUpper($plover))
OPTIONAL CALL (e) {
  MATCH (e)-[:REPORTED_IN]->(first:Article)
  RETURN first AS art ORDER BY first.published, first.id LIMIT 1
}
RETURN s.name AS source, e.type AS event, e.cameo AS cameo, e.plover AS plover, t.name AS target, e.goldstein AS goldstein,
       e.modality AS modality, e.negated AS negated, e.date AS date, art.title AS article,
       e.mentions AS reports
ORDER BY goldstein, source, target, event
LIMIT $limit
