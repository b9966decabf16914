// Every participation of each of a batch of actors (an actor has a handful), one row each as flat
// values (see participationsOfActors in src/participations/participation.service.ts), with the
// operation and the commons it serves: they prime the operation and commons loaders, so that an
// actor page's `operations { commons }` costs no further trip.
UNWIND $ids AS aid
MATCH (:Actor {id: aid})-[p:PARTICIPATES_IN]->(o:Operation)
WITH aid, p, o ORDER BY o.code, p.role
RETURN aid,
       {{PARTICIPATION p}} AS participation,
       o {.*} AS operation,
       [(o)-[:SERVES]->(c:Common) | c {.*}] AS commons
