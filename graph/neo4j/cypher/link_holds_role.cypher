// (Actor)-[:HOLDS_ROLE]->(Actor) for rows {src, dst, props}; the first sighting sets the properties.
UNWIND $rows AS row
MATCH (a:Actor {id: row.src})
MATCH (b:Actor {id: row.dst})
MERGE (a)-[r:HOLDS_ROLE]->(b)
ON CREATE SET r += row.props
