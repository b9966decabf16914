import { decodeText, jsonErrorOffset, labelKey, matchEnum, parseDay, parseDecimal, readJson, readTable, splitList, detectSeparator } from '../../../src/transfer/table';
import { LABELS_FR } from '../../../src/transfer/labels-fr';
import { ActorKind, Sector } from '../../../src/common/enums';
import { ACTOR_COLUMNS, cp1252, crlf, utf8, utf8Bom } from './files';

const KINDS = Object.values(ActorKind);
const SECTORS = Object.values(Sector);

// What the chamber of commerce's Excel (French Windows) saves: header, two actors (one description on
// three lines), a bad row, Excel's trailing empty rows.
const EXCEL_FR = crlf([
  'Identifiant;Nom;Type;Secteur;Description;Territoire;Étiquettes;Poids;Depuis',
  'cci-001;Coopérative agricole du Ternois;Organisation;Économique;"Collecte de céréales;',
  'stockage et « vente » directe au cœur du bourg',
  'ligne 3 : 2 500 € de chiffre d’affaires";Ternois;agriculture | circuits courts;1,5;01/03/2014',
  'cci-002;Œuvre des jardins ouvriers;Structure;Société civile;;Arras;jardins;1 000,25;1/9/2015',
  'cci-003;Trop de cellules;Organisation;Économique;;;;;;en trop;',
  'cci-004;Élevage du Bocage;organisation;ECONOMIQUE;"dit ""le Bocage""";;;;2016-02-29',
  ';;;;;;;;',
  ';;;;;;;;',
  '   ;;  ;;;;;;',
]);

describe('readTable on an Excel-fr file', () => {
  const check = (t: ReturnType<typeof readTable>) => {
    expect(t.separator).toBe(';');
    expect(t.unknownColumns).toEqual([]);
    expect(t.rows.map((r) => r.line)).toEqual([2, 5, 7]);
    const [a, b, c] = t.rows.map((r) => r.cells);
    expect(a).toEqual({
      externalId: 'cci-001',
      name: 'Coopérative agricole du Ternois',
      kind: 'Organisation',
      sector: 'Économique',
      description: 'Collecte de céréales;\r\nstockage et « vente » directe au cœur du bourg\r\nligne 3 : 2 500 € de chiffre d’affaires',
      territory: 'Ternois',
      tags: 'agriculture | circuits courts',
      weight: '1,5',
      since: '01/03/2014',
    });
    expect(b!.name).toBe('Œuvre des jardins ouvriers');
    expect(b!.description).toBe('');
    expect(c!.description).toBe('dit "le Bocage"');
    // the row with a cell too many is reported on its own line, with what overflows
    expect(t.rejected.map((r) => r.line)).toEqual([6]);
    expect(t.problems).toEqual([{ line: 6, column: null, value: 'en trop', message: expect.stringMatching(/10 cells but the header has 9/) }]);
    expect(JSON.stringify(t)).not.toContain('\uFFFD');

    expect(t.rows.map((r) => matchEnum(r.cells.kind!, KINDS, LABELS_FR.ActorKind))).toEqual(['ORGANIZATION', 'ORGANIZATION', 'ORGANIZATION']);
    expect(t.rows.map((r) => matchEnum(r.cells.sector!, SECTORS, LABELS_FR.Sector))).toEqual(['ECONOMIC', 'CIVIL_SOCIETY', 'ECONOMIC']);
    expect(t.rows.map((r) => parseDecimal(r.cells.weight!))).toEqual([1.5, 1000.25, null]);
    expect(t.rows.map((r) => parseDay(r.cells.since!))).toEqual(['2014-03-01', '2015-09-01', '2016-02-29']);
    expect(splitList(a!.tags!)).toEqual(['agriculture', 'circuits courts']);
  };

  it('UTF-8 with BOM and CRLF ("CSV UTF-8")', () => {
    const t = readTable(utf8Bom(EXCEL_FR), ACTOR_COLUMNS, 'cci.csv');
    expect(t.encoding).toBe('utf-8-bom');
    check(t);
  });

  it('the same saved as Windows-1252 (plain "CSV"): detected and decoded, no U+FFFD', () => {
    const bytes = cp1252(EXCEL_FR);
    expect(bytes.includes(0xe9) && bytes.includes(0x80) && bytes.includes(0x9c)).toBe(true);
    const t = readTable(bytes, ACTOR_COLUMNS, 'cci.csv');
    expect(t.encoding).toBe('windows-1252');
    check(t);
  });

  it('UTF-8 without BOM, LF only', () => {
    const t = readTable(utf8(EXCEL_FR.replace(/\r\n/g, '\n')), ACTOR_COLUMNS, 'cci.csv');
    expect(t.encoding).toBe('utf-8');
    expect(t.rows.map((r) => r.line)).toEqual([2, 5, 7]);
    expect(t.rows[0]!.cells.description).toBe('Collecte de céréales;\nstockage et « vente » directe au cœur du bourg\nligne 3 : 2 500 € de chiffre d’affaires');
  });
});

