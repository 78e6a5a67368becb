// name: event_reports
// answers: How the reports of one event differ: each article's own sentence, CAMEO code, modality, denial, date and who it attributes the claim to, by publication (event ids from most_reported or evidence).
// params: event (string)
MATCH (e:Event {id: $event})-[r:REPORTED_IN]->(art:Article)
OPTIONAL MATCH (by:Actor) WHERE by.id IN coalesce(r.attributed_to, [])
WITH e, r, art, collect(by.name) AS attributed_to
RETURN art.source AS outlet, art.published AS published, r.cameo AS cameo, r.event_type AS event,
       r.modality AS modality, r.negated AS negated, r.date AS date, r.date_text AS date_text,
       attributed_to, r.sentence AS sentence, art.title AS article, r.report AS report
ORDER BY published, outlet, r.start, report
