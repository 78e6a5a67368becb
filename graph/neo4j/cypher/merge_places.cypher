// Places by id; the first sighting sets name, country and gazetteer fields, and `location`, the
// WGS-84 point of its latitude and longitude (schema.POINT_PROPERTIES) that spatial queries read.
UNWIND $rows AS row
MERGE (p:Place {id: row.id})
ON CREATE SET p += row.props,
  p.location = CASE WHEN row.props.latitude IS NULL OR row.props.longitude IS NULL THEN null
    ELSE point({latitude: row.props.latitude, longitude: row.props.longitude}) END
