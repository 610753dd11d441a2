import { Inject } from '@nestjs/common';
import { CommandRunner, Option, SubCommand } from 'nest-commander';
import type { AppConfig } from '@app/config';
import { CLI_CONFIG } from '../infrastructure/tokens';
import { AdminApi } from './adminApi';

@SubCommand({ name: 'status', description: "the running API's read models: checkpoint, lag, live or rebuilding" })
export class ProjectionsStatusCommand extends CommandRunner {
  constructor(@Inject(CLI_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async run(_args: string[], options: { api?: string; token?: string }): Promise<void> {
    const states = await AdminApi.from(this.config, options).list();
    for (const p of states) {
      const detail = p.rebuild ? ` (rebuild at ${p.rebuild.position}/${p.rebuild.head})` : p.rebuiltAt ? ` (rebuilt ${p.rebuiltAt})` : '';
      process.stdout.write(`${p.name.padEnd(20)} v${p.version}  ${p.status.padEnd(11)} position ${p.position}, ${p.lagEvents} behind${detail}${p.error ? `  ${p.error}` : ''}\n`);
    }
  }

  @Option({ flags: '--api <url>', description: 'the API to ask (default http://127.0.0.1:$PORT)' })
  parseApi(value: string): string {
    return value;
  }

  @Option({ flags: '--token <token>', description: 'admin token (default ADMIN_TOKEN or DATA_DIR/admin-token)' })
  parseToken(value: string): string {
    return value;
  }
}
