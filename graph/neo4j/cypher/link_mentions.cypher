// (Article)-[:MENTIONS {count}]->(Actor): the count is set, not added, so reloading changes nothing.
UNWIND $rows AS row
MATCH (art:Article {id: row.src})
MATCH (a:Actor {id: row.dst})
MERGE (art)-[r:MENTIONS]->(a)
SET r.count = row.props.count
