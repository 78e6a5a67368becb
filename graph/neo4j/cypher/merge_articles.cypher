// Articles by content-hash id, with every property of this reading (a newer extractor's record
// replaces the older one's properties; the loader skips an article it already holds unchanged), and
// their (Article)-[:MENTIONS {count}]->(Actor), created: the loader writes an article only when it is
// new to the database or a newer reading of it, whose old mentions remove_reports deleted earlier in
// the same transaction (under the load lock), so none exists yet and a MERGE's check for one would
// be wasted. The actors are written before (merge_actors). Rows: {id, props, mentions: [{dst, count}]}.
UNWIND $rows AS row
MERGE (art:Article {id: row.id})
SET art = row.props
WITH art, row
UNWIND row.mentions AS mention
MATCH (a:Actor {id: mention.dst})
CREATE (art)-[:MENTIONS {count: mention.count}]->(a)
