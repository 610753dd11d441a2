import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { CommandRunner, Option, SubCommand } from 'nest-commander';
import { pagesOfLogs, sizeOfLogs } from '../eventLog/logPages';
import { CliError, EventLogSource } from '../infrastructure/eventLogSource';
import { ProgressBar } from '../progress/progressBar';
import { exportHeader, exportLine, showOfSale, soldTickets, type ExportFormat } from './soldTickets';

interface ExportOptions {
  show?: string;
  format: ExportFormat;
  out?: string;
}

@SubCommand({ name: 'export', description: 'write who bought which ticket when, for one show, from the event store (CSV or NDJSON)' })
export class AuditExportCommand extends CommandRunner {
  constructor(private readonly source: EventLogSource) {
    super();
  }

  async run(_args: string[], options: ExportOptions): Promise<void> {
    if (!options.show) throw new CliError('audit export needs --show <id>');
    // Spread over clusters: each cluster's sales in its order, the clusters one after the other.
    const logs = await this.source.logs();
    const out: Writable = options.out ? createWriteStream(options.out) : process.stdout;
    const total = await sizeOfLogs(logs);
    const progress = new ProgressBar(`export ${options.show}`, total);
    let tickets = 0;
    let read = 0;
    await write(out, exportHeader(options.format));
    for await (const page of pagesOfLogs(logs)) {
      let chunk = '';
      for (const event of page) {
        if (event.type !== 'TicketsSold' || showOfSale(event) !== options.show) continue;
        for (const record of soldTickets(event)) {
          chunk += exportLine(record, options.format);
          tickets++;
        }
      }
      if (chunk) await write(out, chunk);
      read += page.length;
      progress.update(read, `${tickets.toLocaleString('en-US')} tickets`, Math.max(total, read));
    }
    progress.done(read, `${tickets.toLocaleString('en-US')} tickets`);
    if (options.out) {
      out.end();
      await once(out, 'finish');
      process.stderr.write(`${tickets} tickets of show ${options.show} written to ${options.out}\n`);
    }
  }

  @Option({ flags: '--show <id>', description: 'the show to export (required)' })
  parseShow(value: string): string {
    return value;
  }

  @Option({ flags: '--format <format>', description: 'csv or ndjson', defaultValue: 'csv', choices: ['csv', 'ndjson'] })
  parseFormat(value: string): ExportFormat {
    return value as ExportFormat;
  }

  @Option({ flags: '--out <file>', description: 'write to this file instead of stdout' })
  parseOut(value: string): string {
    return value;
  }
}

/** Writes and waits when the stream asks to (a pipe to a slow reader must not fill memory). */
async function write(out: Writable, text: string): Promise<void> {
  if (text && !out.write(text)) await once(out, 'drain');
}
