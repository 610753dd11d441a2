import { loadConfig } from '@app/config';
import { createApp } from './bootstrap';
import { openStoreFor } from './infrastructure/openStore';
import { TokenService } from './auth/tokenService';
import { exitOnSignals } from './shutdown/gracefulShutdown';

async function main(): Promise<void> {
  const config = loadConfig();
  // Opened before the app, so a store that cannot be reached stops the start with one line that names it.
  const store = await openStoreFor(config);
  const app = await createApp(config, store);
  exitOnSignals(app, (line) => console.log(line));
  await app.listen(config.port, config.host);
  const port = (app.getHttpServer().address() as { port: number }).port;
  const where =
    config.topology ? `etcd clusters ${config.topology.clusters.map((c) => c.id).join(', ')}, region ${config.region}` : config.eventStore === 'embedded' ? `embedded store in ${config.dataDir}` : config.eventStore === 'etcd' ? `etcd cluster at ${config.etcdEndpoints.join(', ')}` : 'EventStoreDB';
  console.log(`Ticketing API on http://localhost:${port}/ (${where}); web pages at /, admin pages at /admin, health at /health`);
  const tokens = app.get(TokenService);
  // Secrets never go to the log, which outlives them and is read by more people: only where to find it.
  if (tokens.adminTokenCreated) console.log(`Admin token generated: read it from ${config.dataDir}/admin-token (readable by this user only)`);
  else if (!config.adminToken) console.log(`Admin token: see ${config.dataDir}/admin-token`);
  if (!config.rateLimits) console.log('Rate limits are off (RATE_LIMITS=off): for load tests only');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
