import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The house rules of the repository's layout, checked over every source file.
const ROOT = resolve(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts)$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .filter((file) => !file.includes('node_modules'));
}

/** Where each import of a file points, relative to the repository ('@app/x' counts as libs/x). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from|import|require)\s*\(?\s*['"]([^'"]+)['"]/g)].map(([, spec]) =>
    spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec.startsWith('@app/') ? `libs/${spec.slice(5).split('/')[0]}` : spec,
  );
}

const isTest = (file: string): boolean => /\.(spec|e2e-spec|check|contract)\.tsx?$/.test(file) || /(^|\/)(test|testing)\//.test(file);

describe('the layout', () => {
  // The CLI's and the web's end-to-end tests start the real API, so only their sources are held to it.
  it('has no import from libs/ into apps/, and none from apps/cli or apps/web into apps/api', () => {
    const crossings: string[] = [];
    for (const file of [...sources('libs'), ...sources('apps/cli'), ...sources('apps/web')].filter((f) => f.startsWith('libs/') || !isTest(f))) {
      for (const target of importsOf(file)) {
        if (file.startsWith('libs/') && target.startsWith('apps/')) crossings.push(`${file} -> ${target}`);
        if (!file.startsWith('libs/') && target.startsWith('apps/api')) crossings.push(`${file} -> ${target}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it('constructs HTTP errors only in apps/api/src/http: services throw plain errors', () => {
    const offenders = sources('apps/api/src')
      .filter((file) => !file.startsWith('apps/api/src/http/') && !isTest(file))
      .filter((file) => /new (ApiError|HttpException|[A-Z]\w*Exception)\(/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps source files (not tests, benches or generated types) within ~350 lines', () => {
    const long = [...sources('apps'), ...sources('libs')]
      .filter((file) => !isTest(file) && !file.endsWith('.d.ts') && !file.startsWith('apps/api/test/'))
      .map((file) => [file, readFileSync(join(ROOT, file), 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 380);
    expect(long).toEqual([]);
  });
});
