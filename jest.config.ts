/** @jest-config-loader esbuild-register */
import { existsSync } from 'node:fs';
import type { Config } from 'jest';

// One config for the whole monorepo: roots cover every app and lib, so a lib's
// spec can never be silently left out of `npm test`.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

// Jest prints nothing of a suite whose only test is skipped unless run with --verbose, so say it here.
if (!process.env.EVENTSTORE_CONNECTION_STRING) {
  console.log('EventStore contract against EventStoreDB: SKIPPED, EVENTSTORE_CONNECTION_STRING is not set (docker/README.md starts a cluster); it runs against the embedded store only');
}

// The cluster suites start real etcd members; without the binary they are skipped, and it is said here.
if (!['/usr/bin/etcd', '/usr/local/bin/etcd'].some((path) => existsSync(path))) {
  console.log('!!! etcd is not installed: every suite that starts an etcd cluster is SKIPPED (Debian: apt-get install etcd-server etcd-client; .ci/run installs it)');
}

const config: Config = {
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/lab'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  // NestJS 12 ships ES modules only; Jest's own module loader on Node 20 needs
  // CommonJS, so those packages go through the same swc transform as our code.
  transform: { '^.+\\.(ts|js|mjs)$': swc as never },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@fastify/cors|@fastify/static|content-disposition|fastify-plugin|uid)/)'],
  moduleNameMapper: {
    '^@app/event-store(|/.*)$': '<rootDir>/libs/event-store/src$1',
    '^@app/domain(|/.*)$': '<rootDir>/libs/domain/src$1',
    '^@app/config(|/.*)$': '<rootDir>/libs/config/src$1',
    '^@app/read-models(|/.*)$': '<rootDir>/libs/read-models/src$1',
    '^@app/contracts(|/.*)$': '<rootDir>/libs/contracts/src$1',
  },
  // An answer that breaks the OpenAPI description fails the suite that received it.
  setupFilesAfterEnv: ['<rootDir>/apps/api/test/support/contractAfterAll.ts'],
  testEnvironment: 'node',
  testTimeout: 60_000,
};

export default config;
