import { LocalEtcdCluster } from './localEtcdCluster';

/**
 * `npm run etcd:local [-- --members 3]`: a throwaway etcd cluster on this machine, to
 * try the API on a real quorum (EVENT_STORE=etcd ETCD_ENDPOINTS=… npm start). Runs
 * until Ctrl-C, then removes its members and their data.
 */
async function main(): Promise<void> {
  const at = process.argv.indexOf('--members');
  const size = at >= 0 ? Number(process.argv[at + 1]) : 3;
  if (!Number.isInteger(size) || size < 1 || size > 7) throw new Error('--members takes 1 to 7');
  if (!LocalEtcdCluster.available()) throw new Error('etcd is not installed (Debian: apt-get install etcd-server etcd-client)');
  const cluster = await LocalEtcdCluster.start({ size });
  const leader = await cluster.leader();
  process.stdout.write(
    `etcd cluster of ${size} up (leader ${leader.name}); data in ${cluster.root}\n` +
      cluster.members.map((m) => `  ${m.name}  ${m.endpoint}  pid ${m.process?.pid}\n`).join('') +
      `\nEVENT_STORE=etcd ETCD_ENDPOINTS=${cluster.endpointList} npm start\n\nCtrl-C stops it and removes its data.\n`,
  );
  const stop = (): void => {
    void cluster.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
