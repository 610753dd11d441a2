import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from './configError';
import { parseTopology, type Topology } from './topology';

export type EventStoreKind = 'embedded' | 'eventstoredb' | 'etcd';

/** Every setting the product reads from its environment. Read once, here, and nowhere else. */
export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  eventStore: EventStoreKind;
  /** Required when eventStore is 'eventstoredb'. */
  eventStoreConnectionString: string | undefined;
  /** The members of the etcd cluster (`http://host:port`); required when eventStore is 'etcd'. */
  etcdEndpoints: string[];
  /** Every key of the log in etcd starts with it, so one cluster can hold several logs. */
  etcdPrefix: string;
  /** SQLite synchronous mode of the embedded store; FULL makes every acknowledged write durable. */
  sqliteSynchronous: 'FULL' | 'EXTRA';
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** Bearer token for admin and audit calls; generated and kept in DATA_DIR when unset. */
  adminToken: string | undefined;
  /**
   * Signs the check-in payload in every ticket's QR code (a key per show is derived from it).
   * Every API process of every region must share it; when unset, one is generated and kept in
   * DATA_DIR, which suits a single process only.
   */
  ticketSigningSecret: string | undefined;
  /** Create the demo catalog on first start of an empty store. */
  seedDemo: boolean;
  /** Run the hold-expiry worker in this process (and the waiting line's offers and timeouts, which must run in one process only). */
  expiryWorker: boolean;
  /** How long a waiting-line entry waits for seats before it ends as expired. */
  waitlistMaxWaitSeconds: number;
  /** Rate limits on the hold and waiting-line endpoints; off only for load tests and benchmarks. */
  rateLimits: boolean;
  /** Hold and waiting-line calls one customer may make per minute. */
  rateLimitCustomerPerMinute: number;
  /** Hold and waiting-line calls one IP address may make per minute (many people can share one address). */
  rateLimitIpPerMinute: number;
  /** New customer identities one IP address may create per minute (POST /v1/customers); off with RATE_LIMITS=off. */
  rateLimitIdentitiesPerMinute: number;
  /** Proof-of-work leading zero bits for a new customer identity while a hot on-sale is open (POW_DIFFICULTY); 0: none asked. */
  powDifficulty: number;
  /** How long a proof-of-work challenge may be answered (POW_CHALLENGE_SECONDS). */
  powChallengeSeconds: number;
  /** A hot show's admissions per minute unless its admin says otherwise (HOT_ADMISSIONS_PER_MINUTE). */
  hotAdmissionsPerMinute: number;
  /** How long a queue pass is good for from its admission, unless the admin says otherwise (QUEUE_PASS_SECONDS). */
  queuePassSeconds: number;
  /** Customers one IP address may have in one hot show's waiting room (QUEUE_PLACES_PER_ADDRESS); off with RATE_LIMITS=off. */
  queuePlacesPerAddress: number;
  /** Live update streams one IP address may hold open at once (LIVE_STREAMS_PER_ADDRESS). */
  liveStreamsPerAddress: number;
  /** Live update streams one customer may hold open at once (LIVE_STREAMS_PER_CUSTOMER). */
  liveStreamsPerCustomer: number;
  /** Origins allowed to call the API from a browser on another origin; empty: none (same origin only). */
  corsOrigins: string[];
  /** The built web pages (`vite build`), served at `/`; when missing, `/` says how to build them. */
  webDir: string;
  /** Where the log lives when it spans datacenters (TOPOLOGY_FILE); undefined: one store, as EVENT_STORE says. */
  topology: Topology | undefined;
  /** This process's region in the topology (REGION); required with a topology. */
  region: string | undefined;
  /**
   * How long a shard selling its final tickets waits to gather requests before serving them in
   * arrival order (FAIRNESS_WINDOW_MS); default: the longest one-way latency of the topology, 0
   * (off) without one, where every customer reaches the same API.
   */
  fairnessWindowMs: number;
  /**
   * The most tickets one shard can take per second (REMAINING_SHARD_RATE): how far the global
   * remaining count's lower bound drops for each second a shard group's figures are old.
   */
  remainingShardRate: number;
  /** With a topology: move unsold capacity toward this region's own shard groups ahead of demand (REBALANCER). */
  rebalancer: boolean;
  /**
   * Partner analytics publish no cell with fewer distinct buyers than this (ANALYTICS_MIN_BUYERS, k);
   * see docs/decisions.md for the secondary suppression that comes with it.
   */
  analyticsMinBuyers: number;
  /**
   * Where email goes (SMTP_URL, `smtp://user:pass@host:port` or `smtps://…`); undefined: no
   * email is sent, messages to ticket holders are still stored and shown. The outbox that
   * sends it runs in the process with the expiry worker (EXPIRY_WORKER=on).
   */
  smtpUrl: string | undefined;
  /** The sender of every email (MAIL_FROM), `Name <address>` or an address; its domain also ends every Message-ID. */
  mailFrom: string;
  /** The longest wait between two tries while the SMTP server is down (MAIL_RETRY_MAX_SECONDS); waits double from half a second up to it. */
  mailRetryMaxSeconds: number;
  /**
   * Where people reach the website (PUBLIC_BASE_URL, default http://localhost:3000): links in
   * email (a receipt's signed link to its tickets) start with it. No trailing slash.
   */
  publicBaseUrl: string;
}

