/** @jest-config-loader esbuild-register */
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

const config: Config = {
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': swc as never },
  moduleNameMapper: {
    '^@app/event-store(|/.*)$': '<rootDir>/libs/event-store/src$1',
    '^@app/domain(|/.*)$': '<rootDir>/libs/domain/src$1',
    '^@app/config(|/.*)$': '<rootDir>/libs/config/src$1',
  },
  testEnvironment: 'node',
  testTimeout: 60_000,
};

export default config;
