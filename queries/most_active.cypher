// name: most_active
// answers: The most active actors: distinct events each initiates, is targeted by or is involved in; optionally one kind (state, person, organization, group).
// params: kind (state|person|organization|group, null), limit (int, 10)
MATCH (a:Actor)-[r:SOURCE_OF|TARGETS|INVOLVES]-(e:Event)
WHERE $kind IS NULL OR a.kind = toLower($kind)
RETURN a.name AS actor, a.kind AS kind, count(DISTINCT e) AS events,
       count(DISTINCT CASE WHEN type(r) = 'SOURCE_OF' THEN e END) AS as_source,
       count(DISTINCT CASE WHEN type(r) = 'TARGETS' THEN e END) AS as_target
ORDER BY events DESC, actor
LIMIT $limit
