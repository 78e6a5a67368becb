// (Article)-[:MENTIONS {count}]->(Actor), created: the loader writes an article's mentions only when
// the article is new to the database or a newer reading of it, whose old mentions remove_reports
// deleted earlier in the same transaction (under the load lock), so none exists yet and a MERGE's
// check for one would be wasted. Reloading an unchanged article writes nothing.
UNWIND $rows AS row
MATCH (art:Article {id: row.src})
MATCH (a:Actor {id: row.dst})
CREATE (art)-[r:MENTIONS]->(a)
SET r.count = row.props.count
