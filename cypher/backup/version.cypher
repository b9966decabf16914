// The change-feed position, read after backup/lock: no writer can move it until this transaction ends.
MATCH (s:ChangeSequence {name: 'changes'})
RETURN s.value AS version
