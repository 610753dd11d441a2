import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import type { CapacityTransfer } from '@app/contracts';
import { DomainError, type TicketRange } from '@app/domain';
import { AppError } from '../../application/appError';
import { timeOrderedUuid } from '../../infrastructure/ids';
import { SINGLE_CLUSTER, shardGroups } from '../../infrastructure/openRegionalStore';
import { APP_CONFIG } from '../../infrastructure/tokens';
import { ShardRegistry, type ShowInventory } from '../shardRegistry';

/**
 * Where capacity moved into a group arrives: the group's first shard of the show. One landing
 * shard per group keeps the remaining count's upper bound tight (only it can jump up).
 */
function landingShard(inventory: ShowInventory, groupOf: (shardId: string) => string, group: string): string | undefined {
  return inventory.shards.find((s) => groupOf(s.plan.shardId) === group)?.plan.shardId;
}

/**
 * Moves unsold capacity between shard groups (escrow, docs/datacenters.md §2): the source
 * shard writes `CapacityTransferredOut` for tickets nobody ever held, then the target shard
 * `CapacityTransferredIn`. Between the two the tickets belong to neither. When the In cannot
 * be written (the target's cluster has no quorum from here) the transfer stays in transit and
 * `finish` lands it later, from any region; the transfer id makes every step idempotent.
 *
 * Only on a topology: on one store every shard is in one place and there is nothing to move.
 */
@Injectable()
export class CapacityTransfers {
  private readonly logger = new Logger('CapacityTransfers');
  private readonly groupOf: ((shardId: string) => string) | undefined;

  constructor(
    private readonly registry: ShardRegistry,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.groupOf = config.topology ? shardGroups(config.topology) : undefined;
  }

  get enabled(): boolean {
    return this.groupOf !== undefined;
  }

  /** The shard group of a shard (the one cluster's name without a topology). */
  readonly group = (shardId: string): string => (this.groupOf ? this.groupOf(shardId) : SINGLE_CLUSTER);

  /** The shard where capacity moved into `group` arrives. */
  landing(inventory: ShowInventory, group: string): string | undefined {
    return this.groupOf ? landingShard(inventory, this.groupOf, group) : undefined;
  }

  /** Every group's landing shard of the show (none without a topology). */
  landingShards(inventory: ShowInventory): Set<string> {
    const groups = new Set(inventory.shards.map((s) => this.group(s.plan.shardId)));
    return new Set([...groups].flatMap((group) => this.landing(inventory, group) ?? []));
  }

  /** Out of `fromShard`, then into `toShard`; answers in transit when the In cannot be written now. */
  async transfer(showId: string, request: { fromShard: string; toShard: string; count: number; transferId?: string }): Promise<CapacityTransfer> {
    if (!this.groupOf) {
      throw new AppError('invalid_request', 'Capacity transfers move tickets between shard groups; this API runs on one store (no TOPOLOGY_FILE)', { field: 'fromShard' });
    }
    const inventory = await this.show(showId);
    const source = this.shard(inventory, request.fromShard, 'fromShard');
    const target = this.shard(inventory, request.toShard, 'toShard');
    const group = this.groupOf(request.toShard);
    const landing = landingShard(inventory, this.groupOf, group);
    if (request.toShard !== landing) {
      throw new AppError('invalid_request', `Capacity arrives at a group's first shard of the show: ${landing} for ${group}`, { field: 'toShard', expected: landing });
    }
    if (this.groupOf(request.fromShard) === group) throw new AppError('invalid_request', 'A transfer moves tickets to another shard group', { field: 'toShard' });
    if (source.plan.kind !== 'general' || target.plan.kind !== 'general') {
      throw new AppError('invalid_request', 'Capacity transfers move general-admission tickets; this show has seats', { field: 'fromShard' });
    }
    if (source.plan.tier !== target.plan.tier) {
      throw new AppError('invalid_request', `Shard ${request.fromShard} sells ${source.plan.tier} and ${request.toShard} ${target.plan.tier}: a transfer stays in its tier`, { field: 'toShard' });
    }
    const transferId = request.transferId ?? timeOrderedUuid();
    await source.writer.execute({ type: 'TransferCapacityOut', data: { transferId, toShard: request.toShard, count: request.count, now: Date.now() } });
    const sent = await source.writer.read((state) => state.transfersOut.get(transferId));
    if (!sent) throw new Error(`transfer ${transferId} left no record in ${request.fromShard}`);
    const tier = source.plan.tier;
    const view = { transferId, showId, fromShard: request.fromShard, toShard: request.toShard, count: sent.count, tickets: sent.tickets };
    try {
      await this.landIn(inventory, { transferId, fromShard: request.fromShard, toShard: request.toShard, tier, tickets: sent.tickets });
      return { ...view, status: 'completed' };
    } catch (error) {
      // The tickets have left the source: whatever kept the In from being written now (no quorum
      // there, its spacing), the transfer is in transit and a rebalancer lands it later.
      const why = error instanceof Error ? error.message : String(error);
      this.logger.warn(`transfer ${transferId} of ${sent.count} tickets ${request.fromShard} -> ${request.toShard} is in transit: ${why}`);
      return { ...view, status: 'in_transit' };
    }
  }

  /** Writes the In of a transfer seen out (idempotent: a transfer already in changes nothing). */
  async finish(transfer: { transferId: string; showId: string; fromShard: string; toShard: string; tier: string; tickets: TicketRange[] }): Promise<void> {
    const inventory = await this.show(transfer.showId);
    await this.landIn(inventory, transfer);
  }

  private async landIn(inventory: ShowInventory, t: { transferId: string; fromShard: string; toShard: string; tier: string; tickets: TicketRange[] }): Promise<void> {
    const target = this.shard(inventory, t.toShard, 'toShard');
    // Transfers into one shard are spaced (TRANSFER_SPACING_MS): a refusal for that waits its turn.
    for (let attempt = 0; ; attempt++) {
      try {
        await target.writer.execute({ type: 'TransferCapacityIn', data: { transferId: t.transferId, fromShard: t.fromShard, tier: t.tier, tickets: t.tickets, now: Date.now() } });
        return;
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'transfer_refused' && (error.details as { reason?: string })?.reason === 'too_soon') || attempt >= 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }

  private async show(showId: string): Promise<ShowInventory> {
    const inventory = await this.registry.show(showId);
    if (!inventory) throw new AppError('not_found', `Show ${showId} does not exist`);
    return inventory;
  }

  private shard(inventory: ShowInventory, shardId: string, field: string): ShowInventory['shards'][number] {
    const shard = inventory.shards.find((s) => s.plan.shardId === shardId);
    if (!shard) throw new AppError('invalid_request', `Show ${inventory.definition.show.id} has no shard ${shardId}`, { field });
    return shard;
  }
}
