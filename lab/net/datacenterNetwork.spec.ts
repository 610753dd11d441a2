import type { ChildProcess } from 'node:child_process';
import { DatacenterNetwork } from './datacenterNetwork';

const ECHO = "require('net').createServer((s) => s.pipe(s)).listen(7001, '0.0.0.0', () => console.log('up'))";
/** Connects, sends a line, prints how long the echo took, or 'none' when nothing comes back in time. */
const CLIENT = (address: string): string => `
const started = Date.now();
const socket = require('net').createConnection({ host: '${address}', port: 7001 }, () => socket.write('ping'));
const timer = setTimeout(() => { console.log('none'); process.exit(0); }, 1500);
socket.on('data', () => { console.log('echo ' + (Date.now() - started)); clearTimeout(timer); process.exit(0); });
socket.on('error', () => { console.log('none'); process.exit(0); });`;

function outputOf(child: ChildProcess, until: (text: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (until(text)) resolve(text.trim());
    });
    child.once('exit', () => (until(text) ? resolve(text.trim()) : reject(new Error(`exited with: ${text}`))));
  });
}

const canRun = process.getuid?.() === 0;
if (!canRun) console.log('datacenter network: SKIPPED, network namespaces need root');
(canRun ? describe : describe.skip)('the datacenter network (namespaces, relays, cuts)', () => {
  let network: DatacenterNetwork;

  beforeAll(async () => {
    const made = await DatacenterNetwork.create({
      datacenters: [
        { id: 'euw1', region: 'eu-west' },
        { id: 'euc1', region: 'eu-central' },
        { id: 'use1', region: 'us-east' },
      ],
      services: [{ name: 'echo', datacenter: 'use1', port: 7001 }],
      latencyMs: (a, b) => (a === b ? 0 : a.startsWith('eu') && b.startsWith('eu') ? 5 : 30),
    });
    if ('unavailable' in made) throw new Error(made.unavailable);
    network = made;
    await outputOf(network.spawnIn('use1', process.execPath, ['-e', ECHO]), (t) => t.includes('up'));
  });
  afterAll(async () => {
    await network?.destroy();
  });

  const ask = (from: string): Promise<string> =>
    outputOf(network.spawnIn(from, process.execPath, ['-e', CLIENT(network.service('echo').address)]), (t) => /echo \d+|none/.test(t));

  it('reaches a service at one address from every datacenter, across the ocean no sooner than the latency there and back', async () => {
    const across = await ask('euw1');
    expect(across).toMatch(/^echo \d+$/);
    expect(Number(across.split(' ')[1])).toBeGreaterThanOrEqual(59);
    expect(await ask('use1')).toMatch(/^echo \d+$/);
  });

  it('stops reaching a datacenter that is cut off, and reaches it again after the heal', async () => {
    network.isolate('use1');
    expect(await ask('euw1')).toBe('none');
    network.rejoin('use1');
    expect(await ask('euw1')).toMatch(/^echo \d+$/);
  });

  it('splits into sides that reach within but not across (the Atlantic cut)', async () => {
    network.split([['euw1', 'euc1'], ['use1']]);
    expect(await ask('euc1')).toBe('none');
    expect(await ask('use1')).toMatch(/^echo \d+$/);
    network.join();
    expect(await ask('euc1')).toMatch(/^echo \d+$/);
  });
});
