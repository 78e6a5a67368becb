// (Event)-[:INVOLVES {role}]->(Actor) for rows {src, dst, props: {role}} of the events a batch changed
// (events.py), one per role, created: write_events.cypher deleted every such link of those events
// earlier in the same transaction and an event's links are unique (merge.actor_links).
UNWIND $rows AS row
MATCH (e:Event {id: row.src})
MATCH (a:Actor {id: row.dst})
CREATE (e)-[r:INVOLVES {role: row.props.role}]->(a)
