// Take reports off the events they belonged to before (they now belong to another event).
// Rows: {event, report}.
UNWIND $rows AS row
MATCH (:Event {id: row.event})-[r:REPORTED_IN {report: row.report}]->(:Article)
DELETE r
