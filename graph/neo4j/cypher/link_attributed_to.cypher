// (Event)-[:ATTRIBUTED_TO]->(Actor) for rows {src, dst, props} of the events a batch changed (events.py), created:
// write_events.cypher deleted every such link of those events earlier in the same transaction and
// an event's links are unique (merge.actor_links), so none exists and a MERGE's check would be wasted.
UNWIND $rows AS row
MATCH (a:Event {id: row.src})
MATCH (b:Actor {id: row.dst})
CREATE (a)-[r:ATTRIBUTED_TO]->(b)
SET r += row.props
