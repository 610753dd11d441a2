import type { ShardPlan } from '../catalog/planShards';
import { ExpiryQueue } from './expiryQueue';
import { FreeUnitHeap } from './freeUnitHeap';
import type { Hold } from './holdRecord';

/** Unit statuses in `InventoryState.status`. */
export const FREE = 0;
export const HELD = 1;
export const SOLD = 2;

/** What never changes about a shard: which units exist and where they sit. Built once per state. */
interface LayoutBase {
  showId: string;
  shardId: string;
  size: number;
  /** Tier names by tier index; `tierIndex` is the inverse. */
  tierNames: string[];
  tierIndex: Map<string, number>;
  /** Tier index of each unit (a general-admission shard's grows with capacity transferred in). */
  unitTier: Uint16Array;
}

export interface SeatedLayout extends LayoutBase {
  kind: 'seated';
  sectionId: string;
  seatIds: string[];
  seatIndex: Map<string, number>;
  /** Seat number of each unit: adjacent seats are consecutive numbers in one row. */
  seatNumbers: Int32Array;
  /** Shard-local row of each unit; rows are in front-to-back order. */
  unitRow: Int32Array;
  /** Units of row r are rowStart[r] .. rowStart[r + 1] - 1. */
  rowStart: Int32Array;
  rowTier: Uint16Array;
  rowCount: number;
}

export interface GeneralLayout extends LayoutBase {
  kind: 'general';
  /** Unit u is ticket number firstTicket + u. */
  firstTicket: number;
}

export type ShardLayout = SeatedLayout | GeneralLayout;

/**
 * The state of one shard, shaped for the hot path: statuses in a byte array, counters
 * kept exact by evolve, per-row counters so best-available skips full rows, and for
 * general admission a cursor plus a heap of returned numbers so picking is O(quantity).
 *
 * evolve mutates it in place and returns the same object: copying 25,000 statuses per
 * event would dominate a hot on-sale, and a shard's state is owned by exactly one queue
 * (load, decide, append, evolve), so nobody else can observe a half-applied event.
 */
export interface InventoryState {
  readonly layout: ShardLayout;
  /** Units in use: the layout's, less capacity transferred out, plus capacity transferred in (general admission). */
  size: number;
  /** Statuses and holders of units 0 .. size - 1 (longer arrays keep room for transfers in). */
  status: Uint8Array;
  /** Every hold in arrival order; a hold's index here is its slot. */
  readonly holdsInOrder: Hold[];
  /** Slot of the hold that holds (or bought) each unit, -1 for none. A typed array, because a plain array this large falls into V8's slow dictionary mode. */
  holderSlot: Int32Array;
  readonly holds: Map<string, Hold>;
  readonly expiries: ExpiryQueue;
  free: number;
  held: number;
  sold: number;
  readonly tierFree: Int32Array;
  readonly tierHeld: Int32Array;
  readonly tierSold: Int32Array;
  /** Seated only (empty for general admission). */
  readonly rowFree: Int32Array;
  readonly rowHeld: Int32Array;
  /** General admission only: every unit from here on has never been held. */
  cursor: number;
  /** General admission only: free units below the cursor. */
  returned: FreeUnitHeap;
  /** General admission only: the ticket numbers of the units, in runs by unit (one run until capacity moves). */
  readonly runs: TicketRun[];
  /** Capacity transfers this shard made, by transfer id. */
  readonly transfersOut: Map<string, TransferRecord>;
  readonly transfersIn: Map<string, TransferRecord>;
  /** When the last transfer out of / into this shard was decided (epoch ms; 0 for never). */
  lastTransferOutAt: number;
  lastTransferInAt: number;
  /** Sold tickets by ticket id, and by order: what the gates and refunds decide on. */
  readonly tickets: Map<string, TicketRecord>;
  readonly orders: Map<string, TicketRecord[]>;
  /** Sold tickets let in at a gate, and sold tickets refunded (never both: a used ticket is not refunded). */
  admitted: number;
  refunded: number;
}

/** A sold ticket as the gates see it; mutated in place by evolve. */
export interface TicketRecord {
  ticketId: string;
  orderId: string;
  customerId: string;
  chargeId?: string;
  /** Set once, by TicketAdmitted. */
  admittedAt?: string;
  gate?: string;
  /** Set once, by TicketsRefunded. */
  refundedAt?: string;
}

/** Units `unit` .. `unit + count - 1` are tickets `first` .. `first + count - 1`. */
export interface TicketRun {
  unit: number;
  first: number;
  count: number;
}

export interface TransferRecord {
  transferId: string;
  /** The other shard: where the tickets went, or where they came from. */
  shard: string;
  tickets: Array<{ first: number; count: number }>;
  count: number;
}

