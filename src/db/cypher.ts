import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projection, type Entity } from '../model/entity';
import { ACTOR, ACTOR_CARD_FIELDS } from '../actors/actor.model';
import { BOND, BOND_CARD_FIELDS } from '../bonds/bond.model';
import { PARTICIPATION, PARTICIPATION_CARD_FIELDS } from '../participations/participation.model';

/** Root of the `cypher/` folder, from src/ or dist/ alike. */
export const CYPHER_DIR = join(__dirname, '..', '..', 'cypher');

const cache = new Map<string, string>();

/**
 * The text of a named query, e.g. `cypher('actors/by-ids')` reads `cypher/actors/by-ids.cypher`.
 * Read once per process; every value reaches the database as a `$parameter`.
 */
export function cypher(name: string, variant?: Variant): string {
  const key = variant ? `${name}|${Object.entries(variant).join('|')}` : name;
  let text = cache.get(key);
  if (text === undefined) {
    text = stripComments(readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8'));
    if (variant || text.includes('{{')) text = applyVariant(text, variant ?? {}, name);
    cache.set(key, text);
  }
  return text;
}

/**
 * Keywords a query template may take in `{{SLOT}}` placeholders: sort direction and the matching
 * comparison; `{{ACTOR a}}`, `{{BOND b}}`, `{{PARTICIPATION p}}`, the values of a record as its
 * builder reads them (derived from the entity's table; `ACTOR: 'CARD'` reads an actor card); and
 * `{{INCLUDE name}}`, the text of `cypher/fragments/name.cypher`. A closed set, checked here, so
 * that no caller can splice text into Cypher.
 */
export type Variant = Record<string, 'ASC' | 'DESC' | '<' | '>' | 'FULL' | 'CARD'>;
const ALLOWED = new Set(['ASC', 'DESC', '<', '>']);

/** The fields each record slot reads, in the order the record builders read them. */
export const PROJECTIONS = {
  ACTOR: { FULL: [ACTOR, ACTOR.names], CARD: [ACTOR, ACTOR_CARD_FIELDS] },
  BOND: { FULL: [BOND, BOND.names], CARD: [BOND, BOND_CARD_FIELDS] },
  PARTICIPATION: { FULL: [PARTICIPATION, PARTICIPATION.names], CARD: [PARTICIPATION, PARTICIPATION_CARD_FIELDS] },
} as const satisfies Record<string, Record<string, readonly [Entity, readonly string[]]>>;

function applyVariant(text: string, variant: Variant, name: string): string {
  text = text.replace(/\{\{INCLUDE ([a-z][\w-]*)\}\}/g, (_m, fragment: string) => stripComments(readFileSync(join(CYPHER_DIR, 'fragments', `${fragment}.cypher`), 'utf8')));
  text = text.replace(/\{\{(ACTOR|BOND|PARTICIPATION) ([a-z]\w*)\}\}/g, (_m, slot: keyof typeof PROJECTIONS, v: string) => {
    const which = variant[slot] ?? 'FULL';
    const p = (PROJECTIONS[slot] as Record<string, readonly [Entity, readonly string[]]>)[which];
    if (!p) throw new Error(`cypher/${name}: no ${slot.toLowerCase()} projection ${which}`);
    return projection(p[0], p[1], v);
  });
  return text.replace(/\{\{(\w+)\}\}/g, (_m, slot: string) => {
    const v = variant[slot];
    if (!ALLOWED.has(v)) throw new Error(`cypher/${name}: no allowed keyword for {{${slot}}}`);
    return v;
  });
}

/** The names of every query of cypher/ but the migrations, as `cypher()` takes them (`actors/by-ids`). */
export function queryNames(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('.cypher') ? [p] : [];
    });
  return walk(CYPHER_DIR)
    .map((p) => relative(CYPHER_DIR, p).replace(/\.cypher$/, ''))
    .filter((name) => !name.startsWith('migrations') && !name.startsWith('fragments'));
}

/** Reads every query once so that a missing file fails at start-up, not on a request. */
export function preloadCypher(): number {
  const names = queryNames();
  for (const name of names) readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8');
  return names.length;
}

function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('//'))
    .join('\n')
    .trim();
}

/** Splits a migration file into its statements (separated by `;` at line end). */
export function statements(text: string): string[] {
  return stripComments(text)
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
