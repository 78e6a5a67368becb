// Events new to the database (events.py: no stored event of the batch's identity keys has their id, and
// the load lock keeps other loads out), created: no MERGE lookup, and no link of theirs to delete.
// Their second label (the CAMEO quad class, schema.QUAD_LABELS) comes from the schema, never from
// data, as write_events.cypher sets it. Rows: {id, props, labels}.
UNWIND $rows AS row
CREATE (e:$(row.labels))
SET e = row.props, e.id = row.id