export function initialInventoryState(plan: ShardPlan): InventoryState {
  const layout = buildLayout(plan);
  const tiers = layout.tierNames.length;
  const tierFree = new Int32Array(tiers);
  for (let u = 0; u < layout.size; u++) tierFree[layout.unitTier[u]]++;
  const rowFree = new Int32Array(layout.kind === 'seated' ? layout.rowCount : 0);
  if (layout.kind === 'seated') {
    for (let r = 0; r < layout.rowCount; r++) rowFree[r] = layout.rowStart[r + 1] - layout.rowStart[r];
  }
  return {
    layout,
    status: new Uint8Array(layout.size),
    holdsInOrder: [],
    holderSlot: new Int32Array(layout.size).fill(-1),
    holds: new Map(),
    expiries: new ExpiryQueue(),
    free: layout.size,
    held: 0,
    sold: 0,
    tierFree,
    tierHeld: new Int32Array(tiers),
    tierSold: new Int32Array(tiers),
    rowFree,
    rowHeld: new Int32Array(rowFree.length),
    cursor: 0,
    returned: new FreeUnitHeap(layout.kind === 'general' ? layout.size : 0),
    size: layout.size,
    runs: layout.kind === 'general' ? [{ unit: 0, first: layout.firstTicket, count: layout.size }] : [],
    transfersOut: new Map(),
    transfersIn: new Map(),
    lastTransferOutAt: 0,
    lastTransferInAt: 0,
    tickets: new Map(),
    orders: new Map(),
    admitted: 0,
    refunded: 0,
  };
}

/** The ticket number of a general-admission unit. */
export function ticketNumberOf(state: InventoryState, unit: number): number {
  const runs = state.runs;
  const only = runs[0];
  if (unit >= only.unit && unit < only.unit + only.count) return only.first + (unit - only.unit);
  for (let r = 1; r < runs.length; r++) if (unit >= runs[r].unit && unit < runs[r].unit + runs[r].count) return runs[r].first + (unit - runs[r].unit);
  return -1;
}

/** The unit of a general-admission ticket number, or -1 when this shard does not have it. */
export function unitOfTicket(state: InventoryState, ticketNumber: number): number {
  for (const run of state.runs) if (ticketNumber >= run.first && ticketNumber < run.first + run.count) return run.unit + (ticketNumber - run.first);
  return -1;
}

function buildLayout(plan: ShardPlan): ShardLayout {
  if (plan.kind === 'general') {
    return {
      kind: 'general',
      showId: plan.showId,
      shardId: plan.shardId,
      size: plan.count,
      tierNames: [plan.tier],
      tierIndex: new Map([[plan.tier, 0]]),
      unitTier: new Uint16Array(plan.count),
      firstTicket: plan.firstTicket,
    };
  }
  const size = plan.units.length;
  const tierIndex = new Map<string, number>();
  const unitTier = new Uint16Array(size);
  const seatIds: string[] = new Array(size);
  const seatIndex = new Map<string, number>();
  const seatNumbers = new Int32Array(size);
  const unitRow = new Int32Array(size);
  const rowStarts: number[] = [];
  const rowTiers: number[] = [];
  let previousRow: number | undefined;
  plan.units.forEach((seat, u) => {
    let tier = tierIndex.get(seat.tier);
    if (tier === undefined) tierIndex.set(seat.tier, (tier = tierIndex.size));
    unitTier[u] = tier;
    seatIds[u] = seat.seatId;
    seatIndex.set(seat.seatId, u);
    seatNumbers[u] = seat.number;
    if (seat.rowIndex !== previousRow) {
      rowStarts.push(u);
      rowTiers.push(tier);
      previousRow = seat.rowIndex;
    }
    unitRow[u] = rowStarts.length - 1;
  });
  rowStarts.push(size);
  return {
    kind: 'seated',
    showId: plan.showId,
    shardId: plan.shardId,
    sectionId: plan.sectionId,
    size,
    tierNames: [...tierIndex.keys()],
    tierIndex,
    unitTier,
    seatIds,
    seatIndex,
    seatNumbers,
    unitRow,
    rowStart: Int32Array.from(rowStarts),
    rowTier: Uint16Array.from(rowTiers),
    rowCount: rowTiers.length,
  };
}

/** The decision-time view of a unit: a seat held by a hold past its expiry is available. */
export function isAvailableAt(state: InventoryState, unit: number, now: number): boolean {
  const status = state.status[unit];
  return status === FREE || (status === HELD && state.holdsInOrder[state.holderSlot[unit]].expiresAt <= now);
}

export function holderOf(state: InventoryState, unit: number): Hold | undefined {
  const slot = state.holderSlot[unit];
  return slot < 0 ? undefined : state.holdsInOrder[slot];
}
