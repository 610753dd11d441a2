import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { MaxAppendSizeExceededError, UnknownError, WrongExpectedVersionError as ClientWrongExpectedVersionError, convertToCommandError } from '@eventstore/db-client';
import { unpackToCommandError } from '@eventstore/db-client/dist/streams/appendToStream/unpackError';
import { InvalidAppendError, StoreUnavailableError, WrongExpectedVersionError } from '../errors';
import { poisonsClient, toAppendError, toStoreError } from './eventStoreDbErrors';
import { notHandled } from './testing/fakeEventStoreDb';

/** A gRPC status as grpc-js hands it to the client. */
function grpcError(code: status, details: string, metadata: Record<string, string> = {}): ServiceError {
  const md = new Metadata();
  for (const [key, value] of Object.entries(metadata)) md.set(key, value);
  return Object.assign(new Error(`${code} ${status[code]}: ${details}`), { code, details, metadata: md });
}

/** What client 6.2.1 rejects a call with when it receives that status. */
const fromServer = (code: status, details: string) => convertToCommandError(grpcError(code, details));

describe('EventStoreDB error mapping, fed with the client 6.2.1 errors', () => {
  describe('a node that cannot take the call right now is StoreUnavailableError (a 503 with Retry-After)', () => {
    it.each(['Server Is Not Ready', 'Server Is Busy', 'No leader info available in response'])(
      'on the batch append stream: "%s", which the client cannot unpack and leaves as an UnknownError without a code',
      (message) => {
        const error = unpackToCommandError(notHandled(message), 'inventory-1');
        expect(error).toBeInstanceOf(UnknownError);
        expect(error.code).toBeUndefined();
        expect(toAppendError(error, 'inventory-1', 0n)).toBeInstanceOf(StoreUnavailableError);
      },
    );

    it('on an append or a read without a leader to name: UNKNOWN "No leader info available in response"', () => {
      const error = fromServer(status.UNKNOWN, 'No leader info available in response');
      expect(error).toBeInstanceOf(UnknownError);
      expect(toAppendError(error, 'inventory-1', 'any')).toBeInstanceOf(StoreUnavailableError);
      expect(toStoreError(error, 'a read of $all')).toBeInstanceOf(StoreUnavailableError);
    });

    it('on an append or a read of a node not ready or too busy: UNAVAILABLE', () => {
      expect(toStoreError(fromServer(status.UNAVAILABLE, 'Server Is Not Ready'), 'a read of $all')).toBeInstanceOf(StoreUnavailableError);
      expect(toStoreError(fromServer(status.UNAVAILABLE, 'Server Is Too Busy'), 'a read of $all')).toBeInstanceOf(StoreUnavailableError);
    });

    it("when the server's write timeout expires (ABORTED), or the call's own deadline (DEADLINE_EXCEEDED)", () => {
      expect(toAppendError(fromServer(status.ABORTED, 'Operation timed out: Commit timeout.'), 's', 'any')).toBeInstanceOf(StoreUnavailableError);
      expect(toAppendError(fromServer(status.DEADLINE_EXCEEDED, 'Deadline Exceeded'), 's', 'any')).toBeInstanceOf(StoreUnavailableError);
    });

    it('when discovery finds no member to talk to', () => {
      expect(toAppendError(new Error('Failed to discover after 10 attempts.'), 's', 'any')).toBeInstanceOf(StoreUnavailableError);
    });

    it('when a node redirects to the leader', () => {
      const error = convertToCommandError(
        grpcError(status.NOT_FOUND, 'Leader info available', { exception: 'not-leader', 'leader-endpoint-host': 'node2', 'leader-endpoint-port': '2112' }),
      );
      expect(toAppendError(error, 's', 'any')).toBeInstanceOf(StoreUnavailableError);
    });
  });

  it('keeps an unexpected server failure as it is, so it is logged as a 500', () => {
    const error = fromServer(status.UNKNOWN, 'Exception was thrown by handler.');
    expect(toStoreError(error, 'a read of $all')).toBe(error);
  });

  it('maps a conflict to our WrongExpectedVersionError with the actual revision', () => {
    const error = new ClientWrongExpectedVersionError(undefined, { streamName: 's', current: 4n, expected: 2n });
    expect(toAppendError(error, 's', 2n)).toEqual(new WrongExpectedVersionError('s', 2n, 4n));
  });

  it('maps a refusal of the append itself to InvalidAppendError', () => {
    expect(toAppendError(MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576), 's', 'any')).toBeInstanceOf(InvalidAppendError);
    expect(toAppendError(fromServer(status.INVALID_ARGUMENT, 'bad'), 's', 'any')).toBeInstanceOf(InvalidAppendError);
  });

  describe('which failures can leave a client unable to append again', () => {
    it('a failed discovery or capability probe, which the client caches', () => {
      expect(poisonsClient(new Error('Failed to discover after 10 attempts.'))).toBe(true);
      expect(poisonsClient(grpcError(status.DEADLINE_EXCEEDED, 'Deadline exceeded'))).toBe(true);
      expect(poisonsClient(new StoreUnavailableError('EventStoreDB did not answer an append within 11000 ms'))).toBe(true);
    });

    it("not the server's answer to the call itself", () => {
      expect(poisonsClient(fromServer(status.UNAVAILABLE, 'Server Is Not Ready'))).toBe(false);
      expect(poisonsClient(new ClientWrongExpectedVersionError(undefined, { streamName: 's', current: 4n, expected: 2n }))).toBe(false);
    });
  });
});
