import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { createTestApp, type TestApp } from '../testApp';
import { createGeneralShow } from '../inventoryFixtures';
import { ERROR_CODES } from '@app/contracts';
import { asJsonSchema } from '../support/responseContract';

type Json = Record<string, any>;

/** A body's verdict under the description's request schema of one operation. */
function requestSchemaCheck(document: Json, path: string, method: string): (body: unknown) => boolean {
  const ajv = new Ajv({ strict: false });
  addFormats(ajv);
  ajv.addSchema(asJsonSchema({ components: document.components }) as object, 'openapi.json');
  const schema = document.paths[path][method].requestBody.content['application/json'].schema;
  return ajv.compile(asJsonSchema(JSON.parse(JSON.stringify(schema).replaceAll('"#/components', '"openapi.json#/components'))) as object);
}

const ABSENT = Symbol('absent');

/** Bodies around every rule of one object: each field's good and bad values, the others at a base value. */
function bodiesAround(base: Record<string, unknown>, values: Record<string, unknown[]>): unknown[] {
  const bodies: unknown[] = [null, [], {}, 'text', 7, { ...base, unknownField: 1 }];
  for (const [field, options] of Object.entries(values)) {
    for (const value of options) {
      const body: Record<string, unknown> = { ...base };
      if (value === ABSENT) delete body[field];
      else body[field] = value;
      bodies.push(body);
    }
  }
  return bodies;
}

