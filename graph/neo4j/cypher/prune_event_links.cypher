// Drop CONDITIONAL_ON and RESPONDS_TO links no report supports any more (the reports that named
// them moved to another event, or were replaced).
MATCH (e:Event)-[l:CONDITIONAL_ON|RESPONDS_TO]->(other:Event)
WHERE NOT EXISTS {
  MATCH (e)-[r:REPORTED_IN]->(:Article), (other)-[s:REPORTED_IN]->(:Article)
  WHERE s.report IN CASE type(l) WHEN 'CONDITIONAL_ON' THEN coalesce(r.conditional_on, [])
                                 ELSE coalesce(r.responds_to, []) END
}
DELETE l