describe('readTable: separators, headers, blank rows', () => {
  it('tab-separated, English headers in any case and spacing, unknown columns reported once', () => {
    const text = ['External_ID\tNAME\tKind\tsector\tColour\tNotes', 'u-1\tLab RURALITÉS\tORGANIZATION\tRESEARCH\tblue\t', 'u-2\tJeanne Martin\tPERSON\tRESEARCH\tred\tx'].join('\n');
    const t = readTable(utf8(text), ACTOR_COLUMNS, 'univ.tsv');
    expect(t.separator).toBe('\t');
    expect(t.unknownColumns).toEqual(['Colour', 'Notes']);
    expect(t.problems).toEqual([]);
    expect(t.rows.map((r) => [r.line, r.cells.externalId, r.cells.name, r.cells.kind, r.cells.tags])).toEqual([
      [2, 'u-1', 'Lab RURALITÉS', 'ORGANIZATION', ''],
      [3, 'u-2', 'Jeanne Martin', 'PERSON', ''],
    ]);
    expect(t.headers).toMatchObject({ externalId: 'External_ID', name: 'NAME' });
  });

  it.each(['Étiquettes', 'etiquettes', 'ETIQUETTES', ' étiquettes ', 'Mots clés', 'MOTS_CLES'])('header %j means tags', (h) => {
    const t = readTable(utf8(`externalId,name,kind,sector,${h}\nx,X,PERSON,CITIZENS,a;b\n`), ACTOR_COLUMNS, 'f.csv');
    expect(t.rows[0]!.cells.tags).toBe('a;b');
    expect(t.unknownColumns).toEqual([]);
  });

  it('a missing required column is one problem naming it, not one per row', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `a-${i};Actor ${i};Organisation`);
    const t = readTable(utf8(['identifiant;nom;type', ...rows].join('\r\n')), ACTOR_COLUMNS, 'asso.csv');
    expect(t.problems).toEqual([{ line: null, column: 'sector', value: null, message: expect.stringContaining('missing column "sector"') }]);
    expect(t.problems[0]!.message).toContain('"secteur"');
    expect(t.rows).toHaveLength(50);
    expect(t.rows[0]!.cells.sector).toBe('');
  });

  it("Excel's trailing ,,,,,, rows and blank rows in the middle are ignored; lines stay right", () => {
    const text = crlf(['externalId,name,kind,sector,description', 'a,A,PERSON,CITIZENS,', ',,,,', '', 'b,B,PERSON,CITIZENS,,,,', ',,,,,,', ',,,,,,', ',,,,,,']);
    const t = readTable(utf8(text), ACTOR_COLUMNS, 'f.csv');
    expect(t.problems).toEqual([]);
    expect(t.rows.map((r) => [r.line, r.cells.externalId])).toEqual([
      [2, 'a'],
      [5, 'b'],
    ]);
  });

  it('trailing separators in the header (Excel) are not columns', () => {
    const t = readTable(utf8('externalId;name;kind;sector;;;\r\na;A;PERSON;CITIZENS;;;\r\n'), ACTOR_COLUMNS, 'f.csv');
    expect(t.unknownColumns).toEqual([]);
    expect(t.problems).toEqual([]);
    expect(t.rows).toHaveLength(1);
  });

  it('a quoted multi-line description does not shift the lines of the rows after it', () => {
    const text = crlf([
      'externalId,name,kind,sector,description',
      'a,A,PERSON,CITIZENS,"one',
      'two',
      '',
      'four, with a comma"',
      'b,B,PERSON,CITIZENS,x,extra',
      'c,C,PERSON,CITIZENS,"ok"',
    ]);
    const t = readTable(utf8(text), ACTOR_COLUMNS, 'f.csv');
    expect(t.rows.map((r) => r.line)).toEqual([2, 7]);
    expect(t.rows[0]!.cells.description).toBe('one\r\ntwo\r\n\r\nfour, with a comma');
    expect(t.problems.map((p) => p.line)).toEqual([6]);
    expect(t.rejected.map((r) => [r.line, r.cells.externalId])).toEqual([[6, 'b']]);
  });

  it('an unbalanced quote is reported on its line, not thrown, and the rows after it are still read', () => {
    const text = crlf(['externalId;name;kind;sector', 'a;A;PERSON;CITIZENS', 'b;"Ferme du Clos;PERSON;CITIZENS', 'c;C;PERSON;CITIZENS', 'd;D;PERSON;CITIZENS']);
    const t = readTable(utf8(text), ACTOR_COLUMNS, 'f.csv');
    expect(t.problems).toEqual([{ line: 3, column: null, value: null, message: expect.stringMatching(/never closed/) }]);
    expect(t.rejected.map((r) => [r.line, r.cells.name])).toEqual([[3, '"Ferme du Clos']]);
    expect(t.rows.map((r) => [r.line, r.cells.externalId])).toEqual([
      [2, 'a'],
      [4, 'c'],
      [5, 'd'],
    ]);
  });

  it('text after a closing quote is kept and reported', () => {
    const t = readTable(utf8('externalId,name,kind,sector\na,"Ferme "Le Clos"",PERSON,CITIZENS\n'), ACTOR_COLUMNS, 'f.csv');
    expect(t.problems.map((p) => p.line)).toEqual([2]);
    expect(t.rejected[0]!.cells.name).toBe('Ferme Le Clos""');
  });

  it('two headers meaning the same column: reported on line 1, the first one wins', () => {
    const t = readTable(utf8('externalId,name,nom,kind,sector\na,First,Second,PERSON,CITIZENS\n'), ACTOR_COLUMNS, 'f.csv');
    expect(t.problems).toEqual([{ line: 1, column: 'name', value: 'nom', message: expect.stringContaining('both mean name') }]);
    expect(t.rows[0]!.cells.name).toBe('First');
  });

  it('old Mac CR-only line ends', () => {
    const t = readTable(utf8('externalId,name,kind,sector\ra,A,PERSON,CITIZENS\rb,"B\rB",PERSON,CITIZENS\rc,C,PERSON,CITIZENS'), ACTOR_COLUMNS, 'f.csv');
    expect(t.rows.map((r) => [r.line, r.cells.name])).toEqual([
      [2, 'A'],
      [3, 'B\rB'],
      [5, 'C'],
    ]);
  });

  it('separator detection ignores separators inside quotes and leading blank lines', () => {
    expect(detectSeparator('"a;b;c",d,e\n')).toBe(',');
    expect(detectSeparator(';;;\n\nnom;type,x;secteur\n')).toBe(';');
    expect(detectSeparator('name\n')).toBe(',');
  });

  it('an empty file is one problem', () => {
    expect(readTable(utf8('\r\n;;;\r\n'), ACTOR_COLUMNS, 'f.csv').problems).toEqual([expect.objectContaining({ line: null, message: expect.stringContaining('empty') })]);
  });

  it('reads 20,000 rows of 10 columns (its speed is bench/import.ts\'s to print)', () => {
    const head = 'externalId;name;kind;sector;description;territory;tags;weight;since;other';
    const lines = [head];
    for (let i = 0; i < 20000; i++) lines.push(`ext-${i};Coopérative n°${i};Organisation;Économique;"Une description; avec ""guillemets""";Ternois;a | b;${i},5;01/03/2014;z`);
    const bytes = utf8Bom(lines.join('\r\n'));
    const t = readTable(bytes, ACTOR_COLUMNS, 'big.csv');
    expect(t.rows).toHaveLength(20000);
    expect(t.rows[19999]).toEqual(expect.objectContaining({ line: 20001, cells: expect.objectContaining({ weight: '19999,5', description: 'Une description; avec "guillemets"' }) }));
  });
});

