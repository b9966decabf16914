/**
 * The columns of the actor and bond files, for both directions: what the export writes (CsvColumn,
 * French headers in excel-fr) and what the import reads (ColumnSpec, every French header of
 * HEADERS_FR). Built from one list so that an excel-fr export always re-imports.
 */
import type { CsvColumn } from './csv';
import type { ColumnSpec } from './table';
import { exportLabelsFr, HEADERS_FR, LABELS_FR } from './labels-fr';

interface RecordColumn extends CsvColumn {
  required?: boolean;
}

const column = (name: string, headerFr: string, more: Omit<RecordColumn, 'name' | 'headerFr'> = {}): RecordColumn => ({ name, headerFr, ...more });

export const ACTOR_RECORD_COLUMNS: readonly RecordColumn[] = [
  column('externalId', 'Identifiant', { required: true }),
  column('id', 'Id API'),
  column('source', 'Source'),
  column('name', 'Nom', { required: true }),
  column('kind', 'Type', { required: true, type: 'enum', enumLabelsFr: exportLabelsFr(LABELS_FR.ActorKind) }),
  column('sector', 'Secteur', { required: true, type: 'enum', enumLabelsFr: exportLabelsFr(LABELS_FR.Sector) }),
  column('description', 'Description'),
  column('territory', 'Territoire'),
  column('tags', 'Étiquettes', { type: 'list' }),
  column('email', 'Courriel'),
  column('phone', 'Téléphone'),
];

export const BOND_RECORD_COLUMNS: readonly RecordColumn[] = [
  column('externalId', 'Identifiant', { required: true }),
  column('id', 'Id API'),
  column('source', 'Source'),
  column('kind', 'Type', { required: true, type: 'enum', enumLabelsFr: exportLabelsFr(LABELS_FR.BondKind) }),
  column('from', 'De', { required: true }),
  column('to', 'Vers', { required: true }),
  column('weight', 'Poids', { type: 'number' }),
  column('since', 'Depuis', { type: 'date' }),
  column('until', "Jusqu'au", { type: 'date' }),
  column('description', 'Description'),
];

/** What the export writes: the columns, or those of them present (`names`, e.g. without email/phone). */
export function csvColumns(columns: readonly RecordColumn[], names?: readonly string[]): CsvColumn[] {
  return columns.filter((c) => !names || names.includes(c.name)).map(({ required: _required, ...c }) => c);
}

/** What the import reads: each column under its name, its excel-fr header and HEADERS_FR's names. */
export function columnSpecs(columns: readonly RecordColumn[]): ColumnSpec[] {
  return columns.map((c) => ({ name: c.name, aliases: [...new Set([c.headerFr ?? c.name, ...(HEADERS_FR[c.name] ?? [])])], required: !!c.required }));
}
