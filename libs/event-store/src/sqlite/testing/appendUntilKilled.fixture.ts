/**
 * Child process for the crash test: appends to a handful of streams from many
 * concurrent writers through group commit, and prints one line per acknowledged
 * append. Stdout on a pipe is synchronous on Linux, so a printed line was really
 * acknowledged before any SIGKILL that follows it.
 */
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../sqliteEventStore';

const [file, streamCount = '8', writers = '64'] = process.argv.slice(2);
const store = new SqliteEventStore({ file });

async function writer(w: number, revisions: Map<string, bigint | 'no_stream'>): Promise<never> {
  for (let i = 0; ; i++) {
    const stream = `crash-${(w + i) % Number(streamCount)}`;
    const expected = revisions.get(stream) ?? 'no_stream';
    const events = Array.from({ length: 1 + (i % 3) }, (_, k) => ({
      id: randomUUID(),
      type: 'Appended',
      data: { writer: w, i, k, padding: 'x'.repeat(200) },
    }));
    try {
      const result = await store.appendToStream(stream, events, { expectedRevision: expected });
      revisions.set(stream, result.nextExpectedRevision);
      process.stdout.write(`ack ${stream} ${result.nextExpectedRevision} ${events.map((e) => e.id).join(',')}\n`);
    } catch (error) {
      const actual = (error as { actual?: bigint | 'no_stream' }).actual;
      if (actual === undefined) throw error;
      revisions.set(stream, actual);
    }
  }
}

async function main(): Promise<void> {
  const revisions = new Map<string, bigint | 'no_stream'>();
  for (let s = 0; s < Number(streamCount); s++) {
    const [last] = await store.readStream(`crash-${s}`, { direction: 'backwards', maxCount: 1 });
    if (last) revisions.set(`crash-${s}`, last.streamRevision);
  }
  process.stdout.write('ready\n');
  await Promise.all(Array.from({ length: Number(writers) }, (_, w) => writer(w, revisions)));
}

void main();
