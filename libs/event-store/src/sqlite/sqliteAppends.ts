import { randomUUID } from 'node:crypto';
import { InvalidAppendError, WrongExpectedVersionError } from '../errors';
import type { AppendResult, EventData, ExpectedRevision } from '../eventStore';
import type { AppendOutcome, AppendRequest, WireEvent } from './sqliteBatchWriter';

/** An append waiting for its batch, then for the flush that makes it durable. */
export interface PendingAppend {
  streamId: string;
  events: readonly EventData[];
  expected: ExpectedRevision;
  /** Answered at its commit, without waiting for the flush (see AppendOptions.durability). */
  ordered: boolean;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/** A committed batch whose answers wait for the flush of the WAL that makes it durable. */
export interface CommittedBatch {
  appends: PendingAppend[];
  outcomes: AppendOutcome[];
}

const NO_STREAM = -1;

export function toWire(expected: ExpectedRevision): AppendRequest['expected'] {
  return typeof expected === 'bigint' ? Number(expected) : expected;
}

export function settleAppend(append: PendingAppend, outcome: AppendOutcome): void {
  if (outcome.ok) {
    append.resolve({ nextExpectedRevision: BigInt(outcome.revision), position: BigInt(outcome.position) });
  } else if (outcome.kind === 'wrong_expected_version') {
    append.reject(new WrongExpectedVersionError(outcome.stream, append.expected, outcome.actual === NO_STREAM ? 'no_stream' : BigInt(outcome.actual)));
  } else {
    append.reject(new InvalidAppendError(outcome.message));
  }
}

/** Every event of an append is serialized before any is sent, so a bad one refuses its whole append alone. */
export function serializeEvents(events: readonly EventData[]): WireEvent[] | InvalidAppendError {
  try {
    return events.map((event) => ({
      id: event.id ?? randomUUID(),
      type: event.type,
      data: JSON.stringify(event.data ?? null),
      metadata: event.metadata === undefined ? null : JSON.stringify(event.metadata),
    }));
  } catch (error) {
    return new InvalidAppendError(`event data is not JSON-serializable: ${String(error)}`);
  }
}
