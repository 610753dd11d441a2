import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ERROR_CODES, type ErrorCode } from '@app/contracts';

/** One answer as a client saw it. */
export interface SeenAnswer {
  method: string;
  /** The request's path, with or without its query. */
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as text ('' for none). */
  text: string;
}

type Json = Record<string, any>;

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  literalSegments: number;
  operation: Json;
}

/**
 * Checks answers against the OpenAPI description the way a validating proxy would: the
 * operation must declare the status; the content type must be one it declares; declared
 * required headers must be there; a JSON body must validate against the schema (Ajv, with
 * formats); and an error's `error` code must be one of the API's codes for that status.
 */
export class ResponseContract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly operations: Operation[] = [];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: Json) {
    addFormats(this.ajv);
    // OpenAPI's own words beside JSON Schema: known, not checked.
    for (const keyword of ['example', 'xml', 'externalDocs', 'discriminator']) if (!this.ajv.getKeyword(keyword)) this.ajv.addKeyword(keyword);
    this.ajv.addSchema(asJsonSchema({ components: document.components ?? {} }) as object, 'openapi.json');
    for (const [template, item] of Object.entries<Json>(document.paths ?? {})) {
      const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '([^/]+)');
      const literalSegments = template.split('/').filter((part) => part && !part.startsWith('{')).length;
      for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
        if (item[method]) this.operations.push({ method, template, pattern: new RegExp(`^${escaped}$`), literalSegments, operation: item[method] });
      }
    }
    // The most literal template wins: /v1/customers/me/orders before /v1/customers/{id}.
    this.operations.sort((a, b) => b.literalSegments - a.literalSegments);
  }

  /** The described operations, as `METHOD /path/{param}`. */
  get operationKeys(): string[] {
    return this.operations.map((o) => `${o.method.toUpperCase()} ${o.template}`);
  }

  /** What is wrong with one answer; [] when it keeps the contract. */
  check(seen: SeenAnswer): string[] {
    const shown = seen.url.length > 120 ? `${seen.url.slice(0, 117)}...` : seen.url;
    const where = `${seen.method.toUpperCase()} ${shown} -> ${seen.status}`;
    const path = seen.url.split('?')[0];
    const found = this.operations.find((o) => o.method === seen.method.toLowerCase() && o.pattern.test(path));
    if (!found) {
      // A path the API does not serve: only the shared error body is promised.
      return seen.status === 404 || seen.status === 405 ? this.checkErrorBody(where, seen, { $ref: '#/components/schemas/Error' }) : [`${where}: no operation describes it`];
    }
    const response = this.deref(found.operation.responses?.[String(seen.status)]);
    if (!response) return [`${where}: status not described (described: ${Object.keys(found.operation.responses ?? {}).join(', ')})`];
    const problems: string[] = [];
    for (const [name, header] of Object.entries<Json>(response.headers ?? {})) {
      if (this.deref(header)?.required && seen.headers[name.toLowerCase()] === undefined) problems.push(`${where}: required header ${name} missing`);
    }
    const contentType = String(seen.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const content: Json | undefined = response.content;
    if (!content || Object.keys(content).length === 0) {
      if (seen.text !== '') problems.push(`${where}: a body (${contentType || 'no content type'}) where none is described`);
      return problems;
    }
    const media = content[contentType];
    if (!media) return [...problems, `${where}: content type ${contentType || '(none)'} not described (described: ${Object.keys(content).join(', ')})`];
    if (!contentType.includes('json')) return problems;
    return seen.status >= 400
      ? [...problems, ...this.checkErrorBody(where, seen, media.schema)]
      : [...problems, ...this.validate(where, seen.text, media.schema, `${found.method} ${found.template} ${seen.status}`)];
  }

  private checkErrorBody(where: string, seen: SeenAnswer, schema: Json): string[] {
    const problems = this.validate(where, seen.text, schema, `error ${JSON.stringify(schema)}`);
    const code = (JSON.parse(seen.text) as { error?: ErrorCode }).error;
    if (problems.length > 0) return problems.map((problem) => `${problem} (error: ${String(code)})`);
    // Another body the operation describes for this status (e.g. /health's report with 503).
    if (typeof code !== 'string' || !Object.hasOwn(ERROR_CODES, code)) return [];
    const statuses: readonly number[] = ERROR_CODES[code].statuses;
    return statuses.includes(seen.status) ? [] : [`${where}: error ${code} is described with ${statuses.join('/')}, not ${seen.status}`];
  }

  private validate(where: string, text: string, schema: Json, key: string): string[] {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return [`${where}: the body is not JSON: ${text.slice(0, 80)}`];
    }
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(asJsonSchema(this.rebase(schema)) as object);
      this.validators.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).slice(0, 5).map((e) => `${where}: body${e.instancePath} ${e.message}${'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
  }

  private deref(node: Json | undefined): Json | undefined {
    let current = node;
    while (current && typeof current.$ref === 'string') {
      current = current.$ref.slice(2).split('/').reduce((at: Json | undefined, key: string) => at?.[key], this.document);
    }
    return current;
  }

  /** `$ref`s inside an operation's schema point into the document registered as `openapi.json`. */
  private rebase(schema: unknown): unknown {
    if (Array.isArray(schema)) return schema.map((s) => this.rebase(s));
    if (!schema || typeof schema !== 'object') return schema;
    return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `openapi.json${v}` : this.rebase(v)]));
  }
}

/** OpenAPI 3.0's boolean `exclusiveMinimum`/`exclusiveMaximum` as JSON Schema's numbers, throughout. */
export function asJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Json = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, asJsonSchema(v)]));
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof out[exclusive] === 'boolean') {
      if (out[exclusive]) out[exclusive] = out[bound];
      else delete out[exclusive];
      if (out[exclusive] !== undefined) delete out[bound];
    }
  }
  return out;
}
