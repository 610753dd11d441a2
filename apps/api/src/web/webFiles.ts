import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

export interface WebFile {
  body: Buffer;
  contentType: string;
}

/** Reads files from the built web directory, never outside it; small enough to keep in memory once read. */
export class WebFiles {
  private readonly cache = new Map<string, WebFile>();

  constructor(readonly root: string) {}

  get built(): boolean {
    return existsSync(join(this.root, 'index.html'));
  }

  index(): Promise<WebFile | undefined> {
    return this.file('/index.html');
  }

  async file(urlPath: string): Promise<WebFile | undefined> {
    const relative = normalize(urlPath).replace(/^([/\\])+/, '');
    const full = join(this.root, relative);
    if (relative.startsWith('..') || !full.startsWith(this.root + sep)) return undefined;
    const cached = this.cache.get(full);
    if (cached) return cached;
    const info = await stat(full).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const file = { body: await readFile(full), contentType: TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream' };
    // index.html is re-read each time so a rebuild shows without a restart; hashed assets never change.
    if (!full.endsWith('index.html')) this.cache.set(full, file);
    return file;
  }
}
