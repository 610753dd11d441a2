import * as grpc from '@grpc/grpc-js';

/** What went wrong with one attempt, and what to do about it. */
export type Failure =
  | { kind: 'retry'; message: string; endpointTrouble: boolean }
  | { kind: 'unavailable'; message: string }
  | { kind: 'refused'; error: EtcdRefusal };

/** etcd refused the request itself (too large, too many operations, …): sending it again cannot help. */
export class EtcdRefusal extends Error {
  override readonly name = 'EtcdRefusal';
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/**
 * etcd's answers by what they mean for the call. Status codes alone do not tell a
 * full disk from a busy server, so the message decides where etcd's own text is known.
 */
export function classify(error: grpc.ServiceError): Failure {
  const message = describeError(error);
  switch (error.code) {
    case grpc.status.INVALID_ARGUMENT:
    case grpc.status.OUT_OF_RANGE:
      return { kind: 'refused', error: new EtcdRefusal(message, error.code) };
    case grpc.status.RESOURCE_EXHAUSTED:
      if (/space exceeded/.test(message)) {
        return {
          kind: 'unavailable',
          message: `${message} (the NOSPACE alarm is raised: the cluster takes no writes until space is freed — compact, defragment, then disarm the alarm; see docs/reliability.md)`,
        };
      }
      // "too many requests": the leader is behind on applying; try again shortly.
      return { kind: 'retry', message, endpointTrouble: false };
    case grpc.status.PERMISSION_DENIED:
    case grpc.status.UNAUTHENTICATED:
      return { kind: 'unavailable', message: `${message} (this adapter does not log in: use a cluster without authentication or put it behind a proxy that does)` };
    default:
      // UNAVAILABLE (no leader, leader changed, connection refused), DEADLINE_EXCEEDED,
      // CANCELLED, and transport errors that surface as UNKNOWN or INTERNAL.
      return { kind: 'retry', message, endpointTrouble: true };
  }
}

export function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'details' in error && typeof (error as grpc.ServiceError).details === 'string') {
    const e = error as grpc.ServiceError;
    // grpc-js appends an empty "Resolution note: " to connection failures.
    return (e.details || e.message).replace(/\.?\s*Resolution note:\s*$/, '');
  }
  return error instanceof Error ? error.message : String(error);
}
