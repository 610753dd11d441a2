import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * docker/wait-for-leader.sh, which holds the API back until the cluster has a leader,
 * against a node that answers /gossip the way 24.10 does (ClientClusterInfo, indented
 * camelCase JSON with states as names).
 */
const SCRIPT = join(__dirname, '../../../../docker/wait-for-leader.sh');
const hasCurl = ['/usr/bin/curl', '/bin/curl', '/usr/local/bin/curl'].some(existsSync);

type Member = { name: string; state: string; isAlive: boolean };

function gossipJson(members: Member[]): string {
  const body = {
    members: members.map((m, i) => ({
      instanceId: `0000000${i}-0000-0000-0000-000000000000`,
      timeStamp: new Date().toISOString(),
      state: m.state,
      isAlive: m.isAlive,
      internalTcpIp: m.name,
      internalTcpPort: 1112,
      internalHttpEndPointIp: m.name,
      internalHttpEndPointPort: 2113,
      httpEndPointIp: m.name,
      httpEndPointPort: 2113,
      lastCommitPosition: 1234,
      nodePriority: 0,
      isReadOnlyReplica: false,
    })),
    serverIp: members[0]?.name ?? '',
    serverPort: 2113,
  };
  return JSON.stringify(body, null, 2);
}

function run(members: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile('sh', [SCRIPT, ...members], { env: { ...process.env, WAIT_TIMEOUT_S: '3', WAIT_INTERVAL_S: '1', ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

(hasCurl ? describe : describe.skip)('docker/wait-for-leader.sh', () => {
  let server: Server;
  let gossip: Member[];
  let endpoint: string;

  beforeEach(async () => {
    gossip = [];
    server = createServer((req, res) => {
      if (req.url !== '/gossip') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(gossipJson(gossip));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('succeeds once a member reports a live leader, and names it', async () => {
    gossip = [
      { name: 'node1', state: 'Follower', isAlive: true },
      { name: 'node2', state: 'Leader', isAlive: true },
      { name: 'node3', state: 'Follower', isAlive: true },
    ];
    await expect(run([endpoint])).resolves.toEqual({ code: 0, out: expect.stringContaining('node2:2113 as leader') });
  });

  it('waits through an election', async () => {
    gossip = [
      { name: 'node1', state: 'Unknown', isAlive: true },
      { name: 'node2', state: 'PreLeader', isAlive: true },
    ];
    setTimeout(() => (gossip = [gossip[0], { name: 'node2', state: 'Leader', isAlive: true }]), 1_200);
    await expect(run([endpoint], { WAIT_TIMEOUT_S: '10' })).resolves.toMatchObject({ code: 0 });
  });

  it('does not take a dead leader still listed in gossip for a live one', async () => {
    gossip = [
      { name: 'node1', state: 'Leader', isAlive: false },
      { name: 'node2', state: 'Follower', isAlive: true },
    ];
    await expect(run([endpoint], { WAIT_TIMEOUT_S: '1' })).resolves.toEqual({ code: 1, out: expect.stringContaining('no live leader') });
  });

  it('asks the other members when one does not answer', async () => {
    gossip = [{ name: 'node3', state: 'Leader', isAlive: true }];
    await expect(run(['127.0.0.1:1', endpoint])).resolves.toMatchObject({ code: 0 });
  });
});
