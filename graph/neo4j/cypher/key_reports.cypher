// Every event of the given identity keys, with each of its reports and their articles (an event whose
// reports were all removed comes with a null report): the stored side of the read-modify-write that
// derives events again when a key gains or loses reports.
UNWIND $keys AS key
MATCH (e:Event {identity_key: key})
OPTIONAL MATCH (e)-[r:REPORTED_IN]->(art:Article)
RETURN e.id AS event, art.id AS article, art.published AS published, art.source AS outlet,
       properties(r) AS report
