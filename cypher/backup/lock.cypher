// Takes the change sequence's write lock for the rest of the transaction: every writer appends
// to the feed last, under this lock, so while it is held no write can commit and the dump read
// in the same transaction is a consistent snapshot. The lock comes from writing another property
// (`_lock`), never `SET s.value = s.value`: that form can write back a value read before the lock
// was granted and reset the sequence under concurrent writers (measured: every online backup
// then made the next writers fail on the Change.seq constraint). The version is read by the next
// statement (backup/version), once the lock is held.
MATCH (s:ChangeSequence {name: 'changes'})
SET s._lock = true
REMOVE s._lock
RETURN count(s) AS locked
