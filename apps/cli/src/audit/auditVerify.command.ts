import { Inject } from '@nestjs/common';
import { CommandRunner, Option, SubCommand } from 'nest-commander';
import type { AppConfig } from '@app/config';
import { pagesOfLogs, sizeOfLogs } from '../eventLog/logPages';
import { EventLogSource } from '../infrastructure/eventLogSource';
import { CLI_CONFIG } from '../infrastructure/tokens';
import { ProgressBar } from '../progress/progressBar';
import { readModelCounts } from './readModelCounts';
import { SaleAuditor, type AuditReport } from './saleAuditor';

interface VerifyOptions {
  show?: string;
  json?: boolean;
}

/** Exit code when the log breaks a rule (2 is kept for errors that stopped the audit). */
export const VIOLATIONS_FOUND = 1;

@SubCommand({ name: 'verify', description: 'replay the sold-ticket log from the event store and check it; exit 1 on any violation' })
export class AuditVerifyCommand extends CommandRunner {
  constructor(
    private readonly source: EventLogSource,
    @Inject(CLI_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async run(_args: string[], options: VerifyOptions): Promise<void> {
    const logs = await this.source.logs();
    const started = Date.now();
    // Read-model counts first: their checkpoints are then at or behind the head we replay to.
    // Spread over clusters, a region's read models follow its own copy of the log, whose
    // positions are not the clusters': the clusters' logs are checked on their own.
    const readModels = this.config.topology ? undefined : readModelCounts(this.config.dataDir, options.show);
    const auditor = new SaleAuditor({ showId: options.show, readModels });
    const total = await sizeOfLogs(logs);
    const progress = new ProgressBar('verify', total);
    let read = 0;
    for await (const page of pagesOfLogs(logs)) {
      for (const event of page) auditor.add(event);
      read += page.length;
      progress.update(read, `${read.toLocaleString('en-US')}/${total.toLocaleString('en-US')} events`, Math.max(total, read));
    }
    progress.done(read, 'done');
    const report = auditor.report();
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(options.json ? `${JSON.stringify({ ...report, seconds }, null, 2)}\n` : summary(report, seconds, options.show, readModels !== undefined));
    if (!report.ok) process.exitCode = VIOLATIONS_FOUND;
  }

  @Option({ flags: '--show <id>', description: 'check one show only' })
  parseShow(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'print the report as JSON' })
  parseJson(): boolean {
    return true;
  }
}

function summary(report: AuditReport, seconds: number, show: string | undefined, compared: boolean): string {
  const n = (value: number) => value.toLocaleString('en-US');
  const lines = [
    `Audit of the sold-ticket log${show ? ` for show ${show}` : ''} (${seconds.toFixed(1)} s)`,
    `  events read      ${n(report.eventsRead)} (up to position ${report.lastPosition})`,
    `  shows            ${n(report.showsScheduled)} scheduled, ${n(report.shows.filter((s) => s.tickets > 0).length)} with sales`,
    `  holds            ${n(report.holds)}`,
    `  tickets sold     ${n(report.ticketsSold)}`,
    `  transfers        ${n(report.transfers)} capacity transfers between shards`,
    `  read models      ${compared ? 'sales and remaining_counts compared with the log' : 'not compared (no read database in DATA_DIR)'}`,
  ];
  if (report.ok) {
    lines.push('', `OK: no ticket, seat or ticket number sold twice; every sale from a live hold of its customer; no customer over the limit; every capacity transfer out arrived exactly once${compared ? '; read models agree' : ''}.`);
  } else {
    lines.push('', `VIOLATIONS: ${n(report.violationCount)}`);
    for (const v of report.violations) lines.push(`  ${v.kind.padEnd(26)} ${v.message}${v.position ? ` [position ${v.position}]` : ''}`);
    if (report.violationCount > report.violations.length) lines.push(`  … and ${n(report.violationCount - report.violations.length)} more`);
  }
  return `${lines.join('\n')}\n`;
}
