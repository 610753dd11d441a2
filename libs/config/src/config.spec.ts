import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has safe defaults: embedded store, durable writes, port 3000, ./data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, eventStore: 'embedded', sqliteSynchronous: 'FULL', waitlistMaxWaitSeconds: 3600 });
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
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
