// For each article of a batch: is it already loaded (and by which extractor), and which other
// articles are earlier readings of it (the same url, or the same path of a one-article file).
// Rows: {id, url (or null), path (null unless the path names the article)}.
UNWIND $rows AS row
OPTIONAL MATCH (same:Article {id: row.id})
CALL (row) {
  OPTIONAL MATCH (old:Article {url: row.url}) WHERE old.id <> row.id
  RETURN collect(old.id) AS by_url
}
CALL (row) {
  OPTIONAL MATCH (old:Article {path: row.path}) WHERE old.id <> row.id AND old.url IS NULL
  RETURN collect(old.id) AS by_path
}
RETURN row.id AS id, same IS NOT NULL AS present, same.extractor AS extractor, by_url + by_path AS replaced
