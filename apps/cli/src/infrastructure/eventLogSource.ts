import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@app/config';
import { openEventStore, type EventStore } from '@app/event-store';
import { CLI_CONFIG } from './tokens';

/**
 * The configured event store, opened on first use (a command that talks to the API
 * never opens it) and closed when the command ends. The CLI only reads: several
 * processes may open the embedded file, so it runs beside a live API.
 */
@Injectable()
export class EventLogSource implements OnApplicationShutdown {
  private store: EventStore | undefined;
  private clusters: NamedLog[] | undefined;

  constructor(@Inject(CLI_CONFIG) private readonly config: AppConfig) {}

  /**
   * Every log to read: the configured store, or — with a topology (TOPOLOGY_FILE) — each
   * cluster's own log, the meta cluster first (the catalog and the customers' allowances before
   * the shards), read from the clusters themselves rather than any region's copy.
   */
  async logs(): Promise<NamedLog[]> {
    const topology = this.config.topology;
    if (!topology) return [{ name: this.config.eventStore, store: await this.open() }];
    if (this.clusters) return this.clusters;
    const ordered = [...topology.clusters].sort((a, b) => Number(b.id === topology.metaCluster) - Number(a.id === topology.metaCluster));
    const opened: NamedLog[] = [];
    try {
      for (const cluster of ordered) {
        opened.push({ name: cluster.id, store: await openEventStore({ kind: 'etcd', endpoints: cluster.members.map((m) => m.endpoint), prefix: this.config.etcdPrefix }) });
      }
    } catch (error) {
      await Promise.all(opened.map((l) => l.store.close()));
      throw new CliError(error instanceof Error ? error.message : String(error));
    }
    this.clusters = opened;
    return opened;
  }

  async open(): Promise<EventStore> {
    if (this.store) return this.store;
    const { config } = this;
    if (config.eventStore === 'eventstoredb') {
      this.store = await openEventStore({ kind: 'eventstoredb', connectionString: config.eventStoreConnectionString! });
    } else if (config.eventStore === 'etcd') {
      try {
        this.store = await openEventStore({ kind: 'etcd', endpoints: config.etcdEndpoints, prefix: config.etcdPrefix });
      } catch (error) {
        throw new CliError(error instanceof Error ? error.message : String(error));
      }
    } else {
      // Opening a missing file would create an empty store and report a clean audit of nothing.
      const file = join(config.dataDir, 'events.db');
      if (!existsSync(file)) throw new CliError(`No event store at ${file} (set DATA_DIR to the API's data directory)`);
      this.store = await openEventStore({ kind: 'embedded', dataDir: config.dataDir, synchronous: config.sqliteSynchronous });
    }
    return this.store;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store?.close();
    await Promise.all((this.clusters ?? []).map((l) => l.store.close()));
  }
}

/** One log the CLI reads, by its cluster's name (or the store's kind). */
export interface NamedLog {
  name: string;
  store: EventStore;
}

/** A failure to report as one line and exit code 2 (not a violation found by an audit). */
export class CliError extends Error {
  override readonly name = 'CliError';
}
