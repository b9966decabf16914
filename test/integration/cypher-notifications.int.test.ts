import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { CYPHER_DIR, cypher, queryNames, statements, type Variant } from '../../src/db/cypher';
import { composeBundle } from '../../src/db/bundle';
import { migrate } from '../../src/db/migrate';
import { testDatabase } from '../helpers/app';

/**
 * The API's driver asks Neo4j for no notifications (src/db/database.ts): nobody would see a
 * deprecation. This test is where they are seen: every query of cypher/ (each template with its
 * slots filled) and a bundle of loader queries are planned with EXPLAIN on a driver that asks for
 * warnings, and none may come back deprecated. (Unknown labels, types and property keys are left
 * out: they depend on the data present, not on the text.)
 */
function filled(name: string): string {
  const variant: Variant = {};
  for (const [, slot] of readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8').matchAll(/\{\{([A-Z_]+)\}\}/g)) variant[slot] = slot.startsWith('CMP') ? '<' : 'ASC';
  return cypher(name, Object.keys(variant).length ? variant : undefined);
}

describe('our Cypher under Neo4j 5.26', () => {
  it('plans every query of cypher/ without a deprecation warning', async () => {
    const db = testDatabase();
    await migrate(db);
    await db.close();
    const driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'neo4j'), {
      notificationFilter: { minimumSeverityLevel: 'WARNING' },
    });
    const session = driver.session();
    const texts = queryNames().map((n) => ({ name: n, text: filled(n) }));
    const bundle = composeBundle([
      { text: cypher('actors/by-ids'), params: { ids: [] }, columns: ['actor'] },
      { text: filled('bonds/of-actors'), params: { ids: [] }, columns: ['aid', 'bond', 'other'] },
    ] as any);
    texts.push({ name: '(a bundle of two loader queries)', text: bundle.text });
    const deprecated: string[] = [];
    const failed: string[] = [];
    try {
      for (const { name, text } of texts) {
        // Multi-statement files (seed) are checked statement by statement.
        for (const statement of statements(text)) {
          try {
            const r = await session.run(`EXPLAIN ${statement}`);
            for (const n of r.summary.notifications) {
              if (n.category === 'DEPRECATION' || /deprecat/i.test(n.title)) deprecated.push(`${name}: ${n.description}`);
            }
          } catch (err) {
            failed.push(`${name}: ${(err as Error).message.split('\n')[0]}`);
          }
        }
      }
    } finally {
      await session.close();
      await driver.close();
    }
    expect(texts.length).toBeGreaterThan(40);
    expect(failed).toEqual([]);
    expect(deprecated).toEqual([]);
  });
});
