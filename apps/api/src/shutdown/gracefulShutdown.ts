import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE } from '../infrastructure/tokens';
import type { EventStore } from '@app/event-store';
import { ProjectionsService } from '../projections/projections.service';
import { RequestDrain } from './requestDrain';

export interface ShutdownReport {
  writesFinished: number;
  projectionsAt: string;
  logHead: string;
}

/**
 * The order matters: stop taking requests, let the writes in flight finish (their
 * appends are then durable and answered), bring the read models up to the log's head so
 * their checkpoints are saved, then close (projections stop, the store flushes and closes).
 */
export async function shutDownGracefully(app: NestFastifyApplication): Promise<ShutdownReport> {
  const writesFinished = await app.get(RequestDrain).drain();
  const projections = app.get(ProjectionsService);
  await projections.catchUp(10_000);
  const projectionsAt = projections.appliedPosition.toString();
  const logHead = String(await app.get<EventStore>(EVENT_STORE).headPosition());
  await app.close();
  return { writesFinished, projectionsAt, logHead };
}

/** SIGTERM and SIGINT stop the process through shutDownGracefully; a second signal stops it at once. */
export function exitOnSignals(app: NestFastifyApplication, log: (line: string) => void): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    log(`${signal}: refusing new requests, finishing writes in flight`);
    shutDownGracefully(app).then(
      (report) => {
        log(`Stopped: ${report.writesFinished} writes finished, projections at ${report.projectionsAt} of ${report.logHead}`);
        process.exit(0);
      },
      (error: unknown) => {
        log(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
