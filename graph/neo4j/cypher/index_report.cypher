// A report (REPORTED_IN) by its id: unlink_reports.cypher and event_report_links.cypher look reports up by it.
CREATE INDEX reported_in_report IF NOT EXISTS FOR ()-[r:REPORTED_IN]-() ON (r.report)
