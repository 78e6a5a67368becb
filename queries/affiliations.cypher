// name: affiliations
// answers: Who speaks for or belongs to whom: roles (HOLDS_ROLE), parts of states (PART_OF) and memberships (MEMBER_OF), with the evidence sentence; optionally for one actor at either end.
// params: actor (actor, null)
MATCH (x:Actor)-[r:HOLDS_ROLE|PART_OF|MEMBER_OF]->(y:Actor)
WHERE $actor IS NULL
   OR toLower($actor) IN [toLower(x.id), toLower(x.name)] + [v IN coalesce(x.aliases, []) | toLower(v)]
   OR toLower($actor) IN [toLower(y.id), toLower(y.name)] + [v IN coalesce(y.aliases, []) | toLower(v)]
OPTIONAL MATCH (art:Article {id: r.article})
RETURN x.name AS who, type(r) AS relation, r.title AS title, y.name AS of, r.sentence AS evidence,
       art.title AS article
ORDER BY of, relation, who
