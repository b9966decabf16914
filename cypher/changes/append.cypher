// Appends change events in commit order. Setting the sequence node takes its write lock, held
// until commit, so the next writer reads the committed value: sequence numbers never repeat or
// skip, and a reader never sees seq n+1 before seq n. Always the last statement of a write.
// $sequence is 'changes' (the feed), but in the start-up rehearsal (src/sync/sync.warmup.ts),
// which appends to a sequence of its own, rolled back, so that it never holds the feed's lock.
MATCH (s:ChangeSequence {name: $sequence})
SET s.value = s.value + size($events)
WITH s, s.value - size($events) AS base
UNWIND range(0, size($events) - 1) AS i
WITH s, base, i, $events[i] AS e
CREATE (c:Change {seq: base + i + 1, at: datetime(), entity: e.entity, entityId: e.entityId, op: e.op,
                  source: e.source, externalId: e.externalId, version: e.version, payload: e.payload})
RETURN max(c.seq) AS last
