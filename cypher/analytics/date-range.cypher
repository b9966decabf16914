// The years the program's own dated bonds and participations span (bonds of $sources, participations
// of actors of $sources), for the transversality series.
MATCH (a:Actor)-[r:BOND|PARTICIPATES_IN]->()
WHERE r.since IS NOT NULL AND CASE type(r) WHEN 'BOND' THEN r.source IN $sources ELSE a.source IN $sources END
RETURN min(r.since.year) AS first, max(coalesce(r.until.year, r.since.year)) AS last
