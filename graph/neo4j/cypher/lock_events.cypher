// Serialise writers: every load transaction first takes the write lock of the one LoadLock node
// (the first SET takes it, held until commit or rollback), so reading the reports of an event key,
// clustering them and writing the events back is never interleaved with another load's. Each batch
// then leaves its own token there and returns the one before: a load that finds its previous batch's
// token knows no other load wrote in between, and trusts what it wrote itself (events.py,
// KnownKeys). The token is read only once the lock is held: read before it, a transaction waiting
// for another's commit saw the token from before that commit. The links transaction after the
// batches puts back `true`, so a finished load leaves the node as it was.
MERGE (lock:LoadLock {id: 'events'})
SET lock.locked = true
WITH lock
WITH lock, lock.held AS previous
SET lock.held = $token
RETURN previous
