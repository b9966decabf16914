// Takes the change sequence's write lock for the rest of the transaction: every writer appends
// to the feed last, under this lock, so while it is held no write can commit and the dump read
// in the same transaction is a consistent snapshot.
MATCH (s:ChangeSequence {name: 'changes'})
SET s.value = s.value
RETURN s.value AS version
