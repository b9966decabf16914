/**
 * The gate, read as the spec: every door (create, update, sync, import, restore, seed) admits an
 * entity's fields through `admit`, so these cases hold at every door.
 */
import { admit, checkRecord, namesWith } from '../../../src/model/entity';
import { calendarDay, isValidSource } from '../../../src/model/field';
import { ACTOR } from '../../../src/actors/actor.model';
import { BOND, MAX_WEIGHT } from '../../../src/bonds/bond.model';
import { PARTICIPATION } from '../../../src/participations/participation.model';

const actor = { name: 'Ferme du Moulin', kind: 'ORGANIZATION', sector: 'ECONOMIC' };
const problemsOf = (e: typeof ACTOR | typeof BOND, input: Record<string, unknown>, mode: 'create' | 'patch' | 'replace' = 'create') => admit(e, input, mode, 'input').problems;
const only = (e: typeof ACTOR | typeof BOND, field: string, value: unknown, mode: 'create' | 'patch' | 'replace' = 'patch') => admit(e, { [field]: value }, mode, 'input').problems.map((p) => p.field);

describe('actor fields', () => {
  it.each([
    ['name', '   ', false],
    ['name', ' Ferme ', true],
    ['name', 'x'.repeat(300), true],
    ['name', 'x'.repeat(301), false],
    ['name', `  ${'x'.repeat(300)}  `, true], // trimmed first, then measured
    ['name', 'A\u0000B', false],
    ['name', 'A\u0007B', false],
    ['name', 'A\u001bB', false],
    ['name', 'A\nB', false],
    ['description', 'line one\nline two\ttab', true],
    ['description', 'bell\u0007', false],
    ['description', 'nul\u0000', false],
    ['description', 'x'.repeat(5001), false],
    ['territory', 'Audomarois', true],
    ['territory', 'esc\u001b', false],
    ['kind', 'ROBOT', false],
    ['sector', 'CIVIL_SOCIETY', true],
    ['tags', ['value-chain:producer', 'fictional'], true],
    ['tags', ['bad\u0000'], false],
    ['tags', ['-leading'], false],
    ['tags', Array.from({ length: 51 }, (_, i) => `t${i}`), false],
    ['email', 'claire@example.org', true],
    ['email', 'not an email', false],
    ['phone', '+33 3 21 00 00 00', true],
    ['phone', 'call me', false],
    ['website', 'https://www.cci-artois.fr/adherents', true],
    ['website', 'http://ferme.example', true],
    ['website', 'ftp://files.example', false],
    ['website', 'javascript:alert(1)', false],
    ['website', 'www.sans-schema.fr', false],
    ['externalId', 'cci-001', true],
    ['externalId', ' cci-001', false],
    ['externalId', 'a\u0000', false],
  ])('%s = %j: accepted %s', (field, value, ok) => {
    expect(only(ACTOR, field, value)).toEqual(ok ? [] : [`input.${field}`]);
  });

  it('normalizes: trims, drops duplicate tags, blank optional text is null', () => {
    const r = admit(ACTOR, { ...actor, name: '  Ferme  ', description: '   ', tags: ['a', ' a ', 'b'] }, 'create', 'input');
    expect(r.problems).toEqual([]);
    expect(r.values).toMatchObject({ name: 'Ferme', description: null, tags: ['a', 'b'], territory: null, email: null });
  });

  it('refuses a blank-after-trim name at create, update and sync alike', () => {
    for (const mode of ['create', 'patch', 'replace'] as const) expect(problemsOf(ACTOR, { ...actor, name: '   ' }, mode).map((p) => p.field)).toEqual(['input.name']);
  });

  it('a create needs the required fields; a patch leaves omitted ones and refuses null on required ones', () => {
    expect(problemsOf(ACTOR, {}).map((p) => p.field).sort()).toEqual(['input.kind', 'input.name', 'input.sector']);
    expect(problemsOf(ACTOR, {}, 'patch')).toEqual([]);
    expect(problemsOf(ACTOR, { name: null }, 'patch')).toEqual([{ field: 'input.name', message: 'cannot be null' }]);
    expect(admit(ACTOR, { tags: null }, 'patch', 'input').values).toEqual({ tags: [] });
  });

  it('only a PERSON carries personal data (a record rule)', () => {
    expect(problemsOf(ACTOR, { ...actor, email: 'a@b.fr' }).map((p) => p.field)).toEqual(['input.kind']);
    expect(problemsOf(ACTOR, { ...actor, kind: 'PERSON', email: 'a@b.fr' })).toEqual([]);
    expect(checkRecord(ACTOR, { kind: 'ORGANIZATION', phone: '0321000000' }, 'input')).toEqual([expect.objectContaining({ field: 'input.kind' })]);
  });

  it('derives the doors from the table: inputs, card, personal data, sync', () => {
    expect(namesWith(ACTOR, 'card')).toEqual(['name', 'kind', 'sector', 'territory']);
    expect([...ACTOR.personal]).toEqual(['email', 'phone']);
    expect(namesWith(ACTOR, 'synced')).toEqual(expect.arrayContaining(['name', 'kind', 'sector', 'description', 'territory', 'tags', 'email', 'phone']));
    expect(namesWith(ACTOR, 'writable')).not.toContain('source');
    expect(namesWith(ACTOR, 'writable')).not.toContain('version');
  });
});

