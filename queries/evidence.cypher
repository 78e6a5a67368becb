// name: evidence
// answers: Provenance: every report of an event, one row each: its sentence, character span and article (title, outlet, date, URL, file) and who it attributes the claim to; for one event id or for the events of one actor.
// params: event (string, null), actor (actor, null), limit (int, 50)
MATCH (e:Event)-[r:REPORTED_IN]->(art:Article)
WHERE ($event IS NULL OR e.id = $event)
  AND ($actor IS NULL OR EXISTS {
        MATCH (e)-[:SOURCE_OF|TARGETS|INVOLVES]-(a:Actor)
        WHERE toLower($actor) IN [toLower(a.id), toLower(a.name)] + [x IN coalesce(a.aliases, []) | toLower(x)]
      })
OPTIONAL MATCH (by:Actor) WHERE by.id IN coalesce(r.attributed_to, [])
RETURN e.id AS event_id, r.report AS report, e.type AS event, r.sentence AS sentence, r.sentence_index AS sentence_index,
       r.start AS start, r.end AS end, art.title AS article, art.source AS outlet,
       art.published AS published, art.url AS url, art.path AS path, collect(by.name) AS attributed_to
ORDER BY published, path, start, report
LIMIT $limit
