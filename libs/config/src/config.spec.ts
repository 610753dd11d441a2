import { ConfigError, loadConfig } from './config';

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

  it.each([
    [{ PORT: 'abc' }, /PORT must be an integer/],
    [{ PORT: '70000' }, /PORT must be an integer/],
    [{ EVENT_STORE: 'postgres' }, /EVENT_STORE must be one of embedded, eventstoredb/],
    [{ EVENT_STORE: 'eventstoredb' }, /needs EVENTSTORE_CONNECTION_STRING/],
    [{ SQLITE_SYNCHRONOUS: 'OFF' }, /SQLITE_SYNCHRONOUS must be one of FULL, EXTRA/],
    [{ WAITLIST_MAX_WAIT_SECONDS: '0' }, /WAITLIST_MAX_WAIT_SECONDS must be an integer/],
    [{ RATE_LIMITS: 'maybe' }, /RATE_LIMITS must be one of on, off/],
    [{ RATE_LIMIT_CUSTOMER_PER_MINUTE: '0' }, /RATE_LIMIT_CUSTOMER_PER_MINUTE must be an integer/],
    [{ RATE_LIMIT_IP_PER_MINUTE: '-5' }, /RATE_LIMIT_IP_PER_MINUTE must be an integer/],
    [{ CORS_ORIGINS: '*' }, /CORS_ORIGINS must be a comma-separated list of origins/],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
