import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadConfig } from '@app/config';
import { SqliteEventStore } from '@app/event-store';
import { createApp } from '../src/bootstrap';
import { openApiDocument } from '../src/http/openApi';

/** Where the web pages read the API's types from: generated, never edited by hand. */
export const WEB_API_TYPES = join(__dirname, '..', '..', 'web', 'src', 'api', 'openapi.d.ts');

const HEADER = '// Generated from the API\'s OpenAPI description by `npm run api:types` (openapi-typescript). Do not edit.\n// npm test fails when it differs from what the API describes.\n\n';

/** The API's OpenAPI description, from an app on a throwaway store. */
export async function describeApi(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'api-types-'));
  const app = await createApp({ ...loadConfig({}), dataDir, logLevel: 'error', adminToken: 'api-types-0123456789', seedDemo: false, expiryWorker: false, rateLimits: false, corsOrigins: [] }, SqliteEventStore.inMemory());
  try {
    await app.init();
    return openApiDocument(app) as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The TypeScript the web pages use: `paths` and `components` of the description. */
export async function webApiTypes(document: Record<string, unknown>): Promise<string> {
  return HEADER + astToString(await openapiTS(document as never, { alphabetize: true }));
}

// `--check`: exit 1 when the checked-in file is not what the API describes (npm test runs it).
if (require.main === module) {
  void (async () => {
    const types = await webApiTypes(await describeApi());
    if (!process.argv.includes('--check')) {
      writeFileSync(WEB_API_TYPES, types);
      console.log(`wrote ${WEB_API_TYPES}`);
    } else if (readFileSync(WEB_API_TYPES, 'utf8') !== types) {
      console.log(`${WEB_API_TYPES} differs from the API's description: run npm run api:types`);
      process.exit(1);
    } else {
      console.log(`${WEB_API_TYPES} is what the API describes`);
    }
  })();
}
