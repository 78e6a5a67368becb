// Earlier readings of an article by url (article_versions.cypher).
CREATE INDEX article_url IF NOT EXISTS FOR (n:Article) ON (n.url)
