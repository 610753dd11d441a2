import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from './sqliteEventStore';

interface Ack {
  stream: string;
  lastRevision: bigint;
  ids: string[];
}

const FIXTURE = join(__dirname, 'testing', 'appendUntilKilled.fixture.ts');

/** Runs the writer child until it has acknowledged `minAcks` appends, then SIGKILLs it. */
function appendThenKill(file: string, minAcks: number): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', FIXTURE, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: join(__dirname, '..', '..', '..', '..'),
    });
    const acks: Ack[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [word, stream, revision, ids] = line.split(' ');
        if (word !== 'ack') continue;
        acks.push({ stream, lastRevision: BigInt(revision), ids: ids.split(',') });
        // Kill at a point that varies from round to round, while appends are in flight.
        if (acks.length === minAcks) child.kill('SIGKILL');
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acks);
      else reject(new Error(`writer exited on its own (${String(_code)}): ${stderr}`));
    });
  });
}

describe('SqliteEventStore crash safety', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'es-crash-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged append, in order and whole, across repeated SIGKILLs', async () => {
    const file = join(dir, 'events.db');
    const allAcks: Ack[] = [];
    for (const minAcks of [300, 750, 1_200]) allAcks.push(...(await appendThenKill(file, minAcks)));

    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();

    const store = new SqliteEventStore({ file });
    const streams = new Map<string, Awaited<ReturnType<SqliteEventStore['readStream']>>>();
    for (const ack of allAcks) {
      if (!streams.has(ack.stream)) streams.set(ack.stream, await store.readStream(ack.stream));
    }
    let checked = 0;
    for (const ack of allAcks) {
      const events = streams.get(ack.stream)!;
      const first = Number(ack.lastRevision) - ack.ids.length + 1;
      ack.ids.forEach((id, k) => {
        const event = events[first + k];
        expect(event?.id).toBe(id);
        expect((event.data as { padding: string }).padding).toHaveLength(200);
        checked++;
      });
    }
    for (const events of streams.values()) {
      expect(events.every((e, i) => e.streamRevision === BigInt(i))).toBe(true);
    }
    expect(checked).toBeGreaterThanOrEqual(2_250);
    await store.close();
  });
});
