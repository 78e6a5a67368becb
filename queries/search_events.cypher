// name: search_events
// answers: Full-text search: events whose reports' evidence sentence, type or trigger word match a Lucene query (stemmed; actors it names raise their events), best first, with actors, date, score and evidence
// params: text (string), limit (int, 10)
// text is Lucene query syntax: words, "a phrase", seiz*, tanker AND NOT drill. `newsgraph search TEXT`
// escapes plain text for you and runs this file. In Browser: :param text => 'tanker seized Hormuz'
WITH $text AS lucene
CALL {
  WITH lucene
  CALL db.index.fulltext.queryRelationships('newsgraph_report_text', lucene, {limit: 200})
  YIELD relationship AS r, score
  MATCH (e:Event)-[r]->(:Article)
  RETURN e, r, score AS text_score, 0.0 AS actor_score
  UNION ALL
  WITH lucene
  CALL db.index.fulltext.queryNodes('newsgraph_actor_names', lucene, {limit: 20}) YIELD node, score
  MATCH (node)-[:SOURCE_OF|TARGETS]-(e:Event)
  RETURN e, null AS r, 0.0 AS text_score, score AS actor_score
}
// one row per event: its best-matching report is the evidence shown
WITH e, r, text_score, actor_score ORDER BY text_score DESC
WITH e, collect(r)[0] AS r, max(text_score) AS text_score, max(actor_score) AS actor_score
WHERE text_score > 0
WITH e, r, text_score + actor_score / 2 AS score
ORDER BY score DESC, e.id
LIMIT $limit
MATCH (e)-[r]->(art:Article)
RETURN round(score, 3) AS score, e.type AS event, e.cameo AS cameo, coalesce(e.date, art.published) AS date,
       COLLECT { MATCH (a:Actor)-[:SOURCE_OF]->(e) RETURN a.name ORDER BY a.name } AS source,
       COLLECT { MATCH (e)-[:TARGETS]->(a:Actor) RETURN a.name ORDER BY a.name } AS target,
       r.sentence AS evidence, art.title AS article, art.source AS outlet, coalesce(art.url, art.path) AS location,
       r.start AS start, r.end AS end, e.mentions AS reports, e.id AS event_id
ORDER BY score DESC, event_id
