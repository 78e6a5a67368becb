// One event's sentence and Goldstein weight by id: checks that text and floats survive a bulk import.
MATCH (e:Event {id: $id})
RETURN e.sentence AS sentence, e.goldstein AS goldstein
