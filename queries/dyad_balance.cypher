// name: dyad_balance
// answers: Cooperation versus conflict per directed dyad: events (each counted once however many articles report it), cooperative and conflictual counts and mean Goldstein (INTERACTS_WITH), optionally for one actor.
// params: actor (actor, null), min_events (int, 1), limit (int, 50)
MATCH (s:Actor)-[d:INTERACTS_WITH]->(t:Actor)
WHERE d.events >= $min_events
  AND ($actor IS NULL
       OR toLower($actor) IN [toLower(s.id), toLower(s.name)] + [x IN coalesce(s.aliases, []) | toLower(x)]
       OR toLower($actor) IN [toLower(t.id), toLower(t.name)] + [x IN coalesce(t.aliases, []) | toLower(x)])
RETURN s.name AS source, t.name AS target, d.events AS events, d.cooperation AS cooperation,
       d.conflict AS conflict, d.goldstein AS goldstein
ORDER BY events DESC, goldstein, source, target
LIMIT $limit
