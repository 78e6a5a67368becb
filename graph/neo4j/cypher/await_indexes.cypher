// Wait until every index is online (a new full-text index over existing nodes populates in the background).
CALL db.awaitIndexes($seconds)
