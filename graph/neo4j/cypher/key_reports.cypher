// Every report of the events of the given identity keys, with its event and article: the stored
// side of the read-modify-write that derives events again when a key gains or loses reports.
UNWIND $keys AS key
MATCH (e:Event {identity_key: key})-[r:REPORTED_IN]->(art:Article)
RETURN e.id AS event, art.id AS article, art.published AS published, art.source AS outlet,
       properties(r) AS report
