import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

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
    if (variant || text.includes('{{ACTOR ')) text = applyVariant(text, variant ?? {}, name);
    cache.set(key, text);
  }
  return text;
}

/**
 * Keywords a query template may take in `{{SLOT}}` placeholders: sort direction and the matching
 * comparison; and `{{ACTOR a}}`, the values of actor `a` as `actorFromValues` reads them, every
 * field (`ACTOR: 'FULL'`, the default) or a card's (`ACTOR: 'CARD'`, see actorOrCardFromValues). A
 * closed set, checked here, so that no caller can splice text into Cypher.
 */
export type Variant = Record<string, 'ASC' | 'DESC' | '<' | '>' | 'FULL' | 'CARD'>;
const ALLOWED = new Set(['ASC', 'DESC', '<', '>']);

/** The actor fields of each projection, in the order actorFromValues / actorOrCardFromValues read them. */
export const ACTOR_PROJECTIONS = {
  FULL: ['id', 'name', 'kind', 'sector', 'description', 'territory', 'tags', 'source', 'externalId', 'email', 'phone', 'version', 'createdAt.epochMillis', 'updatedAt.epochMillis'],
  CARD: ['id', 'name', 'kind', 'sector', 'territory'],
} as const;

function applyVariant(text: string, variant: Variant, name: string): string {
  text = text.replace(/\{\{ACTOR ([a-z]\w*)\}\}/g, (_m, v: string) => {
    const projection = variant.ACTOR ?? 'FULL';
    if (projection !== 'FULL' && projection !== 'CARD') throw new Error(`cypher/${name}: no actor projection ${projection}`);
    return `[${ACTOR_PROJECTIONS[projection].map((f) => `${v}.${f}`).join(', ')}]`;
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
    .filter((name) => !name.startsWith('migrations'));
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
