// The loader reads the events of an identity key (key_reports.cypher) by this index.
CREATE INDEX event_identity_key IF NOT EXISTS FOR (n:Event) ON (n.identity_key)
