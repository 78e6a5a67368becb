// Empty the database: every node with its relationships (test isolation; tiny graphs only).
MATCH (n) DETACH DELETE n
