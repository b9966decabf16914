import 'reflect-metadata';
import { loadConfig } from '../config';
import { isEmpty, loadGraph } from '../seed/seed.service';
import { buildDemoGraph } from '../seed/demo-data';
import { connectForCli } from './connect';

/** `npm run seed [-- --force]`: loads the demo TESR graph (into an empty database unless --force). */
async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  const { db, close } = await connectForCli(loadConfig());
  try {
    if (!(await isEmpty(db)) && !force) {
      console.error('The database already holds actors or operations: nothing loaded (use --force to add the demo graph anyway).');
      process.exitCode = 1;
      return;
    }
    const counts = await loadGraph(db, buildDemoGraph());
    console.log(`Loaded the demo TESR graph: ${counts.actors} actors, ${counts.bonds} bonds, ${counts.participations} participations.`);
  } finally {
    await close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
