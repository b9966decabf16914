import type { Config } from '../config';
import type { Context } from '../context';
import type { Database } from '../db/database';
import { createLoaders } from '../loaders';
import { Role } from '../auth/roles';

/** A request context for trusted command-line tools: they hold the database, so they act as ADMIN. */
export function cliContext(db: Database, config: Config, command: string): Context {
  const ctx = {
    requestId: `cli-${command}-${process.pid}`,
    principal: { role: Role.ADMIN, source: null, keyId: null, name: `cli:${command}` },
    db: db.executor({ op: command }),
    config,
  } as Context;
  ctx.loaders = createLoaders(ctx);
  return ctx;
}
