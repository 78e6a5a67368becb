// Baseline for the load benchmark: plain CREATE of relationship rows {src, dst, type, props}, the
// ends found by element id (the cheapest lookup there is).
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.src
MATCH (b) WHERE elementId(b) = row.dst
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
