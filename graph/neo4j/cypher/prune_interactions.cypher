// Drop INTERACTS_WITH summaries of the given actors that no event supports any more (their events
// were merged away or replaced); interactions.cypher then writes the others.
UNWIND $ids AS id
MATCH (a:Actor {id: id})-[d:INTERACTS_WITH]-(:Actor)
WITH DISTINCT d, startNode(d) AS s, endNode(d) AS t
WHERE NOT EXISTS {
  MATCH (s)-[:SOURCE_OF]->(e:Event)-[:TARGETS]->(t)
  WHERE NOT coalesce(e.negated, false)
}
DELETE d
