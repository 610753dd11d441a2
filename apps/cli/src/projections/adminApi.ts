import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@app/config';
import type { ProjectionStatus, RebuildStarted } from '@app/read-models';
import { CliError } from '../infrastructure/eventLogSource';

/** One row of `GET /v1/admin/projections`, as the API's projection runner reports it. */
export type ProjectionState = ProjectionStatus;

/**
 * The running API's admin calls. Rebuilds go through the API on purpose: the API's
 * projection runner owns `read.db`, and only it can swap a new copy in between two
 * of its own batches, so readers never see a gap.
 */
export class AdminApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** `--api` and `--token`, else the configured port on this machine and ADMIN_TOKEN or `DATA_DIR/admin-token`. */
  static from(config: AppConfig, options: { api?: string; token?: string }): AdminApi {
    const baseUrl = (options.api ?? `http://127.0.0.1:${config.port}`).replace(/\/+$/, '');
    const tokenFile = join(config.dataDir, 'admin-token');
    const token = options.token ?? config.adminToken ?? (existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8').trim() : undefined);
    if (!token) throw new CliError(`No admin token: pass --token, set ADMIN_TOKEN, or point DATA_DIR at the API's data directory (${tokenFile})`);
    return new AdminApi(baseUrl, token);
  }

  list(): Promise<ProjectionState[]> {
    return this.call('GET', '/v1/admin/projections') as Promise<ProjectionState[]>;
  }

  rebuild(name: string): Promise<RebuildStarted> {
    return this.call('POST', `/v1/admin/projections/${encodeURIComponent(name)}/rebuild`) as Promise<RebuildStarted>;
  }

  private async call(method: string, path: string): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${this.token}` } });
    } catch (error) {
      throw new CliError(`Cannot reach the API at ${this.baseUrl} (${error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error)}); start it or pass --api`);
    }
    const text = await response.text();
    const body = text ? (JSON.parse(text) as { message?: string }) : undefined;
    if (!response.ok) throw new CliError(`${method} ${path} answered ${response.status}: ${body?.message ?? text}`);
    return body;
  }
}
