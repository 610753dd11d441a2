import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { namedSchemas } from './openApiSchemas';

/**
 * The OpenAPI description, from the controllers' `@Endpoint` contracts and the schemas of
 * libs/contracts; served at /docs (and /docs/openapi.json). `npm test` lints it, checks every
 * answer the end-to-end suites receive against it, and type-checks the web pages against
 * the client generated from it.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Ticketing API')
    .setDescription(
      'Find shows, hold seats or tickets, pay, wait in line for sold-out shows, follow seats live, and audit sales. ' +
        'Every error is JSON `{ error, message, details? }` with a stable `error` code; 429 and 503 carry `Retry-After`.',
    )
    .setVersion('1')
    .setLicense('UNLICENSED', 'https://example.invalid/license')
    .addServer('/', 'This server')
    .addSecurity('customer', { type: 'http', scheme: 'bearer', description: 'The token from POST /v1/customers' })
    .addSecurity('admin', { type: 'http', scheme: 'bearer', description: 'The admin token (ADMIN_TOKEN)' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...namedSchemas() } };
  return document;
}

export function serveOpenApi(app: INestApplication): void {
  let document: OpenAPIObject | undefined;
  SwaggerModule.setup('docs', app, () => (document ??= openApiDocument(app)), { jsonDocumentUrl: 'docs/openapi.json' });
}