describe('bond fields', () => {
  const bond = { kind: 'SUPPLIES' };
  it.each([
    [0, true],
    [3.5, true],
    [MAX_WEIGHT, true],
    [1e12 + 1, false],
    [1.7e308, false],
    [-1, false],
    [Number.POSITIVE_INFINITY, false],
    [Number.NaN, false],
    ['3', false],
  ])('weight %p: accepted %s', (weight, ok) => {
    expect(only(BOND, 'weight', weight)).toEqual(ok ? [] : ['input.weight']);
  });

  it.each([
    ['2014-02-28', true],
    ['2016-02-29', true],
    ['2014-02-30', false],
    ['2015-02-29', false],
    ['2014-13-01', false],
    ['1900-01-01', true],
    ['1899-12-31', false],
    ['2100-12-31', true],
    ['2101-01-01', false],
    ['0000-01-01', false],
    ['9999-12-31', false],
    ['01/03/2014', false],
  ])('since %s: accepted %s', (since, ok) => {
    expect(only(BOND, 'since', since)).toEqual(ok ? [] : ['input.since']);
  });

  it('takes the Date objects GraphQL scalars give, as calendar days', () => {
    expect(admit(BOND, { since: new Date('2014-02-01T00:00:00Z') }, 'patch', 'input').values).toEqual({ since: '2014-02-01' });
  });

  it('until is not before since; directed defaults by kind', () => {
    expect(problemsOf(BOND, { ...bond, since: '2014-03-01', until: '2014-02-01' }).map((p) => p.field)).toEqual(['input.until']);
    expect(admit(BOND, { kind: 'COLLABORATES_WITH' }, 'create', 'input').values.directed).toBe(false);
    expect(admit(BOND, { kind: 'SUPPLIES' }, 'create', 'input').values.directed).toBe(true);
    expect(admit(BOND, { kind: 'SUPPLIES', directed: false }, 'create', 'input').values.directed).toBe(false);
  });

  it('participations keep their days real too', () => {
    expect(admit(PARTICIPATION, { role: 'PARTNER', since: '2014-02-30' }, 'create', 'input').problems.map((p) => p.field)).toEqual(['input.since']);
  });
});

describe('shared rules', () => {
  it.each([
    ['cci', true],
    ['demo-2.x_y', true],
    ['', false],
    ['Not A Source!', false],
    ['UPPER', false],
    ['x'.repeat(65), false],
    [null, false],
  ])('source %j: valid %s', (s, ok) => {
    expect(isValidSource(s)).toBe(ok);
  });

  it('calendarDay', () => {
    expect(calendarDay('2014-02-30')).toBeNull();
    expect(calendarDay('2014-02-28')).toBe('2014-02-28');
    expect(calendarDay(new Date('x'))).toBeNull();
  });
});
