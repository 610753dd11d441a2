import * as grpc from '@grpc/grpc-js';
import { StoreUnavailableError } from '../errors';
import { classify, describeError } from './etcdErrors';
import {
  etcdServices,
  type ClusterClient,
  type KvClient,
  type MaintenanceClient,
  type Member,
  type StatusResponse,
  type WatchClient,
} from './etcdRpc';

/**
 * How a call may be served:
 * - 'leader': through a member that has a leader (writes, and reads that must see every
 *   acknowledged write). A member cut off from the majority refuses at once instead of
 *   letting the call wait for its deadline.
 * - 'local': by any member that answers, from its own copy (the read side's reads,
 *   which may be a little behind and say so).
 */
export type Consistency = 'leader' | 'local';

export interface EtcdConnectionOptions {
  /** `http://host:port` of each member. */
  endpoints: readonly string[];
  /** The longest a call may take over all its attempts. Default 10 s. */
  deadlineMs?: number;
  /** The longest one attempt on one member may take. Default 2.5 s. */
  attemptTimeoutMs?: number;
  /** How often every member is asked for its status. Default 1 s; 0: never (tests). */
  probeIntervalMs?: number;
}

const DEFAULT_DEADLINE_MS = 10_000;
const DEFAULT_ATTEMPT_MS = 2_500;
const PROBE_TIMEOUT_MS = 800;
const MIN_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 1_000;
/** A member that said it has no leader is not asked to write again for this long, unless a probe says otherwise. */
const NO_LEADER_HOLD_MS = 1_000;
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/**
 * A write fails at once, instead of after its whole deadline, once no member this
 * process reaches has had a leader for this long: longer than an election takes (about
 * 1 s), so a leader's loss is still ridden out, but a region cut off from the majority
 * answers 503 in moments rather than after 10 s per request.
 */
const FAIL_FAST_AFTER_MS = 3_000;

const CHANNEL_OPTIONS: grpc.ClientOptions = {
  // grpc-js waits up to 2 minutes between reconnections by default; a member back from a restart is wanted at once.
  'grpc.initial_reconnect_backoff_ms': 100,
  'grpc.max_reconnect_backoff_ms': 500,
  // etcd closes connections that ping more often than every 5 s (--grpc-keepalive-min-time).
  'grpc.keepalive_time_ms': 6_000,
  'grpc.keepalive_timeout_ms': 3_000,
  'grpc.keepalive_permit_without_calls': 1,
  'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
  'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
};

/** One member as this process sees it. */
export class EtcdEndpoint {
  readonly kv: KvClient;
  readonly watch: WatchClient;
  readonly cluster: ClusterClient;
  readonly maintenance: MaintenanceClient;
  /** Not tried again before this time (a failed attempt). */
  downUntil = 0;
  failures = 0;
  /** Said it had no leader; writes skip it until then. */
  noLeaderUntil = 0;
  lastError: string | undefined;
  /** From the last status probe. */
  memberId: string | undefined;
  leaderId: string | undefined;
  probedAt = 0;
  reachable: boolean | undefined;

  constructor(readonly url: string) {
    const address = new URL(url).host;
    const services = etcdServices();
    const credentials = grpc.credentials.createInsecure();
    this.kv = new services.KV(address, credentials, CHANNEL_OPTIONS);
    // Every client on the same address and options shares the channel's connection.
    this.watch = new services.Watch(address, credentials, CHANNEL_OPTIONS);
    this.cluster = new services.Cluster(address, credentials, CHANNEL_OPTIONS);
    this.maintenance = new services.Maintenance(address, credentials, CHANNEL_OPTIONS);
  }

  close(): void {
    for (const client of [this.kv, this.watch, this.cluster, this.maintenance]) client.close();
  }
}

type Attempt<T> = (endpoint: EtcdEndpoint, metadata: grpc.Metadata, options: grpc.CallOptions, done: (error: grpc.ServiceError | null, value?: T) => void) => void;

/**
 * The adapter's own handling of endpoints, deadlines and retries (no client library
 * between us and etcd): calls stick to one member while it answers, move to the next
 * the moment it fails, skip a member that says it has no leader, and give up with
 * StoreUnavailableError only when the call's deadline has passed. A probe of every
 * member each second keeps the picture fresh and finds the leader, which takes
 * writes without a hop.
 */
export class EtcdConnection {
  readonly endpoints: EtcdEndpoint[];
  readonly deadlineMs: number;
  private readonly attemptTimeoutMs: number;
  private preferred = 0;
  private probeTimer: NodeJS.Timeout | undefined;
  private probing: Promise<void> | undefined;
  private members: Member[] | undefined;
  private closed = false;
  /** When a member this process reaches last had a leader (or answered a call that needs one). */
  private majorityAt = Date.now();
  private lastProbeAt = 0;
  /** Calls answered, and the keys their answers carried: what reading the log costs, for specs and benches. */
  readonly stats = { calls: 0, keys: 0 };

