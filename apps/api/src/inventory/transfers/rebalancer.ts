import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { DomainError, MAX_TRANSFER_TICKETS } from '@app/domain';
import { RemainingCountQueries } from '@app/read-models';
import { APP_CONFIG } from '../../infrastructure/tokens';
import { ProjectionsService } from '../../projections/projections.service';
import { shardFigures, type ShardFigures } from '../shardFigures';
import { ShardRegistry, type ShowInventory } from '../shardRegistry';
import { CapacityTransfers } from './capacityTransfers';

/** How often the rebalancer looks. */
const TICK_MS = 1_000;
/** A transfer seen out this long without its In is finished by whoever sees it (its maker had its chance). */
const FINISH_AFTER_MS = 2_000;
/** Sales of the last this many ms make the demand estimate. */
const RATE_WINDOW_MS = 10_000;
/** Pull when the home groups would sell out within this at the current rate ... */
const LOOKAHEAD_MS = 60_000;
/** ... or have less than this share of their tickets left, */
const LOW_SHARE = 0.25;
/** and only from a group this much richer (a share of its tickets left), so two regions never pull back and forth. */
const RICHER_BY = 0.1;

interface Sample {
  at: number;
  soldHome: number;
}

/**
 * Moves never-held tickets toward this region's own shard groups ahead of demand (escrow,
 * docs/datacenters.md §2). Every second, for each general-admission show this process sells:
 *
 * - it finishes transfers it sees out and not yet in (any region's, after a crash or a
 *   partition cut them short): the In is idempotent, so two regions finishing one is harmless;
 * - when its home groups would run out within a minute at the rate they sell (or have under a
 *   quarter of their tickets left), it pulls up to 100 tickets from the richest other group into
 *   each home group's landing shard.
 *
 * Each region pulls toward itself only, and only from a group markedly richer, so transfers do
 * not go back and forth; each transfer is decided by the two shards' own writers, so two
 * regions pulling from one shard at once can never move a ticket twice.
 */
@Injectable()
export class Rebalancer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Rebalancer');
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly homeGroups: Set<string>;
  private readonly history = new Map<string, Sample[]>();
  private readonly finishing = new Set<string>();

  constructor(
    private readonly transfers: CapacityTransfers,
    private readonly registry: ShardRegistry,
    private readonly counts: RemainingCountQueries,
    private readonly projections: ProjectionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.homeGroups = new Set(config.topology?.shardGroups.filter((g) => g.home === config.region).map((g) => g.cluster) ?? []);
  }

  onApplicationBootstrap(): void {
    if (!this.transfers.enabled || !this.config.rebalancer || this.homeGroups.size === 0) return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.projections.catchUp();
      this.finishInTransit();
      for (const inventory of await this.registry.loaded()) await this.rebalance(inventory);
    } catch (error) {
      this.logger.warn(`rebalancing failed: ${String(error)}`);
    } finally {
      this.running = false;
    }
  }

  /** In the background, one attempt per transfer at a time: a target without quorum must not hold up the rest. */
  private finishInTransit(): void {
    const now = Date.now();
    for (const transfer of this.counts.inTransit(50)) {
      if (this.finishing.has(transfer.transferId) || now - Date.parse(transfer.outAt ?? '') < FINISH_AFTER_MS) continue;
      this.finishing.add(transfer.transferId);
      void this.transfers
        .finish(transfer)
        .then(() => this.logger.log(`transfer ${transfer.transferId} (${transfer.count} tickets ${transfer.fromShard} -> ${transfer.toShard}) landed`))
        .catch((error: unknown) => this.logger.debug(`transfer ${transfer.transferId} still in transit: ${String(error)}`))
        .finally(() => this.finishing.delete(transfer.transferId));
    }
  }

  private async rebalance(inventory: ShowInventory): Promise<void> {
    if (inventory.shards.some((s) => s.plan.kind !== 'general')) return;
    const showId = inventory.definition.show.id;
    const now = Date.now();
    const groups = new Map<string, { planned: number; available: number; sold: number; shards: ShardFigures[] }>();
    for (const shard of shardFigures(inventory, this.counts.shardCounts(showId, new Date(now)), this.transfers.group)) {
      const entry = groups.get(shard.group) ?? { planned: 0, available: 0, sold: 0, shards: [] };
      // A group's share left is of what the show planned for it: a yardstick that does not move with the tickets.
      entry.planned += shard.planned;
      entry.available += shard.available;
      entry.sold += shard.sold;
      entry.shards.push(shard);
      groups.set(shard.group, entry);
    }
    const home = [...groups].filter(([group]) => this.homeGroups.has(group));
    const soldHome = home.reduce((n, [, g]) => n + g.sold, 0);
    const samples = this.history.get(showId) ?? [];
    samples.push({ at: now, soldHome });
    while (samples.length > 1 && now - samples[0].at > RATE_WINDOW_MS) samples.shift();
    this.history.set(showId, samples);
    const perMs = samples.length > 1 ? (soldHome - samples[0].soldHome) / (now - samples[0].at) : 0;
    if (perMs <= 0) return; // nothing sells here: no demand to get ahead of

    for (const [group, mine] of home) {
      const share = mine.available / Math.max(1, mine.planned);
      if (mine.available > perMs * LOOKAHEAD_MS && share > LOW_SHARE) continue;
      const richest = [...groups]
        .filter(([other]) => !this.homeGroups.has(other))
        .map(([other, g]) => ({ group: other, share: g.available / Math.max(1, g.planned), g }))
        .sort((a, b) => b.share - a.share)[0];
      if (!richest || richest.share < share + RICHER_BY) continue;
      const landing = this.transfers.landing(inventory, group);
      const target = mine.shards.find((s) => s.shardId === landing);
      const source = richest.g.shards.filter((s) => s.tier === target?.tier).sort((a, b) => b.available - a.available)[0];
      const count = Math.min(MAX_TRANSFER_TICKETS, Math.floor((source?.available ?? 0) / 2));
      if (!landing || !source || count < 1) continue;
      try {
        const moved = await this.transfers.transfer(showId, { fromShard: source.shardId, toShard: landing, count });
        this.logger.log(`pulled ${moved.count} tickets of ${showId} from ${source.shardId} (${richest.group}) into ${landing} (${group}): ${moved.status}`);
      } catch (error) {
        // Refusals (too soon, no never-held tickets left there) and unreachable sources are tried again next time.
        const what = error instanceof DomainError ? `${error.code}: ${error.message}` : String(error);
        this.logger.debug(`no pull from ${source.shardId} into ${landing}: ${what}`);
      }
    }
  }
}
