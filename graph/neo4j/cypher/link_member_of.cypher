// (Actor)-[:MEMBER_OF]->(Actor) for rows {src, dst, props}; the first sighting sets the properties.
UNWIND $rows AS row
MATCH (a:Actor {id: row.src})
MATCH (b:Actor {id: row.dst})
MERGE (a)-[r:MEMBER_OF]->(b)
ON CREATE SET r += row.props