describe('the OpenAPI description (/docs/openapi.json)', () => {
  let t: TestApp;
  let document: Json;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp({ expiryWorker: false });
    document = (await t.http.get('/docs/openapi.json').expect(200)).body as Json;
    dir = mkdtempSync(join(tmpdir(), 'openapi-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("passes Redocly's recommended rules with no error", () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const report = JSON.parse(execFileSync(process.execPath, [join(__dirname, 'lintOpenApi.mjs'), file], { encoding: 'utf8' })) as { errors: number; warnings: number; problems: Json[] };
    console.log(`redocly lint (recommended): ${report.errors} errors, ${report.warnings} warnings${report.problems.map((p) => `\n  ${p.severity} ${p.rule} ${p.where}`).join('')}`);
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('gives every operation a summary, its security, its success answer and JSON errors', () => {
    for (const [path, item] of Object.entries<Json>(document.paths)) {
      for (const [method, operation] of Object.entries<Json>(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect([where, typeof operation.summary]).toEqual([where, 'string']);
        expect([where, Array.isArray(operation.security)]).toEqual([where, true]);
        const statuses = Object.keys(operation.responses);
        expect([where, statuses.some((s) => s.startsWith('2'))]).toEqual([where, true]);
        for (const status of statuses.filter((s) => Number(s) >= 400)) {
          expect([where, status, Object.keys(operation.responses[status].content ?? {})]).toEqual([where, status, ['application/json']]);
        }
      }
    }
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['admin', 'customer']);
  });

  it('describes request bodies exactly as the API validates them', async () => {
    const showId = await createGeneralShow(t, 100_000, 4, { maxTicketsPerCustomer: 100 });
    const auth = (await t.customer()).auth;
    const cases: Array<{ path: string; template: string; bodies: unknown[] }> = [
      {
        path: `/v1/shows/${showId}/holds`,
        template: '/v1/shows/{showId}/holds',
        bodies: [
          ...bodiesAround({ quantity: 2 }, {
            quantity: [ABSENT, 1, 100, 0, 101, -1, 1.5, '2', null, true, [2]],
            tier: ['regular', 'VIP_1', 'x'.repeat(40), 'x'.repeat(41), '', 'a b', 5, null, ['vip']],
            section: ['S-12', 'x'.repeat(41), '', 'ñ', 7, null],
            seatIds: [['A-1-1']],
          }),
          ...bodiesAround({ seatIds: ['A-1-1'] }, {
            seatIds: [[], Array(101).fill('s'), ['x'.repeat(65)], [1], ['A-1-1', null], 'A-1-1', null, { 0: 'A-1-1' }],
            tier: ['regular'],
          }),
        ],
      },
      {
        path: `/v1/shows/${showId}/waitlist`,
        template: '/v1/shows/{showId}/waitlist',
        bodies: bodiesAround({ quantity: 2 }, {
          quantity: [ABSENT, 0, 1.5, '2', null, 101],
          tier: ['x'.repeat(41), '', 5, null],
          section: ['a b', null],
        }),
      },
      {
        path: '/v1/holds/00000000-0000-4000-8000-000000000000/purchase',
        template: '/v1/holds/{holdId}/purchase',
        bodies: [
          { payment: { token: 'tok_visa' } },
          { payment: { token: 'x'.repeat(101) } },
          { payment: { token: 5 } },
          { payment: {} },
          { payment: null },
          { payment: { token: 'tok_visa', extra: 1 } },
          { payment: { token: 'tok_visa' }, extra: 1 },
          { payment: { token: 'tok_visa' }, email: 'ann@example.com' },
          { payment: { token: 'tok_visa' }, email: 'a.b+c@sub.example.co.uk' },
          { payment: { token: 'tok_visa' }, email: 'ann@example' },
          { payment: { token: 'tok_visa' }, email: 'a..b@example.com' },
          { payment: { token: 'tok_visa' }, email: `${'a'.repeat(65)}@example.com` },
          { payment: { token: 'tok_visa' }, email: '' },
          { payment: { token: 'tok_visa' }, email: 5 },
          { payment: { token: 'tok_visa' }, email: null },
          {},
          null,
        ],
      },
    ];
    const disagreements: string[] = [];
    let sent = 0;
    for (const { path, template, bodies } of cases) {
      const valid = requestSchemaCheck(document, template, 'post');
      for (const body of bodies) {
        const answer = await t.http.post(path).set('Authorization', auth).set('Content-Type', 'application/json').send(JSON.stringify(body));
        sent++;
        if (answer.status === 201 && answer.body.holdId) await t.http.delete(`/v1/holds/${answer.body.holdId as string}`).set('Authorization', auth);
        if (answer.status === 201 && answer.body.entryId) await t.http.delete(`/v1/waitlist/${answer.body.entryId as string}`).set('Authorization', auth);
        // Refused for its shape (the pipe's rules, the controller's either-or rule, JSON parsing),
        // not for what the show sells: an unknown tier or section is a 400 too, but no schema can know it.
        const forTheShow = /does not sell|sells no tier|has no sections|tickets in this show/.test(String(answer.body.message));
        const refused = answer.status === 400 && !forTheShow;
        if (refused === valid(body)) disagreements.push(`${template} ${JSON.stringify(body).slice(0, 80)}: the API answered ${answer.status} ${String(answer.body.error ?? '')}, the description says ${valid(body) ? 'valid' : 'invalid'}`);
      }
    }
    console.log(`${sent} request bodies sent; ${disagreements.length} disagreements with the description`);
    expect(disagreements).toEqual([]);
  });
});

describe('the client generated from the description', () => {
  it('is what apps/web/src/api/openapi.d.ts holds (npm run api:types writes it), so the web pages type-check against the API as it is', () => {
    // A child process: openapi-typescript is an ES module underneath, which Jest on Node 20 cannot load.
    const script = join(__dirname, '..', '..', 'scripts', 'webApiTypes.ts');
    const out = execFileSync(process.execPath, ['-r', '@swc-node/register', script, '--check'], { cwd: join(__dirname, '..', '..', '..', '..'), encoding: 'utf8' });
    expect(out).toContain('is what the API describes');
    expect(readFileSync(join(__dirname, '..', '..', '..', 'web', 'src', 'api', 'openapi.d.ts'), 'utf8')).toContain('"/v1/shows/{showId}/holds"');
  });
});

describe("the README's API and error tables", () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');
  /** The rows of the first table after a heading. */
  const rowsAfter = (heading: string): string[][] => {
    const lines = readme.slice(readme.indexOf(`\n${heading}\n`)).split('\n');
    const start = lines.findIndex((line) => line.startsWith('|'));
    const table: string[][] = [];
    for (const line of lines.slice(start + 2)) {
      if (!line.startsWith('|')) break;
      table.push(line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim()));
    }
    return table;
  };

  it('lists every operation the description has, and no other, with who may call it', async () => {
    const t = await createTestApp({ expiryWorker: false });
    const document = (await t.http.get('/docs/openapi.json').expect(200)).body as Json;
    await t.close();
    const described = new Map<string, string>();
    for (const [path, item] of Object.entries<Json>(document.paths)) {
      for (const [method, operation] of Object.entries<Json>(item)) {
        described.set(`${method.toUpperCase()} ${path}`, (operation.security as Json[]).length === 0 ? 'anyone' : Object.keys(operation.security[0] as Json)[0]);
      }
    }
    const listed = new Map<string, string>();
    for (const [call, who] of rowsAfter('## HTTP API')) {
      let method = '';
      let previous = '';
      for (const [, token] of call.matchAll(/`([^`]+)`/g)) {
        const [first, second] = token.split(' ');
        if (second) [method, previous] = [first, second];
        else previous = previous.slice(0, previous.lastIndexOf('/')) + first;
        const path = previous.split('?')[0].replace(/:(\w+)/g, '{$1}');
        listed.set(`${method} ${path}`, who === 'its customer' ? 'customer' : who);
      }
    }
    expect([...listed.entries()].sort()).toEqual([...described.entries()].sort());
  });

  it('lists every error code the API answers with, with its statuses', () => {
    const listed = rowsAfter('### Errors').map(([statuses, code]) => [code.replaceAll('`', ''), statuses]);
    const known = Object.entries(ERROR_CODES).map(([code, { statuses }]) => [code, statuses.join(', ')]);
    expect(listed.sort()).toEqual(known.sort());
  });
});
