// (Actor)-[:SOURCE_OF]->(Event) for rows {src, dst, props}; the first sighting sets the properties.
UNWIND $rows AS row
MATCH (a:Actor {id: row.src})
MATCH (b:Event {id: row.dst})
MERGE (a)-[r:SOURCE_OF]->(b)
ON CREATE SET r += row.props
