// Articles by content-hash id, with every property of this reading (a newer extractor's record
// replaces the older one's properties; the loader skips an article it already holds unchanged).
UNWIND $rows AS row
MERGE (art:Article {id: row.id})
SET art = row.props, art.id = row.id
