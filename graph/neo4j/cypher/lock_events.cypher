// Serialise writers: every load transaction first takes the write lock of the one LoadLock node
// (a SET takes it; it is held until commit or rollback), so reading the reports of an event key,
// clustering them and writing the events back is never interleaved with another load's. Each batch
// leaves its own token there and reads the one before: a load that finds its previous batch's token
// knows no other load wrote in between, and trusts what it wrote itself (events.py, KnownKeys). The
// links transaction after the batches puts back `true`, so a finished load leaves the node as it was.
MERGE (lock:LoadLock {id: 'events'})
WITH lock, lock.held AS previous
SET lock.held = $token
RETURN previous
