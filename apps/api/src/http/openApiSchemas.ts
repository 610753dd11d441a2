import { z } from 'zod';

type Json = Record<string, unknown>;

const REF = (id: string): string => `#/components/schemas/${id}`;

/** A contracts schema as OpenAPI 3.0 JSON Schema: a `$ref` for a named one (`.meta({ id })`), inline otherwise. */
export function jsonSchemaOf(schema: z.ZodType): Json {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: REF(id) };
  const out = z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any', io: 'output' }) as Json;
  // Named schemas it uses come out as local definitions; they live in components.schemas.
  delete out.$schema;
  delete out.definitions;
  return tidy(JSON.parse(JSON.stringify(out).replaceAll('"#/definitions/', '"#/components/schemas/'))) as Json;
}

/** Every named schema of libs/contracts, for `components.schemas`. */
export function namedSchemas(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { target: 'openapi-3.0', uri: REF, unrepresentable: 'any', io: 'output' }) as { schemas: Record<string, Json> };
  for (const schema of Object.values(schemas)) delete schema.$id;
  return tidy(schemas) as Record<string, Json>;
}

/** `allOf: [{ $ref }]` alone says no more than the `$ref`: written as the `$ref`. */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node as Json);
  const allOf = (node as Json).allOf;
  if (entries.length === 1 && Array.isArray(allOf) && allOf.length === 1) return tidy(allOf[0]);
  return Object.fromEntries(entries.map(([k, v]) => [k, tidy(v)]));
}
