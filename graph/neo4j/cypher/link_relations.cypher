// The relations between actors for rows {type, src, dst, props}, the type one of the schema's relation
// types (schema.record_rows leaves out any other); the first sighting sets the properties. One
// branch per type with the type written out: a MERGE of a type taken from the row expands every
// relationship of both actors (thousands on a state every article mentions) to find the one.
UNWIND $rows AS row
MATCH (a:Actor {id: row.src})
MATCH (b:Actor {id: row.dst})
FOREACH (_ IN CASE row.type WHEN 'HOLDS_ROLE' THEN [1] ELSE [] END |
  MERGE (a)-[r:HOLDS_ROLE]->(b) ON CREATE SET r += row.props)
FOREACH (_ IN CASE row.type WHEN 'PART_OF' THEN [1] ELSE [] END |
  MERGE (a)-[r:PART_OF]->(b) ON CREATE SET r += row.props)
FOREACH (_ IN CASE row.type WHEN 'MEMBER_OF' THEN [1] ELSE [] END |
  MERGE (a)-[r:MEMBER_OF]->(b) ON CREATE SET r += row.props)
