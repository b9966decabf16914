// Restores the change-feed position.
MERGE (s:ChangeSequence {name: 'changes'})
SET s.value = $value
