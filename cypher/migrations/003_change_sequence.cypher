// The change feed's sequence lives in the database so that several API instances share it; its
// value is also the graph version that analytics caches are keyed by.
MERGE (s:ChangeSequence {name: 'changes'}) ON CREATE SET s.value = 0;
