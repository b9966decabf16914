import 'reflect-metadata';
import { loadConfig } from '../config';
import { backup, restore } from '../backup/backup.service';
import { connectForCli } from './connect';

/** `npm run backup -- FILE` (online, consistent) and `npm run restore -- FILE` (into an empty database). */
async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  if (!['backup', 'restore'].includes(command) || !file) {
    console.error('Usage: npm run backup -- FILE   |   npm run restore -- FILE');
    process.exit(2);
  }
  const { db, close } = await connectForCli(loadConfig());
  try {
    const t0 = Date.now();
    const s = command === 'backup' ? await backup(db, file) : await restore(db, file);
    console.log(`${command === 'backup' ? 'Wrote' : 'Restored'} ${s.nodes} nodes and ${s.relationships} relationships (graph version ${s.graphVersion}) ${command === 'backup' ? 'to' : 'from'} ${file} in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  } finally {
    await close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
