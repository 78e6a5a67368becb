// Serialise writers: every load transaction first takes the write lock of the one LoadLock node
// (a SET takes it even when the value does not change; it is held until commit or rollback), so
// reading the reports of an event key, clustering them and writing the events back is never
// interleaved with another load's.
MERGE (lock:LoadLock {id: 'events'})
SET lock.held = true
