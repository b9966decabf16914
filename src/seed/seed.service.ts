import type { Database } from '../db/database';
import { eventFor, recordChanges } from '../changes/change.recorder';
import type { InvalidField } from '../errors';
import { admit, refuse, toParams, type Entity } from '../model/entity';
import { isValidSource, SOURCE_RULE } from '../model/field';
import { ACTOR } from '../actors/actor.model';
import { BOND } from '../bonds/bond.model';
import { PARTICIPATION } from '../participations/participation.model';
import type { DemoGraph } from './demo.types';

/** True when the database holds no actor and no operation. */
export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.executor({ op: 'seed' }).read('seed/is-empty');
  return row.empty === true;
}

/**
 * Writes a whole graph in one transaction (all or nothing), with its change events so that the
 * feed read from the start rebuilds the data exactly.
 */
export async function loadGraph(db: Database, g: DemoGraph): Promise<{ actors: number; bonds: number; participations: number }> {
  // The seed is a door like any other: its records pass the same gate as an API write.
  const problems: InvalidField[] = [];
  const admitted = <T extends { id: string; source?: string | null; externalId?: string | null }>(e: Entity, rows: readonly T[], path: string) =>
    rows.map((row, i) => {
      const r = admit(e, row as unknown as Record<string, unknown>, 'replace', `${path}.${i}`);
      problems.push(...r.problems);
      const own: Record<string, unknown> = { id: row.id };
      if ('source' in row) {
        if (!isValidSource(row.source)) problems.push({ field: `${path}.${i}.source`, message: `must be ${SOURCE_RULE}` });
        own.source = row.source;
        own.externalId = row.externalId ?? null;
      }
      return { row, values: { ...r.values, ...own }, props: { ...toParams(e, r.values), ...own } };
    });
  const actors = admitted(ACTOR, g.actors, 'actors');
  const bonds = admitted(BOND, g.bonds, 'bonds');
  const participations = admitted(PARTICIPATION, g.participations, 'participations');
  if (problems.length) refuse('The seed', problems);
  await db.executor({ op: 'seed' }).write(async (tx) => {
    await tx.run('seed/commons', { commons: g.commons });
    await tx.run('seed/operations', { operations: g.operations });
    await tx.run('seed/actors', { actors: actors.map((a) => ({ props: a.props })) });
    await tx.run('seed/stewards', { pairs: g.commons.flatMap((c) => c.stewards.map((actor) => ({ actor, common: c.id }))) });
    await tx.run('seed/bonds', { bonds: bonds.map((b) => ({ from: b.row.from, to: b.row.to, props: b.props })) });
    await tx.run('seed/participations', { participations: participations.map((p) => ({ actor: p.row.actor, operation: p.row.operation, props: p.props })) });
    await tx.run('seed/indicators', { indicators: g.indicators });
    await tx.run('seed/events', { events: g.events });
    const sourceOf = new Map(g.actors.map((a) => [a.id, a.source]));
    await recordChanges(tx, [
      ...actors.map((a) => eventFor('Actor', 'CREATE', { ...a.values, version: 1 })),
      ...bonds.map((b) => eventFor('Bond', 'CREATE', { ...b.values, from: b.row.from, to: b.row.to, version: 1 })),
      ...participations.map((p) => eventFor('Participation', 'CREATE', { ...p.values, actor: p.row.actor, operation: p.row.operation, source: sourceOf.get(p.row.actor) ?? null, version: 1 })),
    ]);
  });
  return { actors: g.actors.length, bonds: g.bonds.length, participations: g.participations.length };
}
