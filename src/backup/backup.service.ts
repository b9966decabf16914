import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import neo4j from 'neo4j-driver';
import type { Database } from '../db/database';
import { BadInputError, type InvalidField } from '../errors';
import { plain } from '../db/values';
import { backfillDerived } from '../db/migrate';
import { admit, refuse, type Entity } from '../model/entity';
import { isValidSource, SOURCE_RULE } from '../model/field';
import { ACTOR } from '../actors/actor.model';
import { BOND } from '../bonds/bond.model';
import { PARTICIPATION } from '../participations/participation.model';
import { FUNDING } from '../funding/funding.model';
import { INDICATOR_VALUE } from '../funding/indicator-value.model';

export const BACKUP_FORMAT = 'agencement-backup';
export const BACKUP_VERSION = 1;

/** The only labels and relationship types a backup may carry (they are written into Cypher text on restore). */
const NODE_LABELS = new Set(['Actor', 'Operation', 'Common', 'Indicator', 'IndicatorValue', 'Event', 'Change', 'ChangeSequence', 'ApiKey', 'Migration']);
const REL_TYPES = new Set(['BOND', 'PARTICIPATES_IN', 'SERVES', 'STEWARDS', 'HAS_INDICATOR', 'ATTENDED', 'FUNDING', 'HAS_VALUE']);

type Typed = [string, string, unknown];
/** A property value in the dump: plain JSON when that is exact, else tagged with its Neo4j type. */
type Encoded = unknown | { $t: string; v: unknown };

function encode([, type, value]: Typed): Encoded {
  const t = type.replace(/ NOT NULL/g, '');
  if (t === 'STRING' || t === 'BOOLEAN' || t === 'LIST<STRING>' || t === 'LIST<BOOLEAN>' || t === 'LIST<NOTHING>') return value;
  if (t === 'INTEGER' || t === 'FLOAT' || t === 'DATE' || t === 'ZONED DATETIME' || t === 'LIST<INTEGER>' || t === 'LIST<FLOAT>') return { $t: t, v: value };
  throw new Error(`backup: unsupported property type ${type}`);
}

function parseDateTime(s: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/.exec(s);
  if (!m) throw new BadInputError(`backup: unreadable datetime ${s}`);
  const offset = m[8] === 'Z' ? 0 : (m[8][0] === '-' ? -1 : 1) * (Number(m[8].slice(1, 3)) * 3600 + Number(m[8].slice(4, 6)) * 60);
  const nanos = Number((m[7] ?? '').padEnd(9, '0'));
  return new neo4j.types.DateTime(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), nanos, offset);
}

function decode(value: Encoded): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !('$t' in (value as object))) return value;
  const { $t, v } = value as { $t: string; v: any };
  switch ($t) {
    case 'INTEGER':
      return neo4j.int(v);
    case 'FLOAT':
      return Number(v);
    case 'LIST<INTEGER>':
      return (v as number[]).map((x) => neo4j.int(x));
    case 'LIST<FLOAT>':
      return (v as number[]).map(Number);
    case 'DATE': {
      const [y, m, d] = String(v).split('-').map(Number);
      return new neo4j.types.Date(y, m, d);
    }
    case 'ZONED DATETIME':
      return parseDateTime(String(v));
    default:
      throw new BadInputError(`backup: unknown value type ${$t}`);
  }
}

const encodeProps = (props: Typed[]) => Object.fromEntries(props.map((p) => [p[0], encode(p)]));
const decodeProps = (props: Record<string, Encoded>) => Object.fromEntries(Object.entries(props).map(([k, v]) => [k, decode(v)]));

export interface BackupSummary {
  graphVersion: number;
  nodes: number;
  relationships: number;
}

/**
 * Writes a consistent logical dump of the whole graph to `file` (JSON lines), online: it reads in
 * one transaction holding the change-sequence lock, so concurrent writes wait and the dump is one
 * committed state, with the change-feed position it corresponds to.
 */
export async function backup(db: Database, file: string): Promise<BackupSummary> {
  const { version, nodes, rels } = await db.executor({ op: 'backup' }).write(async (tx) => {
    await tx.run('backup/lock');
    const [seq] = await tx.run('backup/version');
    return { version: seq?.version ?? 0, nodes: await tx.run('backup/nodes'), rels: await tx.run('backup/relationships') };
  });
  const out = createWriteStream(file, { encoding: 'utf8' });
  // One error listener for the stream's life; events.once removes its own when it settles, so no
  // listener piles up per drain.
  let failed: Error | undefined;
  out.on('error', (err) => (failed ??= err));
  const write = async (o: unknown) => {
    if (failed) throw failed;
    if (!out.write(JSON.stringify(o) + '\n')) await once(out, 'drain');
  };
  await write({ format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), graphVersion: version, nodes: nodes.length, relationships: rels.length });
  for (const n of nodes) await write({ k: 'n', id: n.eid, labels: n.labels, props: encodeProps(n.props) });
  for (const r of rels) await write({ k: 'r', a: r.a, b: r.b, type: r.type, props: encodeProps(r.props) });
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return { graphVersion: version, nodes: nodes.length, relationships: rels.length };
}

const BATCH = 5000;

