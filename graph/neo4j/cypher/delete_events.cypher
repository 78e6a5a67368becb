// Events no report is of any more (their reports now belong to other events, or were replaced).
UNWIND $ids AS id
MATCH (e:Event {id: id})
DETACH DELETE e
