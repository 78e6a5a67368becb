// Earlier readings of an article by file path (article_versions.cypher).
CREATE INDEX article_path IF NOT EXISTS FOR (n:Article) ON (n.path)
