// Appends change events in commit order. Setting the sequence node takes its write lock, held
// until commit, so the next writer reads the committed value: sequence numbers never repeat or
// skip, and a reader never sees seq n+1 before seq n. Always the last statement of a write.
MATCH (s:ChangeSequence {name: 'changes'})
SET s.value = s.value + size($events)
WITH s, s.value - size($events) AS base
UNWIND range(0, size($events) - 1) AS i
WITH s, base, i, $events[i] AS e
CREATE (c:Change {seq: base + i + 1, at: datetime(), entity: e.entity, entityId: e.entityId, op: e.op,
                  source: e.source, externalId: e.externalId, version: e.version, payload: e.payload})
RETURN max(c.seq) AS last
