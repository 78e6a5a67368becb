// Semantic search: the events whose evidence embedding is nearest to $vector (the query text's embedding).
CALL db.index.vector.queryNodes('newsgraph_event_embedding', $limit, $vector) YIELD node AS e, score
WITH e, score
ORDER BY score DESC, e.id
LIMIT $limit
CALL {
  WITH e
  MATCH (e)-[r:REPORTED_IN]->(art:Article)
  // the report whose sentence the event shows (the one embedded), else the first published
  RETURN r, art ORDER BY CASE WHEN r.sentence = e.sentence THEN 0 ELSE 1 END, art.published, art.id LIMIT 1
}
RETURN round(score, 3) AS score, e.type AS event, e.cameo AS cameo, coalesce(e.date, art.published) AS date,
       COLLECT { MATCH (a:Actor)-[:SOURCE_OF]->(e) RETURN a.name ORDER BY a.name } AS source,
       COLLECT { MATCH (e)-[:TARGETS]->(a:Actor) RETURN a.name ORDER BY a.name } AS target,
       coalesce(r.sentence, e.sentence) AS evidence, art.title AS article, art.source AS outlet, coalesce(art.url, art.path) AS location,
       r.start AS start, r.end AS end, e.mentions AS reports, e.id AS event_id
ORDER BY score DESC, event_id
