import { ActorKind, Sector } from '../common/enums';
import { defineEntity, namesWith, type ValuesOf } from '../model/entity';
import { choice, email, idField, instantField, key, phone, source, tags, text, url, versionField } from '../model/field';

/**
 * An actor's shape, declared once: the GraphQL type and inputs, the gate every write goes
 * through, the card projection, the feed's and exports' personal-data set, the import and export
 * columns and the seed's types are all derived from this table.
 */
export const ACTOR = defineEntity(
  'Actor',
  {
    id: idField(),
    name: text({ description: 'Display name.', required: true, max: 300, card: true, aliases: ['nom', 'raison sociale', 'dénomination', 'libellé'], headerFr: 'nom' }),
    kind: choice(ActorKind, { description: 'What the actor is.', required: true, card: true, aliases: ['nature', 'type', 'genre', 'catégorie'], headerFr: 'nature' }),
    sector: choice(Sector, { description: 'Stakeholder family.', required: true, card: true, aliases: ['secteur', 'milieu', 'famille'], headerFr: 'secteur' }),
    description: text({ description: 'Free-text description.', max: 5000, multiline: true, aliases: ['description', 'présentation', 'activité'], headerFr: 'description' }),
    territory: text({ description: 'Territory the actor works on, e.g. "Audomarois", "Bassin minier".', max: 200, card: true, aliases: ['territoire', 'zone', 'commune', 'localisation', 'secteur géographique'], headerFr: 'territoire' }),
    website: url({ description: 'Web site of the actor, an absolute http:// or https:// URL.', aliases: ['site', 'site web', 'site internet', 'url'], headerFr: 'site web' }),
    tags: tags({ description: 'Free tags, e.g. `value-chain:producer`, `fictional`.', aliases: ['étiquettes', 'mots-clés', 'thèmes', 'tags'], headerFr: 'étiquettes' }),
    source: source({ description: 'System of record the actor comes from (`api` when created here, a partner source when synced).', required: true, writable: false, synced: false, exported: true, aliases: ['source', 'origine'], headerFr: 'source' }),
    externalId: key({ description: 'Key of the actor in its system of record; unique within `source`.', synced: false, exported: true, aliases: ['identifiant', 'id externe', 'référence', 'code', 'numéro'], headerFr: 'identifiant' }),
    email: email({ description: 'Personal data (persons only): only EDITOR and ADMIN keys see it; null for everyone else.', personal: true, aliases: ['courriel', 'mail', 'e-mail', 'mél', 'adresse électronique'], headerFr: 'courriel' }),
    phone: phone({ description: 'Personal data (persons only): only EDITOR and ADMIN keys see it; null for everyone else.', personal: true, aliases: ['téléphone', 'tél', 'tel.', 'portable'], headerFr: 'téléphone' }),
    version: versionField(),
    createdAt: instantField('When the actor was created.'),
    updatedAt: instantField('When the actor last changed.'),
  },
  [(a) => ((a.email != null || a.phone != null) && a.kind !== ActorKind.PERSON ? { field: 'kind', message: `only a PERSON may carry email or phone (this actor is ${String(a.kind)}: remove them or make it a PERSON)` } : null)],
  { _nameKey: { from: 'name', compute: (name) => nameKey(String(name)) } },
  (a) => (a.kind === ActorKind.DEPARTMENT || a.kind === ActorKind.GOVERNANCE_BODY ? `a ${a.kind === ActorKind.DEPARTMENT ? 'council department' : 'governance body'} (kind ${String(a.kind)})` : null),
);

/**
 * The key names sort by: French order, accent- and case-insensitive (« École » before « Zèbre »),
 * ligatures spelled out, leading quotes and spaces ignored; ties are broken by id.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/^[\s«»"'’(\[]+/u, '');
}

export type ActorValues = ValuesOf<typeof ACTOR.fields>;

/** The fields a list page reads when it shows nothing else of its actors. */
export const ACTOR_CARD_FIELDS: readonly string[] = ['id', ...namesWith(ACTOR, 'card')];
