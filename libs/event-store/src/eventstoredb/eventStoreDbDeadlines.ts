import type { StreamingRead } from '@eventstore/db-client';
import { StoreUnavailableError } from '../errors';

export const noop = (): void => undefined;

/**
 * The client gives reads no deadline at all, so a silent server would hang them; this
 * bounds the wait for each next record instead of the whole read, which may be long.
 */
export async function collect<T>(read: StreamingRead<T>, idleMs: number, operation: string): Promise<T[]> {
  const items: T[] = [];
  const iterator = read[Symbol.asyncIterator]();
  try {
    for (;;) {
      const step = await withTimeout(iterator.next(), idleMs, operation);
      if (step.done) return items;
      items.push(step.value);
    }
  } catch (error) {
    read.cancel().catch(noop);
    read.destroy();
    throw error;
  }
}

export function withTimeout<T>(work: Promise<T>, ms: number, operation: string): Promise<T> {
  // A failure that arrives after we gave up must not surface as an unhandled rejection.
  work.catch(noop);
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreUnavailableError(`EventStoreDB did not answer ${operation} within ${ms} ms`)), ms);
  });
  return Promise.race([work, expiry]).finally(() => clearTimeout(timer));
}

export function settleWithin(work: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    work.then(noop, noop).finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
