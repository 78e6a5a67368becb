// What the load benchmark counts: Event nodes plus relationships of every type.
CALL () { MATCH (e:Event) RETURN count(e) AS events }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN events, relationships
