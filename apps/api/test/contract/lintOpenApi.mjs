// Lints an OpenAPI description with Redocly's engine (@redocly/openapi-core, what `redocly lint`
// runs) and its "recommended" rules. Usage: node lintOpenApi.mjs <file>. Prints one JSON line:
// { errors, warnings, problems: [{ severity, rule, where, message }] }. An ES module, so the
// spec runs it as a child process.
import { readFileSync } from 'node:fs';
import { createConfig, lintFromString } from '@redocly/openapi-core';

const file = process.argv[2];
const config = await createConfig({ extends: ['recommended'] });
const found = await lintFromString({ source: readFileSync(file, 'utf8'), absoluteRef: file, config });
const problems = found.map((p) => ({ severity: p.severity, rule: p.ruleId, where: p.location?.[0]?.pointer, message: p.message }));
console.log(JSON.stringify({
  errors: problems.filter((p) => p.severity === 'error').length,
  warnings: problems.filter((p) => p.severity === 'warn').length,
  problems,
}));
