// (Event)-[:CONDITIONAL_ON]->(Event) for rows {src, dst, props}; the first sighting sets the properties.
UNWIND $rows AS row
MATCH (a:Event {id: row.src})
MATCH (b:Event {id: row.dst})
MERGE (a)-[r:CONDITIONAL_ON]->(b)
ON CREATE SET r += row.props
