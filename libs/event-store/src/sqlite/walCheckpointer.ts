import { Worker } from 'node:worker_threads';

/** What one checkpoint pass did to one file: WAL frames in the log, and how many of them are now in the database. */
export interface CheckpointPass {
  file: string;
  busy: boolean;
  logFrames: number;
  checkpointedFrames: number;
}

export interface WalCheckpointerOptions {
  /** Pause between passes while the WAL keeps growing. */
  busyIntervalMs?: number;
  /** Pause between passes once a pass found nothing left to copy. */
  idleIntervalMs?: number;
}

/**
 * Copies WAL frames back into the database file from a thread of its own, with a
 * connection of its own, so the connections that serve requests never checkpoint.
 *
 * A checkpoint inside a commit (SQLite's autocheckpoint) copied ~40 MB and fsynced
 * the database on the event loop: 50-60 ms during which no request was served,
 * every second or two under load. PASSIVE checkpoints never wait for readers or
 * writers; once one has copied every frame, the next write transaction starts the
 * WAL over from its beginning, so the file stays small. SQLite flushes the WAL
 * before copying and the database after, whichever connection checkpoints.
 *
 * The worker is plain JavaScript evaluated in the thread, so it starts in
 * milliseconds from the built app and from the TypeScript sources alike.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private nextRequest = 0;
  private readonly waiting = new Map<number, (passes: CheckpointPass[]) => void>();
  private stopped: Promise<void> | undefined;
  private exited = false;

  constructor(files: string[], options: WalCheckpointerOptions = {}) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        files,
        sqlite: require.resolve('better-sqlite3'),
        busyIntervalMs: options.busyIntervalMs ?? 25,
        idleIntervalMs: options.idleIntervalMs ?? 100,
      },
    });
    this.worker.unref();
    this.worker.on('message', (message: { id: number; passes: CheckpointPass[] }) => {
      this.waiting.get(message.id)?.(message.passes);
      this.waiting.delete(message.id);
    });
    // A checkpointer that died leaves the WAL to grow; SQLite's own autocheckpoint on
    // the writing connection (set high, not off) still bounds it.
    this.worker.on('error', () => this.settleWaiting());
    this.worker.on('exit', () => {
      this.exited = true;
      this.settleWaiting();
    });
  }

  /** Runs one pass now and reports it (for tests and diagnostics). */
  checkpointNow(): Promise<CheckpointPass[]> {
    if (this.exited || this.stopped) return Promise.resolve([]);
    const id = ++this.nextRequest;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ kind: 'now', id });
    });
  }

  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      // Unreferenced so it never keeps a process alive, but a shutdown waits for it to close its connections.
      this.worker.ref();
      this.worker.once('exit', () => resolve());
      this.worker.postMessage({ kind: 'stop' });
    });
    return this.stopped;
  }

  private settleWaiting(): void {
    for (const resolve of this.waiting.values()) resolve([]);
    this.waiting.clear();
  }
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const connections = workerData.files.map((file) => {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');
  return { file, db };
});
let timer;
let stopping = false;
function pass() {
  return connections.map(({ file, db }) => {
    try {
      const [row] = db.pragma('wal_checkpoint(PASSIVE)');
      return { file, busy: row.busy === 1, logFrames: row.log, checkpointedFrames: row.checkpointed };
    } catch (error) {
      return { file, busy: true, logFrames: -1, checkpointedFrames: -1 };
    }
  });
}
function loop() {
  if (stopping) return;
  const passes = pass();
  const behind = passes.some((p) => p.busy || p.checkpointedFrames < p.logFrames);
  timer = setTimeout(loop, behind ? workerData.busyIntervalMs : workerData.idleIntervalMs);
}
parentPort.on('message', (message) => {
  if (message.kind === 'now') parentPort.postMessage({ id: message.id, passes: pass() });
  if (message.kind === 'stop') {
    stopping = true;
    clearTimeout(timer);
    for (const { db } of connections) db.close();
    parentPort.close();
  }
});
loop();
`;
