import type { CapacityTransferredIn, CapacityTransferredOut, TicketRange } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';

export type TransferViolationKind = 'transfer_without_in' | 'transfer_in_without_out' | 'transfer_twice' | 'transfer_mismatch';

export interface TransferViolation {
  kind: TransferViolationKind;
  showId: string;
  transferId: string;
  message: string;
  position?: string;
}

interface Side {
  shard: string;
  other: string;
  tickets: string;
  count: number;
  position: string;
}

/**
 * Capacity transfers as escrow: every `CapacityTransferredOut` has exactly one
 * `CapacityTransferredIn` with the same id, the same tickets and the shards swapped, and no
 * In comes from nowhere. The two sides live in different clusters, so this is only decided
 * after every cluster's log is read (`violations`). A transfer still in transit when the
 * audit runs (a partition not healed yet) is reported as one: the tickets are sold by no one.
 */
export class TransferAuditor {
  private readonly outs = new Map<string, Side & { showId: string }>();
  private readonly ins = new Map<string, Side & { showId: string }>();
  private readonly twice: TransferViolation[] = [];

  get transfers(): number {
    return new Set([...this.outs.keys(), ...this.ins.keys()]).size;
  }

  add(event: RecordedEvent): void {
    const out = event.type === 'CapacityTransferredOut';
    const d = event.data as CapacityTransferredOut['data'] & CapacityTransferredIn['data'];
    const side = { showId: d.showId, shard: d.shardId, other: out ? d.toShard : d.fromShard, tickets: key(d.tickets), count: d.count, position: event.position.toString() };
    const seen = out ? this.outs : this.ins;
    if (seen.has(d.transferId)) {
      this.twice.push({ kind: 'transfer_twice', showId: d.showId, transferId: d.transferId, position: side.position, message: `transfer ${d.transferId} written ${out ? 'out' : 'in'} twice` });
      return;
    }
    seen.set(d.transferId, side);
  }

  violations(): TransferViolation[] {
    const found = [...this.twice];
    for (const [transferId, out] of this.outs) {
      const into = this.ins.get(transferId);
      if (!into) {
        found.push({ kind: 'transfer_without_in', showId: out.showId, transferId, position: out.position, message: `${out.count} tickets left ${out.shard} for ${out.other} in transfer ${transferId} and never arrived` });
      } else if (into.shard !== out.other || into.other !== out.shard || into.tickets !== out.tickets || into.count !== out.count) {
        found.push({ kind: 'transfer_mismatch', showId: out.showId, transferId, position: into.position, message: `transfer ${transferId} sent ${out.tickets} ${out.shard} -> ${out.other}, received ${into.tickets} ${into.other} -> ${into.shard}` });
      }
    }
    for (const [transferId, into] of this.ins) {
      if (!this.outs.has(transferId)) {
        found.push({ kind: 'transfer_in_without_out', showId: into.showId, transferId, position: into.position, message: `${into.count} tickets arrived in ${into.shard} by transfer ${transferId}, which never left ${into.other}` });
      }
    }
    return found;
  }
}

function key(tickets: readonly TicketRange[]): string {
  return [...tickets].sort((a, b) => a.first - b.first).map((r) => `${r.first}+${r.count}`).join(',');
}
