// name: overview
// answers: The picture to look at first: the 10 most active actors, the dyads between them (INTERACTS_WITH, captioned with their number of events) and up to 40 of those dyads' events, captioned with the word that reported each ("seized", "warned"; the type is in the event's properties).
// params:
MATCH (a:Actor)-[:SOURCE_OF|TARGETS|INVOLVES]-(e:Event)
WITH a, count(DISTINCT e) AS events
ORDER BY events DESC, a.name
LIMIT 10
WITH collect(a) AS top
OPTIONAL MATCH dyad = (s:Actor)-[:INTERACTS_WITH]->(t:Actor)
WHERE s IN top AND t IN top
WITH top, collect(dyad) AS dyads
CALL (top) {
  MATCH (s:Actor)-[:SOURCE_OF]->(e:Event)-[:TARGETS]->(t:Actor)
  WHERE s IN top AND t IN top
  WITH DISTINCT e
  ORDER BY abs(e.goldstein) DESC, e.id
  LIMIT 40
  MATCH acted = (s:Actor)-[:SOURCE_OF]->(e)-[:TARGETS]->(t:Actor)
  WHERE s IN top AND t IN top
  RETURN collect(acted) AS acts
}
RETURN top AS actors, dyads, acts
