import { Injectable } from '@nestjs/common';

/**
 * The bounds of live updates in one process. Safe defaults, fixed in code: a client
 * that cannot keep up is told to reload instead of growing a buffer, so none of these
 * can slow the projections down. An instance is injected so tests can shrink them.
 */
@Injectable()
export class LiveLimits {
  /** A comment line this often keeps proxies from closing an idle stream. */
  heartbeatMs = 15_000;
  /** What an EventSource waits before reconnecting (the `retry:` field). */
  retryMs = 2_000;
  /** Messages and bytes kept for one client whose socket is not draining; past either it gets `reload`. */
  maxQueuedMessages = 1_000;
  maxQueuedBytes = 1024 * 1024;
  /** A socket that has not drained for this long gets `reload`, however little is queued. */
  maxStallMs = 60_000;
  /** After `reload` (or at shutdown) the last bytes get this long to leave before the socket is destroyed. */
  closeGraceMs = 10_000;
  /** Availability counts are pushed at most once per this interval per show, coalescing everything in between. */
  availabilityIntervalMs = 250;
  /** Open streams per process, per show, and per waiting-line entry. */
  maxConnections = 20_000;
  maxConnectionsPerShow = 5_000;
  maxConnectionsPerEntry = 4;
  /**
   * Open streams per client (LIVE_STREAMS_PER_ADDRESS, LIVE_STREAMS_PER_CUSTOMER; set from the
   * configuration by LiveModule): one address or customer can never take a show's slots from its viewers.
   */
  maxConnectionsPerAddress = 50;
  maxConnectionsPerCustomer = 4;
  /** A snapshot lists held and sold seats up to this many; beyond, clients read the map by section. */
  maxSnapshotSeats = 20_000;
  /** Seat changes in one `seats` message at most (a message never splits one event). */
  maxChangesPerMessage = 1_000;
  /** A resume reads the log this many events per page, and gives up (`reload`) beyond `maxReplayEvents`. */
  replayPageSize = 1_000;
  maxReplayEvents = 250_000;
  /** Resumes reading the store at the same time; more wait their turn (their live messages are buffered meanwhile). */
  maxConcurrentReplays = 8;
}
