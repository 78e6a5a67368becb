// Baseline for the load benchmark: plain CREATE of node rows {labels, props} into an empty database
// (no MERGE, no constraint checks); returns each node's element id so relationships need no index.
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.props
RETURN row.props.id AS id, elementId(n) AS element_id
