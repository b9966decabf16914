import type { Database } from '../db/database';
import { eventFor, recordChanges } from '../changes/change.recorder';
import { defaultDirected } from '../bonds/bond.service';
import type { BondKind } from '../common/enums';
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
  const bonds = g.bonds.map((b) => ({ ...b, directed: defaultDirected(b.kind as BondKind) }));
  await db.executor({ op: 'seed' }).write(async (tx) => {
    await tx.run('seed/commons', { commons: g.commons });
    await tx.run('seed/operations', { operations: g.operations });
    await tx.run('seed/actors', { actors: g.actors });
    await tx.run('seed/stewards', { pairs: g.commons.flatMap((c) => c.stewards.map((actor) => ({ actor, common: c.id }))) });
    await tx.run('seed/bonds', { bonds });
    await tx.run('seed/participations', { participations: g.participations });
    await tx.run('seed/indicators', { indicators: g.indicators });
    await tx.run('seed/events', { events: g.events });
    const sourceOf = new Map(g.actors.map((a) => [a.id, a.source]));
    await recordChanges(tx, [
      ...g.actors.map((a) => eventFor('Actor', 'CREATE', { ...a, version: 1 })),
      ...bonds.map((b) => eventFor('Bond', 'CREATE', { ...b, version: 1 })),
      ...g.participations.map((p) => eventFor('Participation', 'CREATE', { ...p, source: sourceOf.get(p.actor) ?? null, version: 1 })),
    ]);
  });
  return { actors: g.actors.length, bonds: g.bonds.length, participations: g.participations.length };
}
