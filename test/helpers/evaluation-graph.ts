/**
 * A small program with known arrangement, funding and results, whose every evaluation figure is
 * computed by hand in test/integration/evaluation.int.test.ts. Nine operations O1..O9, each with
 * its own actors (and the council's two departments D1, D2 in O3, O4, O7); all bonds are
 * COLLABORATES_WITH (undirected). Sector letters: E ECONOMIC, C CIVIL_SOCIETY, Z CITIZENS,
 * R RESEARCH, P PUBLIC_ADMINISTRATION.
 */
import type { DemoGraph } from '../../src/seed/demo.types';

const SECTOR = { E: 'ECONOMIC', C: 'CIVIL_SOCIETY', Z: 'CITIZENS', R: 'RESEARCH', P: 'PUBLIC_ADMINISTRATION', L: 'POLITICAL' } as const;

/** Per operation: its actors (sector letters, or a department) and bonds between their positions. */
export const OPS: Record<string, { actors: string[]; bonds: [number, number][] }> = {
  O1: { actors: ['E', 'C', 'Z'], bonds: [[0, 1], [1, 2]] },
  O2: { actors: ['E', 'E', 'C'], bonds: [[0, 1], [1, 2], [0, 2]] },
  O3: { actors: ['D1', 'E', 'Z', 'Z'], bonds: [[0, 1], [0, 2], [2, 3]] },
  O4: { actors: ['D1', 'D2', 'E'], bonds: [[0, 2], [1, 2]] },
  O5: { actors: ['E', 'C'], bonds: [[0, 1]] },
  O6: { actors: ['C', 'C', 'C', 'Z'], bonds: [[0, 1], [1, 2], [2, 3]] },
  O7: { actors: ['D2', 'R', 'R'], bonds: [[0, 1], [1, 2]] },
  O8: { actors: ['E', 'Z', 'C', 'R'], bonds: [] },
  O9: { actors: ['E', 'E'], bonds: [[0, 1]] },
};

const actor = (id: string, name: string, sector: string, kind = 'ORGANIZATION', source = 'evalsrc') => ({ id, name, kind, sector, description: null, territory: null, tags: [], source, externalId: id }) as DemoGraph['actors'][number];

export function evaluationGraph(): DemoGraph {
  const g: DemoGraph = { actors: [], bonds: [], operations: [], participations: [], commons: [], indicators: [], events: [], fundings: [], indicatorValues: [] };
  g.actors.push(actor('act_d1', 'Direction D1', SECTOR.P, 'DEPARTMENT', 'tesr'), actor('act_d2', 'Direction D2', SECTOR.P, 'DEPARTMENT', 'tesr'));
  g.actors.push(actor('act_council', 'Conseil test', SECTOR.P, 'ORGANIZATION', 'tesr'));
  g.actors.push(actor('act_feco', 'Financeur économique', SECTOR.E, 'ORGANIZATION', 'partner1'), actor('act_fpol', 'Financeur politique', SECTOR.L, 'ORGANIZATION', 'partner1'));
  for (const [code, op] of Object.entries(OPS)) {
    const oid = `op_${code.toLowerCase()}`;
    g.operations.push({ id: oid, code, name: `Opération ${code}`, description: '', commons: [] });
    const ids = op.actors.map((s, i) => {
      if (s.startsWith('D')) return `act_${s.toLowerCase()}`;
      const id = `act_${code.toLowerCase()}_${i}`;
      g.actors.push(actor(id, `${code} ${s}${i}`, SECTOR[s as keyof typeof SECTOR]));
      return id;
    });
    ids.forEach((a, i) => g.participations.push({ id: `prt_${code.toLowerCase()}_${i}`, role: 'PARTNER', actor: a, operation: oid, since: null, until: null }));
    op.bonds.forEach(([x, y], i) => g.bonds.push({ id: `bnd_${code.toLowerCase()}_${i}`, kind: 'COLLABORATES_WITH', from: ids[x], to: ids[y], weight: null, since: null, until: null, description: null, source: 'evalsrc', externalId: `${code}-${i}` }));
    g.indicators.push({ id: `ind_${code.toLowerCase()}`, operation: oid, name: `Emplois ${code}`, unit: 'emplois', value: null, target: 100, date: null });
  }
  // O9 has a second indicator without target, in %: no attainment, never summed.
  g.indicators.push({ id: 'ind_o9_rate', operation: 'op_o9', name: 'Taux O9', unit: '%', value: null, target: null, date: null });
  return g;
}
