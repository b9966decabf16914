/**
 * When writing stops midway, the import CLI says exactly which lines were committed and that the
 * same command completes the file. The API here answers like ours would when Neo4j goes down after
 * the first batch: a small HTTP server on 127.0.0.1 (the CLI is the thing under test; the API's own
 * behaviour in an outage is the crash test's).
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

describe('an import interrupted midway', () => {
  let server: Server;
  let url = '';
  const calls: { dryRun: boolean; count: number }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const { variables } = JSON.parse(body);
        const count = variables.actors.length;
        calls.push({ dryRun: variables.dryRun, count });
        res.setHeader('content-type', 'application/json');
        const realCalls = calls.filter((c) => !c.dryRun).length;
        if (!variables.dryRun && realCalls === 2) {
          res.end(JSON.stringify({ errors: [{ message: 'The database is unavailable or overloaded; retry in a few seconds', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }));
        } else res.end(JSON.stringify({ data: { syncActors: { created: count, updated: 0, unchanged: 0 } } }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('names the committed lines, the rest, and the command that completes the file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'agencement-interrupt-')), 'a.csv');
    writeFileSync(file, ['externalId,name,kind,sector', ...Array.from({ length: 5 }, (_, i) => `x-${i},Acteur ${i},ORGANIZATION,ECONOMIC`)].join('\n'));
    const out = await run('npx', ['ts-node', '--transpile-only', 'src/cli/import.ts', file, '--source', 'cci', '--api', url, '--key', 'k', '--batch-size', '2'], { cwd: join(__dirname, '..', '..') }).catch((e) => e);
    expect(out.code).toBe(1);
    expect(calls.filter((c) => c.dryRun).map((c) => c.count)).toEqual([2, 2, 1]);
    expect(out.stderr).toMatch(/SERVICE_UNAVAILABLE/);
    expect(out.stderr).toMatch(/Committed before it stopped: 2 rows \(line 2 to 3\); not written: 3 rows/);
    expect(out.stderr).toMatch(/Run the same command again to complete the file/);
    expect(out.stderr).not.toMatch(/Nothing was written/);
  }, 120_000);
});
