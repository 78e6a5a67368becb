// Wait (up to 300 s) until the indexes just created are online, so the first batch's lookups by
// identity key, report, url and path use them instead of scanning.
CALL db.awaitIndexes(300)
