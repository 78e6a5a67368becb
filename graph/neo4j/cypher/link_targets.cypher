// (Event)-[:TARGETS]->(Actor) for rows {src, dst, props}; the first sighting sets the properties.
UNWIND $rows AS row
MATCH (a:Event {id: row.src})
MATCH (b:Actor {id: row.dst})
MERGE (a)-[r:TARGETS]->(b)
ON CREATE SET r += row.props
