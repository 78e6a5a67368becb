// Places by id; the first sighting sets name and country.
UNWIND $rows AS row
MERGE (p:Place {id: row.id})
ON CREATE SET p += row.props