/** The entities whose records a restore checks, by node label or relationship type. */
const GATED: Record<string, Entity> = { Actor: ACTOR, BOND: BOND, PARTICIPATES_IN: PARTICIPATION, FUNDING: FUNDING };

/**
 * Restore is a door like any other: every actor, bond, participation, funding and indicator value of the dump passes the
 * entity's gate (a dump edited by hand, or from a version that checked less, is refused whole,
 * before anything is written).
 */
function checkRecords(nodeGroups: Map<string, { rid: unknown; props: Record<string, unknown> }[]>, relGroups: Map<string, { props: Record<string, unknown> }[]>): void {
  const problems: InvalidField[] = [];
  const check = (e: Entity, rows: { props: Record<string, unknown> }[], what: string) =>
    rows.forEach((row, i) => {
      const values = plain(row.props) as Record<string, unknown>;
      const path = `${what}.${i}${values.id ? `(${String(values.id)})` : ''}`;
      problems.push(...admit(e, values, 'replace', path).problems);
      if ('source' in e.fields && !isValidSource(values.source)) problems.push({ field: `${path}.source`, message: `must be ${SOURCE_RULE}` });
    });
  for (const [labels, rows] of nodeGroups) if (labels.split(':').includes('Actor')) check(ACTOR, rows, 'Actor');
  for (const [labels, rows] of nodeGroups) if (labels.split(':').includes('IndicatorValue')) check(INDICATOR_VALUE, rows, 'IndicatorValue');
  for (const [type, rows] of relGroups) if (GATED[type]) check(GATED[type], rows, type);
  if (problems.length) refuse('restore', problems);
}

/**
 * Loads a dump into an empty database (only migrations may be there): nodes with a temporary
 * `_rid`, relationships matched on it, then the temporary key removed and the change-feed position
 * set. Refuses a non-empty database, an unknown format, and labels or types outside the model.
 */
export async function restore(db: Database, file: string): Promise<BackupSummary> {
  const ex = db.executor({ op: 'restore' });
  const [{ empty }] = await ex.read('backup/is-empty');
  if (!empty) throw new BadInputError('restore needs an empty database: this one already holds data (restore into a fresh AGENCEMENT_DATA_DIR or database)');
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let header: any = null;
  const nodeGroups = new Map<string, any[]>();
  const relGroups = new Map<string, any[]>();
  let sequence: number | null = null;
  let nodes = 0;
  let relationships = 0;
  for await (const line of lines) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line);
    if (!header) {
      if (rec.format !== BACKUP_FORMAT || rec.version !== BACKUP_VERSION) throw new BadInputError(`${file} is not an ${BACKUP_FORMAT} v${BACKUP_VERSION} file`);
      header = rec;
      continue;
    }
    if (rec.k === 'n') {
      const labels: string[] = rec.labels;
      if (!labels.length || labels.some((l) => !NODE_LABELS.has(l))) throw new BadInputError(`restore: unexpected labels ${JSON.stringify(labels)}`);
      if (labels.includes('Migration')) continue; // the target has its own
      if (labels.includes('ChangeSequence')) {
        sequence = decode(rec.props.value) as any;
        continue;
      }
      const key = [...labels].sort().join(':');
      nodeGroups.set(key, [...(nodeGroups.get(key) ?? []), { rid: rec.id, props: decodeProps(rec.props) }]);
      nodes++;
    } else if (rec.k === 'r') {
      if (!REL_TYPES.has(rec.type)) throw new BadInputError(`restore: unexpected relationship type ${JSON.stringify(rec.type)}`);
      relGroups.set(rec.type, [...(relGroups.get(rec.type) ?? []), { a: rec.a, b: rec.b, props: decodeProps(rec.props) }]);
      relationships++;
    }
  }
  if (!header) throw new BadInputError(`${file} is empty`);
  checkRecords(nodeGroups, relGroups);
  const session = db.session('WRITE');
  try {
    await session.run('CREATE INDEX restore_rid IF NOT EXISTS FOR (n:_Restore) ON (n._rid)');
    await session.run('CALL db.awaitIndexes(60)');
    // Labels and types come from the whitelists above, never from free text.
    for (const [labels, rows] of nodeGroups) {
      for (let i = 0; i < rows.length; i += BATCH) {
        await session.executeWrite((tx) => tx.run(`UNWIND $rows AS r CREATE (n:${labels}:_Restore) SET n = r.props, n._rid = r.rid`, { rows: rows.slice(i, i + BATCH) }));
      }
    }
    for (const [type, rows] of relGroups) {
      for (let i = 0; i < rows.length; i += BATCH) {
        await session.executeWrite((tx) => tx.run(`UNWIND $rows AS r MATCH (a:_Restore {_rid: r.a}), (b:_Restore {_rid: r.b}) CREATE (a)-[x:${type}]->(b) SET x = r.props`, { rows: rows.slice(i, i + BATCH) }));
      }
    }
    await session.run('MATCH (n:_Restore) CALL (n) { REMOVE n:_Restore, n._rid } IN TRANSACTIONS OF 5000 ROWS');
    await session.run('DROP INDEX restore_rid IF EXISTS');
    await backfillDerived(session);
  } finally {
    await session.close();
  }
  if (sequence != null) await ex.write((tx) => tx.run('backup/set-sequence', { value: sequence }));
  return { graphVersion: header.graphVersion, nodes, relationships };
}
