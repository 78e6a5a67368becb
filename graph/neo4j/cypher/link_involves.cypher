// (Event)-[:INVOLVES {role}]->(Actor) for rows {src, dst, props: {role}}: one relationship per role.
UNWIND $rows AS row
MATCH (e:Event {id: row.src})
MATCH (a:Actor {id: row.dst})
MERGE (e)-[r:INVOLVES {role: row.props.role}]->(a)
