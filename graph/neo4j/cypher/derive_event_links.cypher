// CONDITIONAL_ON and RESPONDS_TO between events, derived from what their reports name: a report's
// `conditional_on` and `responds_to` hold report ids (of its own or another article), and the link
// goes to the event that report now belongs to (never from an event to itself). Run after a load's
// batches, like the INTERACTS_WITH summaries, so a link to an article of a later batch is found too.
MATCH (e:Event)-[r:REPORTED_IN]->(:Article)
WHERE size(coalesce(r.conditional_on, [])) + size(coalesce(r.responds_to, [])) > 0
UNWIND [x IN coalesce(r.conditional_on, []) | ['CONDITIONAL_ON', x]]
     + [x IN coalesce(r.responds_to, []) | ['RESPONDS_TO', x]] AS link
MATCH (other:Event)-[:REPORTED_IN {report: link[1]}]->(:Article)
WITH DISTINCT e, other, link[0] AS kind
WHERE other <> e
FOREACH (_ IN CASE kind WHEN 'CONDITIONAL_ON' THEN [1] ELSE [] END | MERGE (e)-[:CONDITIONAL_ON]->(other))
FOREACH (_ IN CASE kind WHEN 'RESPONDS_TO' THEN [1] ELSE [] END | MERGE (e)-[:RESPONDS_TO]->(other))
