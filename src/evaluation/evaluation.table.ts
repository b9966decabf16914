import type { CsvColumn } from '../transfer/csv';
import type { evaluation } from './evaluation.service';

type EvaluationResult = Awaited<ReturnType<typeof evaluation>>;

/** The columns of the evaluation table, one row per operation and a last row for the program. */
export const EVALUATION_COLUMNS: readonly CsvColumn[] = [
  { name: 'code', headerFr: 'code' },
  { name: 'name', headerFr: 'opération' },
  { name: 'fundingTotal', headerFr: 'sommes investies (€)', type: 'number' },
  { name: 'fundingCount', headerFr: 'financements', type: 'number' },
  { name: 'confidentialExcluded', headerFr: 'financements confidentiels exclus', type: 'number' },
  { name: 'fundingBySector', headerFr: 'par secteur (€)' },
  { name: 'fundingByYear', headerFr: 'par année (€)' },
  { name: 'attainment', headerFr: 'atteinte des objectifs', type: 'number' },
  { name: 'actorCount', headerFr: 'acteurs', type: 'number' },
  { name: 'bondCount', headerFr: 'liens', type: 'number' },
  { name: 'density', headerFr: 'densité', type: 'number' },
  { name: 'blau', headerFr: 'Blau (secteurs)', type: 'number' },
  { name: 'eiIndex', headerFr: 'indice E-I (secteurs)', type: 'number' },
  { name: 'citizenShare', headerFr: 'part des citoyens', type: 'number' },
  { name: 'departmentCount', headerFr: 'directions impliquées', type: 'number' },
  { name: 'departments', headerFr: 'directions', type: 'list' },
  { name: 'topBrokers', headerFr: 'principaux courtiers', type: 'list' },
];

const amounts = (xs: readonly { amount: number }[], key: (x: any) => string | number) => xs.map((x) => `${key(x)}=${x.amount}`).join(';');

/** The money columns of a row (an operation's or the program's sums). */
const money = (f: EvaluationResult['program']['funding']) => ({
  fundingTotal: f.total,
  fundingCount: f.count,
  confidentialExcluded: f.confidentialExcluded,
  fundingBySector: amounts(f.bySector, (x) => x.sector),
  fundingByYear: amounts(f.byYear, (x) => x.year),
});

/**
 * The evaluation as plain rows (names resolved, no promises): what the CSV and JSON exports and
 * the report's table show. The program row sums the operations (attainment: their mean).
 */
export async function evaluationRows(e: EvaluationResult): Promise<Record<string, unknown>[]> {
  const rows = await Promise.all(
    e.operations.map(async (o) => ({
      code: o.code,
      name: o.name,
      ...money(o.funding),
      attainment: o.attainment,
      actorCount: o.actorCount,
      bondCount: o.bondCount,
      density: o.density,
      blau: o.blau,
      eiIndex: o.eiIndex,
      citizenShare: o.citizenShare,
      departmentCount: o.departmentCount,
      departments: (await Promise.all(o.departments)).map((d) => d?.name ?? '').filter(Boolean),
      topBrokers: (await Promise.all(o.topBrokers.map((b) => b.actor))).map((a) => a?.name ?? '').filter(Boolean),
    })),
  );
  const p = e.program;
  rows.push({
    code: 'PROGRAM',
    name: 'TESR (somme des opérations)',
    ...money(p.funding),
    attainment: p.attainment,
  } as (typeof rows)[number]);
  return rows;
}
