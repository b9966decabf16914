// The change feed, oldest first, from a sequence number, optionally for one source.
MATCH (c:Change)
WHERE c.seq > $afterSeq AND ($source IS NULL OR c.source = $source)
RETURN c {.*} AS change
ORDER BY c.seq ASC
LIMIT $limit
