import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, requireRegion } from './config';

describe('loadConfig', () => {
  it('has safe defaults: embedded store, durable writes, port 3000, ./data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, eventStore: 'embedded', sqliteSynchronous: 'FULL', waitlistMaxWaitSeconds: 3600, rateLimits: true, corsOrigins: [] });
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.webDir.endsWith('/dist/web')).toBe(true);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      DATA_DIR: '/tmp/x',
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://a:2113?tls=false',
      SQLITE_SYNCHRONOUS: 'EXTRA',
      LOG_LEVEL: 'warn',
      WAITLIST_MAX_WAIT_SECONDS: '300',
      RATE_LIMITS: 'off',
      RATE_LIMIT_CUSTOMER_PER_MINUTE: '12',
      RATE_LIMIT_IP_PER_MINUTE: '120',
      CORS_ORIGINS: 'https://tickets.example.com, http://localhost:5173',
      WEB_DIR: '/srv/web',
    });
    expect(config).toMatchObject({
      port: 8080,
      dataDir: '/tmp/x',
      eventStore: 'eventstoredb',
      eventStoreConnectionString: 'esdb://a:2113?tls=false',
      sqliteSynchronous: 'EXTRA',
      logLevel: 'warn',
      waitlistMaxWaitSeconds: 300,
      rateLimits: false,
      rateLimitCustomerPerMinute: 12,
      rateLimitIpPerMinute: 120,
      corsOrigins: ['https://tickets.example.com', 'http://localhost:5173'],
      webDir: '/srv/web',
    });
  });

  it('reads the bot defences: identity rate, proof-of-work, hot on-sale defaults, live stream caps', () => {
    expect(loadConfig({})).toMatchObject({ rateLimitIdentitiesPerMinute: 20, powDifficulty: 18, powChallengeSeconds: 120, hotAdmissionsPerMinute: 6_000, queuePassSeconds: 900, queuePlacesPerAddress: 4, liveStreamsPerAddress: 50, liveStreamsPerCustomer: 4 });
    const config = loadConfig({
      RATE_LIMIT_IDENTITIES_PER_MINUTE: '5',
      POW_DIFFICULTY: '0',
      POW_CHALLENGE_SECONDS: '30',
      HOT_ADMISSIONS_PER_MINUTE: '1200',
      QUEUE_PASS_SECONDS: '300',
      QUEUE_PLACES_PER_ADDRESS: '10',
      LIVE_STREAMS_PER_ADDRESS: '10',
      LIVE_STREAMS_PER_CUSTOMER: '2',
    });
    expect(config).toMatchObject({ rateLimitIdentitiesPerMinute: 5, powDifficulty: 0, powChallengeSeconds: 30, hotAdmissionsPerMinute: 1200, queuePassSeconds: 300, queuePlacesPerAddress: 10, liveStreamsPerAddress: 10, liveStreamsPerCustomer: 2 });
  });

  it('suppresses analytics cells of fewer than 10 buyers unless ANALYTICS_MIN_BUYERS says otherwise, and never below 2', () => {
    expect(loadConfig({}).analyticsMinBuyers).toBe(10);
    expect(loadConfig({ ANALYTICS_MIN_BUYERS: '25' }).analyticsMinBuyers).toBe(25);
    expect(() => loadConfig({ ANALYTICS_MIN_BUYERS: '1' })).toThrow(/ANALYTICS_MIN_BUYERS must be an integer from 2/);
    expect(() => loadConfig({ ANALYTICS_MIN_BUYERS: 'ten' })).toThrow(ConfigError);
  });

  it("starts links in email with PUBLIC_BASE_URL, the website's address (default http://localhost:3000)", () => {
    expect(loadConfig({}).publicBaseUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PUBLIC_BASE_URL: ' https://tickets.example.com/ ' }).publicBaseUrl).toBe('https://tickets.example.com');
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://example.com/shop' }).publicBaseUrl).toBe('https://example.com/shop');
    for (const bad of ['tickets.example.com', 'ftp://example.com', 'https://example.com/?a=1', 'https://example.com/#x', 'https://user:pw@example.com']) {
      expect(() => loadConfig({ PUBLIC_BASE_URL: bad })).toThrow(/PUBLIC_BASE_URL must be the website's address/);
    }
  });

  it('reads an etcd cluster as its list of members', () => {
    const config = loadConfig({ EVENT_STORE: 'etcd', ETCD_ENDPOINTS: ' http://10.0.1.5:2379, http://etcd-b:2379,http://[::1]:23790 ', ETCD_PREFIX: 'festival/' });
    expect(config).toMatchObject({ eventStore: 'etcd', etcdEndpoints: ['http://10.0.1.5:2379', 'http://etcd-b:2379', 'http://[::1]:23790'], etcdPrefix: 'festival/' });
    expect(loadConfig({}).etcdPrefix).toBe('ticketing/');
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be an integer/],
    [{ PORT: '70000' }, /PORT must be an integer/],
    [{ EVENT_STORE: 'postgres' }, /EVENT_STORE must be one of embedded, eventstoredb, etcd/],
    [{ EVENT_STORE: 'eventstoredb' }, /needs EVENTSTORE_CONNECTION_STRING/],
    [{ EVENT_STORE: 'etcd' }, /EVENT_STORE=etcd needs ETCD_ENDPOINTS/],
    [{ EVENT_STORE: 'etcd', ETCD_ENDPOINTS: 'localhost:2379' }, /ETCD_ENDPOINTS must be a comma-separated list of http:\/\/host:port, got "localhost:2379"/],
    [{ EVENT_STORE: 'etcd', ETCD_ENDPOINTS: 'https://a:2379' }, /TLS to etcd is not supported/],
    [{ EVENT_STORE: 'etcd', ETCD_ENDPOINTS: 'http://a:2379,http://a:2379' }, /lists a member twice/],
    [{ ETCD_PREFIX: 'no slash' }, /ETCD_PREFIX must be/],
    [{ SQLITE_SYNCHRONOUS: 'OFF' }, /SQLITE_SYNCHRONOUS must be one of FULL, EXTRA/],
    [{ WAITLIST_MAX_WAIT_SECONDS: '0' }, /WAITLIST_MAX_WAIT_SECONDS must be an integer/],
    [{ RATE_LIMITS: 'maybe' }, /RATE_LIMITS must be one of on, off/],
    [{ RATE_LIMIT_CUSTOMER_PER_MINUTE: '0' }, /RATE_LIMIT_CUSTOMER_PER_MINUTE must be an integer/],
    [{ RATE_LIMIT_IP_PER_MINUTE: '-5' }, /RATE_LIMIT_IP_PER_MINUTE must be an integer/],
    [{ POW_DIFFICULTY: '33' }, /POW_DIFFICULTY must be an integer from 0 to 32/],
    [{ HOT_ADMISSIONS_PER_MINUTE: '0' }, /HOT_ADMISSIONS_PER_MINUTE must be an integer/],
    [{ QUEUE_PASS_SECONDS: '5' }, /QUEUE_PASS_SECONDS must be an integer from 60/],
    [{ LIVE_STREAMS_PER_ADDRESS: '0' }, /LIVE_STREAMS_PER_ADDRESS must be an integer/],
    [{ CORS_ORIGINS: '*' }, /CORS_ORIGINS must be a comma-separated list of origins/],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('a topology (TOPOLOGY_FILE, REGION)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'topology-config-'));
  const file = join(dir, 'topology.json');
  writeFileSync(
    file,
    JSON.stringify({
      regions: [{ id: 'eu-west' }],
      datacenters: [{ id: 'euw1', region: 'eu-west' }],
      clusters: [
        { id: 'meta', members: [{ name: 'm1', datacenter: 'euw1', endpoint: 'http://10.0.0.1:2379' }] },
        { id: 'g1', members: [{ name: 'g1a', datacenter: 'euw1', endpoint: 'http://10.0.0.2:2379' }] },
      ],
      metaCluster: 'meta',
      shardGroups: [{ cluster: 'g1', home: 'eu-west', weight: 1 }],
    }),
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the topology and the region; the endpoints come from it', () => {
    const config = loadConfig({ EVENT_STORE: 'etcd', TOPOLOGY_FILE: file, REGION: 'eu-west' });
    expect(config.region).toBe('eu-west');
    expect(config.topology?.clusters.map((c) => c.id)).toEqual(['meta', 'g1']);
  });

  it('leaves the region to the API: the CLI reads every cluster and has none', () => {
    const config = loadConfig({ EVENT_STORE: 'etcd', TOPOLOGY_FILE: file });
    expect(config.region).toBeUndefined();
    expect(() => requireRegion(config)).toThrow('REGION is required with TOPOLOGY_FILE: one of eu-west');
  });

  it.each([
    [{ REGION: 'eu-west' }, 'REGION names a region of a topology: set TOPOLOGY_FILE too'],
    [{ TOPOLOGY_FILE: file, REGION: 'eu-west' }, 'TOPOLOGY_FILE spreads the log over etcd clusters: set EVENT_STORE=etcd'],
    [{ EVENT_STORE: 'etcd', TOPOLOGY_FILE: file, REGION: 'mars' }, 'REGION mars is not a region of'],
    [{ EVENT_STORE: 'etcd', TOPOLOGY_FILE: join(dir, 'missing.json'), REGION: 'eu-west' }, 'cannot be read as JSON'],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('TICKET_SIGNING_SECRET', () => {
  it('is unset by default (the API then keeps one in DATA_DIR) and read when given', () => {
    expect(loadConfig({}).ticketSigningSecret).toBeUndefined();
    expect(loadConfig({ TICKET_SIGNING_SECRET: 'x'.repeat(32) }).ticketSigningSecret).toBe('x'.repeat(32));
  });

  it('refuses a secret too short to be one', () => {
    expect(() => loadConfig({ TICKET_SIGNING_SECRET: 'short' })).toThrow(/TICKET_SIGNING_SECRET must be 32 to 200 characters/);
  });
});
