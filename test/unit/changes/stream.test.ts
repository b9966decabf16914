import { readStream } from '../../../src/changes/change.service';

const row = (seq: number, source: string | null) => ({ seq, change: source === 'mine' ? { seq, at: new Date(0), entity: 'Actor', entityId: `act_${seq}`, op: 'CREATE', source, externalId: null, version: 1, payload: null } : null });
const db = (rows: unknown[]) => ({ read: async () => rows as any[] });

describe('readStream: the position a feed reader may move to', () => {
  it('passes over other sources\' changes and stops before a seq not visible yet', async () => {
    const r = await readStream(db([row(11, 'mine'), row(12, null), row(13, 'mine'), row(15, 'mine')]), 10, 'mine', 100);
    expect(r.changes.map((c) => c.seq)).toEqual([11, 13]);
    expect(r.changes[0].cursor).toBe(Buffer.from('chg:11').toString('base64url'));
    expect(r.position).toBe(13); // 14 is missing: 15 waits for the next read
  });
  it('moves past other sources only as far as it saw', async () => {
    expect(await readStream(db([row(5, null), row(6, null)]), 4, 'mine', 100)).toEqual({ position: 6, changes: [] });
    expect(await readStream(db([row(7, 'mine')]), 4, 'mine', 100)).toEqual({ position: 4, changes: [] });
  });
  it('ends a batch at its limit, at the last change it returns', async () => {
    const r = await readStream(db([row(1, 'mine'), row(2, 'mine'), row(3, null), row(4, 'mine')]), 0, 'mine', 2);
    expect(r.changes.map((c) => c.seq)).toEqual([1, 2]);
    expect(r.position).toBe(3);
  });
});
