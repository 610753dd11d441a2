import { loadConfig } from '@app/config';
import { createApp } from './bootstrap';
import { TokenService } from './auth/tokenService';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const port = (app.getHttpServer().address() as { port: number }).port;
  const where = config.eventStore === 'embedded' ? `embedded store in ${config.dataDir}` : 'EventStoreDB';
  console.log(`Ticketing API on http://localhost:${port}/ (${where}); web pages at /, admin pages at /admin, health at /health`);
  const tokens = app.get(TokenService);
  if (tokens.adminTokenCreated) {
    // Printed once, when it is generated; afterwards it is only in DATA_DIR/admin-token.
    console.log(`Admin token (kept in ${config.dataDir}/admin-token): ${tokens.adminToken}`);
  } else if (!config.adminToken) {
    console.log(`Admin token: see ${config.dataDir}/admin-token`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
