// The years the graph's dated bonds and participations span (for yearly series).
MATCH ()-[r:BOND|PARTICIPATES_IN]->()
WHERE r.since IS NOT NULL
RETURN min(r.since.year) AS first, max(coalesce(r.until.year, r.since.year)) AS last
