// Take reports off the events they belonged to before (they now belong to another event).
// Rows: {event, report}. The report is found through its own index (index_report.cypher), not by
// walking every REPORTED_IN of its event: an event of many reports made that walk quadratic.
UNWIND $rows AS row
MATCH (e:Event)-[r:REPORTED_IN {report: row.report}]->(:Article)
USING INDEX r:REPORTED_IN(report)
WHERE e.id = row.event
DELETE r