describe('decodeText', () => {
  it('names the encoding when a file is neither UTF-8 nor Windows-1252', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('nom;type\r\n', 'utf16le')]);
    const a = decodeText(utf16, 'export.csv');
    expect(a.text).toBe('');
    expect(a.problems[0]!.message).toMatch(/export\.csv is in UTF-16 \(little-endian\), not UTF-8 or Windows-1252/);
    const b = decodeText(Buffer.from([0x6e, 0x6f, 0x6d, 0x0a, 0x61, 0x81, 0x62]), 'f.csv');
    expect(b.text).toBe('');
    expect(b.problems[0]).toEqual(expect.objectContaining({ line: 2, message: expect.stringMatching(/neither UTF-8 nor Windows-1252: byte 0x81 on line 2/) }));
    const c = decodeText(Buffer.from('nom\0;\0'), 'f.csv');
    expect(c.problems[0]!.message).toMatch(/NUL/);
  });

  it('a BOM followed by bytes that are not UTF-8 is a mixed file, not silently decoded', () => {
    const d = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), cp1252('nom\nCoopérative')]), 'f.csv');
    expect(d.text).toBe('');
    expect(d.problems[0]!.message).toMatch(/mixes encodings/);
  });

  it('text already damaged (U+FFFD) is reported on its row, and the row is rejected', () => {
    const t = readTable(utf8('externalId,name,kind,sector\na,Coop\uFFFDrative,PERSON,CITIZENS\nb,B,PERSON,CITIZENS\n'), ACTOR_COLUMNS, 'f.csv');
    expect(t.problems).toEqual([expect.objectContaining({ line: 2, column: 'name', value: 'Coop\uFFFDrative' })]);
    expect(t.rows.map((r) => r.line)).toEqual([3]);
    expect(decodeText(utf8('a\nb\uFFFD'), 'f.json').problems[0]!.line).toBe(2);
  });
});

