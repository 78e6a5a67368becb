// (Event)-[:RESPONDS_TO]->(Event) for rows {src, dst, props}; the first sighting sets the properties.
UNWIND $rows AS row
MATCH (a:Event {id: row.src})
MATCH (b:Event {id: row.dst})
MERGE (a)-[r:RESPONDS_TO]->(b)
ON CREATE SET r += row.props
