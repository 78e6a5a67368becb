// Indexes a test may have created: not the built-in token lookups, not those a constraint owns.
SHOW INDEXES YIELD name, type, owningConstraint
WHERE type <> "LOOKUP" AND owningConstraint IS NULL
RETURN name
