// Store one embedding (a list of floats) per event.
UNWIND $rows AS row
MATCH (e:Event {id: row.id})
SET e.embedding = row.vector
