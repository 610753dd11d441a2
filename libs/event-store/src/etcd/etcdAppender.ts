import { InvalidAppendError, StoreUnavailableError, WrongExpectedVersionError } from '../errors';
import type { AppendResult, ExpectedRevision } from '../eventStore';
import { batchBody, positionOf, type SerializedBatch } from './etcdBatch';
import type { EtcdConnection } from './etcdConnection';
import { EtcdRefusal } from './etcdErrors';
import type { EtcdKeys } from './etcdKeys';
import type { EtcdLog } from './etcdLog';
import { CompareResult, CompareTarget, type Compare, type KeyValue, type RequestOp, type TxnResponse } from './etcdRpc';

/** One append waiting for its transaction. */
export interface QueuedAppend {
  streamId: string;
  batch: SerializedBatch;
  expected: ExpectedRevision;
  /** The head its transaction compares with: a revision, or 'none' for a stream that must not exist. */
  head: number | 'none';
  deadline: number;
  /** Sent in a transaction of its own (a shared one was refused as too large). */
  alone?: boolean;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

export interface AppenderLimits {
  /** etcd's --max-txn-ops: compares, and operations of each branch, per transaction. */
  maxTxnOps: number;
  /** The most bytes of events one transaction carries, well under etcd's --max-request-bytes. */
  maxTxnBytes: number;
}

/** Transactions in flight at once; appends that arrive meanwhile wait and then go together. */
const MAX_IN_FLIGHT = 8;

/**
 * Group commit across streams: appends to different streams that are waiting at the
 * same moment go to etcd in one transaction, each with its own compares (its head, its
 * event ids) and the epoch clock's once. A Raft entry and a round of fsyncs then carries
 * many holds instead of one — etcd's cost is per transaction far more than per key.
 *
 * A transaction commits all its appends or none. When it does not, the failure branch
 * has read every head, id key and the clock, so each append is judged on its own: a
 * retry of one that had landed answers with its first result, a stale one gets
 * WrongExpectedVersionError, and the rest go again in the next transaction.
 */
export class EtcdAppender {
  private queue: QueuedAppend[] = [];
  private inFlight = 0;
  private readonly busyStreams = new Set<string>();
  private scheduled = false;

  constructor(
    private readonly connection: EtcdConnection,
    private readonly keys: EtcdKeys,
    private readonly log: EtcdLog,
    private readonly limits: AppenderLimits,
  ) {}

