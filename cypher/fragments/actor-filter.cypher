// The list filters every actor query shares (ActorFilter: kinds, sectors, source, territory,
// updatedSince, tags) on actor `a`; each condition holds when its parameter is null. Included as
// `{{INCLUDE actor-filter}}` after a WHERE; the anchoring conditions stay in each query.
($kinds IS NULL OR a.kind IN $kinds)
  AND ($sectors IS NULL OR a.sector IN $sectors)
  AND ($source IS NULL OR a.source = $source)
  AND ($territory IS NULL OR a.territory = $territory)
  AND ($updatedSince IS NULL OR a.updatedAt >= $updatedSince)
  AND ($tags IS NULL OR all(t IN $tags WHERE t IN a.tags))
