import type Database from 'better-sqlite3';
import type { EventStore } from '@app/event-store';
import type { Projection } from './projection';
import { RETIRED_SUFFIX, SHADOW_SUFFIX, shadowTables } from './tableNames';

/**
 * New copies of some projections, built beside their live tables from position 0 of
 * the log with the projections' own `apply`. The live tables are not touched until
 * `swapIn`, which the runner calls inside the one transaction that also moves the
 * checkpoints: readers see either the old copy or the new one, never a mix.
 */
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
  }

  /**
   * Once the bulk of the log is in: the indexes only reads need, each built in one
   * sorted pass. One projection per turn of the event loop, so requests get in between.
   */
  async completeIndexes(): Promise<void> {
    for (const copy of this.copies) {
      this.db.transaction(() => copy.setup(this.db))();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Reads one page of the log after `position` and applies it in one transaction; 0 means the head is reached. */
  async step(pageSize: number): Promise<number> {
    const page = await this.store.readAll({ fromPosition: this.position === 0n ? 'start' : this.position, maxCount: pageSize });
    if (page.length === 0) return 0;
    const db = this.db;
    db.transaction(() => {
      for (let i = 0; i < this.copies.length; i++) {
        const copy = this.copies[i];
        const wanted = this.wanted[i];
        for (const event of page) if (wanted.has(event.type)) copy.apply(db, event);
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
