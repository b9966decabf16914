// Every participation of each of a batch of actors (an actor has a handful), one row each as flat
// values (see participationsOfActors in src/participations/participation.service.ts), with the
// operation and the commons it serves: they prime the operation and commons loaders, so that an
// actor page's `operations { commons }` costs no further trip.
UNWIND $ids AS aid
MATCH (:Actor {id: aid})-[p:PARTICIPATES_IN]->(o:Operation)
WITH aid, p, o ORDER BY o.code, p.role
RETURN aid,
       [p.id, p.role, toString(p.since), toString(p.until), p.version, p.createdAt.epochMillis, p.updatedAt.epochMillis, o.id] AS participation,
       o {.*} AS operation,
       [(o)-[:SERVES]->(c:Common) | c {.*}] AS commons