export { ConfigError };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const eventStore = oneOf(env, 'EVENT_STORE', ['embedded', 'eventstoredb', 'etcd'] as const, 'embedded');
  const connectionString = env.EVENTSTORE_CONNECTION_STRING?.trim() || undefined;
  if (eventStore === 'eventstoredb' && !connectionString) {
    throw new ConfigError('EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING (e.g. esdb://a:2113,b:2113,c:2113?tls=false&nodePreference=leader)');
  }
  const endpoints = etcdEndpoints(env);
  if (eventStore === 'etcd' && endpoints.length === 0 && !env.TOPOLOGY_FILE?.trim()) {
    throw new ConfigError('EVENT_STORE=etcd needs ETCD_ENDPOINTS, the cluster\'s members as a comma-separated list (e.g. http://10.0.1.5:2379,http://10.0.2.5:2379,http://10.0.3.5:2379)');
  }
  const placement = topologyOf(env, eventStore);
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR?.trim() || './data'),
    eventStore,
    eventStoreConnectionString: connectionString,
    etcdEndpoints: endpoints,
    etcdPrefix: etcdPrefix(env),
    sqliteSynchronous: oneOf(env, 'SQLITE_SYNCHRONOUS', ['FULL', 'EXTRA'] as const, 'FULL'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['error', 'warn', 'log', 'debug'] as const, 'log'),
    adminToken: adminToken(env),
    ticketSigningSecret: ticketSigningSecret(env),
    seedDemo: oneOf(env, 'SEED_DEMO', ['true', 'false'] as const, 'true') === 'true',
    expiryWorker: oneOf(env, 'EXPIRY_WORKER', ['on', 'off'] as const, 'on') === 'on',
    waitlistMaxWaitSeconds: integer(env, 'WAITLIST_MAX_WAIT_SECONDS', 3600, 1, 7 * 24 * 3600),
    rateLimits: oneOf(env, 'RATE_LIMITS', ['on', 'off'] as const, 'on') === 'on',
    rateLimitCustomerPerMinute: integer(env, 'RATE_LIMIT_CUSTOMER_PER_MINUTE', 30, 1, 1_000_000),
    rateLimitIpPerMinute: integer(env, 'RATE_LIMIT_IP_PER_MINUTE', 300, 1, 10_000_000),
    rateLimitIdentitiesPerMinute: integer(env, 'RATE_LIMIT_IDENTITIES_PER_MINUTE', 20, 1, 10_000_000),
    powDifficulty: integer(env, 'POW_DIFFICULTY', 18, 0, 32),
    powChallengeSeconds: integer(env, 'POW_CHALLENGE_SECONDS', 120, 10, 3600),
    hotAdmissionsPerMinute: integer(env, 'HOT_ADMISSIONS_PER_MINUTE', 6_000, 1, 1_000_000),
    queuePassSeconds: integer(env, 'QUEUE_PASS_SECONDS', 900, 60, 86_400),
    queuePlacesPerAddress: integer(env, 'QUEUE_PLACES_PER_ADDRESS', 4, 1, 1_000_000),
    liveStreamsPerAddress: integer(env, 'LIVE_STREAMS_PER_ADDRESS', 50, 1, 100_000),
    liveStreamsPerCustomer: integer(env, 'LIVE_STREAMS_PER_CUSTOMER', 4, 1, 10_000),
    corsOrigins: corsOrigins(env),
    webDir: resolve(env.WEB_DIR?.trim() || './dist/web'),
    ...placement,
    remainingShardRate: integer(env, 'REMAINING_SHARD_RATE', 1_000, 1, 1_000_000),
    fairnessWindowMs: integer(env, 'FAIRNESS_WINDOW_MS', placement.topology ? longestLatency(placement.topology) : 0, 0, 5_000),
    rebalancer: oneOf(env, 'REBALANCER', ['on', 'off'] as const, 'on') === 'on',
    // 1 would publish single buyers' purchases: the least it can be is 2.
    analyticsMinBuyers: integer(env, 'ANALYTICS_MIN_BUYERS', 10, 2, 1_000_000),
    smtpUrl: smtpUrl(env),
    mailFrom: mailFrom(env),
    mailRetryMaxSeconds: integer(env, 'MAIL_RETRY_MAX_SECONDS', 60, 1, 3600),
    publicBaseUrl: publicBaseUrl(env),
  };
}

function longestLatency(topology: Topology): number {
  return Math.max(0, ...Object.values(topology.latencyMs).flatMap((row) => Object.values(row)));
}

