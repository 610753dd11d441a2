import { parseConnectionString } from '@eventstore/db-client/dist/Client/parseConnectionString';
import { DISCOVERY_DEFAULTS, EventStoreDbConnection, withDiscoveryDefaults } from './eventStoreDbConnection';

const defaults = (s: string) => withDiscoveryDefaults(s, parseConnectionString(s));

describe('EventStoreDB connection settings', () => {
  describe('discovery that outlasts an election', () => {
    it('is added to a cluster string that does not set it', () => {
      const string = defaults('esdb://node1:2111,node2:2112,node3:2113?tls=false&nodePreference=leader');
      expect(parseConnectionString(string)).toMatchObject({ ...DISCOVERY_DEFAULTS, tls: false, nodePreference: 'leader' });
      expect(defaults('esdb+discover://cluster.example.com:2113')).toContain('?maxDiscoverAttempts=40&discoveryInterval=500');
    });

    it('leaves what the string sets, and a single node, which does not discover', () => {
      const string = defaults('esdb://a:1,b:2/?maxDiscoverAttempts=5');
      expect(parseConnectionString(string)).toMatchObject({ maxDiscoverAttempts: 5, discoveryInterval: DISCOVERY_DEFAULTS.discoveryInterval });
      expect(defaults('esdb://localhost:2113?tls=false')).toBe('esdb://localhost:2113?tls=false');
    });
  });

  describe('appends are separate calls whenever the client can be told so', () => {
    const connections: EventStoreDbConnection[] = [];
    const open = (s: string) => {
      const connection = EventStoreDbConnection.open(s);
      connections.push(connection);
      return connection;
    };
    afterAll(() => Promise.all(connections.map((c) => c.close())));

    it('in insecure mode, where the credentials are never sent', () => {
      expect(open('esdb://a:1,b:2?tls=false').perAppendCalls).toBe(true);
    });

    it('with the username and password of the string, sent as they would be anyway', () => {
      const connection = open('esdb://admin:changeit@a:1,b:2?tls=true');
      expect(connection.perAppendCalls).toBe(true);
      expect(connection.appendCredentials).toEqual({ username: 'admin', password: 'changeit' });
    });

    it('not over TLS without a username: any credentials would be sent and checked', () => {
      expect(open('esdb://a:1,b:2').perAppendCalls).toBe(false);
    });
  });

  it('refuses throwOnAppendFailure=false, which would turn conflicts into successes', () => {
    expect(() => EventStoreDbConnection.open('esdb://a:1?tls=false&throwOnAppendFailure=false')).toThrow(/throwOnAppendFailure/);
  });
});
