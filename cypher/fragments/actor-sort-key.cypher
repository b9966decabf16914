// The sort key of actor `a` for $orderField: NAME sorts by the stored French key (accents and
// case folded, see src/actors/actor.model.ts), the others by instant. Included as
// `{{INCLUDE actor-sort-key}}`.
CASE $orderField WHEN 'NAME' THEN a._nameKey WHEN 'CREATED_AT' THEN a.createdAt ELSE a.updatedAt END
