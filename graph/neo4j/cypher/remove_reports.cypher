// Remove every report (REPORTED_IN) of the given articles and their MENTIONS, before a newer
// reading of them is written; returns each removed report's identity key, id, event, acting and
// acted-on actors and article, so the events of those keys are derived again.
UNWIND $ids AS id
MATCH (art:Article {id: id})
OPTIONAL MATCH (art)-[m:MENTIONS]->(:Actor)
DELETE m
WITH DISTINCT id, art
MATCH (art)<-[r:REPORTED_IN]-(e:Event)
WITH id, r, e.id AS event, r.identity_key AS key, r.report AS report,
     coalesce(r.source_actors, []) + coalesce(r.target_actors, []) AS actors
DELETE r
RETURN key, report, event, actors, id AS article
