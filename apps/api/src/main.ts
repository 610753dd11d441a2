import { loadConfig } from '@app/config';
import { createApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const where = config.eventStore === 'embedded' ? `embedded store in ${config.dataDir}` : 'EventStoreDB';
  console.log(`Ticketing API on http://localhost:${config.port}/ (${where}); health at /health`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
