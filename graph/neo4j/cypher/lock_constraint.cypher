// The one LoadLock node (lock_events.cypher) must stay one even when two loads create it at once.
CREATE CONSTRAINT load_lock_id IF NOT EXISTS FOR (n:LoadLock) REQUIRE n.id IS UNIQUE
