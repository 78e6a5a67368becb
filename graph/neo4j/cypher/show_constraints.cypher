// Every constraint, by name (to drop them between tests).
SHOW CONSTRAINTS YIELD name
RETURN name
