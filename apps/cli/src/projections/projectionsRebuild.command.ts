import { Inject } from '@nestjs/common';
import { CommandRunner, Option, SubCommand } from 'nest-commander';
import type { AppConfig } from '@app/config';
import { CLI_CONFIG } from '../infrastructure/tokens';
import { ProgressBar } from '../progress/progressBar';
import { AdminApi, type ProjectionState } from './adminApi';

interface RebuildOptions {
  api?: string;
  token?: string;
  wait: boolean;
}

const POLL_MS = 250;

@SubCommand({
  name: 'rebuild',
  arguments: '<name>',
  argsDescription: { name: 'a projection name, or all' },
  description: 'rebuild a read model beside the live one in the running API, then swap it in (reads go on)',
})
export class ProjectionsRebuildCommand extends CommandRunner {
  constructor(@Inject(CLI_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async run([name]: string[], options: RebuildOptions): Promise<void> {
    const api = AdminApi.from(this.config, options);
    const started = await api.rebuild(name);
    const names = new Set(started.projections);
    process.stderr.write(`rebuilding ${[...names].join(', ')}\n`);
    if (!options.wait) return;
    const progress = new ProgressBar(`rebuild ${name}`, 1);
    let states: ProjectionState[];
    for (;;) {
      states = (await api.list()).filter((p) => names.has(p.name));
      const rebuilding = states.filter((p) => p.status === 'rebuilding');
      if (rebuilding.length === 0) break;
      const { position, head } = rebuilding[0].rebuild ?? { position: '0', head: '0' };
      progress.update(Number(position), `${Number(position).toLocaleString('en-US')}/${Number(head).toLocaleString('en-US')} events`, Number(head));
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    progress.done(1, 'swapped in');
    const failed = states.filter((p) => p.error);
    for (const p of states) process.stdout.write(`${p.name.padEnd(20)} ${p.error ? `FAILED: ${p.error}` : `rebuilt at ${p.rebuiltAt}, position ${p.position}`}\n`);
    if (failed.length > 0) process.exitCode = 1;
  }

  @Option({ flags: '--api <url>', description: 'the API to ask (default http://127.0.0.1:$PORT)' })
  parseApi(value: string): string {
    return value;
  }

  @Option({ flags: '--token <token>', description: 'admin token (default ADMIN_TOKEN or DATA_DIR/admin-token)' })
  parseToken(value: string): string {
    return value;
  }

  @Option({ flags: '--no-wait', description: 'return once the rebuild has started' })
  parseNoWait(): boolean {
    return false;
  }
}
