// The one LoadLock node (lock_events.cypher), made before any batch, so that no batch counts it among
// the nodes it created.
MERGE (lock:LoadLock {id: 'events'})
ON CREATE SET lock.held = true, lock.locked = true