  constructor(options: EtcdConnectionOptions) {
    if (options.endpoints.length === 0) throw new Error('no etcd endpoints given');
    this.endpoints = options.endpoints.map((url) => new EtcdEndpoint(url));
    this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_MS;
    const interval = options.probeIntervalMs ?? 1_000;
    if (interval > 0) {
      this.probeTimer = setInterval(() => void this.probe(), interval);
      this.probeTimer.unref();
    }
  }

  /**
   * Runs `attempt` on one member after another until one answers or the deadline
   * passes. Only for requests that are safe to send twice: every write of the adapter
   * is a transaction guarded by compares, so a repeat of one that did commit fails its
   * compares and says so.
   */
  async call<T>(what: string, consistency: Consistency, attempt: Attempt<T>, deadlineMs = this.deadlineMs): Promise<{ value: T; endpoint: EtcdEndpoint }> {
    const deadline = Date.now() + deadlineMs;
    const tried = new Set<EtcdEndpoint>();
    let backoff = MIN_BACKOFF_MS;
    let lastProblem = 'no member was tried';
    for (;;) {
      if (this.closed) throw new StoreUnavailableError('The etcd connection is closed');
      if (consistency === 'leader') await this.failFastWithoutMajority(what);
      const endpoint = this.pick(consistency, tried);
      if (!endpoint) {
        // Every member has failed once in this call: wait a little, then go round again.
        const left = deadline - Date.now();
        if (left <= 0) throw this.unavailable(what, deadlineMs, lastProblem);
        await sleep(Math.min(backoff, left));
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        tried.clear();
        continue;
      }
      tried.add(endpoint);
      const left = deadline - Date.now();
      if (left <= 0) throw this.unavailable(what, deadlineMs, lastProblem);
      const metadata = new grpc.Metadata();
      if (consistency === 'leader') metadata.set('hasleader', 'true');
      const outcome = await new Promise<{ ok: true; value: T } | { ok: false; error: grpc.ServiceError }>((resolve) => {
        attempt(endpoint, metadata, { deadline: Date.now() + Math.min(left, this.attemptTimeoutMs) }, (error, value) =>
          resolve(error ? { ok: false, error } : { ok: true, value: value as T }),
        );
      });
      if (outcome.ok) {
        this.succeeded(endpoint);
        if (consistency === 'leader') this.majorityAt = Date.now();
        this.stats.calls += 1;
        this.stats.keys += keysIn(outcome.value);
        return { value: outcome.value, endpoint };
      }
      const failure = classify(outcome.error);
      if (failure.kind === 'refused') throw failure.error;
      if (failure.kind === 'unavailable') throw new StoreUnavailableError(`etcd cannot take ${what}: ${failure.message}`, outcome.error);
      lastProblem = `${endpoint.url}: ${failure.message}`;
      this.failed(endpoint, failure);
    }
  }

  /**
   * The member to use next: the preferred one (the leader, once a probe found it) while
   * it is well, else any that is not resting after a failure. A local read also prefers
   * a member with a leader, whose copy is current, and takes one without only when no
   * other answers.
   */
  pick(consistency: Consistency, exclude: ReadonlySet<EtcdEndpoint> = new Set()): EtcdEndpoint | undefined {
    const now = Date.now();
    const withLeader = (e: EtcdEndpoint) => !exclude.has(e) && e.downUntil <= now && e.noLeaderUntil <= now;
    const any = (e: EtcdEndpoint) => !exclude.has(e) && e.downUntil <= now;
    for (const usable of consistency === 'leader' ? [withLeader] : [withLeader, any]) {
      for (let i = 0; i < this.endpoints.length; i++) {
        const candidate = this.endpoints[(this.preferred + i) % this.endpoints.length];
        if (usable(candidate)) return candidate;
      }
    }
    return undefined;
  }

  private async failFastWithoutMajority(what: string): Promise<void> {
    if (Date.now() - this.majoritySeenAt() <= FAIL_FAST_AFTER_MS) return;
    // Ask the members again (one probe, shared by every call waiting here): a leader may be back.
    await this.probe();
    const lostFor = Date.now() - this.majoritySeenAt();
    if (lostFor <= FAIL_FAST_AFTER_MS) return;
    throw new StoreUnavailableError(
      `etcd cannot take ${what}: no member this process reaches has had a leader for ${(lostFor / 1000).toFixed(1)} s (cut off from the majority, or the cluster has lost its quorum)`,
    );
  }

