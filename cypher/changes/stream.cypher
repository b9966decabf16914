// The feed after a sequence number, every source, oldest first: the seq of each change, and the
// change itself when it is of $source (or $source is null). The reader advances only through
// consecutive seqs it saw (the feed has no gaps), never past one not visible yet.
MATCH (c:Change)
WHERE c.seq > $afterSeq
WITH c
ORDER BY c.seq ASC
LIMIT $scan
RETURN c.seq AS seq, CASE WHEN $source IS NULL OR c.source = $source THEN c {.*} END AS change
