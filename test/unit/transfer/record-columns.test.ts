import { ActorKind, BondKind, Sector } from '../../../src/common/enums';
import { writeCsv, type Dialect } from '../../../src/transfer/csv';
import { LABELS_FR } from '../../../src/transfer/labels-fr';
import { ACTOR_RECORD_COLUMNS, BOND_RECORD_COLUMNS, columnSpecs, csvColumns } from '../../../src/transfer/record-columns';
import { matchEnum, parseDay, parseDecimal, readTable, splitList } from '../../../src/transfer/table';

// An export re-imports elsewhere: what the export CLI would write, read back the way the import reads.
describe('actor and bond files: export then import', () => {
  const actors = [
    { externalId: 'cci-001', id: 'act_1', source: 'cci', name: 'Coopérative agricole du Ternois', kind: 'ORGANIZATION', sector: 'CIVIL_SOCIETY', description: 'Céréales;\nstockage', territory: 'Ternois', tags: ['agriculture', 'circuits courts'], email: null, phone: '+33 3 21 00 00 00' },
  ];
  const bonds = [{ externalId: 'b-1', id: 'bnd_1', source: 'cci', kind: 'CO_MANAGES', from: 'cci/cci-001', to: 'act_9', weight: 0.30000000000000004, since: '2014-03-01', until: null, description: '=1+1' }];

  it.each<Dialect>(['excel-fr', 'rfc4180'])('%s', (dialect) => {
    const a = readTable(Buffer.from(writeCsv(actors, csvColumns(ACTOR_RECORD_COLUMNS), dialect)), columnSpecs(ACTOR_RECORD_COLUMNS), 'actors.csv');
    expect([a.problems, a.unknownColumns]).toEqual([[], []]);
    const r = a.rows[0]!.cells;
    expect([r.externalId, r.name, matchEnum(r.kind!, Object.values(ActorKind), LABELS_FR.ActorKind), matchEnum(r.sector!, Object.values(Sector), LABELS_FR.Sector), r.description, splitList(r.tags!), r.email, r.phone]).toEqual([
      'cci-001', 'Coopérative agricole du Ternois', 'ORGANIZATION', 'CIVIL_SOCIETY', 'Céréales;\nstockage', ['agriculture', 'circuits courts'], '', '+33 3 21 00 00 00',
    ]);
    if (dialect === 'excel-fr') expect(a.headers).toMatchObject({ name: 'Nom', sector: 'Secteur', tags: 'Étiquettes' });

    const b = readTable(Buffer.from(writeCsv(bonds, csvColumns(BOND_RECORD_COLUMNS), dialect)), columnSpecs(BOND_RECORD_COLUMNS), 'bonds.csv');
    expect([b.problems, b.unknownColumns]).toEqual([[], []]);
    const c = b.rows[0]!.cells;
    expect([matchEnum(c.kind!, Object.values(BondKind), LABELS_FR.BondKind), c.from, c.to, parseDecimal(c.weight!), parseDay(c.since!), c.until, c.description]).toEqual([
      'CO_MANAGES', 'cci/cci-001', 'act_9', dialect === 'excel-fr' ? 0.3 : 0.30000000000000004, '2014-03-01', '', '=1+1',
    ]);
  });

  it('without the personal-data columns, and a missing required column is named', () => {
    expect(csvColumns(ACTOR_RECORD_COLUMNS, ['externalId', 'name']).map((c) => c.name)).toEqual(['externalId', 'name']);
    const t = readTable(Buffer.from('Identifiant;Nom;Type\r\nx;X;Personne\r\n'), columnSpecs(ACTOR_RECORD_COLUMNS), 'a.csv');
    expect(t.problems.map((p) => [p.line, p.column])).toEqual([[null, 'sector']]);
  });
});
