import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { credentials as grpcCredentials, type ChannelCredentials } from '@grpc/grpc-js';
import { EventStoreDBClient, type Credentials, type EndPoint } from '@eventstore/db-client';
// The client's own parser, so we read a connection string exactly as the client does.
import { parseConnectionString, type ConnectionOptions } from '@eventstore/db-client/dist/Client/parseConnectionString';
import { StoreUnavailableError } from '../errors';
import { poisonsClient } from './eventStoreDbErrors';

/**
 * The client's discovery gives up after 10 gossip rounds 100 ms apart (discovery.js,
 * `discoverEndpoint`): about a second. A 24.10 cluster takes several to notice a lost
 * leader and elect another (replication heartbeat 0.7 s, gossip every 2 s with a 2.5 s
 * timeout, election rounds of 1 s), and meanwhile no member is in a state the client
 * may use. Forty rounds 500 ms apart keep a call waiting through that instead of failing
 * it. A connection string that sets either knob keeps its own value.
 */
export const DISCOVERY_DEFAULTS = { maxDiscoverAttempts: 40, discoveryInterval: 500 } as const;

/**
 * Sent with every append in insecure mode. The client then takes its per-append path,
 * and in insecure mode it sends no Authorization header for them (Client/index.js,
 * `createCredentialsMetadataGenerator`).
 */
const NO_CREDENTIALS: Credentials = Object.freeze({ username: '', password: '' });

export interface ConnectionSettings {
  /** Makes a client; called again when the write client is replaced. */
  newClient: () => EventStoreDBClient;
  /**
   * Given with every append, so client 6.2.1 uses one Append call per append instead
   * of its batch stream (streams/appendToStream/index.js: it batches only without
   * per-call credentials). Undefined leaves the client to batch: see `perAppendCalls`.
   */
  appendCredentials: Credentials | undefined;
  /** Whom describe() asks for the cluster's gossip. */
  seeds: EndPoint[];
  channelCredentials: ChannelCredentials;
}

interface WriteClient {
  client: EventStoreDBClient;
  active: number;
  retired: boolean;
}

/**
 * The clients of one store. Reads, subscriptions and gossip share one long-lived client:
 * the client rediscovers the cluster by itself after a read fails. Appends and the write
 * side's stream reads use a client of their own, replaced after a failure that can leave
 * it unable to append again (see `poisonsClient`), so a failover costs failed writes
 * during the election, not every write until a restart.
 */
export class EventStoreDbConnection {
  readonly reads: EventStoreDBClient;
  readonly appendCredentials: Credentials | undefined;
  readonly seeds: readonly EndPoint[];
  readonly channelCredentials: ChannelCredentials;
  private replaced = 0;
  private writer: WriteClient;
  private readonly idleRetired = new Set<EventStoreDBClient>();
  private closed = false;

  constructor(private readonly settings: ConnectionSettings) {
    this.appendCredentials = settings.appendCredentials;
    this.seeds = settings.seeds;
    this.channelCredentials = settings.channelCredentials;
    this.reads = settings.newClient();
    this.writer = { client: settings.newClient(), active: 0, retired: false };
  }

  /** Throws for a malformed string only: the client connects lazily. */
  static open(connectionString: string): EventStoreDbConnection {
    const options = parseConnectionString(connectionString);
    if (options.throwOnAppendFailure === false) {
      throw new Error('throwOnAppendFailure=false is not supported: the adapter relies on WrongExpectedVersion errors');
    }
    const withDefaults = withDiscoveryDefaults(connectionString, options);
    return new EventStoreDbConnection({
      newClient: () => EventStoreDBClient.connectionString(withDefaults),
      appendCredentials: options.defaultCredentials ?? (options.tls === false ? NO_CREDENTIALS : undefined),
      seeds: options.hosts,
      channelCredentials: channelCredentialsOf(options),
    });
  }

  /**
   * Whether appends are separate calls. Client 6.2.1's batch stream keeps the pending
   * appends of every client in one process-wide table; an error on one stream rejects the
   * appends of all of them, and the late answer to one of those throws inside the
   * client (batchAppend.js, `promiseBank`; fixed in @kurrent/kurrentdb-client by PR #523).
   * Only a TLS connection string without username and password leaves us there.
   */
  get perAppendCalls(): boolean {
    return this.appendCredentials !== undefined;
  }

  /** How many times the write client was replaced. */
  get renewals(): number {
    return this.replaced;
  }

  /** Runs a call of the write side on the current write client, and replaces that client if the call left it unusable. */
  async write<T>(work: (client: EventStoreDBClient) => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreUnavailableError('The EventStoreDB connection is closed');
    const writer = this.writer;
    writer.active++;
    try {
      return await work(writer.client);
    } catch (error) {
      if (poisonsClient(error)) this.retire(writer);
      throw error;
    } finally {
      writer.active--;
      if (writer.retired && writer.active === 0) this.disposeRetired(writer.client);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const clients = [this.reads, this.writer.client, ...this.idleRetired];
    this.idleRetired.clear();
    await Promise.allSettled(clients.map((client) => client.dispose()));
  }

  /** Only the first failure of a client replaces it; concurrent failures of the same client find it already retired. */
  private retire(writer: WriteClient): void {
    if (writer.retired || writer !== this.writer || this.closed) return;
    writer.retired = true;
    this.writer = { client: this.settings.newClient(), active: 0, retired: false };
    this.replaced++;
  }

  /**
   * Disposing cancels the client's open streams. With per-append calls those are only
   * its own stream reads, already finished. A batch stream's cancellation would reject
   * the appends of every other client through the shared table, so a batching client
   * is left alone until close().
   */
  private disposeRetired(client: EventStoreDBClient): void {
    if (this.perAppendCalls) void client.dispose().catch(() => undefined);
    else this.idleRetired.add(client);
  }
}

export function withDiscoveryDefaults(connectionString: string, options: ConnectionOptions): string {
  const usesGossip = options.dnsDiscover || options.hosts.length > 1;
  if (!usesGossip) return connectionString;
  const missing = Object.entries(DISCOVERY_DEFAULTS).filter(([key]) => options[key as keyof typeof DISCOVERY_DEFAULTS] === undefined);
  if (missing.length === 0) return connectionString;
  const base = connectionString.trim().replace(/\/+$/, '');
  const query = missing.map(([key, value]) => `${key}=${value}`).join('&');
  return `${base}${base.includes('?') ? '&' : '?'}${query}`;
}

/** As the client builds them for its own gossip (Client/index.js, `connectionString`), minus the user certificate gossip does not need. */
function channelCredentialsOf(options: ConnectionOptions): ChannelCredentials {
  if (options.tls === false) return grpcCredentials.createInsecure();
  if (!options.tlsCAFile) return grpcCredentials.createSsl();
  const file = isAbsolute(options.tlsCAFile) ? options.tlsCAFile : resolve(process.cwd(), options.tlsCAFile);
  return grpcCredentials.createSsl(existsSync(file) ? readFileSync(file) : undefined);
}
