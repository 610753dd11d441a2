import type Database from 'better-sqlite3';
import type { EventStore } from '@app/event-store';
import type { BulkLoader, Projection } from './projection';
import { RETIRED_SUFFIX, SHADOW_SUFFIX, shadowTables } from './tableNames';

/**
 * New copies of some projections, built beside their live tables from position 0 of
 * the log with the projections' own `apply`. The live tables are not touched until
 * `swapIn`, which the runner calls inside the one transaction that also moves the
 * checkpoints: readers see either the old copy or the new one, never a mix.
 */
/** Events per page (and per transaction) of a rebuild. */
const PAGE_SIZE = 5_000;

export class ShadowBuild {
  readonly startedAt = new Date();
  /** The last log position applied to the copies (0: nothing yet). */
  position = 0n;
  /** The log's head when last looked at, for progress. */
  head = 0n;
  /** Events read from the log so far. */
  eventsRead = 0;
  private readonly copies: Projection[];
  private readonly wanted: Array<Set<string>>;
  /** While the bulk of the log goes in: the copies' loaders (none for a copy that only has `apply`). */
  private loaders: Array<BulkLoader | undefined> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    readonly projections: readonly Projection[],
    generation = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`,
  ) {
    const names = shadowTables(generation);
    this.copies = projections.map((projection) => {
      if (!projection.tables || !projection.withTables) throw new Error(`Projection ${projection.name} cannot be rebuilt beside its live tables`);
      return projection.withTables(names);
    });
    this.wanted = projections.map((projection) => new Set(projection.eventTypes));
  }

  /** Tables left by a rebuild that was interrupted (a crash, a stop) before or after its swap. */
  static dropLeftovers(db: Database.Database, projection: Projection): void {
    for (const table of projection.tables ?? []) {
      db.exec(`DROP TABLE IF EXISTS "${table}${SHADOW_SUFFIX}"`);
      db.exec(`DROP TABLE IF EXISTS "${table}${RETIRED_SUFFIX}"`);
    }
  }

  /** Empty copies, next to the live tables. */
  create(): void {
    this.db.transaction(() => {
      for (const projection of this.projections) ShadowBuild.dropLeftovers(this.db, projection);
      for (const copy of this.copies) copy.setup(this.db, { bulk: true });
    })();
    this.loaders = this.copies.map((copy) => copy.bulkLoader?.(this.db));
  }

  /**
   * Ends the bulk load: each loader writes the rows it folded, one projection per
   * transaction and per turn of the event loop. From here on pages go through `apply`.
   */
  private async finishBulk(): Promise<void> {
    const loaders = this.loaders ?? [];
    this.loaders = undefined;
    for (const loader of loaders) {
      if (!loader) continue;
      this.db.transaction(() => loader.finish())();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Once the bulk of the log is in: the indexes only reads need, each built in one
   * sorted pass. One projection per turn of the event loop, so requests get in between.
   */
  private async completeIndexes(): Promise<void> {
    for (const copy of this.copies) {
      this.db.transaction(() => copy.setup(this.db))();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * The bulk of a rebuild: every event up to `until` (the head when it started) folded
   * by the loaders and written, with the copies' indexes. `between` runs after each
   * page (yield to the event loop, check for a stop).
   */
  async loadInBulk(until: bigint, between: () => Promise<void>): Promise<void> {
    while (this.position < until) {
      if ((await this.step(PAGE_SIZE, until)) === 0) break;
      await between();
    }
    if (this.position < until) this.position = until;
    await this.finishBulk();
    await this.completeIndexes();
  }

  /** Reads one page of the log after `position` (up to `until`) and applies it in one transaction; 0 means the head is reached. */
  async step(pageSize: number, until?: bigint): Promise<number> {
    let page = await this.store.readAll({ fromPosition: this.position === 0n ? 'start' : this.position, maxCount: pageSize });
    if (until !== undefined && page.length > 0 && page[page.length - 1].position > until) page = page.filter((event) => event.position <= until);
    if (page.length === 0) return 0;
    const db = this.db;
    const loaders = this.loaders;
    db.transaction(() => {
      for (let i = 0; i < this.copies.length; i++) {
        const wanted = this.wanted[i];
        const loader = loaders?.[i];
        if (loader) {
          for (const event of page) if (wanted.has(event.type)) loader.add(event);
          loader.endPage?.();
        } else {
          const copy = this.copies[i];
          for (const event of page) if (wanted.has(event.type)) copy.apply(db, event);
        }
      }
    })();
    this.position = page[page.length - 1].position;
    this.eventsRead += page.length;
    if (this.position > this.head) this.head = this.position;
    return page.length;
  }

  /**
   * Call inside a transaction: the live tables are renamed aside and the copies take
   * their names. Renames only touch the schema, so this is quick however big the tables.
   */
  swapIn(): void {
    for (const projection of this.projections) {
      for (const table of projection.tables!) {
        this.db.exec(`ALTER TABLE "${table}" RENAME TO "${table}${RETIRED_SUFFIX}"`);
        this.db.exec(`ALTER TABLE "${table}${SHADOW_SUFFIX}" RENAME TO "${table}"`);
      }
    }
  }

  /** After the swap: the old copies go. */
  dropRetired(): void {
    this.db.transaction(() => {
      for (const projection of this.projections) for (const table of projection.tables!) this.db.exec(`DROP TABLE IF EXISTS "${table}${RETIRED_SUFFIX}"`);
    })();
  }

  /** After a failure: the half-built copies go; the live tables were never touched. */
  discard(): void {
    this.db.transaction(() => {
      for (const projection of this.projections) for (const table of projection.tables!) this.db.exec(`DROP TABLE IF EXISTS "${table}${SHADOW_SUFFIX}"`);
    })();
  }
}
