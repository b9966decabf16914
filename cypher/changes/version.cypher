// The graph version: the number of changes ever committed.
MATCH (s:ChangeSequence {name: 'changes'})
RETURN s.value AS version
