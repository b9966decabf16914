import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { Role } from '../auth/roles';
import { createKey, listKeys, revokeKey } from '../auth/key.service';
import { connectForCli } from './connect';

const USAGE = `Usage:
  npm run -s keys -- create --role ROLE [--source SOURCE] [--name NAME]   prints the new secret as the last line
  npm run -s keys -- list                                                  lists keys (never their secrets)
  npm run -s keys -- revoke KEY_ID|SECRET_PREFIX                          revokes a key
Roles: ${Object.values(Role).join(', ')} (PARTNER keys are bound to one --source).`;

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { role: { type: 'string' }, source: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, arg] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    process.exit(command ? 0 : 2);
  }
  const config = loadConfig();
  const role = values.role?.toUpperCase() as Role | undefined;
  if (command === 'create' && (!role || !Object.values(Role).includes(role))) {
    console.error(`--role must be one of ${Object.values(Role).join(', ')}\n\n${USAGE}`);
    process.exit(2);
  }
  const { db, close } = await connectForCli(config);
  try {
    if (command === 'create') {
      const key = await createKey(db, role!, values.source ?? null, values.name ?? null);
      console.error(`Created ${key.role} key ${key.id}${key.source ? ` for source ${key.source}` : ''}. Keep the secret below: it is shown once and stored only as a hash.`);
      console.log(key.secret);
    } else if (command === 'list') {
      for (const k of await listKeys(db)) console.log(JSON.stringify(k));
    } else if (command === 'revoke') {
      if (!arg) throw new Error(`revoke needs a key id or secret prefix\n\n${USAGE}`);
      const ok = await revokeKey(db, arg);
      console.log(ok ? `revoked ${arg}` : `no live key ${arg}`);
      if (!ok) process.exitCode = 1;
    } else {
      console.error(USAGE);
      process.exitCode = 2;
    }
  } finally {
    await close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
