import { resolve } from 'node:path';
import type { Config } from '../config';
import { Database, databaseOptions } from '../db/database';
import { migrate } from '../db/migrate';
import { startLocalNeo4j, type LocalNeo4j } from '../db/local-neo4j';

/**
 * The database a CLI command works on: NEO4J_URI when set; else the local Neo4j of `npm start`
 * when it is running on NEO4J_BOLT_PORT; else that local Neo4j started just for this command.
 */
export async function connectForCli(config: Config, log: (line: string) => void = (l) => console.error(l)): Promise<{ db: Database; close: () => Promise<void> }> {
  const open = (uri: string) => new Database(databaseOptions(config, uri));
  let local: LocalNeo4j | null = null;
  let db: Database;
  if (config.NEO4J_URI) {
    db = open(config.NEO4J_URI);
  } else {
    db = open(`bolt://127.0.0.1:${config.NEO4J_BOLT_PORT}`);
    if (!(await db.ping())) {
      await db.close();
      log(`No Neo4j on port ${config.NEO4J_BOLT_PORT}: starting the local one for this command...`);
      local = await startLocalNeo4j({ port: config.NEO4J_BOLT_PORT, dataDir: resolve(config.AGENCEMENT_DATA_DIR, 'neo4j'), stopOnExit: true });
      db = open(local.uri);
    }
  }
  await migrate(db);
  return {
    db,
    close: async () => {
      await db.close();
      if (local) await local.stop();
    },
  };
}
