// name: overview
// answers: The actor-event graph to look at first: who did what to whom, for up to 300 events (actors coloured by kind, events by quad class).
// params:
MATCH (e:Event)
WITH e ORDER BY e.date, e.id LIMIT 300
MATCH source_of = (:Actor)-[:SOURCE_OF]->(e)
OPTIONAL MATCH targets = (e)-[:TARGETS]->(:Actor)
RETURN source_of, targets
