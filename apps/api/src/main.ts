import closeWithGrace from 'close-with-grace';
import { buildApp, loggerOptions } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { migrate, openDatabase } from './db/database.ts';
import { loadDemoData, loadDemoPopulation, seedTaxonomy } from './seed.ts';
import { countActiveAdmins } from './store/accounts.ts';
import { purgeExpiredLoginSessions } from './store/auth.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = openDatabase(config);
  const app = await buildApp({ config, database, logger: loggerOptions(config) });
  app.addHook('onClose', () => database.close());

  const applied = await migrate(database.db);
  app.log.info({ database: database.kind, location: database.location, applied }, 'database ready');
  // Expired sign-ins are refused anyway; removing them at start keeps the table from growing forever.
  await purgeExpiredLoginSessions(database.db);
  if (await seedTaxonomy(database.db)) app.log.info('taxonomy loaded from data/taxonomy.json');
  if (config.demoData) {
    const demo = await loadDemoData(database.db);
    if (demo) app.log.info(demo, 'demo data loaded (synthetic, marked as demo)');
    const cells = await loadDemoPopulation(database.db);
    if (cells !== null) app.log.info({ cells }, 'demo population grid loaded (synthetic)');
  }

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  });

  await app.listen({ host: config.host, port: config.port });
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  app.log.info(
    `Quartiersatlas is running on http://${shown}:${app.server.address() && typeof app.server.address() === 'object' ? (app.server.address() as { port: number }).port : config.port}`,
  );
  if ((await countActiveAdmins(database.db)) === 0) {
    app.log.warn('no administrator yet: create one with  npm run admin -- create <username> --name "<Full Name>"');
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(`Configuration error: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
