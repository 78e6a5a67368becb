// Node counts per label and relationship counts per type, for load statistics and tests; the
// loader's LoadLock node (lock_events.cypher) is bookkeeping, not part of the graph.
CALL () {
  MATCH (n) WHERE NOT n:LoadLock UNWIND labels(n) AS name RETURN 'node' AS kind, name, count(*) AS total
  UNION ALL
  MATCH ()-[r]->() RETURN 'relationship' AS kind, type(r) AS name, count(*) AS total
}
RETURN kind, name, total ORDER BY kind, name
