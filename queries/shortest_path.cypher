// name: shortest_path
// answers: How two actors are connected: the shortest paths (up to 8 hops) through events, roles, memberships and dyads (articles and places left out).
// params: actor (actor), other (actor)
MATCH (a:Actor)
WHERE toLower($actor) IN [toLower(a.id), toLower(a.name)] + [x IN coalesce(a.aliases, []) | toLower(x)]
MATCH (b:Actor)
WHERE toLower($other) IN [toLower(b.id), toLower(b.name)] + [x IN coalesce(b.aliases, []) | toLower(x)]
  AND a <> b
MATCH p = allShortestPaths((a)-[:SOURCE_OF|TARGETS|INVOLVES|ATTRIBUTED_TO|CONDITIONAL_ON|RESPONDS_TO|HOLDS_ROLE|PART_OF|MEMBER_OF|INTERACTS_WITH*..8]-(b))
RETURN length(p) AS hops, [n IN nodes(p) | coalesce(n.name, n.type, n.id)] AS path,
       [r IN relationships(p) | type(r)] AS relationships
ORDER BY hops, path
LIMIT 10