function topologyOf(env: NodeJS.ProcessEnv, eventStore: EventStoreKind): { topology: Topology | undefined; region: string | undefined } {
  const file = env.TOPOLOGY_FILE?.trim();
  const region = env.REGION?.trim() || undefined;
  if (!file) {
    if (region) throw new ConfigError('REGION names a region of a topology: set TOPOLOGY_FILE too');
    return { topology: undefined, region: undefined };
  }
  if (eventStore !== 'etcd') throw new ConfigError('TOPOLOGY_FILE spreads the log over etcd clusters: set EVENT_STORE=etcd (the endpoints come from the topology)');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`TOPOLOGY_FILE ${file} cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const topology = parseTopology(raw, file);
  // An API process needs its region (see requireRegion); the CLI reads every cluster and needs none.
  if (region && !topology.regions.some((r) => r.id === region)) throw new ConfigError(`REGION ${region} is not a region of ${file}: one of ${topology.regions.map((r) => r.id).join(', ')}`);
  return { topology, region };
}

function etcdEndpoints(env: NodeJS.ProcessEnv): string[] {
  const raw = env.ETCD_ENDPOINTS?.trim();
  if (!raw) return [];
  const endpoints = raw.split(',').map((e) => e.trim()).filter(Boolean);
  for (const endpoint of endpoints) {
    const match = /^http:\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(\d{1,5})$/.exec(endpoint);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 65535) {
      const hint = endpoint.startsWith('https://') ? ' (TLS to etcd is not supported yet: reach the members over a private network)' : '';
      throw new ConfigError(`ETCD_ENDPOINTS must be a comma-separated list of http://host:port, got "${endpoint}"${hint}`);
    }
  }
  if (new Set(endpoints).size !== endpoints.length) throw new ConfigError(`ETCD_ENDPOINTS lists a member twice: "${raw}"`);
  return endpoints;
}

function etcdPrefix(env: NodeJS.ProcessEnv): string {
  const raw = env.ETCD_PREFIX?.trim();
  if (!raw) return 'ticketing/';
  if (!/^[A-Za-z0-9._-]{1,64}\/$/.test(raw)) throw new ConfigError(`ETCD_PREFIX must be 1 to 64 letters, digits or ._- followed by a slash, got "${raw}"`);
  return raw;
}

function corsOrigins(env: NodeJS.ProcessEnv): string[] {
  const raw = env.CORS_ORIGINS?.trim();
  if (!raw) return [];
  const origins = raw.split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    // A wildcard would let any site spend a customer's token; origins are listed one by one.
    if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(origin)) {
      throw new ConfigError(`CORS_ORIGINS must be a comma-separated list of origins like https://tickets.example.com, got "${origin}"`);
    }
  }
  return origins;
}

function smtpUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.SMTP_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`SMTP_URL must be a URL like smtp://user:password@mail.example.com:587, got "${raw.replace(/\/\/[^@/]*@/, '//…@')}"`);
  }
  if (!['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) {
    throw new ConfigError(`SMTP_URL must start with smtp:// or smtps:// and name a host, got "${url.protocol}//${url.hostname}"`);
  }
  return raw;
}

function mailFrom(env: NodeJS.ProcessEnv): string {
  const raw = env.MAIL_FROM?.trim();
  if (!raw) return 'Tickets <tickets@localhost>';
  const address = /^(?:[^<>\r\n"]{1,100} )?<([^<>\s@]+@[^<>\s@]+)>$|^([^<>\s@]+@[^<>\s@]+)$/.exec(raw);
  if (!address) throw new ConfigError(`MAIL_FROM must be an address (tickets@example.com) or a name and an address (Tickets <tickets@example.com>), got "${raw}"`);
  return raw;
}

function publicBaseUrl(env: NodeJS.ProcessEnv): string {
  const raw = env.PUBLIC_BASE_URL?.trim();
  if (!raw) return 'http://localhost:3000';
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  // Only an origin and perhaps a path: a query or fragment would break every link made from it.
  if (!url || !['http:', 'https:'].includes(url.protocol) || !url.hostname || url.search || url.hash || url.username || url.password) {
    throw new ConfigError(`PUBLIC_BASE_URL must be the website's address like https://tickets.example.com, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

function adminToken(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.ADMIN_TOKEN?.trim();
  if (!raw) return undefined;
  if (!/^[A-Za-z0-9._~+/=-]{16,200}$/.test(raw)) {
    throw new ConfigError('ADMIN_TOKEN must be 16 to 200 characters of letters, digits and ._~+/=-');
  }
  return raw;
}

function ticketSigningSecret(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.TICKET_SIGNING_SECRET?.trim();
  if (!raw) return undefined;
  if (raw.length < 32 || raw.length > 200) throw new ConfigError('TICKET_SIGNING_SECRET must be 32 to 200 characters (e.g. `openssl rand -hex 32`)');
  return raw;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

/** An API process on a topology must know its region. */
export function requireRegion(config: AppConfig): string {
  if (!config.topology) throw new ConfigError('no topology: REGION means nothing without TOPOLOGY_FILE');
  if (!config.region) throw new ConfigError(`REGION is required with TOPOLOGY_FILE: one of ${config.topology.regions.map((r) => r.id).join(', ')}`);
  return config.region;
}