  /**
   * When this process last knew it could read what the majority holds: a member it
   * reaches had a leader at the last probe (then: now), or at an earlier one.
   */
  majoritySeenAt(): number {
    const fresh = Date.now() - this.lastProbeAt < 2_500;
    const current = this.endpoints.some((e) => e.reachable && e.leaderId !== undefined && e.noLeaderUntil <= Date.now());
    return fresh && current ? Date.now() : this.majorityAt;
  }

  /** A member's own status, straight from it. */
  status(endpoint: EtcdEndpoint, timeoutMs = PROBE_TIMEOUT_MS): Promise<StatusResponse> {
    return new Promise((resolve, reject) => {
      endpoint.maintenance.Status({}, new grpc.Metadata({ waitForReady: true }), { deadline: Date.now() + timeoutMs }, (error, response) => {
        if (error || !response) reject(error ?? new Error('empty answer'));
        else resolve(response);
      });
    });
  }

  /** The cluster's members as the last member to answer listed them. */
  async memberList(deadlineMs = 3_000): Promise<Member[]> {
    const { value } = await this.call<{ members: Member[] }>('a member list', 'local', (e, m, o, done) => e.cluster.MemberList({}, m, o, done), deadlineMs);
    this.members = value.members;
    return value.members;
  }

  get knownMembers(): Member[] | undefined {
    return this.members;
  }

  /** Asks every member for its status; finds the leader and brings back members that answer again. */
  probe(): Promise<void> {
    this.probing ??= Promise.all(
      this.endpoints.map(async (endpoint) => {
        try {
          const status = await this.status(endpoint);
          endpoint.reachable = true;
          endpoint.memberId = status.header.member_id;
          endpoint.leaderId = status.leader === '0' ? undefined : status.leader;
          endpoint.lastError = status.errors?.length ? status.errors.join('; ') : undefined;
          endpoint.downUntil = 0;
          endpoint.noLeaderUntil = endpoint.leaderId ? 0 : Date.now() + NO_LEADER_HOLD_MS;
        } catch (error) {
          endpoint.reachable = false;
          endpoint.lastError = describeError(error);
        }
        endpoint.probedAt = Date.now();
      }),
    )
      .then(() => {
        this.lastProbeAt = Date.now();
        if (this.endpoints.some((e) => e.reachable && e.leaderId !== undefined)) this.majorityAt = this.lastProbeAt;
        this.preferLeader();
      })
      .finally(() => (this.probing = undefined));
    return this.probing;
  }

  close(): void {
    this.closed = true;
    clearInterval(this.probeTimer);
    for (const endpoint of this.endpoints) endpoint.close();
  }

  /** Notes a member that answered; a watch or a read that fails elsewhere calls `failed`. */
  succeeded(endpoint: EtcdEndpoint): void {
    endpoint.failures = 0;
    endpoint.downUntil = 0;
    endpoint.reachable = true;
    const index = this.endpoints.indexOf(endpoint);
    if (this.endpoints[this.preferred].downUntil > Date.now() || this.endpoints[this.preferred].noLeaderUntil > Date.now()) this.preferred = index;
  }

  failed(endpoint: EtcdEndpoint, failure: { message: string; endpointTrouble?: boolean; noLeader?: boolean }): void {
    endpoint.lastError = failure.message;
    if (/no leader/.test(failure.message)) {
      endpoint.noLeaderUntil = Date.now() + NO_LEADER_HOLD_MS;
    } else {
      endpoint.failures += 1;
      endpoint.downUntil = Date.now() + Math.min(MIN_BACKOFF_MS * 2 ** Math.min(endpoint.failures, 4), MAX_BACKOFF_MS);
    }
    if (this.endpoints[this.preferred] === endpoint) this.preferred = (this.preferred + 1) % this.endpoints.length;
  }

  private preferLeader(): void {
    const leader = this.endpoints.findIndex((e) => e.memberId !== undefined && e.memberId === e.leaderId && e.downUntil <= Date.now());
    if (leader >= 0) this.preferred = leader;
  }

  private unavailable(what: string, deadlineMs: number, lastProblem: string): StoreUnavailableError {
    return new StoreUnavailableError(`etcd could not serve ${what} within ${deadlineMs} ms (${lastProblem})`);
  }
}

function keysIn(answer: unknown): number {
  const { kvs, responses } = answer as { kvs?: unknown[]; responses?: Array<{ response_range?: { kvs: unknown[] } }> };
  if (kvs) return kvs.length;
  return responses ? responses.reduce((sum, r) => sum + (r.response_range?.kvs.length ?? 0), 0) : 0;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
