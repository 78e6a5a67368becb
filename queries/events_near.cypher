// name: events_near
// answers: Events at places within km kilometres of a place (by name, alias or id) or of a latitude and longitude, nearest first.
// params: place (string, null), latitude (float, null), longitude (float, null), km (float, 50), limit (int, 50)
// Places carry a WGS-84 `location` point (the loader sets it from the gazetteer's coordinates).
OPTIONAL MATCH (named:Place)
WHERE $place IS NOT NULL AND named.location IS NOT NULL
  AND (toLower(named.name) = toLower($place) OR named.id = $place)
WITH coalesce(named.location,
              CASE WHEN $latitude IS NULL OR $longitude IS NULL THEN null
                   ELSE point({latitude: $latitude, longitude: $longitude}) END) AS centre
WITH centre WHERE centre IS NOT NULL
WITH centre LIMIT 1
MATCH (e:Event)-[:AT]->(p:Place)
WHERE p.location IS NOT NULL AND point.distance(p.location, centre) <= $km * 1000
OPTIONAL CALL (e) {
  MATCH (e)-[:REPORTED_IN]->(first:Article)
  RETURN first AS art ORDER BY first.published, first.id LIMIT 1
}
RETURN p.name AS place, round(point.distance(p.location, centre) / 1000.0, 1) AS km, e.date AS date,
       e.type AS event, e.cameo AS cameo, e.plover AS plover, e.goldstein AS goldstein,
       art.title AS article, e.mentions AS reports
ORDER BY km, date, event
LIMIT $limit
