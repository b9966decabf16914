import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, resetDatabase, type TestApp } from '../helpers/app';
import { backup, restore } from '../../src/backup/backup.service';

/** Every node and relationship with labels, typed properties and natural keys, sorted. */
async function fingerprint(t: TestApp): Promise<string[]> {
  const s = t.db.session('READ');
  const key = `coalesce(toString(n.id), toString(n.seq), n.name, '?')`;
  const show = (x: string) => `CASE WHEN valueType(${x}) STARTS WITH 'LIST' THEN reduce(s = '[', e IN ${x} | s + toString(e) + ',') ELSE toString(${x}) END`;
  const props = (v: string) => `[k IN keys(${v}) | k + ':' + valueType(${v}[k]) + '=' + ${show(`${v}[k]`)}]`;
  try {
    const nodes = await s.run(`MATCH (n) WHERE NOT n:Migration RETURN labels(n) AS l, ${key} AS key, ${props('n')} AS p`);
    const rels = await s.run(`MATCH (a)-[r]->(b) RETURN type(r) AS t, coalesce(a.id, toString(a.seq)) AS a, coalesce(b.id, toString(b.seq)) AS b, ${props('r')} AS p`);
    const lines = [
      ...nodes.records.map((r) => `N ${[...r.get('l')].sort().join(':')} ${r.get('key')} ${[...r.get('p')].sort().join(' ')}`),
      ...rels.records.map((r) => `R ${r.get('t')} ${r.get('a')}->${r.get('b')} ${[...r.get('p')].sort().join(' ')}`),
    ];
    return lines.sort();
  } finally {
    await s.close();
  }
}

describe('backup and restore', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'agencement-backup-'));
  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
  });
  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips every node, bond, property type, version and the change-feed position exactly', async () => {
    const editor = await t.key('EDITOR');
    const a = await t.gql(`mutation { createActor(input: { name: "Versionnée", kind: PERSON, sector: CITIZENS, email: "v@example.org", tags: ["x"] }) { id } }`, {}, editor);
    await t.gql(`mutation($id: ID!) { updateActor(id: $id, input: { description: "deux" }) { version } }`, { id: a.data.createActor.id }, editor);
    const before = await fingerprint(t);
    const feedBefore = (await t.gql(`{ changes(first: 1) { headSeq } }`, {}, editor)).data.changes.headSeq;
    const file = join(dir, 'full.jsonl');
    const summary = await backup(t.db, file);
    expect(summary.graphVersion).toBe(feedBefore);

    await resetDatabase(t.db);
    expect(await fingerprint(t)).not.toEqual(before);
    await restore(t.db, file);
    expect(await fingerprint(t)).toEqual(before);
    const after = await t.gql(`query($id: ID!) { actor(id: $id) { version description email } changes(first: 1) { headSeq } }`, { id: a.data.createActor.id }, editor);
    expect(after.data.actor).toEqual({ version: 2, description: 'deux', email: 'v@example.org' });
    expect(after.data.changes.headSeq).toBe(feedBefore);
    // The API keeps working on the restored data: writes continue the feed without a gap.
    await t.gql(`mutation($id: ID!) { updateActor(id: $id, input: { description: "trois" }) { version } }`, { id: a.data.createActor.id }, editor);
    expect((await t.gql(`{ changes(first: 1) { headSeq } }`, {}, editor)).data.changes.headSeq).toBe(feedBefore + 1);
  });

  it('takes a consistent dump while writers run: the dump holds exactly the changes up to its version', async () => {
    const editor = await t.key('EDITOR');
    let writing = true;
    const failures: unknown[] = [];
    const writer = async (w: number) => {
      for (let i = 0; writing; i++) {
        const r = await t.gql(`mutation($n: String!) { createActor(input: { name: $n, kind: ORGANIZATION, sector: ECONOMIC, source: "online" }) { id } }`, { n: `Online ${w}-${i}` }, editor);
        if (r.errors) failures.push(r.errors);
      }
    };
    const writers = [writer(0), writer(1), writer(2)];
    await new Promise((r) => setTimeout(r, 500));
    const file = join(dir, 'online.jsonl');
    const summary = await backup(t.db, file);
    // Writers go on after the dump: taking the dump must not disturb the change sequence.
    await new Promise((r) => setTimeout(r, 500));
    writing = false;
    await Promise.all(writers);
    expect(failures).toEqual([]);
    const records = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const changes = records.filter((r) => r.k === 'n' && r.labels.includes('Change'));
    const seqs = changes.map((c) => c.props.seq.v).sort((x: number, y: number) => x - y);
    expect(seqs.length).toBe(summary.graphVersion);
    expect(seqs[seqs.length - 1]).toBe(summary.graphVersion);
    const onlineActors = records.filter((r) => r.k === 'n' && r.labels.includes('Actor') && r.props.source === 'online').length;
    const onlineCreates = changes.filter((c) => c.props.source === 'online' && c.props.op === 'CREATE').length;
    expect(onlineActors).toBe(onlineCreates);
    // The live feed stayed gapless through the dump: every seq from 1 to the head, once.
    const session = t.db.session('READ');
    const row = await session.run('MATCH (c:Change) RETURN count(c) AS n, max(c.seq) AS head, count(DISTINCT c.seq) AS distinct').then((r) => r.records[0]).finally(() => session.close());
    expect(row.get('distinct')).toBe(row.get('n'));
    expect(row.get('head')).toBe(row.get('n'));
    expect(row.get('head')).toBeGreaterThan(summary.graphVersion);
  });

  it('refuses to restore into a database that holds data, and rejects foreign files', async () => {
    const file = join(dir, 'full.jsonl');
    await expect(restore(t.db, file)).rejects.toThrow(/empty database/);
  });
});