describe('readJson', () => {
  it('reads JSON with a BOM, and Windows-1252 JSON', () => {
    const data = { actors: [{ externalId: 'a', name: 'Société d’économie mixte', kind: 'ORGANIZATION', sector: 'ECONOMIC' }] };
    expect(readJson(utf8Bom(JSON.stringify(data, null, 2)), 'a.json')).toEqual({ data, problems: [] });
    expect(readJson(cp1252(JSON.stringify(data)), 'a.json')).toEqual({ data, problems: [] });
  });

  it('a syntax error comes back as a problem with its line, not thrown', () => {
    const { data, problems } = readJson(utf8Bom('{\n  "actors": [\n    {"name": "x",}\n  ]\n}'), 'a.json');
    expect(data).toBeNull();
    expect(problems).toEqual([{ line: 3, column: null, value: null, message: expect.stringMatching(/^a\.json is not valid JSON \(line 3\)/) }]);
  });

  it.each([
    ['[1, 2,\n 3', 2],
    ['{"a": tru}', 1],
    ['{"a": 1}\n\n]', 3],
    ['{"a": "\u0001"}', 1],
    ['\n\n{"a" 1}', 3],
    ["{'a': 1}", 1],
    ['[1,\n2,\n]', 3],
  ])('JSON error in %j is on line %d', (text, line) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(readJson(utf8(text), 'f.json').problems[0]!.line).toBe(line);
  });

  it('jsonErrorOffset accepts what JSON.parse accepts', () => {
    for (const text of ['{}', '[]', '{"a": [1, -2.5e+3, true, false, null, "\\u00e9\\n"]}', ' "x" ', '0']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(jsonErrorOffset(text)).toBe(-1);
    }
  });
});

describe('labels, numbers and days', () => {
  it('labelKey ignores accents, case, spaces, underscores and hyphens', () => {
    expect(new Set(['Société civile', 'SOCIETE_CIVILE', 'societe civile', 'Société-Civile', ' SociétéCivile '].map(labelKey)).size).toBe(1);
    expect(labelKey('Œuvre')).toBe(labelKey('oeuvre'));
    expect(labelKey('Économique')).not.toBe(labelKey('Politique'));
  });

  it('matchEnum takes codes or French labels, and nothing else', () => {
    expect(matchEnum('Économique', SECTORS, LABELS_FR.Sector)).toBe('ECONOMIC');
    expect(matchEnum('economique', SECTORS, LABELS_FR.Sector)).toBe('ECONOMIC');
    expect(matchEnum('Associations', SECTORS, LABELS_FR.Sector)).toBe('CIVIL_SOCIETY');
    expect(matchEnum('civil society', SECTORS)).toBe('CIVIL_SOCIETY');
    expect(matchEnum('Structure', KINDS, LABELS_FR.ActorKind)).toBe('ORGANIZATION');
    expect(matchEnum('Robots', SECTORS, LABELS_FR.Sector)).toBeNull();
    expect(matchEnum('', SECTORS, LABELS_FR.Sector)).toBeNull();
    expect(matchEnum('Économique', SECTORS)).toBeNull();
  });

  it.each([
    ['1,5', 1.5],
    ['1.5', 1.5],
    ['1 000,5', 1000.5],
    ['1\u00a0000,5', 1000.5],
    ['1\u202f000,5', 1000.5],
    ['1.000,5', 1000.5],
    ['1,000.5', 1000.5],
    ['-2', -2],
    ['\u22122,5', -2.5],
    [' 3 ', 3],
    ['0,000001', 0.000001],
    ['1E-3', 0.001],
    ['', null],
    ['abc', null],
    ['1,5,3', null],
    ['1.2.3', null],
    ['12 €', null],
    ['1,5.3', null],
    ['Infinity', null],
  ])('parseDecimal(%j) = %p', (s, n) => expect(parseDecimal(s)).toBe(n));

  it.each([
    ['01/03/2014', '2014-03-01'],
    ['1/3/2014', '2014-03-01'],
    ['2014-03-01', '2014-03-01'],
    ['29/02/2016', '2016-02-29'],
    ['29/02/2015', null],
    ['2014-02-30', null],
    ['31/04/2014', null],
    ['13/13/2014', null],
    ['00/01/2014', null],
    ['2014-3-1', null],
    ['01/03/14', null],
    ['', null],
    ['demain', null],
  ])('parseDay(%j) = %p', (s, d) => expect(parseDay(s)).toBe(d));
});
