// Drop CONDITIONAL_ON and RESPONDS_TO links no report supports any more, of the given events (those
// that lost reports in this load: reports that named a link moved to another event, or were replaced).
// The report ids an event's reports name are gathered once per link, then the other event's reports
// are looked up among them: pairing every report of one event with every report of the other was
// quadratic on events of many reports.
UNWIND $ids AS id
MATCH (:Event {id: id})-[l:CONDITIONAL_ON|RESPONDS_TO]-(:Event)
WITH DISTINCT l
WITH l, startNode(l) AS e, endNode(l) AS other
CALL (e, l) {
  MATCH (e)-[r:REPORTED_IN]->(:Article)
  UNWIND CASE type(l) WHEN 'CONDITIONAL_ON' THEN coalesce(r.conditional_on, [])
                      ELSE coalesce(r.responds_to, []) END AS named
  RETURN collect(named) AS names
}
WITH l, other, names
WHERE NOT EXISTS {
  MATCH (other)-[s:REPORTED_IN]->(:Article)
  WHERE s.report IN names
}
DELETE l
