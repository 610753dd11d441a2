import type { ExpectedRevision } from './eventStore';

/** The stream was not where the writer expected it: someone else appended first. */
export class WrongExpectedVersionError extends Error {
  override readonly name = 'WrongExpectedVersionError';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's current revision, or 'no_stream' when it does not exist. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Append to ${stream} expected ${String(expected)} but the stream is at ${String(actual)}`);
  }
}

/** The store could not be reached or did not answer in time; the write may be retried. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
  }
}

/** The append itself was malformed (bad stream name, event too large, ...). */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
}
