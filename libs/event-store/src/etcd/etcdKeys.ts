/**
 * Where the log lives in etcd's key space, under one prefix per store:
 *
 *   c                            the epoch clock; its mod revision starts the current epoch
 *   k/<t>                        epoch t is closed; this key's mod revision starts the next
 *   h/<stream>                   the stream's last revision (its head)
 *   s/<stream>\0<first>          one append: its events, from revision <first> on
 *   g/<t>/<stream>\0<first>      the same append in epoch t's index; its value is the event count
 *   i/<stream>\0<event id>       "<revision>:<index in its append>"
 *
 * Numbers in keys are 16 hex digits, so keys sort as the numbers do. Stream ids end
 * with NUL, which they may not contain: one stream's keys never run into another's.
 */
export class EtcdKeys {
  readonly clock: Buffer;
  private readonly closedPrefix: string;
  private readonly headPrefix: string;
  private readonly batchPrefix: string;
  private readonly indexPrefix: string;
  private readonly idPrefix: string;

  constructor(readonly prefix: string) {
    this.clock = Buffer.from(`${prefix}c`);
    this.closedPrefix = `${prefix}k/`;
    this.headPrefix = `${prefix}h/`;
    this.batchPrefix = `${prefix}s/`;
    this.indexPrefix = `${prefix}g/`;
    this.idPrefix = `${prefix}i/`;
  }

  closed(epoch: number): Buffer {
    return Buffer.from(this.closedPrefix + hex(epoch));
  }

  /** Closed-epoch markers for epochs starting in [from, to). */
  closedRange(from: number, to: number): [Buffer, Buffer] {
    return [this.closed(Math.max(0, from)), this.closed(to)];
  }

  epochOfClosedKey(key: Buffer): number {
    return parseInt(key.toString('latin1').slice(this.closedPrefix.length), 16);
  }

  head(streamId: string): Buffer {
    return Buffer.from(this.headPrefix + streamId);
  }

  batch(streamId: string, first: number): Buffer {
    return Buffer.from(`${this.batchPrefix}${streamId}\0${hex(first)}`);
  }

  /** The batches of a stream that start in [from, to). */
  batchRange(streamId: string, from: number, to: number): [Buffer, Buffer] {
    return [this.batch(streamId, Math.max(0, from)), this.batch(streamId, to)];
  }

  /** Every batch key, for a watch of the whole log: [start, end). */
  allBatches(): [Buffer, Buffer] {
    return [Buffer.from(this.batchPrefix), prefixEnd(Buffer.from(this.batchPrefix))];
  }

  parseBatch(key: Buffer): { streamId: string; first: number } {
    const text = key.toString('utf8').slice(this.batchPrefix.length);
    const nul = text.lastIndexOf('\0');
    return { streamId: text.slice(0, nul), first: parseInt(text.slice(nul + 1), 16) };
  }

  index(epoch: number, streamId: string, first: number): Buffer {
    return Buffer.from(`${this.indexPrefix}${hex(epoch)}/${streamId}\0${hex(first)}`);
  }

  /** Epoch t's index: [start, end). */
  epochIndex(epoch: number): [Buffer, Buffer] {
    const start = Buffer.from(`${this.indexPrefix}${hex(epoch)}/`);
    return [start, prefixEnd(start)];
  }

  parseIndex(key: Buffer): { streamId: string; first: number } {
    const text = key.toString('utf8').slice(this.indexPrefix.length + 17);
    const nul = text.lastIndexOf('\0');
    return { streamId: text.slice(0, nul), first: parseInt(text.slice(nul + 1), 16) };
  }

  id(streamId: string, eventId: string): Buffer {
    return Buffer.from(`${this.idPrefix}${streamId}\0${eventId.toLowerCase()}`);
  }
}

function hex(n: number): string {
  return n.toString(16).padStart(16, '0');
}

/** The first key after every key that starts with `prefix`. */
export function prefixEnd(prefix: Buffer): Buffer {
  const end = Buffer.from(prefix);
  for (let i = end.length - 1; i >= 0; i--) {
    if (end[i] < 0xff) {
      end[i] += 1;
      return end.subarray(0, i + 1);
    }
  }
  return Buffer.from([0]);
}
