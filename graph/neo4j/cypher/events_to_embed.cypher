// Events with an evidence sentence and no embedding yet, a page at a time.
MATCH (e:Event)
WHERE e.embedding IS NULL AND e.sentence IS NOT NULL
RETURN e.id AS id, e.sentence AS sentence
ORDER BY id
LIMIT $limit
