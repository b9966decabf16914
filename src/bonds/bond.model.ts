import { BondKind } from '../common/enums';
import { defineEntity, namesWith, type ValuesOf } from '../model/entity';
import { boolean, choice, day, endField, idField, instantField, key, number, source, text, versionField } from '../model/field';

/** Kinds that are symmetric unless said otherwise. */
const SYMMETRIC = new Set<string>([BondKind.COLLABORATES_WITH, BondKind.CO_MANAGES]);
export const defaultDirected = (kind: unknown): boolean => !SYMMETRIC.has(kind as string);

/** The largest weight a bond may carry: far above any real amount, far below where sums overflow. */
export const MAX_WEIGHT = 1e12;

/** A bond's shape, declared once (see ACTOR): its ends are the relationship's, not properties. */
export const BOND = defineEntity(
  'Bond',
  {
    id: idField(),
    kind: choice(BondKind, { description: 'What the tie is.', required: true, card: true, aliases: ['nature', 'type', 'lien', 'catégorie'], headerFr: 'nature' }),
    fromId: endField('Id of the actor at the start of the tie.', 'startNode'),
    toId: endField('Id of the actor at the end of the tie.', 'endNode'),
    directed: boolean({
      description: 'False for symmetric ties (COLLABORATES_WITH, CO_MANAGES by default): `from`/`to` then only record who was entered first.',
      required: true,
      card: true,
      absent: (b) => defaultDirected(b.kind),
      aliases: ['orienté', 'dirigé'],
      headerFr: 'orienté',
    }),
    weight: number({ description: `Optional strength of the tie (e.g. 1-5, or an amount), a finite number from 0 to ${MAX_WEIGHT}.`, card: true, min: 0, max: MAX_WEIGHT, aliases: ['poids', 'intensité', 'montant'], headerFr: 'poids' }),
    since: day({ description: 'First day the tie held.', card: true, aliases: ['depuis', 'début', 'date de début'], headerFr: 'depuis' }),
    until: day({ description: 'Last day the tie held; null while it lasts.', card: true, aliases: ['jusqu’au', "jusqu'au", 'fin', 'date de fin'], headerFr: "jusqu'au" }),
    description: text({ description: 'Description or evidence of the tie.', max: 5000, multiline: true, aliases: ['description', 'commentaire'], headerFr: 'description' }),
    source: source({ description: 'System of record the bond comes from.', required: true, writable: false, synced: false, exported: true, aliases: ['source', 'origine'], headerFr: 'source' }),
    externalId: key({ description: 'Key of the bond in its system of record; unique within `source`.', synced: false, exported: true, aliases: ['identifiant', 'id externe', 'référence', 'code', 'numéro'], headerFr: 'identifiant' }),
    version: versionField(),
    createdAt: instantField('When the bond was created.'),
    updatedAt: instantField('When the bond last changed.'),
  },
  [(b) => (b.since != null && b.until != null && (b.until as string) < (b.since as string) ? { field: 'until', message: `is before since (${String(b.since)})` } : null)],
  {},
  // A tie between two of the program's own actors is the council's internal network (ends' sources given by the door).
  (b, program) => (program.has(b.fromSource as string) && program.has(b.toSource as string) ? `a tie between two of the program's own actors (sources ${String(b.fromSource)} and ${String(b.toSource)})` : null),
);

export type BondValues = ValuesOf<typeof BOND.fields>;

/** A bond card: what an actor page's list of bonds reads (kind, direction, weight, period, ends), without description, provenance and bookkeeping. */
export const BOND_CARD_FIELDS: readonly string[] = ['id', 'fromId', 'toId', ...namesWith(BOND, 'card')];
