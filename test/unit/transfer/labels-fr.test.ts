import { ActorKind, BondKind, ParticipationRole, Sector } from '../../../src/common/enums';
import { LABELS_FR } from '../../../src/transfer/labels-fr';
import { ACTOR_FORMAT, BOND_FORMAT } from '../../../src/transfer/records';
import { labelKey, matchEnum } from '../../../src/transfer/table';

const ENUMS = { ActorKind, Sector, BondKind, ParticipationRole } as const;

describe('LABELS_FR', () => {
  it.each(Object.keys(ENUMS) as Array<keyof typeof ENUMS>)('%s: every value has labels, and no label means two values', (name) => {
    const values = Object.values(ENUMS[name]) as string[];
    const labels = LABELS_FR[name];
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    const owner = new Map<string, string>();
    for (const v of values) owner.set(labelKey(v), v);
    for (const v of values) {
      expect(labels[v]!.length).toBeGreaterThan(0);
      for (const l of labels[v]!) {
        const key = labelKey(l);
        expect([l, owner.get(key) ?? v]).toEqual([l, v]);
        owner.set(key, v);
        expect(matchEnum(l, values, labels)).toBe(v);
      }
    }
  });

  it('the labels exports write', () => {
    expect(LABELS_FR.Sector.CIVIL_SOCIETY![0]).toBe('Société civile');
    expect(LABELS_FR.Sector.ECONOMIC![0]).toBe('Économique');
    expect(LABELS_FR.ActorKind.ORGANIZATION![0]).toBe('Organisation');
    expect(LABELS_FR.ActorKind.ORGANIZATION).toContain('Structure');
  });
});

describe('import headers (from the entity tables)', () => {
  it('no header name means two columns (within actors or within bonds)', () => {
    for (const format of [ACTOR_FORMAT, BOND_FORMAT]) {
      const owner = new Map<string, string>();
      for (const c of [...format.columns, { name: 'source', aliases: ['source', 'origine'] }]) {
        for (const a of [c.name, ...(c.aliases ?? [])]) {
          const key = labelKey(a);
          expect([a, owner.get(key) ?? c.name]).toEqual([a, c.name]);
          owner.set(key, c.name);
        }
      }
    }
  });
});
