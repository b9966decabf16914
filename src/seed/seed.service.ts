import type { Database } from '../db/database';
import { eventFor, recordChanges } from '../changes/change.recorder';
import type { InvalidField } from '../errors';
import { admit, refuse, toParams, type Entity } from '../model/entity';
import { isValidSource, SOURCE_RULE } from '../model/field';
import { ACTOR } from '../actors/actor.model';
import { BOND } from '../bonds/bond.model';
import { PARTICIPATION } from '../participations/participation.model';
import { FUNDING } from '../funding/funding.model';
import { INDICATOR_VALUE } from '../funding/indicator-value.model';
import type { DemoGraph } from './demo.types';

/** True when the database holds no actor and no operation. */
export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.executor({ op: 'seed' }).read('seed/is-empty');
  return row.empty === true;
}

type Admitted<T> = { row: T; values: Record<string, unknown>; props: Record<string, unknown> }[];

/**
 * A graph's actors, bonds, participations, fundings and indicator values through the gate, as the seed queries take them
 * (`{ props }`, with ends): the seed is a door like any other. Throws BAD_USER_INPUT naming every
 * problem before anything is written.
 */
export function admitGraph<G extends Pick<DemoGraph, 'actors' | 'bonds' | 'participations'> & Partial<Pick<DemoGraph, 'fundings' | 'indicatorValues'>>>(g: G): {
  actors: Admitted<G['actors'][number]>;
  bonds: Admitted<G['bonds'][number]>;
  participations: Admitted<G['participations'][number]>;
  fundings: Admitted<DemoGraph['fundings'][number]>;
  indicatorValues: Admitted<DemoGraph['indicatorValues'][number]>;
} {
  const problems: InvalidField[] = [];
  const admitted = <T extends { id: string; source?: string | null; externalId?: string | null }>(e: Entity, rows: readonly T[], path: string): Admitted<T> =>
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
  const out = {
    actors: admitted(ACTOR, g.actors, 'actors'),
    bonds: admitted(BOND, g.bonds, 'bonds'),
    participations: admitted(PARTICIPATION, g.participations, 'participations'),
    fundings: admitted(FUNDING, g.fundings ?? [], 'fundings'),
    indicatorValues: admitted(INDICATOR_VALUE, g.indicatorValues ?? [], 'indicatorValues'),
  };
  if (problems.length) refuse('The seed', problems);
  return out;
}

/** The seed queries' parameters from admitted records. */
export const seedParams = {
  actors: (rows: Admitted<{ id: string }>) => rows.map((a) => ({ props: a.props })),
  bonds: (rows: Admitted<{ from: string; to: string }>) => rows.map((b) => ({ from: b.row.from, to: b.row.to, props: b.props })),
  participations: (rows: Admitted<{ actor: string; operation: string }>) => rows.map((p) => ({ actor: p.row.actor, operation: p.row.operation, props: p.props })),
  fundings: (rows: Admitted<{ funder: string; operation: string }>) => rows.map((f) => ({ funder: f.row.funder, operation: f.row.operation, props: f.props })),
  indicatorValues: (rows: Admitted<{ indicator: string }>) => rows.map((v) => ({ indicator: v.row.indicator, props: v.props })),
};

/**
 * Writes a whole graph in one transaction (all or nothing), with its change events so that the
 * feed read from the start rebuilds the data exactly.
 */
export async function loadGraph(db: Database, g: DemoGraph): Promise<{ actors: number; bonds: number; participations: number }> {
  const { actors, bonds, participations, fundings, indicatorValues } = admitGraph(g);
  await db.executor({ op: 'seed' }).write(async (tx) => {
    await tx.run('seed/commons', { commons: g.commons });
    await tx.run('seed/operations', { operations: g.operations });
    await tx.run('seed/actors', { actors: seedParams.actors(actors) });
    await tx.run('seed/stewards', { pairs: g.commons.flatMap((c) => c.stewards.map((actor) => ({ actor, common: c.id }))) });
    await tx.run('seed/bonds', { bonds: seedParams.bonds(bonds) });
    await tx.run('seed/participations', { participations: seedParams.participations(participations) });
    await tx.run('seed/indicators', { indicators: g.indicators });
    await tx.run('seed/events', { events: g.events });
    await tx.run('seed/fundings', { fundings: seedParams.fundings(fundings) });
    await tx.run('seed/indicator-values', { values: seedParams.indicatorValues(indicatorValues) });
    const sourceOf = new Map(g.actors.map((a) => [a.id, a.source]));
    await recordChanges(tx, [
      ...actors.map((a) => eventFor('Actor', 'CREATE', { ...a.values, version: 1 })),
      ...bonds.map((b) => eventFor('Bond', 'CREATE', { ...b.values, from: b.row.from, to: b.row.to, version: 1 })),
      ...participations.map((p) => eventFor('Participation', 'CREATE', { ...p.values, actor: p.row.actor, operation: p.row.operation, source: sourceOf.get(p.row.actor) ?? null, version: 1 })),
      ...fundings.map((f) => eventFor('Funding', 'CREATE', { ...f.values, funder: f.row.funder, operation: f.row.operation, version: 1 })),
      ...indicatorValues.map((v) => eventFor('IndicatorValue', 'CREATE', { ...v.values, indicator: v.row.indicator, version: 1 })),
    ]);
  });
  return { actors: g.actors.length, bonds: g.bonds.length, participations: g.participations.length };
}
