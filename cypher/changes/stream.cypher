// The feed after a sequence number, at most up to the head read first: every change up to that
// head is committed (sequence numbers are allocated under a lock held to commit), so a reader may
// move its position to `head` when nothing of its source is in between, without skipping anything.
MATCH (s:ChangeSequence {name: 'changes'})
WITH s.value AS head
OPTIONAL CALL (head) {
  MATCH (c:Change)
  WHERE c.seq > $afterSeq AND c.seq <= head AND ($source IS NULL OR c.source = $source)
  RETURN c
  ORDER BY c.seq ASC
  LIMIT $limit
}
RETURN head, collect(c {.*}) AS changes
