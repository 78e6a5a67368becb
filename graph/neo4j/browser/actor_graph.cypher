// name: actor_graph
// answers: One actor's neighbourhood as a graph: its events, the other actors in them, and its roles and memberships.
// params: actor (actor)
MATCH (a:Actor)
WHERE toLower($actor) IN [toLower(a.id), toLower(a.name)] + [x IN coalesce(a.aliases, []) | toLower(x)]
MATCH took_part = (a)-[:SOURCE_OF|TARGETS|INVOLVES]-(e:Event)
OPTIONAL MATCH others = (e)-[:SOURCE_OF|TARGETS|INVOLVES]-(:Actor)
OPTIONAL MATCH affiliation = (a)-[:HOLDS_ROLE|PART_OF|MEMBER_OF]-(:Actor)
RETURN took_part, others, affiliation
