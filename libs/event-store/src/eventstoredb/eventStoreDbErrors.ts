import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  InvalidArgumentError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  RequiredMetadataPropertyMissingError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  UnsupportedError,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
  convertToCommandError,
  isCommandError,
} from '@eventstore/db-client';
import { InvalidAppendError, StoreUnavailableError, WrongExpectedVersionError } from '../errors';
import type { ExpectedRevision } from '../eventStore';

/** gRPC INVALID_ARGUMENT: the client leaves it as an UnknownError, but it means the request itself was bad. */
const GRPC_INVALID_ARGUMENT = 3;

/**
 * A node that cannot take the request right now. Reads and per-append calls get these
 * as gRPC statuses (UNAVAILABLE for the first two, UNKNOWN for the third); the batch
 * append stream sends them as a bare status the client cannot unpack, so it wraps the
 * text in an UnknownError with no code ("Could not recognize Server Is Not Ready").
 * Server 24.10: RpcExceptions.cs ServerNotReady/ServerBusy/NoLeaderInfo and
 * Streams.BatchAppend.cs ConvertMessage; client 6.2.1: unpackError.js, last line.
 */
const NOT_READY = /Server Is Not Ready|Server Is (?:Too )?Busy|No leader info available/i;

/** When gossip finds no usable node the client throws a plain Error; only its message identifies it. */
const DISCOVERY_FAILURE = /^Failed to discover after \d+ attempts/;

/** grpc-js refuses a call on a channel the client closed a moment earlier while reconnecting. */
const CHANNEL_SHUT_DOWN = /Channel has been shut down/;

export function toAppendError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  if (error instanceof StoreUnavailableError || error instanceof InvalidAppendError) return error;
  const converted = toCommandError(error);
  if (converted instanceof ClientWrongExpectedVersionError) {
    return new WrongExpectedVersionError(streamId, expected, converted.actualVersion);
  }
  if (isMalformedAppend(converted)) {
    return new InvalidAppendError(`EventStoreDB rejected the append to ${streamId}: ${converted.message}`, { cause: converted });
  }
  return toStoreError(converted, `an append to ${streamId}`);
}

/** Everything that says "not now" becomes StoreUnavailableError: the outcome of a write is then unknown and a retry is safe. */
export function toStoreError(error: unknown, operation: string): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const converted = toCommandError(error);
  if (!isUnavailable(converted)) return converted;
  return new StoreUnavailableError(`EventStoreDB is unavailable for ${operation}: ${converted.message}`, converted);
}

/**
 * An error that never came from the server's answer to the call itself: discovery
 * failed, the capability probe failed, or the channel was gone. Client 6.2.1 caches
 * the probe's promise (Client/index.js, `get capabilities`) and clears it only when a
 * call fails with UNAVAILABLE, CANCELLED or NOT_LEADER, so a probe that failed any other
 * way, discovery included, fails every later batch append of that client at once.
 * Everything the server answers arrives converted to the client's CommandError.
 */
export function poisonsClient(error: unknown): boolean {
  return error instanceof StoreUnavailableError || (error instanceof Error && !isCommandError(error));
}

/** Retrying cannot fix these; a subscription surfaces them rather than silently never delivering. */
export function isPermanent(failure: unknown): failure is Error {
  return failure instanceof AccessDeniedError || failure instanceof InvalidArgumentError || failure instanceof UnsupportedError;
}

export function describeFailure(failure: unknown): string {
  return failure instanceof Error ? failure.message : 'ended by the server';
}

function isMalformedAppend(error: unknown): error is Error {
  return (
    error instanceof MaxAppendSizeExceededError ||
    error instanceof InvalidArgumentError ||
    error instanceof RequiredMetadataPropertyMissingError ||
    (error instanceof UnknownError && error.code === GRPC_INVALID_ARGUMENT)
  );
}

function isUnavailable(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  return (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof NotLeaderError ||
    error instanceof CancelledError ||
    // The server's own write timeout (Aborted, "Operation timed out") or the batch stream's Timeout status.
    error instanceof TimeoutError ||
    (error instanceof UnknownError && NOT_READY.test(error.message)) ||
    DISCOVERY_FAILURE.test(error.message) ||
    CHANNEL_SHUT_DOWN.test(error.message)
  );
}

/** Some calls reject with the raw gRPC error rather than the client's typed one. */
function toCommandError(error: unknown): unknown {
  return error instanceof Error ? convertToCommandError(error) : error;
}
