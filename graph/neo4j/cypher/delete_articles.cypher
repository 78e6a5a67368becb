// Delete articles replaced by a newer reading under another id (their text changed); their reports
// were removed first (remove_reports).
UNWIND $ids AS id
MATCH (art:Article {id: id})
DETACH DELETE art
