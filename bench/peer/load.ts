/**
 * Loads a generated bench graph into an empty database through our `Database`, with the seed's
 * own UNWIND queries (cypher/seed/*) in batches, one transaction per batch. No change-feed events:
 * the benchmark only reads.
 */
import type { Database } from '../../src/db/database';
import { admitGraph, seedParams } from '../../src/seed/seed.service';
import type { BenchGraph } from './data';

const BATCH = 5_000;

export async function loadBenchGraph(db: Database, g: BenchGraph, log: (line: string) => void = () => undefined): Promise<void> {
  const x = db.executor({ op: 'bench-load' });
  const t0 = performance.now();
  const batches = async <T>(query: string, param: string, items: T[]) => {
    for (let i = 0; i < items.length; i += BATCH) {
      await x.write((tx) => tx.run(query, { [param]: items.slice(i, i + BATCH) }));
    }
  };
  // Through the seed's gate, like any write (it also derives each actor's French sort key).
  const admitted = admitGraph(g as any);
  await x.write((tx) => tx.run('seed/commons', { commons: g.commons }));
  await x.write((tx) => tx.run('seed/operations', { operations: g.operations }));
  await batches('seed/actors', 'actors', seedParams.actors(admitted.actors));
  log(`  ${g.actors.length} actors (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  await batches('seed/bonds', 'bonds', seedParams.bonds(admitted.bonds as any));
  log(`  ${g.bonds.length} bonds (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  await batches('seed/participations', 'participations', seedParams.participations(admitted.participations as any));
  log(`  ${g.participations.length} participations (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
