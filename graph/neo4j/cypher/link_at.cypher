// (Event)-[:AT]->(Place) for rows {src, dst, props}; the first sighting sets the properties.
UNWIND $rows AS row
MATCH (a:Event {id: row.src})
MATCH (b:Place {id: row.dst})
MERGE (a)-[r:AT]->(b)
ON CREATE SET r += row.props
