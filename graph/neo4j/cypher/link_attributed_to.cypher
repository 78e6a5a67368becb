// (Event)-[:ATTRIBUTED_TO]->(Actor) for rows {src, dst, props}; the first sighting sets the properties.
UNWIND $rows AS row
MATCH (a:Event {id: row.src})
MATCH (b:Actor {id: row.dst})
MERGE (a)-[r:ATTRIBUTED_TO]->(b)
ON CREATE SET r += row.props
