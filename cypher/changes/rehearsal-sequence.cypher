// The change sequence of a start-up rehearsal (src/sync/sync.warmup.ts), in its transaction, which
// is always rolled back: its events never reach the feed, and the feed's sequence is never locked.
CREATE (s:ChangeSequence {name: $name, value: $base})
