// Articles by content-hash id; the first load sets their properties.
UNWIND $rows AS row
MERGE (art:Article {id: row.id})
ON CREATE SET art += row.props
