// The server's name, versions and edition (the test header and `newsgraph neo4j status` print the version).
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition
