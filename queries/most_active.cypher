// name: most_active
// answers: The most active actors: events each initiates, is targeted by or is involved in (each counted once however many articles report it; reports: how often they were reported); optionally one kind (state, person, organization, group).
// params: kind (state|person|organization|group, null), limit (int, 10)
MATCH (a:Actor)-[r:SOURCE_OF|TARGETS|INVOLVES]-(e:Event)
WHERE $kind IS NULL OR a.kind = toLower($kind)
WITH a, e, collect(type(r)) AS roles
RETURN a.name AS actor, a.kind AS kind, count(e) AS events,
       count(CASE WHEN 'SOURCE_OF' IN roles THEN e END) AS as_source,
       count(CASE WHEN 'TARGETS' IN roles THEN e END) AS as_target,
       sum(coalesce(e.mentions, 1)) AS reports
ORDER BY events DESC, actor
LIMIT $limit