  append(append: QueuedAppend): void {
    this.queue.push(append);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // After pending I/O callbacks: appends of requests that arrived together share a transaction.
    setImmediate(() => {
      this.scheduled = false;
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const group = this.takeGroup();
      if (group.length === 0) return;
      this.inFlight++;
      for (const a of group) this.busyStreams.add(a.streamId);
      void this.send(group).finally(() => {
        this.inFlight--;
        for (const a of group) this.busyStreams.delete(a.streamId);
        if (this.queue.length > 0) this.schedule();
      });
    }
  }

  /** The appends that fit one transaction, one per stream, in arrival order; the rest keep their places. */
  private takeGroup(): QueuedAppend[] {
    const group: QueuedAppend[] = [];
    const rest: QueuedAppend[] = [];
    const streams = new Set<string>();
    // The clock's compare and read are shared by the whole transaction.
    let ops = 1;
    let bytes = 0;
    for (const append of this.queue) {
      const cost = 3 + append.batch.ids.length;
      const fits = ops + cost <= this.limits.maxTxnOps && bytes + append.batch.bytes <= this.limits.maxTxnBytes;
      const free = !streams.has(append.streamId) && !this.busyStreams.has(append.streamId);
      const together = group.length === 0 || (!append.alone && !group[0].alone);
      if (free && together && (fits || group.length === 0)) {
        group.push(append);
        streams.add(append.streamId);
        ops += cost;
        bytes += append.batch.bytes;
      } else {
        rest.push(append);
      }
    }
    this.queue = rest;
    return group;
  }

  private async send(group: QueuedAppend[]): Promise<void> {
    const deadline = Math.min(...group.map((a) => a.deadline));
    let response: TxnResponse;
    let offsets: number[];
    try {
      if (Date.now() >= deadline) throw new StoreUnavailableError(`etcd could not take an append to ${group[0].streamId} before its deadline`);
      const epoch = await this.log.epochForAppend();
      const txn = this.transaction(group, epoch);
      offsets = txn.offsets;
      ({ value: response } = await this.connection.call<TxnResponse>(
        group.length === 1 ? `an append to ${group[0].streamId}` : `appends to ${group.length} streams`,
        'leader',
        (e, m, o, done) => e.kv.Txn(txn.request, m, o, done),
        deadline - Date.now(),
      ));
    } catch (error) {
      if (error instanceof EtcdRefusal) return this.refused(group, error);
      for (const append of group) append.reject(error);
      return;
    }
    const revision = Number(response.header.revision);
    this.log.noteRevision(revision);
    if (response.succeeded) {
      group.forEach((append, i) => {
        const last = append.head === 'none' ? append.batch.ids.length - 1 : append.head + append.batch.ids.length;
        append.resolve({ nextExpectedRevision: BigInt(last), position: positionOf(revision, offsets[i] + append.batch.ids.length - 1) });
      });
      return;
    }
    this.judge(group, response);
  }

  /** A failed transaction: what each of its appends found, from the failure branch's reads. */
  private judge(group: QueuedAppend[], response: TxnResponse): void {
    const kvs = response.responses.map((r) => r.response_range?.kvs[0]);
    const clock = kvs[0];
    if (clock) this.log.adoptEpoch(Number(clock.mod_revision));
    let at = 1;
    const again: QueuedAppend[] = [];
    for (const append of group) {
      const current = kvs[at++];
      const ids = kvs.slice(at, at + append.batch.ids.length);
      at += append.batch.ids.length;
      const found = ids.filter((kv): kv is KeyValue => kv !== undefined);
      // Every event is already there: a retry of an append that did commit answers as the original.
      if (found.length === ids.length) {
        append.resolve(appendedAs(ids[ids.length - 1]!));
        continue;
      }
      const actual: number | 'none' = current ? Number(current.value.toString('latin1')) : 'none';
      const actualRevision = actual === 'none' ? ('no_stream' as const) : BigInt(actual);
      if (found.length > 0) {
        append.reject(new WrongExpectedVersionError(append.streamId, append.expected, actualRevision));
        continue;
      }
      if (actual !== append.head) {
        // 'any' and 'stream_exists' compared with a head read a moment ago; someone appended since.
        if (append.expected === 'any' || (append.expected === 'stream_exists' && actual !== 'none')) {
          append.head = actual;
          again.push(append);
        } else {
          append.reject(new WrongExpectedVersionError(append.streamId, append.expected, actualRevision));
        }
        continue;
      }
      // Its own compares held: the clock moved, or another append of the transaction failed.
      again.push(append);
    }
    if (again.length === 0) return;
    this.queue = [...again, ...this.queue];
    this.schedule();
  }

  /** etcd refused the transaction itself (too large): each append alone, and one alone that is refused is invalid. */
  private refused(group: QueuedAppend[], error: EtcdRefusal): void {
    if (group.length === 1) {
      group[0].reject(new InvalidAppendError(`etcd refused the append to ${group[0].streamId}: ${error.message}`, { cause: error }));
      return;
    }
    for (const append of group) append.alone = true;
    this.queue = [...group, ...this.queue];
    this.schedule();
  }

  private transaction(group: QueuedAppend[], epoch: number): { request: { compare: Compare[]; success: RequestOp[]; failure: RequestOp[] }; offsets: number[] } {
    const k = this.keys;
    const compare: Compare[] = [{ result: CompareResult.EQUAL, target: CompareTarget.MOD, key: k.clock, mod_revision: epoch }];
    const success: RequestOp[] = [];
    const failure: RequestOp[] = [{ request_range: { key: k.clock } }];
    const offsets: number[] = [];
    let offset = 0;
    for (const { streamId, batch, head } of group) {
      const headKey = k.head(streamId);
      const idKeys = batch.ids.map((id) => k.id(streamId, id));
      const first = head === 'none' ? 0 : head + 1;
      const count = batch.ids.length;
      compare.push(
        head === 'none'
          ? { result: CompareResult.EQUAL, target: CompareTarget.VERSION, key: headKey, version: 0 }
          : { result: CompareResult.EQUAL, target: CompareTarget.VALUE, key: headKey, value: Buffer.from(String(head)) },
        ...idKeys.map((key) => ({ result: CompareResult.EQUAL, target: CompareTarget.VERSION, key, version: 0 })),
      );
      success.push(
        { request_put: { key: headKey, value: Buffer.from(String(first + count - 1)) } },
        { request_put: { key: k.batch(streamId, first), value: batchBody(batch, offset) } },
        { request_put: { key: k.index(epoch, streamId, first), value: Buffer.from(`${count}:${offset}`) } },
        ...idKeys.map((key, i) => ({ request_put: { key, value: Buffer.from(`${first + i}:${offset + i}`) } })),
      );
      failure.push({ request_range: { key: headKey } }, ...idKeys.map((key) => ({ request_range: { key } })));
      offsets.push(offset);
      offset += count;
    }
    return { request: { compare, success, failure }, offsets };
  }
}

/** An append's result from the id key of its last event ("<revision>:<index in its transaction>", written with it). */
export function appendedAs(idKey: KeyValue): AppendResult {
  const [revision, index] = idKey.value.toString('latin1').split(':').map(Number);
  return { nextExpectedRevision: BigInt(revision), position: positionOf(Number(idKey.mod_revision), index) };
}
